"""What-if at scale: many variants of one scenario, solved in parallel from its answer.

A variant is one change, or a list of changes, to a base scenario:

- :class:`Withdraw` an offer, or every offer of a donor;
- :class:`ScaleOffers` and :class:`ScaleNeeds` by a factor (a pledge doubles; needs grow by a
  fifth in some regions);
- :class:`SetUnitCost` of an offer, :class:`SetCapacity` of a site;
- :class:`DrawNeeds` from a distribution around their amounts, with a seed; :func:`draws` makes
  ``n`` such variants for a Monte Carlo study.

:func:`sweep` solves the base once and every variant warm from its answer (network simplex from
the base's basis), in chunks on any :class:`concurrent.futures.Executor`: threads by default
(the solver releases the GIL), or a Dask cluster through ``Client.get_executor()``. Each worker
process builds the base once and keeps it for later chunks. Results are identical whatever the
executor and the number of workers: every variant starts from the base answer, never from
another variant's, and draws take their random numbers from their own seed, in this process.

The :class:`SweepResult` holds one row per variant: status, objective, the lowest regional share
and its region, the Gini coefficient of regional shares, what is met and unmet per resource, and
every region's share met; as a tidy DataFrame (:attr:`SweepResult.figures`), as quantiles per
region, and as the probability that a region's share falls below a threshold, with its Monte
Carlo error (:meth:`SweepResult.probability_below`).
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from concurrent.futures import Executor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterable, List, Mapping, Optional,
                    Sequence, Tuple, Union)

import numpy as np
import pandas as pd

from . import _core
from ._errors import ScenarioError
from .flow import _name

if TYPE_CHECKING:
    import matplotlib.axes

    from .scenario import Scenario

__all__ = ["DrawNeeds", "ScaleNeeds", "ScaleOffers", "SetCapacity", "SetUnitCost", "SweepResult",
           "Withdraw", "draws", "sweep"]

Ids = Union[None, str, Sequence[str]]
# Changes for the engine, as columns: kind (as model::ChangeKind), row, resource, period, value.
_Rows = Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
_OFFER_AMOUNT, _OFFER_UNIT_COST, _NEED_AMOUNT, _SITE_CAPACITY = 0, 1, 2, 3


def _changes(kind: int, rows: Any, value: Any, resource: int = -1,
             period: int = 1) -> _Rows:
    count = len(rows)
    return (np.full(count, kind, dtype=np.int8), np.asarray(rows, dtype=np.int32),
            np.full(count, resource, dtype=np.int32), np.full(count, period, dtype=np.int32),
            np.broadcast_to(np.asarray(value, dtype=np.float64), (count,)))


def _ids(value: Ids) -> Optional[List[str]]:
    if value is None:
        return None
    return [value] if isinstance(value, str) else [str(v) for v in value]


class _Base:
    """The base scenario's rows, to turn ids and selections into row positions."""

    def __init__(self, scenario: "Scenario") -> None:
        rows = scenario._rows(("resources", "regions", "sites", "capacities", "offers", "needs"))
        self.resources = [r["id"] for r in rows["resources"]]
        self.regions = rows["regions"]
        self.sites = [r["id"] for r in rows["sites"]]
        self.offers = rows["offers"]
        self.needs = rows["needs"]
        self.offer_at = {o["id"]: i for i, o in enumerate(self.offers)}
        self.need_at = {n["id"]: i for i, n in enumerate(self.needs)}
        self.site_at = {s: i for i, s in enumerate(self.sites)}
        self.resource_at = {r: i for i, r in enumerate(self.resources)}
        self.offer_amount = np.array([float(o["amount"]) for o in self.offers])
        self.need_amount = np.array([float(n["amount"]) for n in self.needs])
        self._selections: Dict[Tuple[str, Any, Any, Any], np.ndarray] = {}

    def _unknown(self, change: str, table: str, field: str, value: str) -> ValueError:
        return ValueError(f"{change}: no {table} has {field} {value!r}")

    def offer_rows(self, change: str, offer: Ids, donor: Ids,
                   resource: Ids = None) -> np.ndarray:
        return np.asarray(self._offer_rows(change, offer, donor, resource), dtype=np.int64)

    def _offer_rows(self, change: str, offer: Ids, donor: Ids, resource: Ids) -> List[int]:
        offers, donors, resources = _ids(offer), _ids(donor), _ids(resource)
        for o in offers or []:
            if o not in self.offer_at:
                raise self._unknown(change, "offer", "id", o)
        for d in donors or []:
            if not any(row.get("donor") == d for row in self.offers):
                raise self._unknown(change, "offer", "donor", d)
        for r in resources or []:
            if r not in self.resource_at:
                raise self._unknown(change, "resource", "id", r)
        return [i for i, row in enumerate(self.offers)
                if (offers is None or row["id"] in offers)
                and (donors is None or row.get("donor") in donors)
                and (resources is None or row.get("resource") in resources)]

    def need_rows(self, change: str, need: Ids, region: Ids, resource: Ids) -> np.ndarray:
        key = ("needs", _key(need), _key(region), _key(resource))
        if key not in self._selections:  # draws select the same needs again and again
            self._selections[key] = np.asarray(
                self._need_rows(change, need, region, resource), dtype=np.int64)
        return self._selections[key]

    def _need_rows(self, change: str, need: Ids, region: Ids, resource: Ids) -> List[int]:
        needs, regions, resources = _ids(need), _ids(region), _ids(resource)
        for n in needs or []:
            if n not in self.need_at:
                raise self._unknown(change, "need", "id", n)
        region_ids = {r["id"] for r in self.regions}
        for r in regions or []:
            if r not in region_ids:
                raise self._unknown(change, "region", "id", r)
        for r in resources or []:
            if r not in self.resource_at:
                raise self._unknown(change, "resource", "id", r)
        return [i for i, row in enumerate(self.needs)
                if (needs is None or row["id"] in needs)
                and (regions is None or row.get("region") in regions)
                and (resources is None or row.get("resource") in resources)]


