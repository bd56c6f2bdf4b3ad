"""Scenarios as pandas tables: :class:`Scenario`.

A scenario is the set of tables that ``docs/scenario-format.md`` describes: resources, regions,
sites (with their capacities), offers, needs, an optional road network, and a policy. Here each
table is a DataFrame with one row per record and one column per field, so a scenario comes
straight from a spreadsheet, a CSV export or a database query, and goes back out the same way.

Solving hands the tables to the C++ library as donorflow-scenario/1 JSON: a scenario built from
DataFrames is validated and solved by exactly the code that ``donorflow solve`` runs.
"""

from __future__ import annotations

import html
import json
import math
import re
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._errors import ScenarioError
from .flow import _name

if TYPE_CHECKING:
    from .plan import Plan

PathLike = Union[str, "os.PathLike[str]"]

FORMAT = "donorflow-scenario/1"

#: The fields of each table, in the order the format documents them. Site capacities, nested in
#: the JSON format, are a table of their own here: one row per site, resource and period.
FIELDS: Dict[str, List[str]] = {
    "resources": ["id", "unit", "kind", "resolution", "unmet_cost", "max_travel_km"],
    "regions": ["id", "name", "lat", "lon", "population", "deprivation"],
    "sites": ["id", "name", "region", "lat", "lon"],
    "capacities": ["site", "resource", "period", "amount"],
    "offers": ["id", "donor", "resource", "amount", "period", "site", "allowed_regions",
               "allowed_purposes", "cap_per_region", "unit_cost"],
    "needs": ["id", "region", "site", "resource", "purpose", "amount", "period", "priority",
              "min_share"],
    "road_nodes": ["id", "lat", "lon"],
    "road_edges": ["from", "to", "minutes", "two_way"],
}
TABLES = tuple(FIELDS)

# Fields read as text, so that ids such as "007" or "NA" stay what the caller wrote.
_TEXT_FIELDS = {"id", "name", "unit", "kind", "region", "site", "resource", "donor", "purpose",
                "allowed_regions", "allowed_purposes", "from", "to"}
_LIST_FIELDS = {"allowed_regions", "allowed_purposes"}
_WHOLE_FIELDS = {"period"}
_FLAG_FIELDS = {"two_way"}
_POLICY_FIELDS = ["equity_tiers", "unmet_cost", "travel_cost_per_km", "max_travel_km",
                  "max_travel_minutes", "nearest_sites", "carry_over", "carry_over_cost",
                  "backlog", "backlog_cost", "cost_resolution"]
# The C++ reader's names for the tables that are nested in the JSON format.
_CORE_TABLE_NAMES = {"roads.nodes": "road_nodes", "roads.edges": "road_edges"}

#: Separator of list fields (``allowed_regions``, ``allowed_purposes``) written as one string,
#: as a spreadsheet cell holds them: ``"baghdad; basra"``.
LIST_SEPARATOR = ";"


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


