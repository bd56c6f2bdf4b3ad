"""donorflow.sweep: variants equal their scenarios solved alone, whatever runs them (threads,
chunks, a Dask cluster of worker processes); uncertainty figures; errors that name the change."""

import math
from concurrent.futures import ThreadPoolExecutor

import matplotlib
import numpy as np
import pandas as pd
import pytest

import donorflow
from donorflow import DrawNeeds, ScaleNeeds, ScaleOffers, SetCapacity, SetUnitCost, Withdraw

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def iraq():
    return donorflow.examples.load("iraq_free_care")


def comparable(result):
    """The figures that must not depend on how the sweep ran (not its timings)."""
    return result.table.drop(columns=["seconds"]), result.region_shares


def assert_same(a, b):
    pd.testing.assert_frame_equal(comparable(a)[0], comparable(b)[0])
    pd.testing.assert_frame_equal(comparable(a)[1], comparable(b)[1])


def edited(scenario, change):
    """The scenario a single change describes, built by editing its tables."""
    offers = scenario.offers.astype({"amount": float})
    needs = scenario.needs.astype({"amount": float})
    resolution = scenario.resources.set_index("id")["resolution"].fillna(1.0) \
        if "resolution" in scenario.resources else None

    def rounded(frame, rows, by):
        # As the engine rounds to each resource's resolution: half away from zero.
        step = frame.loc[rows, "resource"].map(resolution) if resolution is not None else 1.0
        return np.floor(frame.loc[rows, "amount"] * by / step + 0.5) * step

    capacities = scenario.capacities.copy()
    if isinstance(change, Withdraw):
        offers.loc[offers["donor"] == change.donor, "amount"] = 0
    elif isinstance(change, ScaleNeeds):
        rows = needs["region"].isin(change.region)
        needs.loc[rows, "amount"] = rounded(needs, rows, change.by)
    elif isinstance(change, ScaleOffers):
        rows = offers["id"] == change.offer
        offers.loc[rows, "amount"] = rounded(offers, rows, change.by)
    elif isinstance(change, SetUnitCost):
        offers.loc[offers["id"] == change.offer, "unit_cost"] = change.unit_cost
    elif isinstance(change, SetCapacity):
        rows = (capacities["site"] == change.site) & (capacities["resource"] == change.resource)
        capacities.loc[rows, "amount"] = change.amount
    return scenario.replace(offers=offers, needs=needs, capacities=capacities)


CHANGES = {
    "ministry withdraws": Withdraw(donor="Ministry of Health"),
    "south needs +20%": ScaleNeeds(1.2, region=["basra", "maysan", "dhi-qar"]),
    "pledge doubles": ScaleOffers(2, offer="surgery-clinic-ramadi"),
    "handling costs": SetUnitCost("slots-clinic-ramadi", 3.5),
    "clinic capacity": SetCapacity("clinic-ramadi", "consultation", 100),
}


def test_each_variant_equals_its_scenario_solved_alone(iraq):
    result = donorflow.sweep(iraq, CHANGES, progress=False)
    assert list(result.table.index) == list(CHANGES)
    assert result.table["warm"].all()
    for name, change in CHANGES.items():
        plan = edited(iraq, change).solve(shadow_prices=False, price_of_fairness=False)
        row = result.table.loc[name]
        assert row["status"] == plan.status == "OPTIMAL"
        assert row["objective"] == plan.summary["objective"], name
        for totals in plan.summary["resources"]:
            assert row[f"met:{totals['resource']}"] == pytest.approx(totals["met"]), name
            assert row[f"unmet:{totals['resource']}"] == pytest.approx(totals["unmet"]), name
    # The base row is the base plan's.
    base_plan = iraq.solve(shadow_prices=False, price_of_fairness=False)
    assert result.base["objective"] == base_plan.summary["objective"]
    pd.testing.assert_series_equal(
        result.base_region_shares.dropna(), base_plan.region_shares["share_met"],
        check_names=False, check_index_type=False)


