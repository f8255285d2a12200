#!/usr/bin/env bash
# Issue 32, "Measured against the official SDK": one small program (list
# the users page after page, get one, PATCH it with PatchBody, send a mail)
# written twice, built cold in one run, and compared: build CPU, peak
# memory, binary size.
#
#   ours: client.go.txt against the package `gen -client` generates from the
#         en-2020-05 v1.0 pages (resources/ and api/), in a temporary module;
#   sdk:  sdk/main.go with github.com/microsoftgraph/msgraph-sdk-go v1.89.0
#         (sdk/ is a module of its own, so the generator never depends on
#         the SDK; only its go.mod and go.sum are pinned here).
#
# Each build has a cold cache for everything but the standard library: a
# fresh GOCACHE, a copy of one seeded by `go build std` and a hello world
# using net/http (same environment and flags), so only the program's own
# packages are compiled (`go build -v` lists them; the script fails if a
# standard library package is among them). Not `go build -a`, which would
# compile the standard library too. Modules are downloaded before, and the
# timed builds run with GOPROXY=off. Each build runs under GNU time -v:
# build CPU is user+sys of the `go build` process tree (the go command and
# the compile, asm and link processes it waits for), "max RSS" its largest
# process; "tree RSS" is the sum of the tree's RSS sampled every 0.2 s (the
# two compile processes `go build` runs at once on 2 cores). The binary is
# built with the default flags; its size with -ldflags='-s -w' (relinked
# from the now warm cache after the timed builds) is given too.
#
# A method the program uses that the generator no longer emits fails the
# ours build, and the script with it.
#
#   ROUNDS=n       build each side n times, alternating (default 1; the
#                  SDK's build takes minutes and several GB on 2 cores);
#                  the table has the medians
#   BENCH_TMPDIR   where the temporary folder goes
#   SDKBENCH_OUT   a folder to keep the raw output in (time -v, go build -v)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here=$repo/scripts/sdkbench
rounds=${ROUNDS:-1}
in=../shared/corpus/en-2020-05/v1.0
if [ ! -d "$in/api" ]; then
	echo "sdkbench: $in/api not found (the shared corpus lives in ../shared)" >&2
	exit 1
fi
in=$(cd "$in" && pwd)
work=$(mktemp -d -p "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}" sdkbench.XXXXXX)
work=$(cd "$work" && pwd)
trap 'rm -rf "$work"' EXIT

echo "sdkbench: $(go version), $(nproc) cores; load before: $(uptime | sed 's/.*load average/load average/')"
echo "load_before $(cut -d' ' -f1-3 /proc/loadavg)" >"$work/load.txt"

# The two programs, each in a module of its own.
gover=$(go env GOVERSION)
mkdir -p "$work/ours" "$work/sdk"
printf 'module sdkbench\n\ngo %s\n' "${gover#go}" >"$work/ours/go.mod"
go run ./cmd/gen -q -no-cache -in "$in" -out "$work/ours/graph" -pkg graph -client
cp "$here/client.go.txt" "$work/ours/main.go"
cp "$here/sdk/go.mod" "$here/sdk/go.sum" "$here/sdk/main.go" "$work/sdk/"
(cd "$work/sdk" && go mod download)
echo "sdkbench: ours: graph has $(ls "$work/ours/graph" | wc -l) files, $(cat "$work/ours/graph"/*.go | wc -l) lines"

# The seed: the standard library, compiled once.
mkdir -p "$work/seed" "$work/hello"
printf 'module hello\n\ngo %s\n' "${gover#go}" >"$work/hello/go.mod"
printf 'package main\n\nimport "net/http"\n\nfunc main() { _, _ = http.Get("https://example.com") }\n' >"$work/hello/main.go"
GOCACHE=$work/seed go build std
(cd "$work/hello" && GOCACHE=$work/seed go build -o "$work/hello.bin" .)

