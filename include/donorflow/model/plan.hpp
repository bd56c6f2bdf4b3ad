// donorflow/model/plan.hpp: solving a scenario, and the plan that explains itself.
//
// solve(scenario) validates it, compiles it (compile.hpp), solves the network exactly, and reads
// the answer back into the domain:
//
// - allocations: who gives what to whom, where and when, at what cost per unit;
// - coverage: for every need and for every region and resource, what is met and what is not;
// - shadow prices: for every offer, site capacity and need, the exact change of the objective
//   if it had one unit more and one unit less. Duals of a network problem are rarely unique, so
//   both one-sided values are computed from the residual network of the optimal flow rather than
//   read off one arbitrary set of potentials: supply entering at u and leaving at v changes the
//   cost by the shortest u-v distance in the residual network, and with the optimal potentials
//   all residual reduced costs are non-negative, so one Dijkstra search from the drain prices
//   every offer and one from the shortfall source every need. A unit of site capacity on an arc
//   (u, v) of cost c is worth min(0, c + dist(v, u)) more and dist(u, v) - c less when the arc is
//   full, nothing otherwise. Each is computed for one step of the resource's resolution and
//   reported per unit of the resource.
// - explanations: for every need not fully met, why: nobody offers the resource; every offer is
//   excluded by a rule (which rule, for which offers); the eligible offers went to needs of
//   higher priority (named), or were shared with needs of equal priority; a site was at capacity
//   (named); a region cap was reached; the eligible offers are used up; or serving it would cost
//   more than leaving it unmet.
// - equity: share met per region (the priority-weighted mean of its needs' shares), per
//   deprivation quintile (population-weighted), the lowest regional share, the population-
//   weighted Gini coefficient of regional shares, and the price of fairness: how much the plan's
//   cost, counted without equity tiers, exceeds that of the best plan without them.
//
// Every optimal plan keeps its network and flow, so check_certificate() can prove it optimal.
// If hard minimum shares cannot all be met, the status is kInfeasible and the plan names the
// needs involved and how many units each lacks (found by a second, feasibility-only solve).
#pragma once

#include <array>
#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/min_cost_flow.hpp"
#include "donorflow/model/compile.hpp"
#include "donorflow/model/scenario.hpp"

namespace donorflow::model {

struct Allocation {
  int offer = -1;
  int need = -1;
  int site = -1;
  int period = 0;        // when it is delivered
  double amount = 0;     // in the resource's unit
  double unit_cost = 0;  // handling plus travel, per unit of the resource
  double km = 0;
  int periods_carried = 0;  // funds carried over from the offer's period
  int periods_late = 0;     // a need served after its period
};

struct NeedCoverage {
  int need = -1;
  double amount = 0, met = 0, unmet = 0, share = 0;
};

struct RegionCoverage {
  int region = -1;
  int resource = -1;
  double amount = 0, met = 0, unmet = 0, share = 0;
};

enum class PriceKind { kOffer, kSiteCapacity, kNeed };
std::string_view price_kind_name(PriceKind kind);

// Change of the objective, in cost units, with one more / one less unit. NaN where the change
// is impossible (one unit less of an empty offer) or would make the scenario infeasible.
struct ShadowPrice {
  PriceKind kind = PriceKind::kOffer;
  int index = -1;  // offer, site, or need index
  int resource = -1;
  int period = 0;
  double one_more = 0;
  double one_less = 0;
};

struct Explanation {
  int need = -1;
  double unmet = 0;
  std::string reason;  // a stable code: no_offer, excluded, higher_priority, site_at_capacity,
                       // region_cap, shared, equity_tiers, used_up, too_costly
  std::string detail;  // a sentence for people
};

struct Equity {
  std::vector<double> region_share;        // per region; NaN for a region with no needs
  std::array<double, 5> quintile_share{};  // least deprived (0) to most deprived (4); NaN if empty
  double lowest_share = NAN;
  int lowest_region = -1;
  double gini = NAN;
  double cost_with_tiers = NAN;  // both plans' cost counted with flat shortfall penalties
  double cost_without_tiers = NAN;
  double price_of_fairness = NAN;  // the difference of the two
};

struct ResourceTotals {
  double offered = 0, allocated = 0, unused = 0, needed = 0, met = 0, unmet = 0;
};

struct Timings {
  double compile = 0, solve = 0, explain = 0;
};

struct SolveOptions {
  Algorithm algorithm = Algorithm::kAuto;
  bool shadow_prices = true;
  bool price_of_fairness = true;  // costs a second solve, without equity tiers
};

struct Plan {
  Status status = Status::kNotSolved;
  std::string message;
  double objective = 0;  // in cost units (currency), = objective_units * cost_resolution
  WideCost objective_units = 0;
  std::vector<Allocation> allocations;
  std::vector<NeedCoverage> coverage;
  std::vector<RegionCoverage> region_coverage;
  std::vector<ShadowPrice> shadow_prices;
  std::vector<Explanation> explanations;
  std::vector<ResourceTotals> totals;  // per resource
  Equity equity;
  Timings seconds;
  // For infeasible minimum shares: the needs whose minimum cannot be met, with units lacking.
  std::vector<std::pair<int, double>> unmet_minimums;
  // The certificate: the compiled network and its optimal flow and potentials.
  CompiledNetwork network;
  MinCostFlowResult flow;

  bool optimal() const { return status == Status::kOptimal; }
};

// Validates, compiles, solves and explains. Throws ScenarioError for invalid scenarios.
Plan solve(const Scenario& scenario, const SolveOptions& options = {});

// The equity figures (all but the price of fairness) from each need's region (an index into
// scenario.regions), amount and share met, as solve() computes them for its plan; a sweep
// (model/sweep.hpp) computes them for every variant.
Equity equity_of(const Scenario& scenario, std::span<const int> need_region,
                 std::span<const double> need_amount, std::span<const double> need_share);

// The explanation of one need as a sentence ("fully met" when nothing is unmet).
std::string explain(const Scenario& scenario, const Plan& plan, int need);

}  // namespace donorflow::model

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/model/plan.ipp"
#endif
