#!/usr/bin/env bash
# The main job: installs what is missing, builds the donorflow program, and runs `donorflow demo`:
# Iraq's free care for poor families across the 18 governorates (data/examples/), solved
# exactly, summarised for a program officer, with the plan's files written to donorflow-demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

build=${DONORFLOW_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target donorflow_cli

"$build/donorflow" demo -o "${DONORFLOW_OUT:-donorflow-demo}"
