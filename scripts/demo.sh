#!/usr/bin/env bash
# The main job: installs what is missing, builds the donorflow program, and runs it.
# Until the allocation model lands this solves a district-sized allocation network (20,000
# beneficiary groups, 500 clinics, 8 candidate clinics each: about 200,000 arcs) written by
# `donorflow gen`, and proves the answer with LEMON's solver on the same file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

build=${DONORFLOW_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target donorflow_cli lemon_mcf

out=${DONORFLOW_OUT:-out}
mkdir -p "$out"
"$build/donorflow" gen alloc --size small --seed 1 -o "$out/alloc-small.min"
echo "== donorflow mcf $out/alloc-small.min"
"$build/donorflow" mcf "$out/alloc-small.min"
echo "== the same file read and solved by LEMON 1.3 (cost scaling)"
"$build/bench/lemon_mcf" "$out/alloc-small.min" cost-scaling
