#!/usr/bin/env bash
# Recall on upstream GoBench: builds accentvet and runs it on the 68
# blocking kernels of a GoBench snapshot (github.com/timmyyuan/gobench,
# gobench/goker/blocking), counting the kernels with a leak or blocking
# finding at the buggy site the kernel's README names, per bug class.
# The rule is in bench/gokerscore/upstream.go.
# Usage: bench/gobench.sh SNAPSHOT [-v]
#   SNAPSHOT: a GoBench checkout, or a git directory (bare or .git), read
#   with git archive; -v lists every kernel and its findings.
set -euo pipefail
if [ $# -lt 1 ]; then
	echo "usage: bench/gobench.sh SNAPSHOT [-v]" >&2
	exit 2
fi
snapshot=$(realpath "$1")
shift
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/accentvet
go build -o "$bin" ./cmd/accentvet
go run ./bench/gokerscore -accentvet "$bin" -gobench "$snapshot" "$@"
