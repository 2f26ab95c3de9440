#!/usr/bin/env bash
# Recall on GoKer: builds accentvet and runs it on the 63 blocking-bug
# kernels that ship with Go, counting the kernels that get a leak or
# blocking finding inside a leaking function, per bug class.
# Usage: bench/goker.sh [-v]   (-v lists every kernel and its findings)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/accentvet
go build -o "$bin" ./cmd/accentvet
go run ./bench/gokerscore -accentvet "$bin" "$@"
