"""donorflow.Scenario and Plan: tables in, tables out, errors that point at the cell."""

import json
import math
import subprocess
import sys
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest

import donorflow

matplotlib.use("Agg")


def tables():
    """A small scenario: two regions, one clinic, a fund and clinic slots."""
    return dict(
        resources=pd.DataFrame({"id": ["usd", "slots"], "unit": ["USD", "consultation"],
                                "kind": ["funds", "service"]}),
        regions=pd.DataFrame({"id": ["007", "north"], "name": ["Seven", "North"],
                              "lat": [33.3, 36.2], "lon": [44.4, 43.9],
                              "population": [5e5, 2e5], "deprivation": [0.8, 0.3]}),
        sites=pd.DataFrame({"id": ["clinic"], "region": ["007"], "lat": [33.4], "lon": [44.3]}),
        capacities=pd.DataFrame({"site": ["clinic"], "resource": ["slots"], "period": [1],
                                 "amount": [300]}),
        offers=pd.DataFrame({"id": ["fund", "free-slots"], "donor": ["charity", "hospital"],
                             "resource": ["usd", "slots"], "amount": [1000, 500],
                             "site": [None, "clinic"],
                             "allowed_regions": [["007", "north"], None]}),
        needs=pd.DataFrame({"id": ["n1", "n2", "n3"], "region": ["007", "north", "007"],
                            "resource": ["usd", "usd", "slots"], "amount": [800, 600, 400],
                            "priority": [2.0, 1.0, 1.0]}),
        policy={"unmet_cost": 100, "equity_tiers": [{"share": 1, "weight": 1}]},
        name="small",
    )


@pytest.fixture(scope="module")
def plan():
    return donorflow.Scenario(**tables()).solve()


def test_plan_tables_keep_the_callers_ids(plan):
    assert plan.status == "OPTIMAL" and plan.optimal
    assert plan.check_certificate() == (True, "")
    allocations = plan.allocations
    assert set(allocations["region"]) <= {"007", "north"} and "007" in set(allocations["region"])
    assert allocations.loc[allocations["need"] == "n1", "amount"].sum() == 800  # priority first
    needs = plan.coverage[plan.coverage["level"] == "need"].set_index("id")
    assert needs.loc["n2", "met"] == 200 and needs.loc["n2", "unmet"] == 400
    assert needs.loc["n3", "met"] == 300  # the clinic's capacity
    assert set(plan.explanations["need"]) == {"n2", "n3"}
    assert set(plan.shadow_prices["kind"]) == {"offer", "site_capacity", "need"}
    assert plan.summary["status"] == "OPTIMAL" and plan.summary["objective"] == plan.objective
    assert {r["resource"] for r in plan.summary["resources"]} == {"usd", "slots"}
    assert plan.region_shares.index.tolist() == ["007", "north"]


def test_explain_reads_as_a_sentence(plan):
    sentence = plan.explain("n3")
    assert sentence.startswith('Need "n3"') and "capacity" in sentence and "clinic" in sentence
    assert "fully met" in plan.explain("n1")
    with pytest.raises(KeyError, match="no need has id 'nope'"):
        plan.explain("nope")


def test_ids_may_be_the_index_and_columns_may_be_renamed():
    t = tables()
    t["needs"] = t["needs"].set_index("id").rename(columns={"amount": "beneficiaries"})
    scenario = donorflow.Scenario(**t, columns={"needs": {"beneficiaries": "amount"}})
    assert "beneficiaries" in scenario.needs.columns  # the caller's table is kept as given
    plan = scenario.solve()
    assert set(plan.coverage.loc[plan.coverage["level"] == "need", "id"]) == {"n1", "n2", "n3"}


def test_unknown_columns_are_kept_and_warned_about():
    t = tables()
    t["needs"] = t["needs"].assign(priorty=[5, 5, 5])
    with pytest.warns(UserWarning, match=r"needs: columns \['priorty'\] are not fields"):
        scenario = donorflow.Scenario(**t)
    assert "priorty" in scenario.needs.columns


