#!/usr/bin/env bash
# Builds golangci-lint with accent's module plugin the way
# `golangci-lint custom` does (it clones golangci-lint at the version of
# .custom-gcl.yml, writes a blank import of each plugin into
# cmd/golangci-lint/plugins.go, adds the plugin to go.mod, runs go mod tidy
# and go build ./cmd/golangci-lint), from the module proxy instead of a git
# clone, with the plugin taken from this checkout (as `path:` does). Then it
# runs the binary on a small module with the `accent` linter enabled and
# checks what it reports. It fails loudly if the build or the findings are
# wrong.
#
# Usage: bash checker/golangci/buildtest.sh [VERSION...]
# Default: the oldest and the newest golangci-lint v2 release the README
# documents. Needs the Go module proxy (or a module cache that has them).
set -euo pipefail
versions=("$@")
if [ ${#versions[@]} -eq 0 ]; then versions=(v2.5.0 v2.15.0); fi
checker=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# Outside any workspace, as a user's build is; GOFLAGS from the caller
# (-mod=mod in CI) would only hide a go.mod that go mod tidy left wrong.
export GOWORK=off GOFLAGS=

# The module to lint: one time.Time compared with == (timeequal), its
# silent twin, and an ignored error (errignored).
mkdir -p "$tmp/sample"
cat >"$tmp/sample/go.mod" <<'MOD'
module sample

go 1.26
MOD
cat >"$tmp/sample/sample.go" <<'GO'
// Package sample is linted by the custom golangci-lint.
package sample

import (
	"os"
	"time"
)

// Same compares two times the wrong way.
func Same(t, u time.Time) bool {
	return t == u
}

// SameInstant compares them the right way.
func SameInstant(t, u time.Time) bool {
	return t.Equal(u)
}

// Clean leaves the error of os.Remove unread.
func Clean(path string) {
	os.Remove(path)
}
GO
config() { # config SETTINGS_YAML
  cat <<YML
version: "2"
linters:
  default: none
  enable: [accent]
  settings:
    custom:
      accent:
        type: module
        description: accent's checker
$1
YML
}
config "" >"$tmp/default.yml"
config "        settings:
          disable: [errignored]" >"$tmp/disable.yml"

# lint VERSION CONFIG: the findings of the accent linter, one per line.
lint() {
  local out status=0
  out=$(cd "$tmp/sample" && "$tmp/$1/golangci-lint" run --config "$2" --output.text.path stdout --output.text.print-issued-lines=false --show-stats=false ./... 2>&1) || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "golangci-lint $1 run --config $(basename "$2") failed (exit $status):" >&2
    echo "$out" >&2
    return 1
  fi
  echo "$out"
}

# expect VERSION CONFIG PATTERN... : exactly these findings.
expect() {
  local v=$1 cfg=$2 out n
  shift 2
  out=$(lint "$v" "$cfg")
  n=$(grep -c '(accent)$' <<<"$out" || true)
  for pat in "$@"; do
    if ! grep -q -- "$pat" <<<"$out"; then
      echo "FAIL: golangci-lint $v with $(basename "$cfg") does not report: $pat" >&2
      echo "$out" >&2
      exit 1
    fi
  done
  if [ "$n" -ne $# ]; then
    echo "FAIL: golangci-lint $v with $(basename "$cfg") reports $n accent findings, want $#:" >&2
    echo "$out" >&2
    exit 1
  fi
  echo "$out" | sed 's/^/    /'
}

for v in "${versions[@]}"; do
  echo "== golangci-lint $v with the accent plugin"
  src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$v" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [ -z "$src" ]; then echo "FAIL: go mod download github.com/golangci/golangci-lint/v2@$v" >&2; exit 1; fi
  cp -R "$src" "$tmp/$v"
  chmod -R u+w "$tmp/$v"
  (
    cd "$tmp/$v"
    printf 'package main\n\nimport (\n\t_ "github.com/accent-go/accent/checker/golangci"\n)\n' >cmd/golangci-lint/plugins.go
    go mod edit -replace "github.com/accent-go/accent/checker=$checker"
    go mod tidy
    # -trimpath: the build cache then serves golangci-lint's own packages
    # again on the next run, though each run copies them to a new directory.
    if ! go build -trimpath -o golangci-lint ./cmd/golangci-lint; then
      echo "FAIL: golangci-lint $v does not build with the accent plugin" >&2
      exit 1
    fi
  )
  expect "$v" "$tmp/default.yml" 'sample.go:11:9: .*on time.Time compares' 'sample.go:21:.*os.Remove'
  expect "$v" "$tmp/disable.yml" 'sample.go:11:9: .*on time.Time compares'
done
echo "ok: the accent plugin builds into golangci-lint ${versions[*]} and reports its findings"
