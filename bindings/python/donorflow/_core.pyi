# Type stubs for the compiled module donorflow._core (bindings/*.cpp). Use the donorflow
# package's functions, which convert their input and document it, rather than these.
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import numpy.typing as npt

__version__: str
INFINITE_CAPACITY: int

_Int64 = npt.NDArray[np.int64]

def min_cost_flow(
    tails: _Int64,
    heads: _Int64,
    capacities: Optional[_Int64],
    costs: _Int64,
    supplies: _Int64,
    lower: Optional[_Int64],
    algorithm: str,
    supply_mode: str,
    warm_flow: Optional[_Int64] = None,
    warm_potentials: Optional[_Int64] = None,
) -> Dict[str, Any]: ...
def check_certificate(
    tails: _Int64,
    heads: _Int64,
    capacities: Optional[_Int64],
    costs: _Int64,
    supplies: _Int64,
    lower: Optional[_Int64],
    supply_mode: str,
    flow: _Int64,
    potentials: _Int64,
) -> Dict[str, Any]: ...

class KeptSolver:
    def __init__(
        self,
        tails: _Int64,
        heads: _Int64,
        capacities: Optional[_Int64],
        costs: _Int64,
        supplies: _Int64,
        lower: Optional[_Int64],
        supply_mode: str,
    ) -> None: ...
    def solve(self, changed_arcs: Optional[_Int64] = ...) -> Dict[str, Any]: ...
    @property
    def capacities(self) -> _Int64: ...
    @property
    def costs(self) -> _Int64: ...
    @property
    def supplies(self) -> _Int64: ...
    @property
    def lower(self) -> _Int64: ...

class Solution:
    @property
    def status(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def objective(self) -> float: ...
    @property
    def arcs(self) -> int: ...
    @property
    def nodes(self) -> int: ...
    def tables(self) -> List[Tuple[str, str]]: ...
    def summary_json(self) -> str: ...
    def summary_text(self) -> str: ...
    def explain(self, need_id: str) -> str: ...
    def write(self, directory: str) -> None: ...
    def check_certificate(self) -> Tuple[bool, str]: ...

def solve_scenario(
    text: str, source: str, algorithm: str, shadow_prices: bool, price_of_fairness: bool
) -> Solution: ...
def validate_scenario(text: str, source: str) -> None: ...
def run_cli(args: List[str]) -> int: ...

class Sweep:
    def __init__(self, text: str, source: str, algorithm: str) -> None: ...
    def base(self) -> Dict[str, Any]: ...
    def solve(
        self,
        kind: npt.NDArray[np.int8],
        index: npt.NDArray[np.int32],
        resource: npt.NDArray[np.int32],
        period: npt.NDArray[np.int32],
        value: npt.NDArray[np.float64],
        offsets: npt.NDArray[np.int64],
        threads: int = 1,
    ) -> Dict[str, Any]: ...
    @property
    def arcs(self) -> int: ...
