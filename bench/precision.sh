#!/usr/bin/env bash
# Precision on real code: runs accentvet on a copy of golang.org/x/tools
# v0.52.0 (from the module cache) and on this project, and prints the
# number of findings per accent analyzer (go vet's own suite left out), then
# every finding of the analyzers of the leaks, channels, time and context
# families (as accentvet -list groups them, so a new one is included).
# Usage: bench/precision.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/accentvet" ./cmd/accentvet
src="$(go env GOMODCACHE)/golang.org/x/tools@v0.52.0"
[ -d "$src" ] || go mod download golang.org/x/tools@v0.52.0
cp -r "$src" "$tmp/xtools" && chmod -R u+w "$tmp/xtools"
ours=$("$tmp/accentvet" -list | awk '/^[a-z]+:$/ { fam = $1 } /^  / && fam != "vet:" && fam != "directives:" { print $1 }')
# The analyzers whose findings are printed in full: every analyzer of the
# leaks, channels, time and context families, as accentvet -list groups them.
shown=$("$tmp/accentvet" -list | awk '/^[a-z]+:$/ { fam = $1 } /^  / && (fam == "leaks:" || fam == "channels:" || fam == "time:" || fam == "context:") { print $1 }' | paste -sd'|')
[ -n "$shown" ] || { echo "precision.sh: accentvet -list names no leaks, channels, time or context analyzer" >&2; exit 1; }
for target in "$tmp/xtools" "$root"; do
  echo "== $( [ "$target" = "$root" ] && echo accent || echo golang.org/x/tools v0.52.0 )"
  # accent is two modules (the root and checker/, one workspace by go.work).
  pkgs=(./...)
  if [ "$target" = "$root" ]; then pkgs=(./... ./checker/...); fi
  (cd "$target" && "$tmp/accentvet" "${pkgs[@]}" >"$tmp/out" 2>/dev/null) || true
  for a in $ours; do
    printf '%-16s %5d\n' "$a" "$(grep -c "($a)\$" "$tmp/out" || true)"
  done
  echo "-- leak, blocking, time and context findings:"
  grep -E "\\(($shown)\\)\$" "$tmp/out" || echo "(none)"
done
