#!/usr/bin/env bash
# Checks the README's install on a scratch module: the module required
# through a replace to this clone, gen as a tool (go tool gen), a package
# generated from docs-input that builds; and go install from the clone.
set -euo pipefail
clone=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/graphgen-user" && cd "$scratch/graphgen-user"
ln -s "$clone" ../graphgen
go mod init example.com/app >/dev/null 2>&1
# The README's two commands, as written there.
go mod edit -replace github.com/docgen/graphgen=../graphgen -require github.com/docgen/graphgen@v0.0.0 -tool github.com/docgen/graphgen/cmd/gen
go mod tidy
go tool gen -q -in "$clone/docs-input" -out internal/models
go build ./...
go vet ./...
GOBIN="$scratch/bin" go -C "$clone" install ./cmd/gen
"$scratch/bin/gen" -q -in "$clone/docs-input" -out "$scratch/installed/models"
echo "install-check: go tool gen through a replace, and go install from the clone: ok"
