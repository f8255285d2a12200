#!/usr/bin/env bash
# The codec benchmark of issue 28 (see BENCHMARKS.md, "The generated
# package's codec"). In a temporary module it:
#   - generates the package for user, message, fileAttachment, event and
#     driveItem from en-2020-05/v1.0/resources (gen -types);
#   - writes plain structs with the same typed fields by reflection on the
#     generated types (plaingen.go.txt);
#   - runs the benchmark (bench_test.go.txt) on five payloads read from the
#     API pages at run time (payloads.go.txt), COUNT times (default 6), one
#     process per run so that both sides share the machine's moods;
#   - decodes a 1M-element interface collection (about 32 MB) once per side
#     and per round (ROUNDS, default 3), each in a process of its own under
#     /usr/bin/time, for the peak memory (mem.go.txt);
#   - with CODEC_SDK=1, runs the official SDK's side too (sdk/, a module of
#     its own: msgraph-sdk-go v1.89.0 with Kiota's JSON; its models package
#     takes minutes and about 4.6 GB to build the first time);
#   - prints the medians and ratios (summary.go.txt).
# The *.go.txt files are templates so that the main module never compiles
# them. CODEC_OUT=DIR keeps the raw outputs there; BENCH_TMPDIR sets where
# the temporary module goes.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/codecbench
corpus=../shared/corpus/en-2020-05/v1.0
if [ ! -d "$corpus/api" ] || [ ! -d "$corpus/resources" ]; then
	echo "codecbench: skipped: $corpus not found (the shared corpus lives in ../shared)" >&2
	exit 0
fi
api=$(cd "$corpus/api" && pwd)
count=${COUNT:-6}
rounds=${ROUNDS:-3}
work=$(mktemp -d -p "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}" codecbench.XXXXXX)
work=$(cd "$work" && pwd)
trap 'rm -rf "$work"' EXIT

go run ./cmd/gen -q -no-cache -in "$corpus/resources" -out "$work/models" \
	-types microsoft.graph.user,microsoft.graph.message,microsoft.graph.fileAttachment,microsoft.graph.event,microsoft.graph.driveItem
gover=$(go env GOVERSION)
printf 'module codecbench\n\ngo %s\n' "${gover#go}" >"$work/go.mod"
mkdir -p "$work/payloads" "$work/plain" "$work/bench" "$work/cmd/plaingen" "$work/cmd/mem" "$work/cmd/summary" "$work/cmd/big"
cp "$here/payloads.go.txt" "$work/payloads/payloads.go"
cp "$here/plaingen.go.txt" "$work/cmd/plaingen/main.go"
cp "$here/bench_test.go.txt" "$work/bench/bench_test.go"
cp "$here/mem.go.txt" "$work/cmd/mem/main.go"
cp "$here/summary.go.txt" "$work/cmd/summary/main.go"
cat >"$work/cmd/big/main.go" <<'GO'
package main

import (
	"os"

	"codecbench/payloads"
)

func main() { os.Stdout.Write(payloads.Big(1_000_000)) }
GO
(
	cd "$work"
	go run ./cmd/plaingen plain/plain.go
	go vet ./...
	go test -c -o bench.test ./bench
	go build -o mem ./cmd/mem
	go build -o summary ./cmd/summary
	go run ./cmd/big >big.json
)

results=("$work/codec.txt")
if [ "${CODEC_SDK:-}" = 1 ]; then
	mkdir -p "$work/sdk/payloads"
	cp "$here/sdk/go.mod" "$here/sdk/go.sum" "$here/sdk/bench_test.go" "$work/sdk/"
	cp "$here/payloads.go.txt" "$work/sdk/payloads/payloads.go"
	echo "codecbench: building the SDK's benchmark (the first build of its models package takes minutes)" >&2
	(cd "$work/sdk" && go test -c -o sdk.test .)
	results+=("$work/sdk.txt")
fi
# Runs alternate between the sides' binaries, so that each run of one has
# a run of the other beside it on a shared machine.
: >"$work/codec.txt"
for i in $(seq "$count"); do
	echo "codecbench: run $i of $count" >&2
	CODEC_API=$api "$work/bench.test" -test.run '^$' -test.bench . -test.benchmem -test.count 1 >>"$work/codec.txt"
	if [ "${CODEC_SDK:-}" = 1 ]; then
		CODEC_API=$api "$work/sdk/sdk.test" -test.run '^$' -test.bench . -test.benchmem -test.count 1 >>"$work/sdk.txt"
	fi
done

# Peak memory: a process per side and round, alternating.
: >"$work/mem.txt"
for i in $(seq "$rounds"); do
	for side in gen plain; do
		/usr/bin/time -f "$side maxrss_KB=%M user_s=%U sys_s=%S" -a -o "$work/mem.txt" \
			"$work/mem" "$side" "$work/big.json" >>"$work/mem.txt"
	done
done

"$work/summary" "${results[@]}"
echo
echo "1M-element Collection[AnyAttachment] (each side ${rounds} processes; medians):"
echo
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { grep "^$1 " "$work/mem.txt" | grep -o "$2=[0-9.]*" | cut -d= -f2 | median; }
echo "| side | peak RSS (MB) | decode (s) | allocated (MB) | heap in use after GC (MB) | Sys (MB) |"
echo "|---|---:|---:|---:|---:|---:|"
for side in gen plain; do
	printf '| %s | %.0f | %.2f | %.0f | %.0f | %.0f |\n' "$side" \
		"$(echo "$(field "$side" maxrss_KB) / 1024" | bc -l)" "$(field "$side" decode_s)" \
		"$(field "$side" alloc_MB)" "$(field "$side" heapinuse_after_gc_MB)" "$(field "$side" sys_MB)"
done
g=$(field gen maxrss_KB)
p=$(field plain maxrss_KB)
printf '\npeak RSS gen / plain: %.2f× (goal ≤ 2×)\n' "$(echo "$g / $p" | bc -l)"
if command -v benchstat >/dev/null; then
	echo
	benchstat -col /side "$work/codec.txt" || true
fi
if [ -n "${CODEC_OUT:-}" ]; then
	mkdir -p "$CODEC_OUT"
	cp "$work"/codec.txt "$work"/mem.txt "$CODEC_OUT/"
	[ -f "$work/sdk.txt" ] && cp "$work/sdk.txt" "$CODEC_OUT/"
	cp "$work/plain/plain.go" "$CODEC_OUT/plain.go.out"
fi