class Scenario:
    """An allocation scenario: who offers what, who needs what, and the rules.

    Build one from DataFrames (``Scenario(resources=..., regions=..., offers=..., needs=...)``),
    or read one with :meth:`from_json`, :meth:`from_csv` or :meth:`from_excel`. Each table has
    one row per record and one column per field, named as in ``docs/scenario-format.md``; the
    ``id`` may be a column or the DataFrame's index. Missing values (NaN, None) mean "use the
    default". List fields hold lists, or strings separated by ``;``.

    Args:
        resources, regions, sites, capacities, offers, needs: the tables. ``capacities`` has
            columns ``site, resource, period, amount``: the most a site delivers of a resource in
            a period.
        road_nodes, road_edges: an optional road network for reach by travel time.
        policy: the rules, a dict with the fields of the format's ``policy`` object.
        name, description: shown in summaries.
        columns: per table, a mapping from your column names to the fields, for tables whose
            columns are named otherwise: ``columns={"needs": {"beneficiaries": "amount"}}``.
            The scenario keeps your DataFrames and names; only the solver sees the fields.

    Columns that are not fields are kept with your table but ignored by the solver, with a
    warning, so that a misspelt optional field does not silently fall back to its default.

    The scenario keeps copies of your DataFrames: edit them through its properties
    (``scenario.needs.loc[...] = ...``) or make a variant with :meth:`replace`.

    Raises:
        ScenarioError: naming the table, row and field: at construction for cells that are not
            of their field's type (text, a finite number, a list, true or false), and at
            :meth:`solve` or :meth:`validate` for the rest (missing required fields, unknown
            ids, negative amounts, rules that contradict each other).
    """

    def __init__(
        self,
        resources: Optional[pd.DataFrame] = None,
        regions: Optional[pd.DataFrame] = None,
        offers: Optional[pd.DataFrame] = None,
        needs: Optional[pd.DataFrame] = None,
        sites: Optional[pd.DataFrame] = None,
        capacities: Optional[pd.DataFrame] = None,
        *,
        road_nodes: Optional[pd.DataFrame] = None,
        road_edges: Optional[pd.DataFrame] = None,
        policy: Optional[Mapping[str, Any]] = None,
        name: str = "",
        description: str = "",
        columns: Optional[Mapping[str, Mapping[str, str]]] = None,
    ) -> None:
        given = dict(resources=resources, regions=regions, sites=sites, capacities=capacities,
                     offers=offers, needs=needs, road_nodes=road_nodes, road_edges=road_edges)
        columns = dict(columns or {})
        unknown_tables = set(columns) - set(TABLES)
        if unknown_tables:
            raise ValueError(f"columns names unknown tables: {sorted(unknown_tables)}; "
                             f"the tables are {list(TABLES)}")
        self._tables: Dict[str, pd.DataFrame] = {}
        self._columns: Dict[str, Dict[str, str]] = {}
        for table, frame in given.items():
            if frame is None:
                frame = pd.DataFrame(columns=FIELDS[table])
            elif isinstance(frame, pd.DataFrame):
                frame = frame.copy()  # so that editing one scenario never changes another
            else:
                frame = pd.DataFrame(frame)
            self._tables[table] = frame
            self._columns[table] = dict(columns.get(table, {}))
        self.policy: Dict[str, Any] = _plain_policy(policy or {})
        unknown_policy = set(self.policy) - set(_POLICY_FIELDS)
        if unknown_policy:
            raise ScenarioError(
                f'policy, field "{sorted(unknown_policy)[0]}": is not a policy field; the fields '
                f"are {_POLICY_FIELDS}", "policy", -1, "", sorted(unknown_policy)[0],
                "is not a policy field")
        self.name = name
        self.description = description
        self._warned: set = set()
        self._rows(warn=True)  # check now what can be checked without solving

    # ----------------------------------------------------------------------------- the tables

    @property
    def resources(self) -> pd.DataFrame:
        """The resources table, as given."""
        return self._tables["resources"]

    @property
    def regions(self) -> pd.DataFrame:
        """The regions table, as given."""
        return self._tables["regions"]

    @property
    def sites(self) -> pd.DataFrame:
        """The sites table, as given."""
        return self._tables["sites"]

    @property
    def capacities(self) -> pd.DataFrame:
        """Site capacities: ``site, resource, period, amount``."""
        return self._tables["capacities"]

    @property
    def offers(self) -> pd.DataFrame:
        """The offers table, as given."""
        return self._tables["offers"]

    @property
    def needs(self) -> pd.DataFrame:
        """The needs table, as given."""
        return self._tables["needs"]

    @property
    def road_nodes(self) -> pd.DataFrame:
        """Road network nodes: ``id, lat, lon`` (empty without roads)."""
        return self._tables["road_nodes"]

    @property
    def road_edges(self) -> pd.DataFrame:
        """Road network edges: ``from, to, minutes, two_way`` (empty without roads)."""
        return self._tables["road_edges"]

    @property
    def tables(self) -> Dict[str, pd.DataFrame]:
        """Every table by name, as given."""
        return dict(self._tables)

    def replace(self, **changes: Any) -> "Scenario":
        """A new scenario with some tables, the policy, the name or the description replaced,
        and everything else copied: ``base.replace(offers=base.offers.drop(index=3))``."""
        unknown = set(changes) - set(TABLES) - {"policy", "name", "description", "columns"}
        if unknown:
            raise TypeError(f"replace() got unknown arguments {sorted(unknown)}")
        arguments: Dict[str, Any] = dict(self._tables, policy=self.policy, name=self.name,
                                         description=self.description, columns=self._columns)
        arguments.update(changes)
        return Scenario(**arguments)

    # ----------------------------------------------------------------------------- reading

    @classmethod
    def from_json(cls, source: Union[PathLike, str]) -> "Scenario":
        """Read a donorflow-scenario/1 JSON file (or JSON text beginning with ``{``).

        The file is checked first, so its errors name its line as well as the table, row and
        field. The scenario then holds the file's tables as DataFrames; edit them freely.
        """
        text, origin = _read_text(source)
        _core.validate_scenario(text, origin)  # errors with the file's line numbers
        document = json.loads(text)
        sites = document.get("sites", [])
        capacities = [dict(site=site["id"], **capacity)
                      for site in sites for capacity in site.get("capacity", [])]
        roads = document.get("roads") or {}
        scenario = cls(
            resources=_frame(document.get("resources", []), "resources"),
            regions=_frame(document.get("regions", []), "regions"),
            sites=_frame([{k: v for k, v in s.items() if k != "capacity"} for s in sites],
                         "sites"),
            capacities=_frame(capacities, "capacities"),
            offers=_frame(document.get("offers", []), "offers"),
            needs=_frame(document.get("needs", []), "needs"),
            road_nodes=_frame(roads.get("nodes", []), "road_nodes"),
            road_edges=_frame(roads.get("edges", []), "road_edges"),
            policy=document.get("policy") or {},
            name=document.get("name", ""),
            description=document.get("description", ""),
        )
        return scenario

    @classmethod
    def from_csv(cls, directory: PathLike, *, policy: Optional[Mapping[str, Any]] = None,
                 name: Optional[str] = None, **read_csv_options: Any) -> "Scenario":
        """Read the tables from ``DIRECTORY/<table>.csv`` (``resources.csv``, ``needs.csv``...).

        Tables without a file are empty. The policy comes from ``policy.json`` in the directory
        when present, else from ``policy``; the name and description from ``about.json``. Text fields are read as text, so ids such as
        ``007`` keep their zeros. Extra keyword arguments go to :func:`pandas.read_csv`.
        """
        folder = Path(directory)
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is not a directory of <table>.csv files")
        tables: Dict[str, Any] = {}
        for table in TABLES:
            path = folder / f"{table}.csv"
            if path.exists():
                tables[table] = pd.read_csv(path, dtype=_text_dtypes(path, read_csv_options),
                                            keep_default_na=False, na_values=[""],
                                            **read_csv_options)
        if (folder / "policy.json").exists():
            policy = json.loads((folder / "policy.json").read_text(encoding="utf-8"))
        about = {"name": folder.name, "description": ""}
        if (folder / "about.json").exists():
            about.update(json.loads((folder / "about.json").read_text(encoding="utf-8")))
        return cls(**tables, policy=policy, name=about["name"] if name is None else name,
                   description=about["description"])

    @classmethod
    def from_excel(cls, path: PathLike, *, policy: Optional[Mapping[str, Any]] = None,
                   name: Optional[str] = None) -> "Scenario":
        """Read the tables from the sheets of an Excel workbook named after them.

        Sheets named otherwise are ignored. A sheet ``policy`` with columns ``field`` and
        ``value`` gives the policy's scalar fields; a sheet ``equity_tiers`` with columns
        ``share`` and ``weight`` gives its tiers. Needs ``openpyxl`` for .xlsx files.
        """
        sheets = pd.read_excel(path, sheet_name=None, dtype={f: str for f in _TEXT_FIELDS},
                               keep_default_na=False, na_values=[""])
        tables: Dict[str, Any] = {table: sheets[table] for table in TABLES if table in sheets}
        rules: Dict[str, Any] = dict(policy or {})
        if "policy" in sheets:
            for _, row in sheets["policy"].iterrows():
                rules[str(row["field"])] = _plain(row["value"])
        if "equity_tiers" in sheets:
            rules["equity_tiers"] = [
                {"share": float(r["share"]), "weight": float(r["weight"])}
                for _, r in sheets["equity_tiers"].iterrows()]
        return cls(**tables, policy=rules, name=Path(path).stem if name is None else name)

    # ----------------------------------------------------------------------------- writing

    def to_json(self, path: Optional[PathLike] = None) -> str:
        """The scenario as donorflow-scenario/1 JSON text; also written to ``path`` if given."""
        text = self._document_text()
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_csv(self, directory: PathLike) -> None:
        """Write each non-empty table to ``DIRECTORY/<table>.csv``, the policy to
        ``policy.json`` and the name and description to ``about.json``, as :meth:`from_csv`
        reads them."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        for table, rows in self._rows().items():
            if rows:
                frame = pd.DataFrame(rows)
                for list_field in _LIST_FIELDS & set(frame.columns):
                    frame[list_field] = frame[list_field].map(
                        lambda v: v if _missing(v) else f"{LIST_SEPARATOR} ".join(v))
                frame.to_csv(folder / f"{table}.csv", index=False)
        (folder / "policy.json").write_text(json.dumps(self.policy, indent=2), encoding="utf-8")
        about = {"name": self.name, "description": self.description}
        (folder / "about.json").write_text(json.dumps(about, indent=2), encoding="utf-8")

    # ----------------------------------------------------------------------------- solving

    def solve(self, algorithm: str = "auto", *, shadow_prices: bool = True,
              price_of_fairness: bool = True) -> "Plan":
        """Solve the scenario exactly and return its :class:`~donorflow.Plan`.

        Args:
            algorithm: ``"auto"``, ``"network-simplex"`` or ``"cost-scaling"``.
            shadow_prices: compute what one unit more or less of each offer, site capacity
                and need is worth (one shortest-path search each way; on by default).
            price_of_fairness: solve a second time without equity tiers to price them (on by
                default; runs on another core while the plan is explained).

        The GIL is released while solving, so other threads, and a notebook's display, go on.

        Raises:
            ScenarioError: a table holds something the model cannot accept; the message names
                the table, the row and the field.
        """
        from .plan import Plan

        text = self._document_text()
        try:
            solution = _core.solve_scenario(text, "",
                                            _name(algorithm, "algorithm"), shadow_prices,
                                            price_of_fairness)
        except ScenarioError as error:
            raise self._locate(error) from None
        return Plan(self, solution)

    def validate(self) -> None:
        """Raise :class:`ScenarioError` if the scenario cannot be solved as given."""
        try:
            _core.validate_scenario(self._document_text(), "")
        except ScenarioError as error:
            raise self._locate(error) from None

    # ----------------------------------------------------------------------------- display

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._tables[t])} {t}" for t in TABLES if len(self._tables[t]))
        return f"Scenario({self.name or 'unnamed'!r}: {counts or 'empty'})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{t}</th><td>{len(self._tables[t])}</td>"
            f"<td style='text-align:left'>{html.escape(', '.join(map(str, self._tables[t].columns)))}"
            "</td></tr>" for t in TABLES if len(self._tables[t]))
        title = html.escape(self.name or "Scenario")
        text = f"<div><strong>{title}</strong>"
        if self.description:
            text += f"<p>{html.escape(self.description)}</p>"
        text += ("<table><thead><tr><th>table</th><th>rows</th><th>columns</th></tr></thead>"
                 f"<tbody>{rows}</tbody></table>")
        if len(self.needs):
            text += "<p>needs (first rows)</p>" + self.needs.head(8).to_html(max_cols=10)
        return text + "</div>"

    # ----------------------------------------------------------------------------- internals

    def _rows(self, tables: Iterable[str] = TABLES,
              warn: bool = False) -> Dict[str, List[Dict[str, Any]]]:
        """Tables as lists of {field: value} with plain Python values, None for missing."""
        rows = {}
        for table in tables:
            frame = self._tables[table]
            rename = self._columns[table]
            unknown_renames = set(rename) - set(map(str, frame.columns))
            if unknown_renames:
                raise ScenarioError(
                    f"{table}: columns= renames {sorted(unknown_renames)}, which the table "
                    "does not have", table, -1, "", sorted(unknown_renames)[0], "no such column")
            frame = frame.rename(columns=rename)
            duplicated = frame.columns[frame.columns.duplicated()].tolist()
            if duplicated:
                raise ScenarioError(
                    f'{table}: column "{duplicated[0]}" appears twice (after renaming with '
                    "columns=, if any)", table, -1, "", str(duplicated[0]), "appears twice")
            if "id" in FIELDS[table] and "id" not in frame.columns and _index_is_id(frame):
                frame = frame.reset_index(names="id")
            fields = [c for c in frame.columns if c in FIELDS[table]]
            ignored = [str(c) for c in frame.columns if c not in FIELDS[table]]
            if warn and ignored and len(frame) and (table, tuple(ignored)) not in self._warned:
                self._warned.add((table, tuple(ignored)))
                warnings.warn(f"{table}: columns {ignored} are not fields of {table} "
                              f"({', '.join(FIELDS[table])}) and are ignored", stacklevel=3)
            columns = []
            for f in fields:
                try:
                    columns.append(_column(frame[f], f))
                except _CellError as error:
                    i = error.row
                    row_id = _text(frame["id"].iloc[i]) if "id" in frame.columns and \
                        f != "id" and not _missing(frame["id"].iloc[i]) else ""
                    where = f"{table} row {i}{self._label(table, i, row_id)}"
                    if row_id:
                        where += f' (id "{row_id}")'
                    raise ScenarioError(f'{where}, field "{f}": {error}', table, i, row_id, f,
                                        str(error)) from None
            # Missing values stay as None, which the reader takes as "not given".
            rows[table] = [dict(zip(fields, values)) for values in zip(*columns)] \
                if fields else [{} for _ in range(len(frame))]
        site_ids = {row.get("id") for row in rows.get("sites", [])}
        for i, row in enumerate(rows["capacities"] if "sites" in rows else []):
            if row.get("site") not in site_ids:
                raise ScenarioError(
                    f'capacities row {i}{self._label(table="capacities", row=i)}, field "site": '
                    f"{row.get('site')!r} is not the id of a site", "capacities", i, "", "site",
                    "is not the id of a site")
        return rows

    def _document_text(self) -> str:
        rows = self._rows(warn=True)  # columns may have been added since construction
        capacities: Dict[str, List[Dict[str, Any]]] = {}
        for row in rows["capacities"]:
            capacities.setdefault(row["site"], []).append(
                {k: v for k, v in row.items() if k != "site"})
        sites = [dict(row, capacity=capacities[row["id"]]) if row.get("id") in capacities
                 else row for row in rows["sites"]]
        document: Dict[str, Any] = {"format": FORMAT}
        if self.name:
            document["name"] = self.name
        if self.description:
            document["description"] = self.description
        document.update(resources=rows["resources"], regions=rows["regions"], sites=sites,
                        offers=rows["offers"], needs=rows["needs"])
        if self.policy:
            document["policy"] = self.policy
        if rows["road_nodes"] or rows["road_edges"]:
            document["roads"] = {"nodes": rows["road_nodes"], "edges": rows["road_edges"]}
        try:
            return json.dumps(document, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ScenarioError(f"policy: {error}", "policy", -1, "", "", str(error)) from None

    def _label(self, table: str, row: int, row_id: str = "") -> str:
        """' (index LABEL)' when the table's index says more than the row's position or id."""
        frame = self._tables.get(table)
        if frame is None or row < 0 or row >= len(frame) or str(frame.index[row]) == row_id:
            return ""
        if isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 \
                and frame.index.step == 1:
            return ""
        return f" (index {_plain(frame.index[row])!r})"

    def _locate(self, error: ScenarioError) -> ScenarioError:
        """The library's error, restated in the caller's terms: table, row, index, column."""
        table = _CORE_TABLE_NAMES.get(error.table, error.table)
        if table not in self._tables:
            return error
        nested = re.fullmatch(r"capacity\[(\d+)\](?:\.(\w+))?", error.field)
        if table == "sites" and nested:
            # The k-th capacity of a site is the k-th row of the capacities table naming it
            # (_document_text keeps their order).
            sites = [row.get("site") for row in self._rows(["capacities"])["capacities"]]
            rows = [i for i, site in enumerate(sites) if site == error.id]
            k = int(nested.group(1))
            if k < len(rows):
                field = nested.group(2) or "resource"
                where = f'capacities row {rows[k]}{self._label("capacities", rows[k])}'
                where += f' (site "{error.id}"), field "{field}"'
                return ScenarioError(f"{where}: {error.reason}", "capacities", rows[k], "",
                                     field, error.reason)
        field = error.field
        column = {v: k for k, v in self._columns[table].items()}.get(field, field)
        where = table
        if error.row >= 0:
            where += f" row {error.row}{self._label(table, error.row, error.id)}"
            if error.id:
                where += f' (id "{error.id}")'
        if field:
            where += f', field "{field}"'
            if column != field:
                where += f' (your column "{column}")'
        return ScenarioError(f"{where}: {error.reason}", table, error.row, error.id, field,
                             error.reason)


def _plain_policy(policy: Any) -> Dict[str, Any]:
    """The policy as plain JSON values (numpy scalars and DataFrames of tiers converted),
    every number finite; a ScenarioError names the field that is not."""
    if isinstance(policy, pd.Series):
        policy = policy.to_dict()
    plain: Dict[str, Any] = {}
    for field, value in dict(policy).items():
        if isinstance(value, pd.DataFrame):
            value = value.to_dict(orient="records")
        try:
            plain[str(field)] = _plain_value(value)
        except _CellError as error:
            raise ScenarioError(f'policy, field "{field}": {error}', "policy", -1, "",
                                str(field), str(error)) from None
    return plain


def _plain_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain_value(v) for v in value]
    value = _plain(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _CellError(f"{value} is not a finite number")
    return value


def _index_is_id(frame: pd.DataFrame) -> bool:
    index = frame.index
    if index.name == "id":
        return True
    return not isinstance(index, pd.RangeIndex) and (
        pd.api.types.is_string_dtype(index.dtype) or pd.api.types.is_object_dtype(index.dtype))


def _plain(value: Any) -> Any:
    """A numpy or pandas scalar as the Python value JSON can hold."""
    if isinstance(value, np.generic):
        return value.item()
    return value


class _CellError(ValueError):
    """What is wrong with one cell, and its row; the caller adds the table and field."""

    def __init__(self, message: str, row: int = -1) -> None:
        super().__init__(message)
        self.row = row


def _column(column: pd.Series, field: str) -> List[Any]:
    """A column's cells as JSON values (None for missing), checked a column at a time."""
    missing = column.isna().to_numpy()
    if field in _LIST_FIELDS or field in _FLAG_FIELDS:
        values = []
        for i, value in enumerate(column.tolist()):
            try:
                values.append(_cell(value, field))
            except _CellError as error:
                raise _CellError(str(error), i) from None
        return values
    if field in _TEXT_FIELDS:
        return [None if gone else _text(value)
                for value, gone in zip(column.tolist(), missing.tolist())]
    if pd.api.types.is_bool_dtype(column.dtype):
        raise _CellError(f"{column.iloc[0]!r} is not a number", 0)
    if column.dtype == object:
        flags = column.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
        if flags.any():
            i = int(np.argmax(flags))
            raise _CellError(f"{column.iloc[i]!r} is not a number", i)
    numbers = pd.to_numeric(column, errors="coerce")
    unreadable = numbers.isna().to_numpy() & ~missing
    if unreadable.any():
        i = int(np.argmax(unreadable))
        raise _CellError(f"{column.iloc[i]!r} is not a number", i)
    as_float = numbers.to_numpy(dtype=float, na_value=np.nan)
    infinite = np.isinf(as_float)
    if infinite.any():
        i = int(np.argmax(infinite))
        raise _CellError(f"{as_float[i]} is not a finite number", i)
    return [None if gone else value for value, gone in zip(numbers.tolist(), missing.tolist())]


