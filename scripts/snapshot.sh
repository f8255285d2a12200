#!/usr/bin/env bash
# Proof that a change altered no output: record the schema JSON and the
# generated package of every corpus folder, then compare a later build with
# the record, byte for byte.
#   scripts/snapshot.sh record DIR    # write DIR/<folder>/{schema.json,pkg/}
#   scripts/snapshot.sh compare DIR   # exit 1 and show what differs
# The diagnostics (in schema.json and on stderr) are part of the record:
# a change that only reworded a warning shows up too.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
dir=${2:-}
if [ -z "$mode" ] || [ -z "$dir" ] || { [ "$mode" != record ] && [ "$mode" != compare ]; }; then
	echo "usage: scripts/snapshot.sh record|compare DIR" >&2
	exit 2
fi
corpus=../shared/corpus
if [ ! -d "$corpus" ]; then
	echo "snapshot.sh: skipped: $corpus not found (the shared corpus lives in ../shared)" >&2
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/gen" ./cmd/gen
target=$dir
[ "$mode" = compare ] && target=$work/now
status=0
for res in "$corpus"/*/*/resources; do
	folder=${res#"$corpus"/}
	folder=${folder%/resources}
	out=$target/${folder//\//_}
	mkdir -p "$out"
	rm -rf "$out/pkg"
	"$work/gen" -in "$res" -out "$out/pkg" -pkg snapshot -schema-out "$out/schema.json" -no-cache -q 2>"$out/stderr.txt" >/dev/null || true
	if [ "$mode" = compare ]; then
		if diff -r -q "$dir/${folder//\//_}" "$out" >/dev/null; then
			echo "same      $folder"
		else
			echo "DIFFERENT $folder"
			diff -r "$dir/${folder//\//_}" "$out" | head -40 || true
			status=1
		fi
	else
		echo "recorded  $folder"
	fi
done
exit $status