def _key(value: Ids) -> Any:
    return None if value is None else tuple(_ids(value) or ())


def _selection(**fields: Ids) -> str:
    parts = [f"{name} {', '.join(_ids(value) or [])}" for name, value in fields.items()
             if value is not None]
    return " ".join(parts) if parts else "all"


@dataclass(frozen=True)
class Withdraw:
    """Offers given by id (``offer``) or by donor (``donor``) are withdrawn: their amount is 0."""

    offer: Ids = None
    donor: Ids = None

    @property
    def label(self) -> str:
        return "withdraw " + _selection(offer=self.offer, donor=self.donor)

    def _rows(self, base: _Base) -> _Rows:
        if self.offer is None and self.donor is None:
            raise ValueError("Withdraw: name the offers (offer=) or their donor (donor=)")
        return _changes(_OFFER_AMOUNT, base.offer_rows(self.label, self.offer, self.donor), 0.0)


@dataclass(frozen=True)
class ScaleOffers:
    """The amount of the selected offers (by id, donor and resource; all when none is given) is
    multiplied by ``by``."""

    by: float
    offer: Ids = None
    donor: Ids = None
    resource: Ids = None

    @property
    def label(self) -> str:
        return f"offers x{self.by:g} " + _selection(offer=self.offer, donor=self.donor,
                                                     resource=self.resource)

    def _rows(self, base: _Base) -> _Rows:
        factor = _factor(self.by, self.label)
        rows = base.offer_rows(self.label, self.offer, self.donor, self.resource)
        return _changes(_OFFER_AMOUNT, rows, factor * base.offer_amount[rows])


@dataclass(frozen=True)
class ScaleNeeds:
    """The amount of the selected needs (by id, region and resource; all when none is given) is
    multiplied by ``by``: ``ScaleNeeds(1.2, region=["basra", "maysan"])``."""

    by: float
    need: Ids = None
    region: Ids = None
    resource: Ids = None

    @property
    def label(self) -> str:
        return f"needs x{self.by:g} " + _selection(need=self.need, region=self.region,
                                                    resource=self.resource)

    def _rows(self, base: _Base) -> _Rows:
        factor = _factor(self.by, self.label)
        rows = base.need_rows(self.label, self.need, self.region, self.resource)
        return _changes(_NEED_AMOUNT, rows, factor * base.need_amount[rows])


