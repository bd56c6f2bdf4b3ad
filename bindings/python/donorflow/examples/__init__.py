"""The worked examples of docs/examples.md as ready scenarios.

Each is one of the programs donorflow is built for, built from public geographic data, with
illustrative figures::

    >>> import donorflow
    >>> donorflow.examples.names()
    ['algeria_twinning', 'homs_partnership', 'iran_retention', 'iraq_free_care', 'saudi_hasan']
    >>> scenario = donorflow.examples.iraq_free_care()

``load(name)`` does the same by name, and ``path(name)`` gives the JSON file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List

from ..scenario import Scenario

_HERE = Path(__file__).resolve().parent


def names() -> List[str]:
    """The names of the worked examples."""
    return sorted(p.stem for p in _HERE.glob("*.json"))


def path(name: str) -> Path:
    """The scenario file of the example ``name``."""
    file = _HERE / f"{name}.json"
    if not file.exists():
        raise KeyError(f"no example is named {name!r}; the examples are {names()}")
    return file


def load(name: str) -> Scenario:
    """A fresh :class:`~donorflow.Scenario` of the example ``name``."""
    return Scenario.from_json(path(name))


def __getattr__(name: str) -> Callable[[], Scenario]:
    if name.startswith("_") or not (_HERE / f"{name}.json").exists():
        raise AttributeError(f"module 'donorflow.examples' has no attribute {name!r}")

    def example() -> Scenario:
        return load(name)

    example.__name__ = name
    example.__doc__ = f"A fresh Scenario of the worked example {name!r}."
    return example


def __dir__() -> List[str]:
    return ["load", "names", "path"] + names()
