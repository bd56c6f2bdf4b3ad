"""donorflow: exact allocation of what donors give to what underserved areas need in health.

Two levels, one engine:

- :func:`min_cost_flow` solves a minimum-cost flow problem given as numpy arrays, exactly,
  :class:`MinCostFlowSolver` re-solves one after changes from its last basis, and
  :func:`check_certificate` proves an answer optimal;
- :class:`Scenario` holds an allocation problem as pandas tables (resources, regions, sites,
  offers, needs, policy); ``scenario.solve()`` returns a :class:`Plan` with DataFrames of
  allocations, coverage, shadow prices and explanations, and a summary of totals and equity.

:func:`sweep` solves many variants of a scenario (withdrawn offers, scaled needs, needs drawn
from a distribution) in parallel, warm from the base answer, on threads or a Dask cluster.

``donorflow.examples`` holds the worked examples; ``python -m donorflow`` runs the same
commands as the ``donorflow`` program. See docs/python.md.
"""

from __future__ import annotations

from . import examples
from ._core import __version__
from ._errors import ScenarioError
from .flow import (INFINITE_CAPACITY, Certificate, MinCostFlowResult, MinCostFlowSolver, Status,
                   check_certificate, min_cost_flow)
from .plan import Plan, PlanComparison, Summary
from .scenario import Scenario
from .sweep import (DrawNeeds, ScaleNeeds, ScaleOffers, SetCapacity, SetUnitCost, SweepResult,
                    Withdraw, draws, sweep)

__all__ = ["INFINITE_CAPACITY", "Certificate", "DrawNeeds", "MinCostFlowResult", "MinCostFlowSolver",
           "Plan", "PlanComparison", "ScaleNeeds", "ScaleOffers", "Scenario", "ScenarioError",
           "SetCapacity", "SetUnitCost", "Status", "Summary", "SweepResult", "Withdraw",
           "__version__", "check_certificate", "draws", "examples", "min_cost_flow", "sweep"]
