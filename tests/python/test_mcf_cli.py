"""`donorflow mcf` and `donorflow gen` as a user runs them.

The optimal costs are compared with two solvers that share nothing with donorflow: NetworkX's
network simplex, on DIMACS files that this test writes itself, and LEMON 1.3 (`lemon_mcf`, which
reads the file with LEMON's own DIMACS reader), on those files and on every benchmark family.
"""

import json
import random

import networkx as nx
import pytest

from conftest import run


def write_dimacs(path, nodes, arcs, supply, comment="written by the Python test"):
    """An independent DIMACS writer: arcs are (tail, head, low, cap, cost), ids from 0."""
    lines = [f"c {comment}", f"p min {len(nodes)} {len(arcs)}"]
    lines += [f"n {v + 1} {b}" for v, b in enumerate(supply) if b]
    lines += [f"a {t + 1} {h + 1} {lo} {cap} {c}" for t, h, lo, cap, c in arcs]
    path.write_text("\n".join(lines) + "\n")


def networkx_cost(n, arcs, supply):
    """NetworkX min-cost flow (no parallel arcs there: each arc gets a middle node)."""
    g = nx.DiGraph()
    for v in range(n):
        g.add_node(v, demand=-supply[v])
    for i, (t, h, lo, cap, c) in enumerate(arcs):
        assert lo == 0
        mid = ("arc", i)
        g.add_node(mid, demand=0)
        g.add_edge(t, mid, capacity=cap, weight=c)
        g.add_edge(mid, h, capacity=cap, weight=0)
    try:
        return nx.min_cost_flow_cost(g)
    except nx.NetworkXUnfeasible:
        return None


def mcf_json(donorflow_bin, path, *extra):
    result = run(donorflow_bin, "mcf", path, "--json", *extra)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout), result.returncode


def random_instance(rng):
    n = rng.randint(2, 30)
    arcs = []
    for _ in range(rng.randint(1, 4 * n)):
        arcs.append((rng.randrange(n), rng.randrange(n), 0, rng.randint(0, 20), rng.randint(0, 100)))
    supply = [0] * n
    for t, h, _, cap, _ in arcs:  # the net outflow of a random feasible flow
        x = rng.randint(0, cap)
        supply[t] += x
        supply[h] -= x
    if rng.random() < 0.2:  # sometimes shift supply, which is usually infeasible
        supply[rng.randrange(n)] += 5
        supply[rng.randrange(n)] -= 5
    return n, arcs, supply


def test_random_files_match_networkx_and_lemon(tmp_path, donorflow_bin, lemon_bin):
    rng = random.Random(7)
    seen = {"OPTIMAL": 0, "INFEASIBLE": 0}
    for i in range(60):
        n, arcs, supply = random_instance(rng)
        path = tmp_path / f"random{i}.min"
        write_dimacs(path, range(n), arcs, supply)
        answer, code = mcf_json(donorflow_bin, path)
        scaled, _ = mcf_json(donorflow_bin, path, "--algorithm", "cost-scaling")
        assert (scaled["status"], scaled["cost"]) == (answer["status"], answer["cost"])
        expected = networkx_cost(n, arcs, supply)
        lemon = json.loads(run(lemon_bin, path).stdout)
        seen[answer["status"]] += 1
        if expected is None:
            assert (answer["status"], code) == ("INFEASIBLE", 1)
            assert lemon["status"] == "INFEASIBLE"
        else:
            assert (answer["status"], code) == ("OPTIMAL", 0)
            assert answer["cost"] == expected == lemon["cost"]
    assert seen["OPTIMAL"] > 30 and seen["INFEASIBLE"] > 3


# Each family at a size that solves in well under a second; the note and docs/performance.md
# give the standard sizes.
FAMILIES = [
    ("alloc", ["--groups", "3000", "--clinics", "80"]),
    ("transport", ["--donors", "60", "--regions", "80"]),
    ("netgen", ["--nodes", "2000"]),
    ("grid", ["--height", "40", "--width", "50"]),
    ("multiperiod", ["--groups", "600", "--clinics", "30", "--periods", "4"]),
]


