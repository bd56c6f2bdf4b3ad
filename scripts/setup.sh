#!/usr/bin/env bash
# Installs what donorflow needs to build and test, if it is missing: Debian packages for the C++
# side, Python packages for the Python tests. Safe to run again; it installs nothing twice.
set -euo pipefail

debian_packages=(g++ libeigen3-dev libboost-graph-dev libgtest-dev libbenchmark-dev liblemon-dev)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v cmake >/dev/null 2>&1 || python3 -m pip install --quiet "cmake>=3.20"

# Python packages, as "import-name:pip-name": building the package (pybind11, scikit-build-core),
# using it (numpy, pandas, matplotlib, openpyxl; tqdm for sweep progress, dask.distributed for
# sweeps on a cluster) and testing it (pytest, hypothesis, NetworkX and OR-Tools as oracles,
# nbconvert and ipykernel to execute the notebooks).
python_packages=(pytest:pytest networkx:networkx numpy:numpy pandas:pandas matplotlib:matplotlib
                 openpyxl:openpyxl hypothesis:hypothesis ortools:ortools pybind11:pybind11
                 scikit_build_core:scikit-build-core nbconvert:nbconvert nbformat:nbformat
                 ipykernel:ipykernel tqdm:tqdm dask:dask distributed:distributed)
need_python=()
for package in "${python_packages[@]}"; do
  python3 -c "import ${package%%:*}" >/dev/null 2>&1 || need_python+=("${package##*:}")
done
if ((${#need_python[@]})); then
  echo "setup: installing Python packages: ${need_python[*]}"
  python3 -m pip install --quiet "${need_python[@]}"
fi
