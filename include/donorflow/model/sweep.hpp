// donorflow/model/sweep.hpp: many variants of one scenario, each re-solved from the base answer.
//
// Analysts rarely solve one scenario. What if a donor withdraws, a pledge doubles, needs grow by
// a fifth in the south; what if needs are drawn from a distribution a thousand times? A Sweep
// compiles and solves the base scenario once. A variant is a list of changes to it: an offer's
// amount or unit cost, a need's amount, a site's capacity. Such changes alter only numbers of the
// base network (supplies, costs, bounds), never which arcs exist, so a variant's problem is the
// base network with those numbers changed, through compile()'s own conversions (amount_units,
// cost_units, tier_capacities: the network is exactly the one compile() would build for the
// changed scenario). It is solved warm from the base answer (network simplex from the base basis,
// flow/network_simplex.hpp, "Warm start"; min_cost_flow.hpp's resolve_min_cost_flow picks) and
// read into a few figures: status, objective, share met per region, lowest share, Gini, and
// what is met and unmet per resource.
//
// A change the base network cannot express (a capacity for a site, resource and period that had
// none, so no arc carries it; a need with a minimum share that had no units) makes that variant
// compile its own network and solve it cold. Its figures are computed the same way.
//
// solve_all() runs the variants on a pool of threads. Every variant starts from the base answer,
// never from another variant's, and results are stored by variant, so they are identical, bit for
// bit, whatever the number of threads and whichever thread takes which variant.
//
// Cost: a variant copies the base network's numbers (four arrays) and re-solves. On a
// 100,000-arc scenario whose cold solve takes 0.43 s, withdrawing one offer took 30 ms, growing
// one district's needs 29 ms, and redrawing every need 200 ms (docs/performance.md, "Sweeps").
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/min_cost_flow.hpp"
#include "donorflow/model/compile.hpp"
#include "donorflow/model/scenario.hpp"

namespace donorflow::model {

enum class ChangeKind : std::int8_t {
  kOfferAmount = 0,    // offer `index` gives `value` (0: it withdraws)
  kOfferUnitCost = 1,  // offer `index` costs `value` per unit given
  kNeedAmount = 2,     // need `index` is for `value`
  kSiteCapacity = 3,   // site `index` can take `value` of resource `resource` in `period`
};

// One change; amounts are in the resource's unit and are rounded to its resolution.
struct Change {
  ChangeKind kind = ChangeKind::kOfferAmount;
  int index = -1;     // an offer, need or site, by position in the scenario's table
  int resource = -1;  // kSiteCapacity: a position in scenario.resources
  int period = 1;     // kSiteCapacity
  double value = 0;
};

using Variant = std::vector<Change>;

// What a sweep keeps of a variant's plan.
struct VariantFigures {
  Status status = Status::kNotSolved;
  std::string message;
  double objective = NAN;            // in cost units, as Plan::objective
  std::vector<double> region_share;  // per region, as Equity::region_share (NaN: no needs)
  double lowest_share = NAN;
  int lowest_region = -1;
  double gini = NAN;
  std::vector<double> met, unmet;  // per resource, in its unit
  bool warm = false;               // re-solved from the base answer (false: compiled anew)
  double seconds = 0;              // applying the changes, solving and reading the figures
};

class Sweep {
 public:
  // Validates, compiles and solves the base scenario. Throws ScenarioError if it is invalid.
  explicit Sweep(Scenario base, Algorithm algorithm = Algorithm::kAuto);

  const Scenario& scenario() const { return base_; }
  const CompiledNetwork& network() const { return net_; }
  const VariantFigures& base_figures() const { return base_figures_; }

  // Throws std::invalid_argument, naming the change by its position, if a change names no row of
  // the scenario or has a value that is not a finite number (or, for amounts and capacities, is
  // negative).
  void check(const Variant& variant) const;

  // The figures of one variant (check()s it first). Safe to call from several threads at once.
  VariantFigures solve(const Variant& variant) const;

  // Every variant (all check()ed before any is solved) on `threads` threads (0: one per hardware
  // thread). `progress`, if given, is called after each variant with the number done so far,
  // from the worker threads but never two at once.
  std::vector<VariantFigures> solve_all(
      std::span<const Variant> variants, int threads = 0,
      const std::function<void(std::size_t)>& progress = {}) const;

  // The variant's network problem, as solve() builds it (empty graph if the base network
  // cannot express the variant): for inspection and for tests.
  MinCostFlowProblem network_of(const Variant& variant) const;

 private:
  struct Numbers {
    std::vector<Flow> lower, upper, supply;
    std::vector<Cost> cost;
  };
  bool apply(const Variant& variant, Numbers& numbers) const;
  VariantFigures solve_checked(const Variant& variant) const;
  VariantFigures solve_compiled(const Variant& variant) const;

  Scenario base_;
  Algorithm algorithm_;
  CompiledNetwork net_;
  MinCostFlowResult answer_;
  VariantFigures base_figures_;
  std::vector<int> need_region_, need_resource_, offer_resource_;
};

}  // namespace donorflow::model

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/model/sweep.ipp"
#endif
