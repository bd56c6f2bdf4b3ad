"""Shared fixtures: the built programs under test, located by the test script."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _program(variable: str, default: str) -> pathlib.Path:
    path = pathlib.Path(os.environ.get(variable, ROOT / default))
    if not path.is_file():
        raise RuntimeError(f"{path} is missing: build first (scripts/test.sh does) or set {variable}")
    return path


@pytest.fixture(scope="session")
def donorflow_bin() -> pathlib.Path:
    return _program("DONORFLOW_BIN", "build/donorflow")


@pytest.fixture(scope="session")
def lemon_bin() -> pathlib.Path:
    return _program("LEMON_MCF_BIN", "build/bench/lemon_mcf")


def run(*args, check: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=check)
