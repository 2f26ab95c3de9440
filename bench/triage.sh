#!/usr/bin/env bash
# Precision triage on real code: runs accentvet in the default mode (and,
# with -strict as first argument, in the strict mode) on copies of modules
# from the module cache and prints, per module, the findings of each
# accent analyzer, then every finding of the leak, lock, channel, time and
# context analyzers, and a seeded random sample of each error analyzer's
# findings (SAMPLE per module, default 20; SEED, default 12), the input of
# the tables in bench/triage.md. OUT=dir keeps the raw outputs there.
# Usage: bench/triage.sh [-strict] [module@version...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strict=""
if [ "${1:-}" = "-strict" ]; then strict="-strict"; shift; fi
sample=${SAMPLE:-20}
seed=${SEED:-12}
out=${OUT:-$tmp/out}
mkdir -p "$out"
cd "$root"
go build -o "$tmp/accentvet" ./cmd/accentvet
mods=("$@")
if [ ${#mods[@]} -eq 0 ]; then
  mods=(github.com/spf13/cobra@v1.10.2 go.etcd.io/bbolt@v1.5.0 github.com/hashicorp/raft@v1.8.0
    github.com/prometheus/client_golang@v1.25.0 github.com/nats-io/nats.go@v1.56.0 google.golang.org/grpc@v1.85.0
    github.com/redis/go-redis/v9@v9.23.0 github.com/jackc/pgx/v5@v5.13.0 go.uber.org/zap@v1.28.0
    github.com/robfig/cron/v3@v3.0.1)
fi
ours=$("$tmp/accentvet" -list | awk '/^[a-z]+:$/ { fam = $1 } /^  / && fam != "vet:" && fam != "directives:" { print $1 }')
errs="errignored errcompare errwrapverb erroverwrite recovercatchall"
all='chanleak|unclosedrange|foreverselect|doublelock|unlockpath|lockorder|blockunderlock|waitgroupmisuse|tickerleak|durationunit|monthindex|timeequal|timelayout|parsezone|unixelapsed|dstday|ctxbackground|ctxfield'
for m in "${mods[@]}"; do
  src="$(go env GOMODCACHE)/$m"
  [ -d "$src" ] || go mod download "$m"
  name=$(echo "${m%@*}" | tr / _)
  dir="$tmp/src/$name"
  mkdir -p "$tmp/src"
  cp -r "$src" "$dir" && chmod -R u+w "$dir"
  (cd "$dir" && GOFLAGS=-mod=mod "$tmp/accentvet" $strict ./... 2>&1 | sed "s#^$dir/##" >"$out/$name.txt") || true
done
printf '%-16s' analyzer
for m in "${mods[@]}"; do n=${m%@*}; printf ' %8.8s' "${n##*/}"; done
echo
for a in $ours; do
  printf '%-16s' "$a"
  for m in "${mods[@]}"; do
    name=$(echo "${m%@*}" | tr / _)
    printf ' %8d' "$(grep -c "($a)\$" "$out/$name.txt" || true)"
  done
  echo
done
for m in "${mods[@]}"; do
  name=$(echo "${m%@*}" | tr / _)
  echo "== $m: leak, lock, channel, time and context findings"
  grep -E "\(($all)\)\$" "$out/$name.txt" || echo "(none)"
  for a in $errs; do
    echo "== $m: $a, sample of $sample (seed $seed) out of $(grep -c "($a)\$" "$out/$name.txt" || true)"
    grep "($a)\$" "$out/$name.txt" | shuf -n "$sample" --random-source=<(yes "$seed") | sort || true
  done
done
