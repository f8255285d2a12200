#!/usr/bin/env bash
echo "bench.sh: the end-to-end timing script is not written yet (performance issue)" >&2