@pytest.mark.parametrize("table, row, column, value, message", [
    ("offers", 1, "amount", -5, 'offers row 1 (id "free-slots"), field "amount": '),
    ("needs", 2, "region", "south", 'needs row 2 (id "n3"), field "region": '),
    ("needs", 0, "amount", math.nan, 'needs row 0 (id "n1"), field "amount": '),
    ("needs", 1, "amount", math.inf,
     'needs row 1 (id "n2"), field "amount": inf is not a finite number'),
    ("regions", 1, "lat", "north-ish",
     'regions row 1 (id "north"), field "lat": \'north-ish\' is not a number'),
    ("capacities", 0, "site", "nowhere", 'capacities row 0, field "site": \'nowhere\' is not'),
])
def test_errors_name_table_row_and_field(table, row, column, value, message):
    t = tables()
    frame = t[table].astype(object)
    frame.loc[row, column] = value
    t[table] = frame
    with pytest.raises(donorflow.ScenarioError) as error:
        donorflow.Scenario(**t).solve()
    assert str(error.value).startswith(message), str(error.value)
    assert (error.value.table, error.value.row, error.value.field) == (table, row, column)


def test_capacity_errors_point_at_the_capacities_row():
    t = tables()
    t["sites"] = pd.concat([t["sites"], pd.DataFrame(
        {"id": ["clinic-2"], "region": ["north"], "lat": [36.1], "lon": [43.8]})])
    t["capacities"] = pd.DataFrame({"site": ["clinic-2", "clinic", "clinic"],
                                    "resource": ["slots", "slots", "usd"],
                                    "period": [1, 1, 1], "amount": [10, 300, -4]})
    with pytest.raises(donorflow.ScenarioError) as error:
        donorflow.Scenario(**t).solve()
    assert str(error.value).startswith('capacities row 2 (site "clinic"), field "amount": ')
    assert (error.value.table, error.value.row, error.value.field) == ("capacities", 2, "amount")


def test_numpy_values_in_policy_and_integer_index_labels():
    t = tables()
    t["policy"] = {"unmet_cost": np.int64(100), "equity_tiers": pd.DataFrame(
        {"share": [1.0], "weight": [np.float64(1.0)]})}
    assert donorflow.Scenario(**t).solve().objective == pytest.approx(
        donorflow.Scenario(**tables()).solve().objective)
    with pytest.raises(donorflow.ScenarioError, match='policy, field "unmet_cost": nan is not'):
        donorflow.Scenario(**dict(tables(), policy={"unmet_cost": np.nan}))
    t = tables()
    t["needs"] = t["needs"].set_axis([5, 6, 7])
    t["needs"].loc[6, "amount"] = -1
    with pytest.raises(donorflow.ScenarioError, match=r"^needs row 1 \(index 6\) \(id \"n2\"\)"):
        donorflow.Scenario(**t).solve()


def test_duplicate_columns_and_late_misspellings():
    t = tables()
    with pytest.raises(donorflow.ScenarioError, match='needs: column "amount" appears twice'):
        donorflow.Scenario(**t, columns={"needs": {"priority": "amount"}})
    scenario = donorflow.Scenario(**tables())
    scenario.needs["priorty"] = 5
    with pytest.warns(UserWarning, match=r"needs: columns \['priorty'\] are not fields"):
        scenario.solve()


def test_a_plan_without_needs_still_displays():
    t = tables()
    t["needs"] = t["needs"].assign(amount=0)
    plan = donorflow.Scenario(**t).solve(algorithm="NETWORK_SIMPLEX")
    assert "lowest regional share -" in repr(plan)
    plan.plot_coverage()
    plan.plot_map()
    import matplotlib.pyplot as plt

    plt.close("all")


def test_errors_name_the_index_label_and_the_callers_column():
    t = tables()
    t["needs"] = t["needs"].set_index("id").rename(columns={"amount": "beneficiaries"})
    t["needs"].loc["n2", "beneficiaries"] = -1
    with pytest.raises(donorflow.ScenarioError) as error:
        donorflow.Scenario(**t, columns={"needs": {"beneficiaries": "amount"}}).solve()
    assert str(error.value).startswith(
        'needs row 1 (id "n2"), field "amount" (your column "beneficiaries"): ')
    t["needs"] = t["needs"].reset_index().set_index(pd.Index(["a", "b", "c"]))
    with pytest.raises(donorflow.ScenarioError) as error:
        donorflow.Scenario(**t, columns={"needs": {"beneficiaries": "amount"}}).solve()
    assert str(error.value).startswith("needs row 1 (index 'b') (id \"n2\"), field \"amount\"")