def _text(value: Any) -> str:
    value = _plain(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # an id column pandas read as numbers
    return str(value)


def _cell(value: Any, field: str) -> Any:
    """One cell as a JSON value: None for missing, lists split, numbers checked finite."""
    if isinstance(value, (list, tuple, np.ndarray, set)):
        if field not in _LIST_FIELDS:
            raise _CellError("holds a list")
        return [_text(v) for v in value]
    if _missing(value):
        return None
    value = _plain(value)
    if field in _TEXT_FIELDS:
        if field in _LIST_FIELDS:
            if isinstance(value, str):
                return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]
            return [_text(value)]
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # an id column pandas read as numbers
        return str(value)
    if field in _FLAG_FIELDS:
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, str) and value.strip().lower() in ("true", "false", "yes", "no"):
            return value.strip().lower() in ("true", "yes")
        raise _CellError(f"{value!r} is not true or false")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise _CellError(f"{value!r} is not a number") from None
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _CellError(f"{value} is not a finite number")
        if field in _WHOLE_FIELDS and value.is_integer():
            value = int(value)
    return value


def _frame(records: List[Dict[str, Any]], table: str) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records)
    return frame if len(frame.columns) else pd.DataFrame(columns=FIELDS[table])


def _text_dtypes(path: Path, options: Mapping[str, Any]) -> Dict[str, Any]:
    header = pd.read_csv(path, nrows=0, **options).columns
    return {c: str for c in header if c in _TEXT_FIELDS}


def _read_text(source: Union[PathLike, str]) -> "tuple[str, str]":
    if isinstance(source, str) and source.lstrip().startswith("{"):
        return source, "<text>"
    path = Path(source)
    return path.read_text(encoding="utf-8"), str(path)


__all__ = ["FIELDS", "FORMAT", "LIST_SEPARATOR", "Scenario", "TABLES"]