@dataclass(frozen=True)
class SetUnitCost:
    """Offer ``offer`` costs ``unit_cost`` per unit given (its handling cost)."""

    offer: str
    unit_cost: float

    @property
    def label(self) -> str:
        return f"unit cost {self.unit_cost:g} offer {self.offer}"

    def _rows(self, base: _Base) -> _Rows:
        if not math.isfinite(self.unit_cost):
            raise ValueError(f"{self.label}: unit_cost must be a finite number")
        rows = base.offer_rows(self.label, self.offer, None)
        return _changes(_OFFER_UNIT_COST, rows, float(self.unit_cost))


@dataclass(frozen=True)
class SetCapacity:
    """Site ``site`` can deliver ``amount`` of ``resource`` in ``period``."""

    site: str
    resource: str
    amount: float
    period: int = 1

    @property
    def label(self) -> str:
        return f"capacity {self.amount:g} {self.resource} site {self.site} period {self.period}"

    def _rows(self, base: _Base) -> _Rows:
        if self.site not in base.site_at:
            raise base._unknown(self.label, "site", "id", self.site)
        if self.resource not in base.resource_at:
            raise base._unknown(self.label, "resource", "id", self.resource)
        if not (math.isfinite(self.amount) and self.amount >= 0):
            raise ValueError(f"{self.label}: amount must be a finite number, 0 or more")
        return _changes(_SITE_CAPACITY, [base.site_at[self.site]], float(self.amount),
                        base.resource_at[self.resource], int(self.period))


@dataclass(frozen=True)
class DrawNeeds:
    """The selected needs (all when none is given) are drawn at random around their amounts.

    ``distribution`` is ``"poisson"`` (mean: the amount), ``"normal"`` (mean the amount,
    standard deviation ``cv`` times it, negative draws set to 0), ``"lognormal"`` (mean the
    amount, coefficient of variation ``cv``), or a function ``f(rng, amounts) -> amounts`` of a
    :class:`numpy.random.Generator` and an array. ``seed`` (an int or a tuple of ints) fixes the
    draw: the same seed gives the same amounts on any machine and in any process. Amounts are
    rounded to each resource's resolution.
    """

    seed: Union[int, Tuple[int, ...]]
    distribution: Union[str, Callable[[np.random.Generator, np.ndarray], Any]] = "poisson"
    cv: float = 0.2
    need: Ids = None
    region: Ids = None
    resource: Ids = None

    @property
    def label(self) -> str:
        name = self.distribution if isinstance(self.distribution, str) else "custom"
        return f"draw {name} seed {self.seed} " + _selection(
            need=self.need, region=self.region, resource=self.resource)

    def _rows(self, base: _Base) -> _Rows:
        rows = base.need_rows(self.label, self.need, self.region, self.resource)
        mean = base.need_amount[rows]
        rng = np.random.default_rng(self.seed)
        if callable(self.distribution):
            values = np.asarray(self.distribution(rng, mean.copy()), dtype=float)
            if values.shape != mean.shape:
                raise ValueError(f"{self.label}: the distribution returned an array of shape "
                                 f"{values.shape} for {len(mean)} needs")
        elif self.distribution == "poisson":
            values = rng.poisson(mean).astype(float)
        elif self.distribution == "normal":
            values = np.maximum(0.0, rng.normal(mean, self.cv * mean))
        elif self.distribution == "lognormal":
            sigma2 = math.log1p(self.cv ** 2)
            with np.errstate(divide="ignore"):
                mu = np.log(mean) - sigma2 / 2
            values = np.where(mean > 0, rng.lognormal(np.where(mean > 0, mu, 0.0),
                                                      math.sqrt(sigma2)), 0.0)
        else:
            raise ValueError(f"{self.label}: distribution must be 'poisson', 'normal', "
                             f"'lognormal' or a function, not {self.distribution!r}")
        if not np.all(np.isfinite(values) & (values >= 0)):
            raise ValueError(f"{self.label}: drawn amounts must be finite and 0 or more")
        return _changes(_NEED_AMOUNT, rows, values)


