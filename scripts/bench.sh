#!/usr/bin/env bash
# End-to-end timing, as the performance issue asks, in one run:
#   (a) gen on both bilingual-ru-2020-10 folders (output written to a fresh
#       temporary folder, run cache off) and (b) a bare goldmark parse of the
#       same pages (GFM extension, all cores, nothing else), alternated,
#       ROUNDS times (default 3); the ratio a/b is the median of the runs;
#   the same for half of the pages (every other file), to show growth;
#   a no-op rerun (nothing changed, run cache on) against a full run;
#   peak memory of a full run (GNU time -v);
#   the CPU (user+system) of a full run against the goldmark parse;
#   one page edited (a description, then a row's name) against a -no-cache
#   full run into the same output folder.
# BENCH_TMPDIR sets where temporary folders go (default: $TMPDIR or /tmp).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus/bilingual-ru-2020-10
if [ ! -d "$corpus" ]; then
	echo "bench.sh: skipped: $corpus not found (the shared corpus lives in ../shared)" >&2
	exit 0
fi
rounds=${ROUNDS:-3}
work=$(mktemp -d -p "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}" gen-bench.XXXXXX)
work=$(cd "$work" && pwd)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gen" ./cmd/gen
go build -o "$work/mdbaseline" ./scripts/mdbaseline

# Half of the pages: every other file of each folder.
for v in beta v1.0; do
	mkdir -p "$work/half/$v/resources"
	ls "$corpus/$v/resources" | awk 'NR % 2 == 1' | while read -r f; do
		cp "$corpus/$v/resources/$f" "$work/half/$v/resources/"
	done
done

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

run_gen() { # root out [flags...]
	local root=$1 out=$2; shift 2
	# The run cache goes to a folder of the benchmark's own.
	XDG_CACHE_HOME="$work/cache" "$work/gen" -q "$@" -in "$root/beta/resources" -out "$out/beta" &&
		XDG_CACHE_HOME="$work/cache" "$work/gen" -q "$@" -in "$root/v1.0/resources" -out "$out/v1"
}

declare -A a b
for size in full half; do
	root=$corpus
	[ "$size" = half ] && root=$work/half
	for i in $(seq "$rounds"); do
		t0=$(now); "$work/mdbaseline" "$root/beta/resources" "$root/v1.0/resources" >/dev/null; t1=$(now)
		b[$size]+="$(secs "$t0" "$t1") "
		t0=$(now); run_gen "$root" "$work/out-$size-$i" -no-cache; t1=$(now)
		a[$size]+="$(secs "$t0" "$t1") "
	done
done

# No-op reruns: fill the cache with one run, then rerun unchanged.
run_gen "$corpus" "$work/out-noop"
noop=""
for i in $(seq "$rounds"); do
	t0=$(now); run_gen "$corpus" "$work/out-noop"; t1=$(now)
	noop+="$(secs "$t0" "$t1") "
done

# Peak memory of a full run of the larger folder.
/usr/bin/time -v "$work/gen" -q -no-cache -in "$corpus/beta/resources" -out "$work/out-mem/beta" 2>"$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")

pages_full=$(find "$corpus/beta/resources" "$corpus/v1.0/resources" -name '*.md' | wc -l)
pages_half=$(find "$work/half" -name '*.md' | wc -l)
ma_full=$(echo ${a[full]} | tr ' ' '\n' | median); mb_full=$(echo ${b[full]} | tr ' ' '\n' | median)
ma_half=$(echo ${a[half]} | tr ' ' '\n' | median); mb_half=$(echo ${b[half]} | tr ' ' '\n' | median)
m_noop=$(echo $noop | tr ' ' '\n' | median)

