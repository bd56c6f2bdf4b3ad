#!/usr/bin/env bash
# Every test donorflow has: installs what is missing, builds, then runs the C++ tests (CTest),
# installs the Python package with pip (pip install ., as a user would), runs the Python tests
# (pytest) and executes every notebook under docs/notebooks. Fails when any of them fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

build=${DONORFLOW_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2

echo "== C++ tests (CTest)"
ctest --test-dir "$build" --output-on-failure -j2

echo "== Python package (pip install .)"
# Build dependencies come from setup.sh, so no isolated build environment is downloaded; the
# build directory is kept so that a second run only rebuilds what changed.
CMAKE_BUILD_PARALLEL_LEVEL=2 python3 -m pip install --quiet --no-build-isolation \
  -Cbuild-dir="$build/python" .

echo "== Python tests (pytest, and the examples in the installed package's docstrings)"
DONORFLOW_BIN="$PWD/$build/donorflow" LEMON_MCF_BIN="$PWD/$build/bench/lemon_mcf" \
  python3 -m pytest -q tests/python --doctest-modules --pyargs donorflow

notebooks=$(find docs/notebooks -name '*.ipynb' 2>/dev/null | sort || true)
if [ -n "$notebooks" ]; then
  echo "== Notebooks"
  for notebook in $notebooks; do
    python3 -m jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --output-dir "$build/notebooks" "$notebook"
  done
fi