def _factor(by: float, label: str) -> float:
    if not (math.isfinite(by) and by >= 0):
        raise ValueError(f"{label}: the factor must be a finite number, 0 or more")
    return float(by)


def draws(n: int, *, seed: int = 0, distribution: Union[str, Callable] = "poisson",
          cv: float = 0.2, need: Ids = None, region: Ids = None,
          resource: Ids = None) -> Dict[str, DrawNeeds]:
    """``n`` Monte Carlo variants, ``{"draw 0": DrawNeeds(seed=(seed, 0), ...), ...}``: each
    draws the selected needs afresh (see :class:`DrawNeeds`), from seeds that are independent
    streams of ``seed``."""
    if n < 0:
        raise ValueError("draws: n must be 0 or more")
    return {f"draw {i}": DrawNeeds(seed=(seed, i), distribution=distribution, cv=cv, need=need,
                                   region=region, resource=resource) for i in range(n)}


# --- Solving ---------------------------------------------------------------------------------

# One base per scenario text and algorithm in each process: a Dask worker builds it on its first
# chunk and reuses it for every later one.
_BASES: Dict[Tuple[str, str], Any] = {}
_BASES_LOCK = threading.Lock()


def _base_sweep(text: str, algorithm: str) -> Any:
    key = (hashlib.sha256(text.encode()).hexdigest(), algorithm)
    with _BASES_LOCK:
        found = _BASES.get(key)
        if found is None:
            found = _BASES[key] = _core.Sweep(text, "", algorithm)
            while len(_BASES) > 4:  # keep the most recent few
                del _BASES[next(iter(_BASES))]
        return found


def _solve_chunk(text: str, algorithm: str, kind: np.ndarray, index: np.ndarray,
                 resource: np.ndarray, period: np.ndarray, value: np.ndarray,
                 offsets: np.ndarray) -> Dict[str, Any]:
    """Solves one chunk of variants; runs wherever the executor sends it."""
    return _base_sweep(text, algorithm).solve(kind, index, resource, period, value, offsets, 1)


def _variant_list(variants: Union[Mapping[str, Any], Iterable[Any]]
                  ) -> List[Tuple[str, List[Any]]]:
    items = variants.items() if isinstance(variants, Mapping) else \
        ((None, v) for v in variants)
    out: List[Tuple[str, List[Any]]] = []
    for name, value in items:
        changes: List[Any] = list(value) if isinstance(value, (list, tuple)) else [value]
        for c in changes:
            if not hasattr(c, "_rows"):
                raise TypeError(f"a variant holds {c!r}, which is not a change (Withdraw, "
                                "ScaleOffers, ScaleNeeds, SetUnitCost, SetCapacity, DrawNeeds)")
        label = str(name) if name is not None else \
            (" + ".join(c.label for c in changes) or "no change")
        out.append((label, changes))
    names = [n for n, _ in out]
    if len(set(names)) != len(names):
        seen: Dict[str, int] = {}
        for i, (n, c) in enumerate(out):
            seen[n] = seen.get(n, 0) + 1
            if names.count(n) > 1:
                out[i] = (f"{n} [{seen[n]}]", c)
    return out


