"""Minimum-cost flow over numpy arrays: :func:`min_cost_flow` and :func:`check_certificate`.

The problem: a directed graph with arcs ``tails[a] -> heads[a]``, bounds
``lower[a] <= flow[a] <= capacities[a]``, integer costs and integer node supplies (positive at
sources, negative at sinks). donorflow finds a flow of least total cost, exactly, with network
simplex or cost scaling, and returns node potentials that prove it optimal.

Arrays are used in place when they are one-dimensional, C-contiguous and int64 (numpy's default
integer): nothing is copied, and the solve runs with the GIL released so other Python threads
keep working. Anything else (lists, int32, whole-valued floats, pandas Series) is converted once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Dict, Optional

import numpy as np
import numpy.typing as npt

from . import _core

#: The capacity that means "no upper bound" (the largest int64). ``numpy.inf`` in a float array of
#: capacities means the same.
INFINITE_CAPACITY: int = _core.INFINITE_CAPACITY

ArrayLike = npt.ArrayLike


class Status(str, enum.Enum):
    """The outcome of a solve. Compares equal to its name, so ``result.status == "OPTIMAL"``."""

    OPTIMAL = "OPTIMAL"
    """An optimal flow was found; ``flow`` and ``potentials`` prove it."""
    INFEASIBLE = "INFEASIBLE"
    """No flow meets the bounds and supplies; ``message`` names the nodes involved."""
    UNBOUNDED = "UNBOUNDED"
    """A negative-cost cycle of unbounded capacity exists."""
    UNBALANCED = "UNBALANCED"
    """Supplies do not sum to zero in ``supply_mode="exact"``."""
    BAD_INPUT = "BAD_INPUT"
    """The input is not a valid problem; :func:`min_cost_flow` raises ValueError instead."""
    OVERFLOW = "OVERFLOW"
    """Costs, capacities or supplies beyond 2**60 in magnitude (other than
    :data:`INFINITE_CAPACITY`), or sums of them, are too large to solve exactly."""
    NOT_SOLVED = "NOT_SOLVED"
    """No solver has run."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, repr=False, eq=False)
class MinCostFlowResult:
    """The answer of :func:`min_cost_flow`.

    Attributes:
        status: :class:`Status`; only ``OPTIMAL`` fills ``cost``, ``flow`` and ``potentials``.
        cost: the exact optimal cost, a Python int (it may exceed 64 bits), or None.
        flow: int64 array, the flow on each arc, in the order of the input arcs.
        potentials: int64 array, one per node: the reduced cost
            ``costs[a] - potentials[tails[a]] + potentials[heads[a]]`` is >= 0 wherever
            ``flow[a] < capacities[a]`` and <= 0 wherever ``flow[a] > lower[a]``.
        algorithm: the algorithm that ran (``"network-simplex"`` or ``"cost-scaling"``).
        message: why, when the status is not ``OPTIMAL``.
        iterations: pivots (network simplex) or pushes and relabels (cost scaling).
        solve_seconds: wall time of building the graph and solving, without conversions.
    """

    status: Status
    cost: Optional[int]
    flow: np.ndarray
    potentials: np.ndarray
    algorithm: str
    message: str = ""
    iterations: int = 0
    solve_seconds: float = 0.0

    @property
    def optimal(self) -> bool:
        """True when ``status`` is ``OPTIMAL``."""
        return self.status is Status.OPTIMAL

    def __repr__(self) -> str:
        text = f"MinCostFlowResult(status={self.status.value}"
        if self.optimal:
            text += f", cost={self.cost}, arcs={self.flow.size}, nodes={self.potentials.size}"
        else:
            text += f", message={self.message!r}"
        return text + f", algorithm={self.algorithm!r}, solve_seconds={self.solve_seconds:.4g})"


