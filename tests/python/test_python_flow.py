"""donorflow.min_cost_flow and check_certificate: answers, input handling, errors, memory, GIL."""

import gc
import threading
import time
import tracemalloc

import numpy as np
import pytest

import donorflow

ALGORITHMS = ["network-simplex", "cost-scaling"]

# Three arcs: 0 -> 1 -> 2 costs 2 per unit, 0 -> 2 costs 4; three units from 0 to 2.
SMALL = dict(tails=[0, 0, 1], heads=[1, 2, 2], capacities=[4, 2, 5], costs=[1, 4, 1],
             supplies=[3, 0, -3])


def transport(sources, sinks, seed=0):
    """A complete bipartite transportation problem as int64 arrays."""
    rng = np.random.default_rng(seed)
    tails = np.repeat(np.arange(sources, dtype=np.int64), sinks)
    heads = np.tile(np.arange(sources, sources + sinks, dtype=np.int64), sources)
    capacities = rng.integers(1, 50, tails.size, dtype=np.int64)
    costs = rng.integers(1, 1000, tails.size, dtype=np.int64)
    supplies = np.zeros(sources + sinks, dtype=np.int64)
    supplies[:sources] = 20 * sinks // sources
    supplies[sources:] = -20
    return dict(tails=tails, heads=heads, capacities=capacities, costs=costs, supplies=supplies)


@pytest.mark.parametrize("algorithm", ALGORITHMS + ["auto"])
def test_small_problem_is_solved_and_proven(algorithm):
    result = donorflow.min_cost_flow(**SMALL, algorithm=algorithm)
    assert result.status == donorflow.Status.OPTIMAL and result.status == "OPTIMAL"
    assert result.optimal and result.cost == 6
    assert result.flow.tolist() == [3, 0, 3]
    assert result.flow.dtype == np.int64 and result.potentials.shape == (3,)
    assert donorflow.check_certificate(**SMALL, flow=result.flow, potentials=result.potentials)


def test_other_input_types_are_converted_once():
    as_int32 = {k: np.asarray(v, dtype=np.int32) for k, v in SMALL.items()}
    as_float = {k: np.asarray(v, dtype=np.float64) for k, v in SMALL.items()}
    strided = {k: np.repeat(np.asarray(v, dtype=np.int64), 2)[::2] for k, v in SMALL.items()}
    expected = donorflow.min_cost_flow(**SMALL)
    for problem in (as_int32, as_float, strided, {k: list(v) for k, v in SMALL.items()}):
        result = donorflow.min_cost_flow(**problem)
        assert result.cost == 6 and np.array_equal(result.flow, expected.flow)
        assert np.array_equal(result.potentials, expected.potentials)
    huge = dict(SMALL, costs=np.array([1, 2**64, 1], dtype=object))
    with pytest.raises(ValueError, match=r"costs\[1\] = 18446744073709551616 does not fit"):
        donorflow.min_cost_flow(**huge)
    with pytest.raises(TypeError, match=r"costs\[2\] = None is not an integer"):
        donorflow.min_cost_flow(**dict(SMALL, costs=[1, 4, None]))


def test_infinite_capacities():
    unbounded = dict(SMALL, capacities=[np.inf, 2.0, np.inf])
    assert donorflow.min_cost_flow(**unbounded).cost == 6
    assert donorflow.min_cost_flow(**dict(SMALL, capacities=None)).cost == 6
    big = dict(SMALL, capacities=[donorflow.INFINITE_CAPACITY, 2, donorflow.INFINITE_CAPACITY])
    assert donorflow.min_cost_flow(**big).flow.tolist() == [3, 0, 3]