def sweep(base: "Scenario", variants: Union[Mapping[str, Any], Iterable[Any]],
          executor: Optional[Executor] = None, *, algorithm: str = "auto",
          chunk_size: Optional[int] = None, progress: Optional[bool] = None) -> "SweepResult":
    """Solve every variant of ``base`` and collect their figures.

    Args:
        base: the scenario the variants change.
        variants: a mapping from names to variants, or a sequence of variants (named after
            their changes). A variant is one change (:class:`Withdraw`, :class:`ScaleOffers`,
            :class:`ScaleNeeds`, :class:`SetUnitCost`, :class:`SetCapacity`,
            :class:`DrawNeeds`) or a list of changes applied together.
        executor: where chunks of variants run: any :class:`concurrent.futures.Executor`, such
            as ``ThreadPoolExecutor(4)`` or a Dask cluster's ``client.get_executor()``. By
            default, a thread pool with one thread per core of this machine.
        algorithm: ``"auto"``, ``"network-simplex"`` or ``"cost-scaling"``.
        chunk_size: variants per task. By default, four tasks per thread of the default pool,
            or up to 256 tasks on an executor you give, at most 100 variants each; on a large
            cluster, choose it so that there are a few tasks per worker.
        progress: show a progress bar (tqdm); by default, for 100 variants or more when tqdm
            is installed.

    Returns:
        A :class:`SweepResult`, one row per variant, in the order given.

    Raises:
        ScenarioError: the base scenario is not valid (naming table, row and field).
        ValueError: a change names an offer, need, site, region or resource the base does not
            have, or has a value that is not allowed; the message names the change.
    """
    algorithm = _name(algorithm, "algorithm")
    text = base._document_text()
    try:
        local = _base_sweep(text, algorithm)
    except ScenarioError as error:
        raise base._locate(error) from None
    rows = _Base(base)
    named = _variant_list(variants)
    resolved = [[change._rows(rows) for change in changes] for _, changes in named]

    count = len(resolved)
    own_executor = executor is None
    workers = os.cpu_count() or 1
    if chunk_size is None:
        # Four tasks per thread of our own pool; for an executor we did not make (a cluster of
        # unknown size), up to 256 tasks.
        tasks = 4 * workers if own_executor else 256
        chunk_size = max(1, min(100, math.ceil(count / tasks)))
    chunks = [(start, min(count, start + chunk_size)) for start in range(0, count, chunk_size)]
    if progress is None:
        progress = count >= 100 and _has_tqdm()
    bar = _progress_bar(count) if progress else None

    results: List[Optional[Dict[str, Any]]] = [None] * len(chunks)
    pool: Executor = ThreadPoolExecutor(max_workers=workers) if executor is None else executor
    try:
        futures = {pool.submit(_solve_chunk, text, algorithm, *_arrays(resolved[a:b])): k
                   for k, (a, b) in enumerate(chunks)}
        for future in as_completed(futures):
            k = futures[future]
            results[k] = future.result()
            if bar is not None:
                bar.update(chunks[k][1] - chunks[k][0])
    finally:
        if bar is not None:
            bar.close()
        if own_executor:
            pool.shutdown(wait=True, cancel_futures=True)
    return SweepResult(base, rows, [n for n, _ in named], local.base(),
                       [r for r in results if r is not None], local.arcs)


def _arrays(variants: Sequence[List[_Rows]]) -> Tuple[np.ndarray, ...]:
    """The changes of a chunk of variants as the engine takes them: five columns and the
    offsets of each variant's rows."""
    parts = [part for variant in variants for part in variant]
    offsets = np.zeros(len(variants) + 1, dtype=np.int64)
    np.cumsum([sum(len(p[1]) for p in variant) for variant in variants], out=offsets[1:])
    if not parts:
        return (np.zeros(0, np.int8), np.zeros(0, np.int32), np.zeros(0, np.int32),
                np.zeros(0, np.int32), np.zeros(0, np.float64), offsets)
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(5)) + (offsets,)


def _has_tqdm() -> bool:
    try:
        import tqdm  # type: ignore[import-untyped] # noqa: F401
    except ImportError:
        return False
    return True


def _progress_bar(total: int) -> Any:
    import warnings

    try:
        with warnings.catch_warnings():
            # In Jupyter without ipywidgets, tqdm.auto warns and falls back to a text bar.
            warnings.simplefilter("ignore")
            from tqdm.auto import tqdm  # type: ignore[import-untyped]
    except ImportError:
        raise ImportError("progress=True needs tqdm: pip install tqdm") from None
    return tqdm(total=total, desc="variants", unit="variant")