def test_errors_in_files_name_the_line(tmp_path):
    document = json.loads(donorflow.Scenario(**tables()).to_json())
    document["needs"][1]["amount"] = -3
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, indent=2))
    with pytest.raises(donorflow.ScenarioError) as error:
        donorflow.Scenario.from_json(path)
    message = str(error.value)
    assert message.startswith(f"{path}:") and ': needs row 1 (id "n2"), field "amount"' in message
    line = int(message[len(f"{path}:"):].split(":")[0])
    row = "".join(path.read_text().splitlines()[line - 1:line + 8])  # the row's object
    assert '"id": "n2"' in row and '"amount": -3' in row
    assert error.value.field == "amount"


def test_scenarios_keep_copies_and_replace_makes_variants():
    t = tables()
    base = donorflow.Scenario(**t)
    t["needs"].loc[0, "amount"] = 1  # the caller's frame, after construction
    assert base.needs.loc[0, "amount"] == 800
    plan = base.solve()
    variant = base.replace(offers=base.offers[base.offers["id"] != "fund"], name="no fund")
    variant.regions.loc[0, "name"] = "Renamed"
    assert base.regions.loc[0, "name"] == "Seven" and variant.name == "no fund"
    assert variant.policy == base.policy and len(variant.offers) == 1
    base.regions.loc[0, "name"] = "Later"  # a plan shows the regions it was solved with
    assert plan.region_shares.loc["007", "name"] == "Seven"
    with pytest.raises(TypeError, match="unknown arguments"):
        base.replace(demands=None)


def test_policy_fields_are_checked():
    with pytest.raises(donorflow.ScenarioError, match='policy, field "unmet_costs"'):
        donorflow.Scenario(**dict(tables(), policy={"unmet_costs": 5}))


def test_json_csv_and_excel_round_trips_give_the_same_plan(tmp_path, plan):
    scenario = donorflow.Scenario(**tables())
    from_json = donorflow.Scenario.from_json(scenario.to_json(tmp_path / "s.json"))
    scenario.to_csv(tmp_path / "csv")
    from_csv = donorflow.Scenario.from_csv(tmp_path / "csv")
    assert from_csv.regions["id"].tolist() == ["007", "north"]  # "007" stays text
    assert from_csv.name == "small"
    with pd.ExcelWriter(tmp_path / "s.xlsx") as workbook:
        for name, frame in scenario.tables.items():
            if name == "offers":  # a spreadsheet cell holds a list as "a; b"
                frame = frame.assign(allowed_regions=frame["allowed_regions"].map(
                    lambda v: v if v is None else "; ".join(v)))
            frame.to_excel(workbook, sheet_name=name, index=False)
        pd.DataFrame({"field": ["unmet_cost"], "value": [100]}).to_excel(
            workbook, sheet_name="policy", index=False)
        pd.DataFrame({"share": [1.0], "weight": [1.0]}).to_excel(
            workbook, sheet_name="equity_tiers", index=False)
    from_excel = donorflow.Scenario.from_excel(tmp_path / "s.xlsx")
    for other in (from_json, from_csv, from_excel):
        solved = other.solve()
        assert solved.objective == pytest.approx(plan.objective, rel=0, abs=1e-9)
        pd.testing.assert_frame_equal(solved.allocations, plan.allocations)


def test_compare_says_what_changed(plan):
    t = tables()
    t["offers"] = t["offers"][t["offers"]["id"] != "fund"]
    without_fund = donorflow.Scenario(**t).solve()
    change = plan.compare(without_fund)
    assert set(change.allocations["offer"]) == {"fund"}
    assert (change.allocations["after"] == 0).all() and (change.allocations["change"] < 0).all()
    assert set(change.coverage["need"]) == {"n1", "n2"}
    assert change.equity.loc["met usd", "change"] == -1000
    assert change.equity.loc["objective", "change"] > 0
    assert (change.regions["change"] <= 0).all()
    infeasible = donorflow.Scenario(**tables()).replace(
        needs=tables()["needs"].assign(min_share=[0, 0, 1.0])).solve()
    with pytest.raises(ValueError, match="cannot compare: the after plan is INFEASIBLE"):
        plan.compare(infeasible)
    same = plan.compare(donorflow.Scenario(**tables()).solve())
    assert same.allocations.empty and same.coverage.empty
    assert (same.equity["change"].fillna(0) == 0).all()