def test_lower_bounds_and_supply_modes():
    forced = donorflow.min_cost_flow(**SMALL, lower=[0, 1, 0])
    assert forced.cost == 2 * 2 + 4 and forced.flow.tolist() == [2, 1, 2]
    # Supply may remain at the source: with a negative-cost route only, shipping nothing is
    # not optimal, and with positive costs and no demand nothing is shipped.
    relaxed = donorflow.min_cost_flow(**dict(SMALL, supplies=[3, 0, 0]),
                                      supply_mode="supply-may-remain")
    assert relaxed.cost == 0 and relaxed.flow.tolist() == [0, 0, 0]
    short = donorflow.min_cost_flow(**dict(SMALL, supplies=[0, 0, -3]),
                                    supply_mode="demand_may_remain")
    assert short.optimal and short.cost == 0


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_statuses_are_results_not_exceptions(algorithm):
    infeasible = donorflow.min_cost_flow(**dict(SMALL, supplies=[9, 0, -9]), algorithm=algorithm)
    assert infeasible.status == "INFEASIBLE" and infeasible.cost is None
    assert infeasible.message
    unbalanced = donorflow.min_cost_flow(**dict(SMALL, supplies=[3, 0, -2]), algorithm=algorithm)
    assert unbalanced.status == "UNBALANCED" and "sum" in unbalanced.message.lower()
    cycle = donorflow.min_cost_flow([0, 1], [1, 0], None, [-1, -1], [0, 0], algorithm=algorithm)
    assert cycle.status == "UNBOUNDED"


@pytest.mark.parametrize("change, message", [
    (dict(heads=[1, 2]), "heads has 2 entries but there are 3"),
    (dict(costs=[1, 4]), "costs has 2 entries"),
    (dict(heads=[1, 7, 2]), "arc 1 (0 -> 7) names a node outside 0..2"),
    (dict(costs=[1, 4.5, 1]), "costs[1] = 4.5 is not a whole number"),
    (dict(capacities=[4, np.nan, 5]), "capacities[1] = nan is not a finite number"),
    (dict(costs=[1, np.inf, 1]), "costs[1] = inf is not a finite number"),
    (dict(tails=[[0, 0, 1]]), "tails must be one-dimensional"),
    (dict(capacities=[4, -2, 5]), "arc 1 (0 -> 2): lower bound 0 exceeds upper bound -2"),
    # An empty array is an error, not "absent": a filtered-out column must not mean zero costs.
    (dict(costs=[]), "costs has 0 entries but there are 3 arcs"),
    (dict(capacities=[]), "capacities has 0 entries but there are 3 arcs"),
    (dict(lower=[]), "lower has 0 entries but there are 3 arcs"),
])
def test_bad_input_names_the_array_or_arc(change, message):
    with pytest.raises(ValueError) as error:
        donorflow.min_cost_flow(**dict(SMALL, **change))
    assert message in str(error.value)


def test_bad_names_and_types():
    with pytest.raises(ValueError, match="algorithm must be"):
        donorflow.min_cost_flow(**SMALL, algorithm="simplex")
    with pytest.raises(ValueError, match="supply_mode must be"):
        donorflow.min_cost_flow(**SMALL, supply_mode="loose")
    with pytest.raises(TypeError, match="costs must hold integers"):
        donorflow.min_cost_flow(**dict(SMALL, costs=["a", "b", "c"]))


def test_certificate_refuses_empty_arrays():
    result = donorflow.min_cost_flow(**SMALL)
    with pytest.raises(ValueError, match="costs has 0 entries"):
        donorflow.check_certificate(**dict(SMALL, costs=[]), flow=result.flow,
                                    potentials=result.potentials)


def test_certificate_rejects_a_suboptimal_flow():
    result = donorflow.min_cost_flow(**SMALL)
    worse = np.array([1, 2, 1])  # feasible, cost 2 + 8 + 1 = 11
    check = donorflow.check_certificate(**SMALL, flow=worse, potentials=result.potentials)
    assert not check and check.failure.startswith("arc 1: reduced cost")
    broken = np.array([3, 0, 2])  # node 2 receives only 2
    check = donorflow.check_certificate(**SMALL, flow=broken, potentials=result.potentials)
    assert not check.ok and "node" in check.failure


def test_results_own_their_memory():
    problem = transport(50, 200)
    result = donorflow.min_cost_flow(**problem)
    flow, expected = result.flow, result.flow.copy()
    del result, problem
    gc.collect()
    _ = [np.ones(100_000) for _ in range(20)]  # reuse freed memory, if any were freed
    assert np.array_equal(flow, expected)
    assert flow.base is not None and flow.flags.writeable  # owned by a capsule, not copied