# --- Results ---------------------------------------------------------------------------------

class SweepResult:
    """The figures of every variant of a sweep, and what they say together.

    Attributes:
        table: one row per variant (indexed by name): ``status``, ``objective``,
            ``lowest_share`` and ``lowest_region``, ``gini``, ``met:<resource>`` and
            ``unmet:<resource>``, ``warm`` (re-solved from the base answer) and ``seconds``.
        region_shares: variants by regions (region ids as columns): the priority-weighted share
            of each region's needs that is met, NaN for a region without needs or a variant
            without an optimal plan.
        base: the same figures for the base scenario, as a Series; ``base_region_shares`` its
            shares by region.
        regions: the base's regions (``name, population, deprivation``), by id.
        arcs: the size of the base network.
    """

    def __init__(self, scenario: "Scenario", rows: _Base, names: List[str],
                 base: Dict[str, Any], chunks: List[Dict[str, Any]], arcs: int) -> None:
        self.scenario = scenario
        self.arcs = arcs
        region_ids = [r["id"] for r in rows.regions]
        self.regions = pd.DataFrame(
            {"name": [r.get("name") or r["id"] for r in rows.regions],
             "population": [float(r.get("population") or 0.0) for r in rows.regions],
             "deprivation": [float(r.get("deprivation") or 0.0) for r in rows.regions]},
            index=pd.Index(region_ids, name="region"))
        index = pd.Index(names, name="variant")
        self.base = _table(rows, [base], pd.Index(["base"], name="variant")).iloc[0]
        self.base_region_shares = pd.Series(np.asarray(base["region_share"])[0],
                                            index=self.regions.index, name="share_met")
        self.table = _table(rows, chunks, index)
        self.region_shares = pd.DataFrame(_stack(chunks, "region_share", len(region_ids)),
                                          index=index, columns=self.regions.index)

    def __len__(self) -> int:
        return len(self.table)

    @property
    def optimal(self) -> pd.Series:
        """Whether each variant has an optimal plan (the others have no figures)."""
        return self.table["status"] == "OPTIMAL"

    @property
    def figures(self) -> pd.DataFrame:
        """Every figure of every variant, tidy: columns ``variant, figure, region, resource,
        value``; ``figure`` is one of ``objective, lowest_share, gini, met, unmet, share_met``
        (``met`` and ``unmet`` per resource, ``share_met`` per region)."""
        parts = []
        for figure in ("objective", "lowest_share", "gini"):
            parts.append(pd.DataFrame({"variant": self.table.index, "figure": figure,
                                       "region": None, "resource": None,
                                       "value": self.table[figure].to_numpy()}))
        for column in self.table.columns:
            for figure in ("met", "unmet"):
                if column.startswith(figure + ":"):
                    parts.append(pd.DataFrame({
                        "variant": self.table.index, "figure": figure, "region": None,
                        "resource": column.split(":", 1)[1],
                        "value": self.table[column].to_numpy()}))
        shares = self.region_shares.rename_axis(columns="region").reset_index().melt(
            id_vars="variant", var_name="region", value_name="value")
        shares.insert(1, "figure", "share_met")
        shares.insert(3, "resource", None)
        parts.append(shares)
        return pd.concat(parts, ignore_index=True)

    def quantiles(self, q: Sequence[float] = (0.05, 0.5, 0.95)) -> pd.DataFrame:
        """Quantiles of each region's share met over the variants with an optimal plan: one
        row per region with needs, one column per quantile."""
        shares = self.region_shares[self.optimal].dropna(axis=1, how="all")
        out = shares.quantile(list(q)).T
        out.columns = [f"q{x:g}" for x in q]
        return out.rename_axis("region")

    def probability_below(self, threshold: float = 0.5) -> pd.DataFrame:
        """For each region with needs, how likely its share met is to fall below ``threshold``,
        estimated over the variants with an optimal plan (typically :func:`draws`).

        Columns: ``name``, ``deprivation``, ``variants`` (how many counted), ``below`` (how many
        fell below), ``probability``, ``standard_error`` (the Monte Carlo error,
        sqrt(p (1 - p) / n)), and ``low``/``high``, a 95% Wilson interval, which stays
        meaningful when no variant, or every one, falls below. Sorted most likely first.
        """
        shares = self.region_shares[self.optimal].dropna(axis=1, how="all")
        n = shares.notna().sum()
        below = (shares < threshold).sum()
        p = below / n.where(n > 0)
        z = 1.959963984540054
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        out = pd.DataFrame({
            "name": self.regions.loc[shares.columns, "name"],
            "deprivation": self.regions.loc[shares.columns, "deprivation"],
            "variants": n, "below": below, "probability": p,
            "standard_error": np.sqrt(p * (1 - p) / n),
            "low": (centre - half).clip(lower=0).where(below > 0, 0.0),
            "high": (centre + half).clip(upper=1).where(below < n, 1.0)})
        return out.rename_axis("region").sort_values(["probability", "deprivation"],
                                                     ascending=False)

    def plot_quantiles(self, q: Sequence[float] = (0.05, 0.5, 0.95),
                       ax: "Optional[matplotlib.axes.Axes]" = None) -> "matplotlib.axes.Axes":
        """Share met per region across the variants: the median as a dot, the outer quantiles
        as a bar, the base plan as a cross; most deprived regions at the top."""
        from .plotting import plot_sweep_quantiles

        return plot_sweep_quantiles(self, q, ax)

    def plot_distribution(self, figure: str = "objective",
                          ax: "Optional[matplotlib.axes.Axes]" = None) -> "matplotlib.axes.Axes":
        """Histogram of one figure over the variants (a column of :attr:`table`, or a region id
        for its share met), with the base's value marked."""
        from .plotting import plot_sweep_distribution

        return plot_sweep_distribution(self, figure, ax)

    def __repr__(self) -> str:
        solved = int(self.optimal.sum())
        return (f"<SweepResult: {len(self)} variants of {self.scenario.name or 'a scenario'}, "
                f"{solved} optimal, {int(self.table['warm'].sum())} re-solved warm>")

    def _repr_html_(self) -> str:
        head = self.table.drop(columns=["seconds"]).head(10)
        return (f"<div><p>{len(self)} variants of <b>{self.scenario.name or 'a scenario'}</b> "
                f"({self.arcs:,} arcs), {int(self.optimal.sum())} optimal; "
                f"median solve {self.table['seconds'].median() * 1000:.1f} ms</p>"
                + head.to_html(float_format=lambda v: f"{v:.4g}") + "</div>")


