#!/usr/bin/env python3
"""Python re-solves after changing 1% of costs: cold, min_cost_flow(warm_start=), MinCostFlowSolver.

    python3 bench/python_resolve.py     # needs bench/peers' instances (build/peers-instances/*.npz)

For each family at small size: one change of 1% of the costs (by -10..10, at least 0), then the
cold solve, the warm start from the answer before the change, the kept solver's re-solve, and
another kept solver's told which arcs changed (``solve(changed_arcs=)``), each timed once around
the Python call; all four costs must agree.
"""
import time
import numpy as np
import donorflow
for name in ["transport-small-s1", "netgen-small-s1", "grid-small-s1", "alloc-small-s1"]:
    z = np.load(f"build/peers-instances/{name}.npz")
    p = {k: z[k] for k in ["tails", "heads", "capacities", "costs", "supplies"]}
    rng = np.random.default_rng(1)
    solver = donorflow.MinCostFlowSolver(**p)
    solver.solve()
    told = donorflow.MinCostFlowSolver(**p)
    told.solve()
    before = donorflow.min_cost_flow(**p, algorithm="network-simplex")
    m = p["costs"].size
    arcs = rng.choice(m, m // 100, replace=False)
    delta = rng.integers(-10, 11, arcs.size)
    solver.costs[arcs] = np.maximum(0, solver.costs[arcs] + delta)
    told.costs[arcs] = solver.costs[arcs]
    changed = dict(p, costs=solver.costs.copy())
    t = time.perf_counter(); cold = donorflow.min_cost_flow(**changed); tc = time.perf_counter() - t
    t = time.perf_counter(); warm = donorflow.min_cost_flow(**changed, warm_start=before); tw = time.perf_counter() - t
    t = time.perf_counter(); kept = solver.solve(); tk = time.perf_counter() - t
    t = time.perf_counter(); listed = told.solve(changed_arcs=arcs); tt = time.perf_counter() - t
    assert cold.cost == warm.cost == kept.cost == listed.cost and solver.warm and told.warm
    print(f"{name} costs: cold {tc:.4f} s, warm_start= {tw:.4f} s ({tw/tc:.3f}), MinCostFlowSolver {tk:.4f} s ({tk/tc:.3f}), told {tt:.4f} s ({tt/tc:.3f})")
