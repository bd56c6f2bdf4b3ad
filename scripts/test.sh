#!/usr/bin/env bash
# Every test donorflow has: installs what is missing, builds, then runs the C++ tests (CTest),
# the Python tests (pytest) and every notebook under docs/notebooks. Fails when any of them fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

build=${DONORFLOW_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2

echo "== C++ tests (CTest)"
ctest --test-dir "$build" --output-on-failure -j2

echo "== Python tests (pytest)"
DONORFLOW_BIN="$PWD/$build/donorflow" LEMON_MCF_BIN="$PWD/$build/bench/lemon_mcf" \
  python3 -m pytest -q tests/python

notebooks=$(find docs/notebooks -name '*.ipynb' 2>/dev/null | sort || true)
if [ -n "$notebooks" ]; then
  echo "== Notebooks"
  for notebook in $notebooks; do
    python3 -m jupyter nbconvert --to notebook --execute --output-dir /tmp/donorflow-notebooks "$notebook"
  done
fi
