"""`donorflow solve` and `donorflow demo` as a user runs them: every worked example solves and
writes the five files, the files agree with each other, and bad scenarios fail naming the place."""

import csv
import json

import pytest

from conftest import ROOT, run

EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.json"))
FILES = ["allocations.csv", "coverage.csv", "shadow_prices.csv", "explanations.csv", "summary.json"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_there_are_five_worked_examples():
    assert [p.stem for p in EXAMPLES] == [
        "algeria_twinning", "homs_partnership", "iran_retention", "iraq_free_care", "saudi_hasan"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_solves_and_writes_five_consistent_files(tmp_path, donorflow_bin, example):
    out = tmp_path / "plan"
    result = run(donorflow_bin, "solve", example, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "status OPTIMAL" in result.stdout
    for name in FILES:
        assert (out / name).is_file(), name
    summary = json.loads((out / "summary.json").read_text())
    scenario = json.loads(example.read_text())
    assert summary["status"] == "OPTIMAL"
    assert set(summary["seconds"]) == {"read", "compile", "solve", "explain"}
    coverage = [r for r in read_csv(out / "coverage.csv") if r["level"] == "need"]
    assert len(coverage) == len(scenario["needs"])
    allocated = {}
    for row in read_csv(out / "allocations.csv"):
        allocated[row["need"]] = allocated.get(row["need"], 0) + float(row["amount"])
    for row in coverage:
        assert abs(float(row["met"]) - allocated.get(row["id"], 0)) < 1e-6, row["id"]
        assert abs(float(row["met"]) + float(row["unmet"]) - float(row["amount"])) < 1e-6
    unmet = {r["id"] for r in coverage if float(r["unmet"]) > 0}
    assert {r["need"] for r in read_csv(out / "explanations.csv")} == unmet
    kinds = {r["kind"] for r in read_csv(out / "shadow_prices.csv")}
    assert {"offer", "need"} <= kinds
    for resource in summary["resources"]:
        assert abs(resource["met"] + resource["unmet"] - resource["needed"]) < 1e-6


def test_demo_prints_a_summary_and_writes_the_files(tmp_path, donorflow_bin):
    result = run(donorflow_bin, "demo", "-o", tmp_path / "demo")
    assert result.returncode == 0, result.stderr
    for words in ["Iraq", "status OPTIMAL", "share met by region", "Muthanna", "largest unmet needs",
                  "Gini"]:
        assert words in result.stdout, words
    for name in FILES:
        assert (tmp_path / "demo" / name).is_file()


def test_bad_scenario_names_file_line_table_row_and_field(tmp_path, donorflow_bin):
    scenario = json.loads((ROOT / "data" / "examples" / "homs_partnership.json").read_text())
    scenario["offers"][2]["amount"] = -5
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(scenario, indent=1))
    result = run(donorflow_bin, "solve", path, "-o", tmp_path / "out")
    assert result.returncode == 2
    assert "bad.json:" in result.stderr
    assert 'offers row 2 (id "charity-c-lab"), field "amount": is negative' in result.stderr
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_infeasible_minimums_exit_1_naming_the_needs(tmp_path, donorflow_bin):
    scenario = json.loads((ROOT / "data" / "examples" / "homs_partnership.json").read_text())
    for need in scenario["needs"]:
        if need["resource"] == "vaccine_doses":
            need["min_share"] = 1.0
    path = tmp_path / "strict.json"
    path.write_text(json.dumps(scenario))
    result = run(donorflow_bin, "solve", path, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert "status INFEASIBLE" in result.stdout
    assert "lacks" in result.stdout and "vaccination-" in result.stdout
