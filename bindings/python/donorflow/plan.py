"""Plans: what a solved scenario gives to whom, what stays unmet and why, and how fair it is."""

from __future__ import annotations

import html
import io
import json
from typing import TYPE_CHECKING, Any, Dict, Iterator, Mapping, Optional, Tuple

import pandas as pd

from . import _core

if TYPE_CHECKING:
    import matplotlib.axes

    from .scenario import Scenario

# Text columns of each table, read as text so that ids stay exactly what the scenario says.
_TEXT_COLUMNS = {
    "allocations": ["offer", "donor", "need", "region", "site", "resource", "unit"],
    "coverage": ["level", "id", "region", "resource", "purpose"],
    "shadow_prices": ["kind", "id", "resource"],
    "explanations": ["need", "region", "resource", "reason", "detail"],
}


def _read_table(name: str, csv: str) -> pd.DataFrame:
    text = _TEXT_COLUMNS[name]
    header = csv.split("\n", 1)[0].split(",")
    return pd.read_csv(io.StringIO(csv), dtype={c: str for c in text},
                       keep_default_na=False,
                       na_values={c: [""] for c in header if c not in text})


class Summary(Mapping[str, Any]):
    """The plan's summary: a read-only dict of what ``summary.json`` holds.

    Keys: ``status``, ``objective``, ``resources`` (offered, allocated, unused, needed, met and
    unmet per resource), ``equity``, ``seconds`` and ``network``. ``equity`` holds:

    - ``lowest_share_met`` and ``lowest_region``; ``gini``, population-weighted, of the regions'
      shares met;
    - ``share_met_by_region`` (by region id) and ``share_met_by_deprivation_quintile``: five
      shares, least deprived first, None for a quintile without needs;
    - ``cost_with_tiers`` and ``cost_without_tiers``: this plan, and the best plan that ignores
      equity tiers, both counted with flat shortfall penalties (so neither is the objective);
      ``price_of_fairness`` is their difference.
    """

    def __init__(self, values: Dict[str, Any]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Summary({json.dumps(self._values, indent=1)})"

    def to_dict(self) -> Dict[str, Any]:
        """A plain, deep copy of the summary."""
        return json.loads(json.dumps(self._values))

    def _repr_html_(self) -> str:
        rows = []
        for key in ("status", "objective"):
            rows.append(f"<tr><th style='text-align:left'>{key}</th>"
                        f"<td>{html.escape(str(self._values.get(key)))}</td></tr>")
        equity = self._values.get("equity", {})
        for key in ("lowest_share_met", "lowest_region", "gini", "price_of_fairness"):
            if key in equity:
                value = equity[key]
                shown = f"{value:.4g}" if isinstance(value, float) else str(value)
                rows.append(f"<tr><th style='text-align:left'>{key}</th>"
                            f"<td>{html.escape(shown)}</td></tr>")
        text = f"<table><tbody>{''.join(rows)}</tbody></table>"
        if self._values.get("resources"):
            text += pd.DataFrame(self._values["resources"]).to_html(index=False)
        return text


class Plan:
    """The solution of a :class:`~donorflow.Scenario`, returned by ``scenario.solve()``.

    Attributes:
        scenario: the scenario solved.
        status: ``"OPTIMAL"``, or ``"INFEASIBLE"`` when hard minimum shares cannot all be met
            (``message`` and ``summary["unmet_minimums"]`` name the needs and what they lack).
        objective: the optimal cost, in the scenario's cost units.
        allocations: one row per offer, need, site and period given something: ``offer, donor,
            need, region, site, resource, period, amount, unit, unit_cost, km,
            periods_carried, periods_late``.
        coverage: one row per need (``level == "need"``) and per region and resource
            (``level == "region"``): ``amount, met, unmet, share_met``.
        shadow_prices: per offer, site capacity and need: ``one_more`` and ``one_less``, the
            exact change of the objective with one unit more or less (NaN where impossible).
        explanations: one row per need not fully met: ``reason`` (a stable code such as
            ``higher_priority`` or ``site_at_capacity``) and ``detail`` (a sentence).
        summary: :class:`Summary`, the totals and equity figures.

    The tables are exactly the files ``donorflow solve`` writes (see :meth:`write`).
    """

    def __init__(self, scenario: "Scenario", solution: Any) -> None:
        self.scenario = scenario
        self._solution = solution
        tables = {name: _read_table(name, csv) for name, csv in solution.tables()}
        self.allocations: pd.DataFrame = tables["allocations"]
        self.coverage: pd.DataFrame = tables["coverage"]
        self.shadow_prices: pd.DataFrame = tables["shadow_prices"]
        self.explanations: pd.DataFrame = tables["explanations"]
        self.summary = Summary(json.loads(solution.summary_json()))
        self._regions = scenario._rows(["regions"])["regions"]  # as solved, whatever happens to scenario

    @property
    def status(self) -> str:
        """``"OPTIMAL"`` or ``"INFEASIBLE"``."""
        return self._solution.status

    @property
    def optimal(self) -> bool:
        """True when the plan is optimal."""
        return self._solution.status == "OPTIMAL"

    @property
    def message(self) -> str:
        """Why, when the plan is not optimal."""
        return self._solution.message

    @property
    def objective(self) -> float:
        """The optimal cost, in the scenario's cost units; NaN when the plan is not optimal."""
        return self._solution.objective

    @property
    def region_shares(self) -> pd.DataFrame:
        """One row per region with needs: ``name, lat, lon, population, deprivation`` from the
        scenario and ``share_met``, the priority-weighted share of its needs that is met."""
        shares = self.summary.get("equity", {}).get("share_met_by_region", {})
        regions = self._regions
        records = [dict(region=r["id"], name=r.get("name") or r["id"], lat=r["lat"],
                        lon=r["lon"], population=r.get("population") or 0.0,
                        deprivation=r.get("deprivation") or 0.0, share_met=shares[r["id"]])
                   for r in regions if r["id"] in shares]
        columns = ["region", "name", "lat", "lon", "population", "deprivation", "share_met"]
        frame = pd.DataFrame.from_records(records, columns=columns)
        numbers = ["lat", "lon", "population", "deprivation", "share_met"]
        return frame.astype({c: float for c in numbers}).set_index("region")

    def explain(self, need_id: str) -> str:
        """Why need ``need_id`` is met or not, as a sentence.

        Raises:
            KeyError: no need has that id.
        """
        return self._solution.explain(str(need_id))

    def check_certificate(self) -> Tuple[bool, str]:
        """``(ok, failure)``: whether the plan's network flow and node potentials prove it
        optimal, checked by the independent certificate checker."""
        return self._solution.check_certificate()

    def write(self, directory: str) -> None:
        """Write ``allocations.csv``, ``coverage.csv``, ``shadow_prices.csv``,
        ``explanations.csv`` and ``summary.json`` to ``directory``, as ``donorflow solve``
        does; nothing is left half-written if it fails."""
        self._solution.write(str(directory))

    def text(self) -> str:
        """The readable summary ``donorflow demo`` prints."""
        return self._solution.summary_text()

    def compare(self, other: "Plan") -> "PlanComparison":
        """What changes from this plan to ``other``: allocations, coverage, equity.

        Typically ``base.compare(variant)`` after changing an offer or a need. Where a plan has
        several optimal allocations, moves between equally good ones show up as changes too.

        Raises:
            ValueError: either plan is not optimal (an infeasible plan allocates nothing).
        """
        return PlanComparison(self, other)

    # ----------------------------------------------------------------------------- plots

    def plot_coverage(self, ax: "Optional[matplotlib.axes.Axes]" = None) -> "matplotlib.axes.Axes":
        """Bar chart of share met by region, most deprived at the top."""
        from .plotting import plot_coverage

        return plot_coverage(self, ax)

    def plot_flows(self, resource: Optional[str] = None,
                   ax: "Optional[matplotlib.axes.Axes]" = None) -> "matplotlib.axes.Axes":
        """Heat map of what each donor gives each region (of one resource, or as shares)."""
        from .plotting import plot_flows

        return plot_flows(self, resource, ax)

    def plot_map(self, ax: "Optional[matplotlib.axes.Axes]" = None) -> "matplotlib.axes.Axes":
        """Regions at their coordinates, sized by population and coloured by share met."""
        from .plotting import plot_map

        return plot_map(self, ax)

    # ----------------------------------------------------------------------------- display

    def __repr__(self) -> str:
        if not self.optimal:
            return f"Plan({self.status}: {self.message})"
        lowest = self.summary["equity"]["lowest_share_met"]
        return (f"Plan({self.status}, objective {self.objective:.2f}, "
                f"{len(self.allocations)} allocations, {len(self.explanations)} needs not fully "
                f"met, lowest regional share "
                f"{'-' if lowest is None else format(lowest, '.1%')})")

    def _repr_html_(self) -> str:
        title = html.escape(self.scenario.name or "Plan")
        text = f"<div><strong>{title}</strong>: {self.summary._repr_html_()}"
        if self.optimal:
            shares = self.region_shares.sort_values("deprivation", ascending=False)
            text += "<p>share met by region, most deprived first</p>"
            text += shares[["name", "deprivation", "share_met"]].to_html(
                float_format=lambda v: f"{v:.3f}")
            if len(self.explanations):
                largest = self.explanations.sort_values("unmet", ascending=False).head(5)
                text += "<p>largest unmet needs</p>"
                text += largest[["need", "region", "unmet", "detail"]].to_html(index=False)
        return text + "</div>"


class PlanComparison:
    """What changed from one plan (``before``) to another (``after``).

    Attributes:
        allocations: allocations whose amount changed, by ``offer, need, site, period``:
            ``before, after, change`` (0 where a plan has no such allocation).
        coverage: needs whose met amount changed: ``region, resource, met_before, met_after,
            change, share_before, share_after``.
        regions: share met by region in both plans, with its change.
        equity: the headline figures (objective, lowest share met, Gini, price of fairness,
            met and unmet per resource) before and after.
    """

    def __init__(self, before: Plan, after: Plan) -> None:
        for label, plan in (("before", before), ("after", after)):
            if not plan.optimal:
                raise ValueError(f"cannot compare: the {label} plan is {plan.status} "
                                 f"({plan.message})")
        self.before = before
        self.after = after
        keys = ["offer", "need", "site", "period"]
        merged = before.allocations[keys + ["amount"]].merge(
            after.allocations[keys + ["amount"]], on=keys, how="outer",
            suffixes=("_before", "_after")).fillna({"amount_before": 0.0, "amount_after": 0.0})
        merged = merged.rename(columns={"amount_before": "before", "amount_after": "after"})
        merged["change"] = merged["after"] - merged["before"]
        self.allocations: pd.DataFrame = merged[merged["change"] != 0].reset_index(drop=True)

        def needs(plan: Plan) -> pd.DataFrame:
            rows = plan.coverage[plan.coverage["level"] == "need"]
            return rows[["id", "region", "resource", "met", "share_met"]].rename(
                columns={"id": "need"})

        coverage = needs(before).merge(needs(after), on=["need", "region", "resource"],
                                       how="outer", suffixes=("_before", "_after"))
        coverage["change"] = coverage["met_after"].fillna(0) - coverage["met_before"].fillna(0)
        coverage = coverage.rename(columns={"share_met_before": "share_before",
                                            "share_met_after": "share_after"})
        self.coverage: pd.DataFrame = coverage[coverage["change"] != 0][
            ["need", "region", "resource", "met_before", "met_after", "change", "share_before",
             "share_after"]].reset_index(drop=True)

        regions = before.region_shares[["name", "share_met"]].rename(
            columns={"share_met": "before"}).join(
            after.region_shares[["share_met"]].rename(columns={"share_met": "after"}),
            how="outer")
        regions["change"] = regions["after"] - regions["before"]
        self.regions: pd.DataFrame = regions

        self.equity: pd.DataFrame = pd.DataFrame(
            [_headline(before), _headline(after)], index=["before", "after"]).T
        self.equity["change"] = self.equity["after"] - self.equity["before"]

    def __repr__(self) -> str:
        return (f"PlanComparison({len(self.allocations)} allocations changed, "
                f"{len(self.coverage)} needs changed coverage)\n{self.equity}")

    def _repr_html_(self) -> str:
        text = "<div><p>headline figures</p>" + self.equity.to_html(
            float_format=lambda v: f"{v:.4g}")
        moved = self.regions[self.regions["change"].abs() > 1e-12]
        text += f"<p>regions whose share met changed: {len(moved)}</p>"
        if len(moved):
            text += moved.to_html(float_format=lambda v: f"{v:.3f}")
        text += f"<p>allocations changed: {len(self.allocations)}</p>"
        if len(self.allocations):
            text += self.allocations.head(10).to_html(index=False)
        return text + "</div>"


def _headline(plan: Plan) -> Dict[str, float]:
    figures: Dict[str, float] = {"objective": plan.objective if plan.optimal else float("nan")}
    equity = plan.summary.get("equity", {})
    for key in ("lowest_share_met", "gini", "price_of_fairness"):
        figures[key] = equity.get(key, float("nan"))
    for resource in plan.summary.get("resources", []):
        figures[f"met {resource['resource']}"] = resource["met"]
        figures[f"unmet {resource['resource']}"] = resource["unmet"]
    return figures


__all__ = ["Plan", "PlanComparison", "Summary"]