def test_results_do_not_depend_on_threads_or_chunks(iraq):
    variants = dict(CHANGES, **donorflow.draws(30, seed=7))
    one = donorflow.sweep(iraq, variants, ThreadPoolExecutor(1), chunk_size=len(variants),
                          progress=False)
    with ThreadPoolExecutor(3) as pool:
        many = donorflow.sweep(iraq, variants, pool, chunk_size=2, progress=False)
    default = donorflow.sweep(iraq, variants, progress=False)
    assert_same(one, many)
    assert_same(one, default)


def test_draws_are_reproducible_and_independent(iraq):
    a = donorflow.sweep(iraq, donorflow.draws(20, seed=3), progress=False)
    b = donorflow.sweep(iraq, donorflow.draws(20, seed=3), progress=False)
    c = donorflow.sweep(iraq, donorflow.draws(20, seed=4), progress=False)
    assert_same(a, b)
    assert not np.array_equal(a.table["objective"], c.table["objective"])
    assert a.table["objective"].nunique() > 10  # the draws differ from one another
    for distribution in ("normal", "lognormal", lambda rng, x: x * rng.uniform(0.5, 1.5, x.size)):
        r = donorflow.sweep(iraq, donorflow.draws(3, seed=1, distribution=distribution, cv=0.3),
                            progress=False)
        assert r.optimal.all()


def test_probability_below_and_quantiles_follow_the_shares(iraq):
    result = donorflow.sweep(iraq, donorflow.draws(120, seed=11, distribution="normal", cv=0.4),
                             progress=False)
    shares = result.region_shares
    table = result.probability_below(0.8)
    for region, row in table.iterrows():
        column = shares[region].dropna()
        p = float((column < 0.8).mean())
        assert row["variants"] == len(column) == 120
        assert row["probability"] == pytest.approx(p)
        assert row["standard_error"] == pytest.approx(math.sqrt(p * (1 - p) / 120))
        assert row["low"] <= p <= row["high"]
    assert table["probability"].is_monotonic_decreasing
    q = result.quantiles((0.1, 0.5, 0.9))
    assert (q["q0.1"] <= q["q0.5"]).all() and (q["q0.5"] <= q["q0.9"]).all()
    assert q.loc["basra", "q0.5"] == pytest.approx(shares["basra"].median())
    tidy = result.figures
    assert set(tidy["figure"]) == {"objective", "lowest_share", "gini", "met", "unmet",
                                   "share_met"}
    per_region = tidy[tidy["figure"] == "share_met"].set_index(["variant", "region"])["value"]
    assert per_region.loc[("draw 5", "basra")] == shares.loc["draw 5", "basra"]
    assert result.plot_quantiles() is not None
    assert result.plot_distribution("gini") is not None
    assert result.plot_distribution("basra") is not None


def test_bad_changes_are_named(iraq):
    with pytest.raises(ValueError, match="withdraw offer nope: no offer has id 'nope'"):
        donorflow.sweep(iraq, [Withdraw(offer="nope")])
    with pytest.raises(ValueError, match="no region has id 'atlantis'"):
        donorflow.sweep(iraq, [ScaleNeeds(1.1, region="atlantis")])
    with pytest.raises(ValueError, match="factor must be a finite number"):
        donorflow.sweep(iraq, [ScaleOffers(-1, donor="Ministry of Health")])
    with pytest.raises(ValueError, match="name the offers"):
        donorflow.sweep(iraq, [Withdraw()])
    with pytest.raises(TypeError, match="not a change"):
        donorflow.sweep(iraq, [42])
    bad = iraq.replace(needs=iraq.needs.assign(priority=-1.0))
    with pytest.raises(donorflow.ScenarioError, match="needs row 0"):
        donorflow.sweep(bad, CHANGES)


def test_progress_bar(iraq, capsys):
    donorflow.sweep(iraq, donorflow.draws(5, seed=1), progress=True)
    assert "5/5" in capsys.readouterr().err


def test_a_dask_cluster_of_worker_processes_gives_the_same_results(iraq):
    distributed = pytest.importorskip("distributed")
    variants = dict(CHANGES, **donorflow.draws(40, seed=5))
    local = donorflow.sweep(iraq, variants, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = donorflow.sweep(iraq, variants, client.get_executor(), chunk_size=5,
                                 progress=False)
        # The chunks ran in the workers' own processes.
        assert len(client.run(lambda: 1)) == 2
    assert_same(local, remote)