def test_html_and_plots(plan):
    for shown in (plan, plan.summary, donorflow.Scenario(**tables()), plan.compare(plan)):
        assert "<table" in shown._repr_html_()
    assert "007" in plan._repr_html_() or "Seven" in plan._repr_html_()
    coverage = plan.plot_coverage()
    assert [t.get_text() for t in coverage.get_yticklabels()] == ["North", "Seven"]
    flows = plan.plot_flows()
    assert flows.images and flows.get_ylabel() == "donor"
    assert plan.plot_flows("usd").images
    with pytest.raises(ValueError, match="allocates nothing of resource 'gold'"):
        plan.plot_flows("gold")
    assert len(plan.plot_map().collections) >= 2  # regions and sites
    import matplotlib.pyplot as plt

    plt.close("all")


def test_infeasible_minimum_shares_are_a_status_naming_the_needs():
    t = tables()
    t["needs"] = t["needs"].assign(min_share=[0, 0, 1.0])  # n3 needs 400 slots, clinic has 300
    plan = donorflow.Scenario(**t).solve()
    assert plan.status == "INFEASIBLE" and not plan.optimal
    assert [m["need"] for m in plan.summary["unmet_minimums"]] == ["n3"]
    assert '"n3"' in plan.message and math.isnan(plan.objective)


def test_examples_are_ready_scenarios():
    assert donorflow.examples.names() == ["algeria_twinning", "homs_partnership",
                                          "iran_retention", "iraq_free_care", "saudi_hasan"]
    assert isinstance(donorflow.examples.iraq_free_care(), donorflow.Scenario)
    with pytest.raises(AttributeError):
        donorflow.examples.atlantis  # noqa: B018
    with pytest.raises(KeyError, match="no example is named"):
        donorflow.examples.load("atlantis")


@pytest.mark.parametrize("name", ["algeria_twinning", "homs_partnership", "iran_retention",
                                  "iraq_free_care", "saudi_hasan"])
def test_examples_give_the_programs_answer(name, tmp_path, donorflow_bin):
    """The worked examples through Python, from JSON and rebuilt from DataFrames, give the same
    files as `donorflow solve` on the same file."""
    subprocess.run([str(donorflow_bin), "solve", str(donorflow.examples.path(name)), "-o",
                    str(tmp_path / "cli")], check=True, capture_output=True)
    from_file = donorflow.examples.load(name)
    rebuilt = donorflow.Scenario(**from_file.tables, policy=from_file.policy,
                                 name=from_file.name, description=from_file.description)
    for label, scenario in (("json", from_file), ("frames", rebuilt)):
        plan = scenario.solve()
        assert plan.check_certificate()[0]
        plan.write(str(tmp_path / label))
        for table in ("allocations", "coverage", "shadow_prices", "explanations"):
            ours = (tmp_path / label / f"{table}.csv").read_text()
            assert ours == (tmp_path / "cli" / f"{table}.csv").read_text(), (label, table)
            pd.testing.assert_frame_equal(
                getattr(plan, table), donorflow.plan._read_table(table, ours))
        summary = json.loads((tmp_path / "cli" / "summary.json").read_text())
        for key in ("status", "objective", "resources", "equity"):
            assert plan.summary[key] == summary[key], (label, key)


def test_python_m_donorflow_runs_the_programs_commands(tmp_path, donorflow_bin):
    ours = subprocess.run([sys.executable, "-m", "donorflow", "demo", "-o", str(tmp_path / "a")],
                          capture_output=True, text=True)
    theirs = subprocess.run([str(donorflow_bin), "demo", "-o", str(tmp_path / "b")],
                            capture_output=True, text=True)
    assert ours.returncode == theirs.returncode == 0
    strip = lambda text: [l for l in text.splitlines() if not l.startswith(("seconds", "wrote"))
                          and "solved exactly in" not in l]
    assert strip(ours.stdout) == strip(theirs.stdout)
    for table in ("allocations", "coverage", "shadow_prices", "explanations"):
        assert (tmp_path / "a" / f"{table}.csv").read_text() == \
            (tmp_path / "b" / f"{table}.csv").read_text()
    bad = subprocess.run([sys.executable, "-m", "donorflow", "mcf", str(tmp_path / "no.min")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "cannot open" in bad.stderr
