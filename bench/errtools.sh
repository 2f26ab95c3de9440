#!/usr/bin/env bash
# The reuse question of issue 12: do errorlint and errcheck -blank already
# find what errcompare, errwrapverb and errignored find? Installs
# codeberg.org/polyfloyd/go-errorlint@v1.9.1 (the module's current path; its
# github.com path ends at v1.8.0) and github.com/kisielk/errcheck@v1.30.0
# into a temporary GOBIN (no change to any go.mod), then runs them and
# accentvet on the same code and compares the sets of file:line:
#   - the course: every exercise's solution and each wrong variant
#     (exercises/*/*/wrong/*, laid over the solution), build constraint dropped,
#     accentvet in -strict mode (the grader's);
#   - real modules (default: the ten of bench/triage.sh), accentvet in its
#     default mode.
# Pairs: errcompare ~ errorlint's comparison and assertion findings,
# errwrapverb ~ errorlint -errorf's, errignored ~ errcheck -blank.
# TOPIC=04-errors limits the course to one topic.
# Usage: bench/errtools.sh [course|modules] [module@version...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
what=${1:-course}
shift || true
cd "$root"
go build -o "$tmp/accentvet" ./cmd/accentvet
GOBIN="$tmp" GOFLAGS=-mod=mod go install codeberg.org/polyfloyd/go-errorlint@v1.9.1
GOBIN="$tmp" GOFLAGS=-mod=mod go install github.com/kisielk/errcheck@v1.30.0

# keys FILE PATTERN: file:line of the lines of FILE matching PATTERN,
# paths made relative.
keys() { { grep -E "$2" "$1" || true; } | sed -E 's#^(\./)?##; s#^([^:]+):([0-9]+):.*#\1:\2#' | sort -u; }

# run DIR LABEL STRICT TAGS: the three tools on ./... in DIR, outputs in $tmp/res/LABEL.*
run() {
  local dir=$1 label=${2//\//_} strict=$3 tags=$4
  mkdir -p "$tmp/res"
  (cd "$dir" && GOFLAGS=-mod=mod "$tmp/accentvet" $strict ${tags:+-tags $tags} ./... 2>&1 | sed "s#^$dir/##" >"$tmp/res/$label.ours") || true
  (cd "$dir" && GOFLAGS=-mod=mod "$tmp/go-errorlint" -errorf ${tags:+-tags $tags} ./... 2>&1 | sed "s#^$dir/##" >"$tmp/res/$label.errorlint") || true
  (cd "$dir" && GOFLAGS=-mod=mod "$tmp/errcheck" -blank ${tags:+-tags $tags} ./... 2>&1 | sed "s#^$dir/##" >"$tmp/res/$label.errcheck") || true
}

# compare LABEL: the three pairs for one run, as counts ours/theirs/both.
compare() {
  local r="$tmp/res/${1//\//_}"
  keys "$r.ours" '\(errcompare\)$' >"$r.a1"; keys "$r.errorlint" 'comparing with|type assertion|type switch|switch on an error' >"$r.b1"
  keys "$r.ours" '\(errwrapverb\)$' >"$r.a2"; keys "$r.errorlint" 'non-wrapping format verb' >"$r.b2"
  keys "$r.ours" '\(errignored\)$' >"$r.a3"; keys "$r.errcheck" '^[^ ]+:[0-9]+:[0-9]+:' >"$r.b3"
  local n=()
  for i in 1 2 3; do
    n+=("$(wc -l <"$r.a$i")" "$(wc -l <"$r.b$i")" "$(comm -12 "$r.a$i" "$r.b$i" | wc -l)")
  done
  printf '%-48s  %4d %4d %4d  %4d %4d %4d  %4d %4d %4d\n' "$1" "${n[@]}"
  for i in 1 2 3; do
    comm -23 "$r.a$i" "$r.b$i" | sed "s#^#  only-ours[$i] $1 #"
    comm -13 "$r.a$i" "$r.b$i" | sed "s#^#  only-theirs[$i] $1 #"
  done >>"$tmp/diffs"
}

printf '%-48s  %-14s  %-14s  %-14s\n' "" "errcompare/" "errwrapverb/" "errignored/"
printf '%-48s  %-14s  %-14s  %-14s\n' "run" "errorlint cmp" "errorlint %w" "errcheck -blank"
printf '%-48s  %4s %4s %4s  %4s %4s %4s  %4s %4s %4s\n' "" ours thrs both ours thrs both ours thrs both
: >"$tmp/diffs"
if [ "$what" = course ]; then
  for ex in exercises/${TOPIC:-*}/*/; do
    ex=${ex%/}
    [ -d "$ex/solution" ] || continue
    variants=(solution)
    for w in "$ex"/wrong/*/; do [ -d "$w" ] && variants+=("wrong/$(basename "$w")"); done
    for v in "${variants[@]}"; do
      d="$tmp/ex/$(echo "$ex/$v" | tr / _)"
      mkdir -p "$d"
      printf 'module ex\n\ngo 1.26\n' >"$d/go.mod"
      find "$ex" -maxdepth 1 -name '*.go' -exec cp {} "$d/" \;
      cp "$ex"/solution/*.go "$d/"
      [ "$v" = solution ] || cp "$ex/$v"/*.go "$d/"
      # errorlint takes no -tags: drop the course's build constraint instead.
      sed -i '/^\/\/go:build accent$/d' "$d"/*.go
      run "$d" "$ex/$v" -strict ""
      compare "$ex/$v"
    done
  done | tee "$tmp/rows"
else
  mods=("$@")
  if [ ${#mods[@]} -eq 0 ]; then
    mods=(github.com/spf13/cobra@v1.10.2 go.etcd.io/bbolt@v1.5.0 github.com/hashicorp/raft@v1.8.0
      github.com/prometheus/client_golang@v1.25.0 github.com/nats-io/nats.go@v1.56.0 google.golang.org/grpc@v1.85.0
      github.com/redis/go-redis/v9@v9.23.0 github.com/jackc/pgx/v5@v5.13.0 go.uber.org/zap@v1.28.0
      github.com/robfig/cron/v3@v3.0.1)
  fi
  for m in "${mods[@]}"; do
    src="$(go env GOMODCACHE)/$m"
    [ -d "$src" ] || go mod download "$m"
    d="$tmp/mod/$(echo "${m%@*}" | tr / _)"
    mkdir -p "$tmp/mod" && cp -r "$src" "$d" && chmod -R u+w "$d"
    run "$d" "$m" "" ""
    compare "$m"
  done | tee "$tmp/rows"
fi
awk '{ for (i = 2; i <= 10; i++) s[i] += $i } END { printf "%-48s  %4d %4d %4d  %4d %4d %4d  %4d %4d %4d\n", "total", s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10] }' "$tmp/rows"
echo "-- findings of one side only, [1] errcompare/errorlint, [2] errwrapverb/errorlint -errorf, [3] errignored/errcheck -blank:"
cat "$tmp/diffs"
