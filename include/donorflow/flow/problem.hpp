// donorflow/flow/problem.hpp: the minimum-cost flow problem, its validation, and its result.
//
// Given a directed graph G = (V, A), bounds l(a) <= x(a) <= u(a) (u may be infinite), costs c(a)
// (any sign) and supplies b(v), find the flow x minimising sum_a c(a) x(a) subject to the bounds
// and, for every node v with net outflow out(v) - in(v):
//
//   SupplyMode::kExact             out(v) - in(v) == b(v)
//   SupplyMode::kSupplyMayRemain   out(v) - in(v) <= b(v)
//   SupplyMode::kDemandMayRemain   out(v) - in(v) >= b(v)
//
// Duality. With node potentials pi, the reduced cost of arc a = (v, w) is
//   rc(a) = c(a) - pi(v) + pi(w),
// so pi(v) is what one more unit of supply at v would cost (the dual of v's balance row). A flow
// is optimal if and only if some pi gives rc(a) > 0 => x(a) = l(a), rc(a) < 0 => x(a) = u(a), and,
// in the relaxed modes, pi(v) <= 0 (kSupplyMayRemain) or pi(v) >= 0 (kDemandMayRemain) with
// pi(v) != 0 only at nodes whose row is tight. flow/certificate.hpp checks exactly this.
//
// `ProblemView` borrows the caller's arrays (spans) so that large problems built elsewhere, for
// instance numpy arrays, are solved without a copy; `MinCostFlowProblem` owns its arrays.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/types.hpp"
#include "donorflow/graph/static_graph.hpp"

namespace donorflow {

// A non-owning view of a problem. An empty span means the default for every arc or node: lower
// bounds 0, upper bounds infinite, costs 0, supplies 0. The arrays must outlive any solve.
struct ProblemView {
  const StaticGraph* graph = nullptr;
  std::span<const Flow> lower;
  std::span<const Flow> upper;
  std::span<const Cost> cost;
  std::span<const Flow> supply;
  SupplyMode supply_mode = SupplyMode::kExact;

  Flow lower_of(ArcId a) const { return lower.empty() ? 0 : lower[a]; }
  Flow upper_of(ArcId a) const { return upper.empty() ? kInfiniteCapacity : upper[a]; }
  Cost cost_of(ArcId a) const { return cost.empty() ? 0 : cost[a]; }
  Flow supply_of(NodeId v) const { return supply.empty() ? 0 : supply[v]; }
};

// A problem that owns its arrays.
struct MinCostFlowProblem {
  StaticGraph graph;
  std::vector<Flow> lower;
  std::vector<Flow> upper;
  std::vector<Cost> cost;
  std::vector<Flow> supply;
  SupplyMode supply_mode = SupplyMode::kExact;

  ProblemView view() const { return {&graph, lower, upper, cost, supply, supply_mode}; }
};

// What a solver returns. `flow` is indexed by arc id and `potential` by node id; both are filled
// only when status is kOptimal. `cost` is the exact objective sum_a c(a) x(a).
struct MinCostFlowResult {
  Status status = Status::kNotSolved;
  std::string message;  // why, when status is not kOptimal
  WideCost cost = 0;
  std::vector<Flow> flow;
  std::vector<Cost> potential;
  std::string algorithm;
  std::int64_t iterations = 0;

  bool optimal() const { return status == Status::kOptimal; }
};

// A previous answer to start from: the flow (per arc) and the potentials (per node) of an optimal
// solution of a problem on the same graph, as MinCostFlowResult holds them.
struct WarmStart {
  std::span<const Flow> flow;
  std::span<const Cost> potential;
};

// The outcome of validating a problem before solving: kOptimal here means "valid".
struct InputCheck {
  Status status = Status::kOptimal;
  std::string message;
  bool ok() const { return status == Status::kOptimal; }
};

// Checks array sizes, bounds and magnitudes, and the balance of supplies in kExact mode. Every
// solver calls it first (a kept network simplex re-solve, in parts: see below), so that no solver
// ever starts on input it cannot solve exactly.
InputCheck check_input(const ProblemView& problem);

namespace detail {
// check_input() in parts, for a solver that reads every arc anyway and tests each one as it reads
// it (NetworkSimplex::resolve()): check_sizes() first, arc_fits() on each arc, check_totals() on
// the sums. Where a part fails, check_input() names what is wrong.
InputCheck check_sizes(const ProblemView& problem);

inline bool exceeds_magnitude(std::int64_t value) {
  return value > kMaxMagnitude || value < -kMaxMagnitude;
}

// Whether one arc's bounds and cost keep check_input()'s rules.
inline bool arc_fits(Flow lower, Flow upper, Cost cost) {
  return lower != kInfiniteCapacity && lower <= upper && !exceeds_magnitude(lower) &&
         (upper == kInfiniteCapacity || !exceeds_magnitude(upper)) && !exceeds_magnitude(cost);
}

// The sums that bound what the solvers' 64-bit arithmetic must carry.
struct InputTotals {
  WideCost supply = 0;              // the sum of the supplies
  WideCost shifted_supply_abs = 0;  // the sum of |supply| after shifting lower bounds out
  WideCost finite_capacity = 0;     // the sum of upper - lower over arcs of finite upper bound
  Cost max_abs_cost = 0;

  void add_arc(Flow lower, Flow upper, Cost cost) {
    max_abs_cost = std::max(max_abs_cost, cost < 0 ? -cost : cost);
    if (upper != kInfiniteCapacity) finite_capacity += static_cast<WideCost>(upper) - lower;
  }
};

// Adds to `totals` the supplies' sum and, with the lower bounds shifted out (x = l + y), the sum
// of their absolute values, in 128 bits so that nothing overflows before check_totals() looks.
// The supplies must have passed exceeds_magnitude() and the arcs arc_fits().
void add_supply_totals(const ProblemView& problem, InputTotals& totals);

InputCheck check_totals(std::size_t nodes, const InputTotals& totals, SupplyMode mode);

// check_input() that also hands over the totals it summed, for a solver that needs them
// (NetworkSimplex::build()) and would otherwise read every arc again; they are complete only
// when the check passes.
InputCheck check_input(const ProblemView& problem, InputTotals& totals);
}  // namespace detail

}  // namespace donorflow

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/flow/problem.ipp"
#endif
