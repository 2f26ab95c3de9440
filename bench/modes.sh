#!/usr/bin/env bash
# The two modes on real code: runs accentvet in the default mode and with
# -strict on copies of modules from the module cache (x/tools v0.52.0,
# cobra v1.10.2, testify v1.12.1, goldmark v1.8.7, fsnotify v1.10.1,
# go-cmp v0.7.0, unless module@version arguments say otherwise) and prints,
# per module, the findings of each analyzer that has two modes.
# Usage: bench/modes.sh [module@version...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/accentvet" ./cmd/accentvet
mods=("$@")
if [ ${#mods[@]} -eq 0 ]; then
  mods=(golang.org/x/tools@v0.52.0 github.com/spf13/cobra@v1.10.2 github.com/stretchr/testify@v1.12.1
    github.com/yuin/goldmark@v1.8.7 github.com/fsnotify/fsnotify@v1.10.1 github.com/google/go-cmp@v0.7.0)
fi
modal=$("$tmp/accentvet" help 2>&1 | sed -n 's/^Analyzers with two modes: \(.*\)\.$/\1/p' | tr -d ',')
printf '%-40s %-16s %8s %8s\n' module analyzer default strict
for m in "${mods[@]}"; do
  src="$(go env GOMODCACHE)/$m"
  [ -d "$src" ] || go mod download "$m"
  dir="$tmp/$(basename "$m")"
  cp -r "$src" "$dir" && chmod -R u+w "$dir"
  (cd "$dir" && GOFLAGS=-mod=mod "$tmp/accentvet" ./... >"$tmp/default" 2>/dev/null) || true
  (cd "$dir" && GOFLAGS=-mod=mod "$tmp/accentvet" -strict ./... >"$tmp/strict" 2>/dev/null) || true
  for a in $modal; do
    printf '%-40s %-16s %8d %8d\n' "$m" "$a" "$(grep -c "($a)\$" "$tmp/default" || true)" "$(grep -c "($a)\$" "$tmp/strict" || true)"
  done
done
