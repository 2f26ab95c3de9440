#!/usr/bin/env bash
# Mutation testing of the course's tests: mutates each exercise's reference
# solution (exercises/NN-topic/slug/solution/*.go) one small change at a
# time and grades every mutant with accent's grader (the exercise's tests,
# leak check, checks, -race and timeout). Reads the course on disk, so edits
# are seen without rebuilding accent. Exit 1: an exercise is under --min, its
# solution does not pass, or a mutant could not be graded; 2: bad input.
# Usage: bash bench/mutation.sh [-j N] [--json] [--min PCT] [--list] [--match TEXT] [-v] [EXERCISE|TOPIC...]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/mutation" ./bench/mutation
"$tmp/mutation" "$@"
