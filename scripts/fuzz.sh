#!/usr/bin/env bash
# Runs every fuzz target for the given time each (default 30s).
# go test -fuzz takes one target per run, so they run one after another.
set -euo pipefail
cd "$(dirname "$0")/.."
time=${1:-30s}
targets=(
	"./parser FuzzParse"
	"./schema FuzzResolve"
	"./emitter FuzzPipeline"
)
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "fuzz $name ($pkg) for $time"
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "$time" -fuzzminimizetime 100x "$pkg"
done
