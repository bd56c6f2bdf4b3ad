"""At least 500 random problems: donorflow's optimal cost, from both algorithms and proven by its
certificate, equals NetworkX's and OR-Tools' (or all three find no feasible flow)."""

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import donorflow

min_cost_flow_ortools = pytest.importorskip("ortools.graph.python.min_cost_flow")


@st.composite
def problems(draw):
    nodes = draw(st.integers(2, 12))
    arcs = draw(st.integers(1, 40))
    tails = draw(st.lists(st.integers(0, nodes - 1), min_size=arcs, max_size=arcs))
    # Heads differ from tails: the oracles reject self-loops.
    steps = draw(st.lists(st.integers(1, nodes - 1), min_size=arcs, max_size=arcs))
    heads = [(t + d) % nodes for t, d in zip(tails, steps)]
    capacities = draw(st.lists(st.integers(0, 20), min_size=arcs, max_size=arcs))
    costs = draw(st.lists(st.integers(-10, 30), min_size=arcs, max_size=arcs))
    if draw(st.integers(0, 4)) > 0:
        # Mostly, a ring of roomy arcs makes the problem feasible, so that costs are compared;
        # without it, most problems are infeasible, and the oracles must agree on that too.
        tails += list(range(nodes))
        heads += [(v + 1) % nodes for v in range(nodes)]
        capacities += [60] * nodes
        costs += draw(st.lists(st.integers(0, 30), min_size=nodes, max_size=nodes))
    with_lower = draw(st.booleans())
    lower = [draw(st.integers(0, c)) if with_lower else 0 for c in capacities]
    supplies = draw(st.lists(st.integers(-8, 8), min_size=nodes, max_size=nodes))
    supplies[-1] -= sum(supplies)  # balanced
    return dict(tails=np.array(tails), heads=np.array(heads), capacities=np.array(capacities),
                costs=np.array(costs), supplies=np.array(supplies),
                lower=np.array(lower) if with_lower else None)


def without_lower_bounds(p):
    """The same problem with lower bounds moved into supplies: x = l + y, 0 <= y <= u - l."""
    lower = p["lower"] if p["lower"] is not None else np.zeros_like(p["costs"])
    supplies = p["supplies"].copy()
    np.subtract.at(supplies, p["tails"], lower)
    np.add.at(supplies, p["heads"], lower)
    return p["capacities"] - lower, supplies, int(np.dot(p["costs"], lower))


def networkx_cost(p):
    capacities, supplies, offset = without_lower_bounds(p)
    graph = nx.MultiDiGraph()
    for v, b in enumerate(supplies):
        graph.add_node(v, demand=-int(b))  # NetworkX's demand is minus our supply
    for t, h, u, c in zip(p["tails"], p["heads"], capacities, p["costs"]):
        graph.add_edge(int(t), int(h), capacity=int(u), weight=int(c))
    try:
        return nx.network_simplex(graph)[0] + offset
    except nx.NetworkXUnfeasible:
        return None


def ortools_cost(p):
    capacities, supplies, offset = without_lower_bounds(p)
    solver = min_cost_flow_ortools.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(p["tails"], p["heads"], capacities, p["costs"])
    solver.set_nodes_supplies(np.arange(len(supplies)), supplies)
    status = solver.solve()
    if status == solver.INFEASIBLE:
        return None
    assert status == solver.OPTIMAL
    return solver.optimal_cost() + offset


@settings(max_examples=500, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_optimal_cost_matches_networkx_and_ortools(p):
    expected = networkx_cost(p)
    event("infeasible" if expected is None else "optimal")
    assert ortools_cost(p) == expected
    for algorithm in ("network-simplex", "cost-scaling"):
        result = donorflow.min_cost_flow(**p, algorithm=algorithm)
        if expected is None:
            assert result.status == "INFEASIBLE", (algorithm, result)
            continue
        assert result.optimal and result.cost == expected, (algorithm, result)
        proof = donorflow.check_certificate(**p, flow=result.flow, potentials=result.potentials)
        assert proof.ok, (algorithm, proof.failure)
        assert proof.primal_cost == proof.dual_objective == expected