printf '%s, %s cores, %s\n' "$(date -u +%Y-%m-%d)" "$(nproc)" "$(go version | cut -d' ' -f3)"
printf 'output folder: %s\n' "$work"
printf '| pages | gen a (s), runs | goldmark b (s), runs | median a | median b | a/b |\n|---|---|---|---|---|---|\n'
printf '| %d (full) | %s | %s | %.3f | %.3f | %.2f |\n' "$pages_full" "${a[full]}" "${b[full]}" "$ma_full" "$mb_full" "$(echo "$ma_full / $mb_full" | bc -l)"
printf '| %d (half) | %s | %s | %.3f | %.3f | %.2f |\n' "$pages_half" "${a[half]}" "${b[half]}" "$ma_half" "$mb_half" "$(echo "$ma_half / $mb_half" | bc -l)"
printf 'no-op rerun (both folders): runs %s median %.3f s = %.1f%% of a full run\n' "$noop" "$m_noop" "$(echo "100 * $m_noop / $ma_full" | bc -l)"
printf 'peak memory, full run of beta (2462 pages): %d MB\n' "$((peak / 1024))"

# CPU, not only wall: user+system time of a full -no-cache run of both
# folders against the bare goldmark parse, ROUNDS times alternated.
cpu_a=""; cpu_b=""
for i in $(seq "$rounds"); do
	/usr/bin/time -f "%U %S" -o "$work/cpu.txt" "$work/mdbaseline" "$corpus/beta/resources" "$corpus/v1.0/resources" >/dev/null
	cpu_b+="$(awk '{print $1 + $2}' "$work/cpu.txt") "
	/usr/bin/time -f "%U %S" -o "$work/cpu.txt" bash -c "$(declare -f run_gen); work=$work; run_gen $corpus $work/out-cpu-$i -no-cache"
	cpu_a+="$(awk '{print $1 + $2}' "$work/cpu.txt") "
done
mca=$(echo $cpu_a | tr ' ' '\n' | median); mcb=$(echo $cpu_b | tr ' ' '\n' | median)
printf 'CPU (user+sys), full run of both folders: gen %s goldmark %s; medians %.3f / %.3f s = %.2f\n' "$cpu_a" "$cpu_b" "$mca" "$mcb" "$(echo "$mca / $mcb" | bc -l)"

# One page edited: a rerun with the caches after one page of the beta folder
# changed, against a -no-cache full run into the same output folder,
# alternated ROUNDS times; for two edits a doc author makes: a row's
# description (prose: the last resolved schema takes the new text), and a
# row's name (structure: every page is resolved again).
# The copies keep the pages' times: pages saved a second before a run are
# read again whatever their size and time say (the racy window).
cp -r --preserve=timestamps "$corpus/beta/resources" "$work/edit-in"
XDG_CACHE_HOME="$work/cache" "$work/gen" -q -in "$work/edit-in" -out "$work/edit_out"
edit_page() { # kind round
	case $1 in
	prose) sed -i "s/The name displayed in the address book for the user[^.]*\./The name displayed in the address book for the user (edit $2)./" "$work/edit-in/user.md"
		grep -q "(edit $2)" "$work/edit-in/user.md" ;;
	row) sed -i "s/data-stu-id=\"d7e17-434\">aboutMe[0-9]*</data-stu-id=\"d7e17-434\">aboutMe$2</" "$work/edit-in/user.md"
		grep -q ">aboutMe$2<" "$work/edit-in/user.md" ;;
	esac || { echo "bench.sh: the $1 edit of user.md did not apply" >&2; exit 1; }
}
for kind in prose row; do
	one=""; full=""
	for i in $(seq "$rounds"); do
		edit_page "$kind" "$i"
		t0=$(now); XDG_CACHE_HOME="$work/cache" "$work/gen" -q -in "$work/edit-in" -out "$work/edit_out"; t1=$(now)
		one+="$(secs "$t0" "$t1") "
		t0=$(now); XDG_CACHE_HOME="$work/cache" "$work/gen" -q -no-cache -in "$work/edit-in" -out "$work/edit_out"; t1=$(now)
		full+="$(secs "$t0" "$t1") "
		XDG_CACHE_HOME="$work/cache" "$work/gen" -q -in "$work/edit-in" -out "$work/edit_out" # the run cache again in step with -out
	done
	m1=$(echo $one | tr ' ' '\n' | median); mf=$(echo $full | tr ' ' '\n' | median)
	printf 'one page edited, %s (beta, 2462 pages): rerun %s full -no-cache %s; medians %.3f / %.3f s = %.2f\n' "$kind" "$one" "$full" "$m1" "$mf" "$(echo "$m1 / $mf" | bc -l)"
done