@dataclass(frozen=True)
class Certificate:
    """What :func:`check_certificate` found. True in a boolean context when the proof holds.

    Attributes:
        ok: the flow is feasible, and the potentials satisfy complementary slackness with it.
        failure: the first condition violated, naming the arc or node ("" when ok).
        primal_cost: the flow's cost, when ok (the check stops at the first failure).
        dual_objective: the potentials' dual objective, equal to ``primal_cost``, when ok.
    """

    ok: bool
    failure: str = ""
    primal_cost: int = 0
    dual_objective: int = 0

    def __bool__(self) -> bool:
        return self.ok


def _as_int64(name: str, values: Any, *, infinite_allowed: bool = False) -> np.ndarray:
    """``values`` as a 1-D C-contiguous int64 array: the same object when it already is one."""
    array = np.asarray(values)
    if array.dtype == np.int64 and array.ndim == 1 and array.flags.c_contiguous:
        return array
    if array.dtype == object and array.ndim == 1:
        return _objects_as_int64(name, array)
    if array.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, not of shape {array.shape}")
    if array.dtype == np.bool_ or array.dtype.kind not in "iuf":
        if array.size == 0:
            return np.zeros(0, dtype=np.int64)
        raise TypeError(f"{name} must hold integers, not {array.dtype}")
    if array.dtype.kind == "u" and array.size and array.max() > np.iinfo(np.int64).max:
        index = int(np.argmax(array > np.iinfo(np.int64).max))
        raise ValueError(f"{name}[{index}] = {array[index]} does not fit in 64 bits")
    if array.dtype.kind == "f":
        array = array.astype(np.float64, copy=False)
        infinite = np.isposinf(array) if infinite_allowed else np.zeros(array.shape, bool)
        bad = ~np.isfinite(array) & ~infinite
        if bad.any():
            index = int(np.argmax(bad))
            raise ValueError(f"{name}[{index}] = {array[index]} is not a finite number")
        whole = np.where(infinite, 0.0, array)
        fraction = whole != np.floor(whole)
        if fraction.any():
            index = int(np.argmax(fraction))
            raise ValueError(f"{name}[{index}] = {array[index]} is not a whole number")
        if np.abs(whole).max(initial=0) >= 2.0**63:
            index = int(np.argmax(np.abs(whole) >= 2.0**63))
            raise ValueError(f"{name}[{index}] = {array[index]} does not fit in 64 bits")
        converted = whole.astype(np.int64)
        converted[infinite] = INFINITE_CAPACITY
        return converted
    return np.ascontiguousarray(array, dtype=np.int64)


def _objects_as_int64(name: str, array: np.ndarray) -> np.ndarray:
    """Python objects (ints of any size, None...) one by one, naming the first that fails."""
    converted = np.empty(array.size, dtype=np.int64)
    for index, value in enumerate(array.tolist()):
        if isinstance(value, float) and value == np.inf and name == "capacities":
            converted[index] = INFINITE_CAPACITY
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool):
            raise TypeError(f"{name}[{index}] = {value!r} is not an integer")
        if not -2**63 <= value < 2**63:
            raise ValueError(f"{name}[{index}] = {value} does not fit in 64 bits")
        converted[index] = value
    return converted


