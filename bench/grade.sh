#!/usr/bin/env bash
# Grading latency: accent's pipeline against a bare `go test -count=1` and
# against `go vet` + `go test -race`, on the same exercise in the same run.
# Prints the median of each and the ratios. Usage: bench/grade.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10}
out=$(go test -run '^$' -bench '^BenchmarkGradeLatency$' -benchtime 2x -count "$count" ./internal/grade/)
echo "$out" | grep '^Benchmark'
echo "$out" | awk '
  /^BenchmarkGradeLatency\// {
    split($1, parts, "/"); name = parts[2]; sub(/-[0-9]+$/, "", name)
    v[name] = v[name] " " $3
  }
  function median(s,   a, n, i, j, t) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    acc = median(v["accent"]); bare = median(v["gotest"]); hand = median(v["vet+race"])
    printf "median accent grade      %7.0f ms\n", acc / 1e6
    printf "median go test -count=1  %7.0f ms\n", bare / 1e6
    printf "median go vet + -race    %7.0f ms\n", hand / 1e6
    printf "accent / go test         %7.2fx  (target <= 1.3x)\n", acc / bare
    printf "accent / vet + race      %7.2fx\n", acc / hand
  }'
