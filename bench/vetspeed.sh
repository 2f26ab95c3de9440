#!/usr/bin/env bash
# Speed and memory of accentvet against go vet on the same code, in the same
# run: wall time and peak resident memory of the whole process tree.
# The build cache is warm (a first untimed go vet builds it); analysis
# results are never cached: every run passes a new -printf.funcs value,
# which changes the key of every vet action.
# Usage: bench/vetspeed.sh [DIR] [COUNT]
#   DIR defaults to a copy of golang.org/x/tools v0.52.0 from the module cache.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/accentvet" ./cmd/accentvet
go build -o "$tmp/treerss" ./bench/treerss
dir=${1:-}
if [ -z "$dir" ]; then
  src="$(go env GOMODCACHE)/golang.org/x/tools@v0.52.0"
  [ -d "$src" ] || (cd "$root" && go mod download golang.org/x/tools@v0.52.0)
  cp -r "$src" "$tmp/xtools" && chmod -R u+w "$tmp/xtools"
  dir="$tmp/xtools"
fi
cd "$dir"
go vet ./... >/dev/null 2>&1 || true # warm the build cache
"$tmp/accentvet" ./... >/dev/null 2>&1 || true
for i in $(seq "$count"); do
  n="bench$RANDOM$i"
  "$tmp/treerss" -label "go_vet" -- go vet -printf.funcs="$n" ./... 2>/dev/null
  "$tmp/treerss" -label "accentvet" -- "$tmp/accentvet" -printf.funcs="$n" ./... 2>/dev/null
done | tee "$tmp/runs"
awk '
  { t[$1] = t[$1] " " $2; m[$1] = m[$1] " " $3 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { x = a[i]; a[i] = a[j]; a[j] = x }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    printf "median wall: go vet %.2fs, accentvet %.2fs -> %.2fx (target <= 1.3x)\n", median(t["go_vet"]), median(t["accentvet"]), median(t["accentvet"]) / median(t["go_vet"])
    printf "median peak tree RSS: go vet %.0f MiB, accentvet %.0f MiB -> %.2fx (target <= 1.3x)\n", median(m["go_vet"]), median(m["accentvet"]), median(m["accentvet"]) / median(m["go_vet"])
  }' "$tmp/runs"