# tree_rss PID OUT: the peak of the summed RSS (KB) of PID and its
# descendants, sampled until PID ends.
tree_rss() {
	local root=$1 peak=0 s
	while kill -0 "$root" 2>/dev/null; do
		s=$(ps -eo pid=,ppid=,rss= | awk -v root="$root" '
			{ parent[$1] = $2; rss[$1] = $3 }
			END {
				for (p in parent) {
					q = p
					while (q != root && q in parent && q > 1) q = parent[q]
					if (q == root) sum += rss[p]
				}
				print sum + 0
			}')
		[ "$s" -gt "$peak" ] && peak=$s
		sleep 0.2
	done
	echo "$peak" >"$2"
}

# build SIDE ROUND: one cold build of SIDE, its figures appended to runs.txt.
build() {
	local side=$1 i=$2 out=$work/$1.$2
	rm -rf "$work/cache.$side"
	cp -a "$work/seed" "$work/cache.$side"
	echo "sdkbench: building $side (round $i)" >&2
	(cd "$work/$side" && GOCACHE=$work/cache.$side GOPROXY=off \
		/usr/bin/time -v -o "$out.time" go build -v -o "$work/$side.bin" .) 2>"$out.build" &
	local pid=$!
	tree_rss "$pid" "$out.tree" &
	local sampler=$!
	if ! wait "$pid"; then
		wait "$sampler" || true
		cat "$out.build" >&2
		echo "sdkbench: the $side program does not build" >&2
		exit 1
	fi
	wait "$sampler"
	# Only the program's own packages may have been compiled.
	local std
	std=$(grep -v '^#' "$out.build" | awk -F/ '$1 !~ /\./ && $1 != "sdkbench"' || true)
	if [ -n "$std" ]; then
		echo "sdkbench: $side: the build compiled standard library packages (the seed did not warm them):" >&2
		echo "$std" >&2
		exit 1
	fi
	local u s w r n
	u=$(awk -F': ' '/User time/ {print $2}' "$out.time")
	s=$(awk -F': ' '/System time/ {print $2}' "$out.time")
	w=$(awk -F': ' '/Elapsed/ {print $2}' "$out.time" | awk -F: '{print (NF == 3) ? $1*3600 + $2*60 + $3 : $1*60 + $2}')
	r=$(awk -F': ' '/Maximum resident/ {print $2}' "$out.time")
	n=$(grep -vc '^#' "$out.build" || true)
	echo "$side round $i: cpu_s=$(echo "$u + $s" | bc -l) wall_s=$w maxrss_MB=$((r / 1024)) treerss_MB=$(($(cat "$out.tree") / 1024)) packages=$n bin_MB=$(echo "$(stat -c %s "$work/$side.bin") / 1048576" | bc -l)" | tee -a "$work/runs.txt"
}

for i in $(seq "$rounds"); do
	build ours "$i"
	build sdk "$i"
done
echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)" >>"$work/load.txt"
if [ -n "${SDKBENCH_OUT:-}" ]; then
	mkdir -p "$SDKBENCH_OUT"
	cp "$work"/*.time "$work"/*.build "$work"/*.tree "$work/runs.txt" "$work/load.txt" "$SDKBENCH_OUT/"
fi

# Stripped sizes: relinked from each side's now warm cache (not timed).
for side in ours sdk; do
	(cd "$work/$side" && GOCACHE=$work/cache.$side GOPROXY=off go build -ldflags='-s -w' -o "$work/$side.stripped" .)
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
field() { grep "^$1 " "$work/runs.txt" | grep -o "$2=[0-9.]*" | cut -d= -f2 | median; }
size() { echo "$(stat -c %s "$1") / 1048576" | bc -l; }
echo
printf '| %-4s | %14s | %8s | %13s | %14s | %8s | %12s | %17s |\n' side "build CPU (s)" "wall (s)" "max RSS (MiB)" "tree RSS (MiB)" packages "binary (MiB)" "-s -w binary (MiB)"
printf '|------|---------------:|---------:|--------------:|---------------:|---------:|------------:|-----------------:|\n'
for side in ours sdk; do
	printf '| %-4s | %14.1f | %8.1f | %13d | %14d | %8d | %12.1f | %17.1f |\n' "$side" \
		"$(field $side cpu_s)" "$(field $side wall_s)" "$(field $side maxrss_MB)" "$(field $side treerss_MB)" \
		"$(field $side packages)" "$(size "$work/$side.bin")" "$(size "$work/$side.stripped")"
done
ratio() { echo "$(field sdk "$1") / $(field ours "$1")" | bc -l; }
printf '| sdk/ours | %10.1f× | %7.1f× | %12.1f× | %13.1f× | | %10.1f× | %15.1f× |\n' \
	"$(ratio cpu_s)" "$(ratio wall_s)" "$(ratio maxrss_MB)" "$(ratio treerss_MB)" \
	"$(echo "$(stat -c %s "$work/sdk.bin") / $(stat -c %s "$work/ours.bin")" | bc -l)" \
	"$(echo "$(stat -c %s "$work/sdk.stripped") / $(stat -c %s "$work/ours.stripped")" | bc -l)"
echo
printf 'for reference, a hello world calling http.Get: %.1f MiB\n' "$(size "$work/hello.bin")"
echo "goals (issue 32): build CPU sdk/ours >= 5, binary sdk/ours >= 3"
echo "sdkbench: load after: $(uptime | sed 's/.*load average/load average/')"
cat "$work/load.txt"