@pytest.mark.parametrize("family,args", FAMILIES, ids=[f for f, _ in FAMILIES])
def test_every_family_matches_lemon(tmp_path, donorflow_bin, lemon_bin, family, args):
    path = tmp_path / f"{family}.min"
    run(donorflow_bin, "gen", family, *args, "--seed", "3", "-o", path, check=True)
    answer, code = mcf_json(donorflow_bin, path)
    assert code == 0 and answer["status"] == "OPTIMAL"
    for algorithm in ("network-simplex", "cost-scaling"):
        ours, code = mcf_json(donorflow_bin, path, "--algorithm", algorithm)
        assert code == 0 and ours["algorithm"] == algorithm and ours["cost"] == answer["cost"]
        lemon = json.loads(run(lemon_bin, path, algorithm).stdout)
        assert lemon["cost"] == answer["cost"], algorithm


def test_gen_is_deterministic_and_seeded(tmp_path, donorflow_bin):
    a = run(donorflow_bin, "gen", "netgen", "--nodes", "300", "--seed", "5", check=True).stdout
    b = run(donorflow_bin, "gen", "netgen", "--nodes", "300", "--seed", "5", check=True).stdout
    c = run(donorflow_bin, "gen", "netgen", "--nodes", "300", "--seed", "6", check=True).stdout
    assert a == b != c
    assert "\np min 300 2400\n" in a


def test_text_output_has_one_fact_per_line(tmp_path, donorflow_bin):
    path = tmp_path / "small.min"
    write_dimacs(path, range(3), [(0, 1, 0, 5, 2), (1, 2, 0, 5, 3)], [4, 0, -4])
    result = run(donorflow_bin, "mcf", path, "--flows")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    facts = dict(line.split(" ", 1) for line in lines if not line.startswith("f "))
    assert facts["status"] == "OPTIMAL" and facts["cost"] == "20"
    assert facts["algorithm"] == "network-simplex" and float(facts["solve_seconds"]) >= 0
    assert [line for line in lines if line.startswith("f ")] == ["f 1 2 4", "f 2 3 4"]
    answer, _ = mcf_json(donorflow_bin, path, "--flows", "--algorithm", "network-simplex")
    assert set(answer) >= {"status", "cost", "solve_seconds", "algorithm", "nodes", "arcs"}
    assert answer["flows"] == [4, 4] and (answer["nodes"], answer["arcs"]) == (3, 2)


def test_infeasible_and_unbounded_exit_1(tmp_path, donorflow_bin):
    path = tmp_path / "short.min"
    write_dimacs(path, range(2), [(0, 1, 0, 1, 1)], [3, -3])
    answer, code = mcf_json(donorflow_bin, path)
    assert (answer["status"], answer["cost"], code) == ("INFEASIBLE", None, 1)
    assert "node" in answer["message"]
    path.write_text("p min 2 2\na 1 2 0 9223372036854775807 -1\na 2 1 0 9223372036854775807 0\n")
    result = run(donorflow_bin, "mcf", path)
    assert result.returncode == 1 and "status UNBOUNDED" in result.stdout


@pytest.mark.parametrize(
    "text,line,says",
    [
        ("p min 2 1\na 1 2 0 5\n", 2, "missing cost"),
        ("p min 2 1\nn 1 4\nn 2 -3\na 1 2 0 5 1\n", None, "sum to 1"),
        ("p min 2 1\na 1 2 0 5 x\n", 2, "cost 'x' is not an integer"),
    ],
)
def test_bad_input_exits_2_naming_the_line(tmp_path, donorflow_bin, text, line, says):
    path = tmp_path / "bad.min"
    path.write_text(text)
    result = run(donorflow_bin, "mcf", path)
    assert result.returncode == 2
    assert says in result.stderr
    if line is not None:
        assert f"bad.min:{line}:" in result.stderr


def test_usage_errors_exit_2(tmp_path, donorflow_bin):
    assert run(donorflow_bin, "mcf").returncode == 2
    result = run(donorflow_bin, "mcf", "x.min", "--algorithm", "simplex-magic")
    assert result.returncode == 2 and "unknown algorithm" in result.stderr
    result = run(donorflow_bin, "gen", "nosuchfamily")
    assert result.returncode == 2 and "nosuchfamily" in result.stderr
    assert run(donorflow_bin, "help").returncode == 0