def _peak_traced_bytes(problem):
    gc.collect()
    tracemalloc.start()
    try:
        donorflow.min_cost_flow(**problem, algorithm="network-simplex")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_int64_input_is_not_copied():
    """numpy reports its buffers to tracemalloc; the solver's own vectors are C++ and are not.
    So a copy of any input array shows up as a traced peak of the array's size, and none must."""
    problem = transport(100, 5000)  # 500,000 arcs: each arc array is 4 MB
    array_bytes = problem["costs"].nbytes
    assert _peak_traced_bytes(problem) < array_bytes / 4
    # The check can fail: int32 costs are converted to int64, once, and that copy is seen.
    converted = dict(problem, costs=problem["costs"].astype(np.int32))
    assert _peak_traced_bytes(converted) >= array_bytes


def test_the_gil_is_released_while_solving():
    problem = transport(200, 2000)  # 400,000 arcs; cost scaling takes most of a second
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    # The counter's rate with the interpreter otherwise idle.
    counter = threading.Thread(target=count)
    counter.start()
    time.sleep(0.2)
    start_ticks, start = ticks, time.perf_counter()
    time.sleep(0.3)
    idle_rate = (ticks - start_ticks) / (time.perf_counter() - start)
    # Its rate while this thread is inside the solver: the solver holds no GIL, so the counter
    # runs on; a solver holding it would stop the counter for the whole solve.
    start_ticks, start = ticks, time.perf_counter()
    result = donorflow.min_cost_flow(**problem, algorithm="cost-scaling")
    elapsed = time.perf_counter() - start
    solving_rate = (ticks - start_ticks) / elapsed
    stop.set()
    counter.join()
    assert result.optimal and elapsed > 0.1
    assert solving_rate > 0.3 * idle_rate, (solving_rate, idle_rate)


def test_two_threads_give_the_same_answers_as_one():
    problems = [transport(60, 300, seed) for seed in (1, 2, 3, 4)]
    alone = [donorflow.min_cost_flow(**p).cost for p in problems]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        together = list(pool.map(lambda p: donorflow.min_cost_flow(**p).cost, problems))
    assert together == alone


@pytest.mark.parametrize("change", ["supplies", "costs", "capacities"])
def test_warm_start_gives_the_cold_answer(change):
    problem = transport(30, 60, seed=3)
    before = donorflow.min_cost_flow(**problem)
    rng = np.random.default_rng(8)
    changed = {k: v.copy() for k, v in problem.items()}
    arcs = rng.choice(changed["costs"].size, 20, replace=False)
    if change == "costs":
        changed["costs"][arcs] += rng.integers(-50, 50, arcs.size)
    elif change == "capacities":
        changed["capacities"][arcs] = np.maximum(0, changed["capacities"][arcs] - 5)
    else:
        changed["supplies"][[0, 1]] += [7, -7]
        changed["supplies"][[30, 31]] += [-7, 7]
    cold = donorflow.min_cost_flow(**changed)
    warm = donorflow.min_cost_flow(**changed, warm_start=before, algorithm="cost-scaling")
    assert warm.status == cold.status == "OPTIMAL"
    assert warm.algorithm == "cost-scaling" and warm.cost == cold.cost
    assert donorflow.check_certificate(**changed, flow=warm.flow, potentials=warm.potentials)
    # A start from another graph is ignored, not misread.
    other = donorflow.min_cost_flow(**SMALL)
    assert donorflow.min_cost_flow(**changed, warm_start=other,
                                   algorithm="cost-scaling").cost == cold.cost
    # Without a hub, automatic choice solves cold with network simplex, which is faster there.
    assert donorflow.min_cost_flow(**changed, warm_start=before).algorithm == "network-simplex"