def _stack(chunks: List[Dict[str, Any]], key: str, columns: Optional[int] = None) -> np.ndarray:
    """One figure of every chunk, variants in order: a vector, or a matrix of `columns`."""
    parts = [np.asarray(c[key]) for c in chunks]
    if parts:
        return np.concatenate(parts)
    return np.zeros(0) if columns is None else np.zeros((0, columns))


def _table(rows: _Base, chunks: List[Dict[str, Any]], index: pd.Index) -> pd.DataFrame:
    region_ids = [r["id"] for r in rows.regions]
    lowest = _stack(chunks, "lowest_region").astype(np.int64)
    frame = pd.DataFrame({
        "status": [s for c in chunks for s in c["status"]],
        "objective": _stack(chunks, "objective"),
        "lowest_share": _stack(chunks, "lowest_share"),
        "lowest_region": [region_ids[i] if i >= 0 else None for i in lowest],
        "gini": _stack(chunks, "gini"),
    }, index=index)
    met = _stack(chunks, "met", len(rows.resources))
    unmet = _stack(chunks, "unmet", len(rows.resources))
    for k, resource in enumerate(rows.resources):
        frame[f"met:{resource}"] = met[:, k]
        frame[f"unmet:{resource}"] = unmet[:, k]
    frame["warm"] = _stack(chunks, "warm").astype(bool)
    frame["seconds"] = _stack(chunks, "seconds")
    frame["message"] = [m for c in chunks for m in c["message"]]
    return frame