def _name(value: str, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {type(value).__name__}")
    return value.replace("_", "-").lower()


def _problem(tails, heads, capacities, costs, supplies, lower) -> Dict[str, Any]:
    return dict(
        tails=_as_int64("tails", tails),
        heads=_as_int64("heads", heads),
        capacities=None if capacities is None
        else _as_int64("capacities", capacities, infinite_allowed=True),
        costs=_as_int64("costs", costs),
        supplies=_as_int64("supplies", supplies),
        lower=None if lower is None else _as_int64("lower", lower),
    )


def min_cost_flow(
    tails: ArrayLike,
    heads: ArrayLike,
    capacities: Optional[ArrayLike],
    costs: ArrayLike,
    supplies: ArrayLike,
    lower: Optional[ArrayLike] = None,
    algorithm: str = "auto",
    *,
    supply_mode: str = "exact",
    warm_start: Optional[MinCostFlowResult] = None,
) -> MinCostFlowResult:
    """Solve a minimum-cost flow problem exactly.

    Args:
        tails, heads: the arcs: arc ``a`` goes from node ``tails[a]`` to node ``heads[a]``.
            Nodes are ``0 .. len(supplies) - 1``. Parallel arcs and self-loops are allowed.
        capacities: the upper bound of each arc; ``None`` for no upper bounds, and
            :data:`INFINITE_CAPACITY` (or ``numpy.inf`` in a float array) for none on one arc.
        costs: the cost of one unit of flow on each arc (any sign).
        supplies: one per node: positive where flow enters, negative where it leaves.
        lower: the lower bound of each arc (default 0).
        algorithm: ``"auto"`` (the default: chosen from the instance's size),
            ``"network-simplex"`` or ``"cost-scaling"``. All return the same optimal cost.
        supply_mode: ``"exact"`` (every node's net outflow equals its supply),
            ``"supply-may-remain"`` (sources may keep supply: net outflow <= supply) or
            ``"demand-may-remain"`` (sinks may stay short: net outflow >= supply).
        warm_start: an optimal result for the same graph before its supplies, costs or bounds
            changed. The solve then starts from it instead of from nothing: network simplex
            from the basis its flow and potentials imply (``"auto"`` and
            ``"network-simplex"``; ``"auto"`` restarts cost scaling from its prices instead on
            networks of a million arcs or more with a hub, when the old flow no longer balances
            the supplies), cost scaling from its prices with ``"cost-scaling"``. The answer is
            the same exact optimum, often many times sooner.
            A result of other sizes, or not optimal, is ignored.

    Returns:
        A :class:`MinCostFlowResult`. Infeasible, unbounded and unbalanced problems are a status,
        not an exception.

    Raises:
        ValueError: an array has the wrong length or shape, a node id is out of range, or a bound
            or cost is out of range (the message names the array and the entry).
        TypeError: an array does not hold numbers.

    Example:
        >>> import donorflow
        >>> r = donorflow.min_cost_flow([0, 0, 1], [1, 2, 2], [4, 2, 5], [1, 4, 1], [3, 0, -3])
        >>> r.status, r.cost, r.flow.tolist()
        (<Status.OPTIMAL: 'OPTIMAL'>, 6, [3, 0, 3])
    """
    problem = _problem(tails, heads, capacities, costs, supplies, lower)
    start = {}
    if warm_start is not None and warm_start.optimal:
        start = dict(warm_flow=warm_start.flow, warm_potentials=warm_start.potentials)
    answer = _core.min_cost_flow(**problem, algorithm=_name(algorithm, "algorithm"),
                                 supply_mode=_name(supply_mode, "supply_mode"), **start)
    return _result(answer)


def _result(answer: Dict[str, Any]) -> MinCostFlowResult:
    """The core's answer as a MinCostFlowResult; bad input raises ValueError."""
    status = Status(answer["status"])
    if status is Status.BAD_INPUT:
        raise ValueError(answer["message"])
    return MinCostFlowResult(
        status=status, cost=answer["cost"], flow=answer["flow"],
        potentials=answer["potentials"], algorithm=answer["algorithm"],
        message=answer["message"], iterations=answer["iterations"],
        solve_seconds=answer["solve_seconds"])


class MinCostFlowSolver:
    """A network simplex solver kept between solves, for re-solving after small changes.

    It holds its own int64 copies of the capacities, costs, supplies and lower bounds; change
    their values in place (``solver.costs[a] = c``, ``solver.supplies[[s, t]] += [-2, 2]``,
    any numpy assignment into them) and call :meth:`solve` again (``solve(changed_arcs=arcs)``
    reads only the arcs listed). The first solve starts from nothing; each later one from the
    basis the last one ended with, reading the arrays once and touching only what changed, so
    that a small change costs a small part of a cold solve (after changing 1% of the costs of
    the benchmark families at small size, 0.021 to 0.23 of it, timed around the Python calls;
    docs/python.md). The answer is the same exact optimum :func:`min_cost_flow` gives.
    The graph (tails and heads) is fixed. Do not change the arrays while a solve runs (it
    releases the GIL).

    Args:
        tails, heads, capacities, costs, supplies, lower: as for :func:`min_cost_flow`; no
            capacities means :data:`INFINITE_CAPACITY` everywhere, no lower bounds 0, and either
            can be changed later all the same.
        supply_mode: as for :func:`min_cost_flow`. In the modes other than ``"exact"`` every
            solve starts from nothing.

    Example:
        >>> import donorflow
        >>> s = donorflow.MinCostFlowSolver([0, 0, 1], [1, 2, 2], [4, 2, 5], [1, 4, 1], [3, 0, -3])
        >>> s.solve().cost
        6
        >>> s.costs[1] = 1  # the direct arc 0 -> 2 becomes cheaper
        >>> r = s.solve()
        >>> r.cost, r.flow.tolist(), s.warm
        (4, [1, 2, 1], True)
    """

    def __init__(self, tails: ArrayLike, heads: ArrayLike, capacities: Optional[ArrayLike],
                 costs: ArrayLike, supplies: ArrayLike, lower: Optional[ArrayLike] = None, *,
                 supply_mode: str = "exact") -> None:
        self._core = _core.KeptSolver(**_problem(tails, heads, capacities, costs, supplies, lower),
                                      supply_mode=_name(supply_mode, "supply_mode"))
        self._warm = False

    @property
    def capacities(self) -> np.ndarray:
        """The upper bounds, int64, changeable in place (:data:`INFINITE_CAPACITY` for none)."""
        return self._core.capacities

    @property
    def costs(self) -> np.ndarray:
        """The costs, int64, changeable in place."""
        return self._core.costs

    @property
    def supplies(self) -> np.ndarray:
        """The supplies, int64, changeable in place."""
        return self._core.supplies

    @property
    def lower(self) -> np.ndarray:
        """The lower bounds, int64, changeable in place."""
        return self._core.lower

    @property
    def warm(self) -> bool:
        """Whether the last solve started from the basis of the one before."""
        return self._warm

    def solve(self, changed_arcs: Optional[ArrayLike] = None) -> MinCostFlowResult:
        """Solve the problem the arrays hold now (see the class).

        Args:
            changed_arcs: the arcs whose cost or bounds changed since the last solve, if known
                (supplies may change anywhere): the solve then reads only those arcs' values,
                not every arc's. An arc may be listed twice or without a change; an arc that
                changed but is not listed is not seen, and keeps its old values in the answer.
                ``None`` reads all the arcs. The first solve reads everything.

        Raises:
            ValueError: a bound or cost is out of range (the message names the arc); the next
                solve then starts from nothing. Or a listed arc is not in the graph; then
                nothing is solved, and the next solve starts where this one would have.
        """
        answer = self._core.solve(
            None if changed_arcs is None else _as_int64("changed_arcs", changed_arcs))
        self._warm = answer["warm"]
        return _result(answer)


def check_certificate(
    tails: ArrayLike,
    heads: ArrayLike,
    capacities: Optional[ArrayLike],
    costs: ArrayLike,
    supplies: ArrayLike,
    flow: ArrayLike,
    potentials: ArrayLike,
    lower: Optional[ArrayLike] = None,
    *,
    supply_mode: str = "exact",
) -> Certificate:
    """Check, independently of any solver, that ``flow`` is optimal and ``potentials`` prove it.

    The problem is given as to :func:`min_cost_flow`. The check covers bounds, conservation (as
    ``supply_mode`` requires), complementary slackness of every arc and the equality of the
    primal cost and the dual objective, in O(nodes + arcs) time. It shares no code with the
    solvers, so it also proves answers from other solvers, given their duals.
    """
    problem = _problem(tails, heads, capacities, costs, supplies, lower)
    answer = _core.check_certificate(
        **problem, supply_mode=_name(supply_mode, "supply_mode"),
        flow=_as_int64("flow", flow), potentials=_as_int64("potentials", potentials))
    return Certificate(**answer)


__all__ = ["INFINITE_CAPACITY", "Certificate", "MinCostFlowResult", "Status", "check_certificate",
           "min_cost_flow"]