def test_kept_solver_resolves_after_changes_in_place():
    problem = transport(30, 60, seed=4)
    solver = donorflow.MinCostFlowSolver(**problem)
    first = solver.solve()
    assert first.optimal and not solver.warm
    assert first.cost == donorflow.min_cost_flow(**problem).cost
    rng = np.random.default_rng(9)
    for step in range(6):
        arcs = rng.choice(problem["costs"].size, 20, replace=False)
        if step % 3 == 0:
            solver.costs[arcs] += rng.integers(-50, 50, arcs.size)
        elif step % 3 == 1:
            solver.capacities[arcs] = np.maximum(0, solver.capacities[arcs] - 3)
        else:
            solver.supplies[[0, 1, 30, 31]] += [5, -5, -5, 5]
        now = dict(problem, costs=solver.costs.copy(), capacities=solver.capacities.copy(),
                   supplies=solver.supplies.copy())
        cold = donorflow.min_cost_flow(**now, algorithm="network-simplex")
        warm = solver.solve()
        assert warm.status == cold.status == "OPTIMAL"
        assert solver.warm and warm.cost == cold.cost
        assert donorflow.check_certificate(**now, flow=warm.flow, potentials=warm.potentials)


def test_kept_solver_told_which_arcs_changed_reads_only_those():
    problem = transport(30, 60, seed=5)
    solver = donorflow.MinCostFlowSolver(**problem)
    assert solver.solve().optimal
    rng = np.random.default_rng(11)
    for step in range(6):
        arcs = rng.choice(problem["costs"].size, 20, replace=False)
        if step % 2 == 0:
            solver.costs[arcs] += rng.integers(-50, 50, arcs.size)
        else:
            solver.capacities[arcs] = np.maximum(0, solver.capacities[arcs] - 3)
            solver.supplies[[0, 30]] += [2, -2]
        now = dict(problem, costs=solver.costs.copy(), capacities=solver.capacities.copy(),
                   supplies=solver.supplies.copy())
        cold = donorflow.min_cost_flow(**now, algorithm="network-simplex")
        warm = solver.solve(changed_arcs=arcs)
        assert warm.status == cold.status == "OPTIMAL"
        assert solver.warm and warm.cost == cold.cost
        assert donorflow.check_certificate(**now, flow=warm.flow, potentials=warm.potentials)
    # Only the listed arcs are read: an unused arc made far cheaper but not listed keeps its
    # old cost, so the answer is the old one, which the new cost no longer proves.
    unused = int(np.flatnonzero((warm.flow == 0) & (solver.capacities > 0))[0])
    solver.costs[unused] -= 5000
    unseen = solver.solve(changed_arcs=[])
    assert unseen.cost == warm.cost
    assert not donorflow.check_certificate(
        **dict(problem, costs=solver.costs, capacities=solver.capacities,
               supplies=solver.supplies), flow=unseen.flow, potentials=unseen.potentials)
    with pytest.raises(ValueError, match=r"changed_arcs\[1\] = 1800 is not an arc of the graph "
                                         r"\(0\.\.1799\)"):
        solver.solve(changed_arcs=[0, 1800])
    again = solver.solve(changed_arcs=[unused])  # nothing was solved: still from the kept basis
    assert solver.warm
    assert again.cost == donorflow.min_cost_flow(
        **dict(problem, costs=solver.costs, capacities=solver.capacities,
               supplies=solver.supplies)).cost


def test_kept_solver_arrays_and_errors():
    solver = donorflow.MinCostFlowSolver(**dict(SMALL, capacities=None))
    assert solver.capacities.dtype == np.int64
    assert (solver.capacities == donorflow.INFINITE_CAPACITY).all()
    assert (solver.lower == 0).all() and solver.lower.size == 3
    given = np.array(SMALL["costs"], dtype=np.int64)
    kept = donorflow.MinCostFlowSolver(**dict(SMALL, costs=given))
    given[0] = 1000  # the solver holds its own copy
    assert kept.solve().cost == 6
    kept.lower[2] = 6
    kept.capacities[2] = 5  # lower bound above the upper bound
    with pytest.raises(ValueError, match=r"arc 2 \(1 -> 2\): lower bound 6 exceeds upper bound 5"):
        kept.solve()
    kept.lower[2] = 0
    again = kept.solve()  # from nothing after the error, and right
    assert again.cost == 6 and not kept.warm
