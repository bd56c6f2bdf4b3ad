// Implementation of donorflow/flow/problem.hpp; included by src/problem.cpp, or by the header
// when DONORFLOW_HEADER_ONLY is defined.
#pragma once

#include <algorithm>
#include <cstdlib>

#include "donorflow/flow/problem.hpp"

namespace donorflow {

namespace detail {

inline std::string arc_text(const StaticGraph& g, ArcId a) {
  return "arc " + std::to_string(a) + " (" + std::to_string(g.tail(a)) + " -> " +
         std::to_string(g.head(a)) + ")";
}

DONORFLOW_INLINE InputCheck check_sizes(const ProblemView& problem) {
  if (problem.graph == nullptr) return {Status::kBadInput, "no graph given"};
  const auto m = static_cast<std::size_t>(problem.graph->arc_count());
  const auto n = static_cast<std::size_t>(problem.graph->node_count());
  auto size_error = [](const char* what, std::size_t got, std::size_t want) {
    return InputCheck{Status::kBadInput, std::string(what) + " has " + std::to_string(got) +
                                             " entries, expected " + std::to_string(want)};
  };
  if (!problem.lower.empty() && problem.lower.size() != m)
    return size_error("lower", problem.lower.size(), m);
  if (!problem.upper.empty() && problem.upper.size() != m)
    return size_error("upper", problem.upper.size(), m);
  if (!problem.cost.empty() && problem.cost.size() != m)
    return size_error("cost", problem.cost.size(), m);
  if (!problem.supply.empty() && problem.supply.size() != n)
    return size_error("supply", problem.supply.size(), n);
  return {};
}

DONORFLOW_INLINE void add_supply_totals(const ProblemView& problem, InputTotals& totals) {
  const NodeId n = problem.graph->node_count();
  if (problem.lower.empty()) {
    for (NodeId v = 0; v < n; ++v) {
      const Flow b = problem.supply_of(v);
      totals.supply += b;
      totals.shifted_supply_abs += b < 0 ? -b : b;
    }
    return;
  }
  std::vector<WideCost> shifted(static_cast<std::size_t>(n));
  for (NodeId v = 0; v < n; ++v) {
    shifted[v] = problem.supply_of(v);
    totals.supply += shifted[v];
  }
  const StaticGraph& g = *problem.graph;
  for (ArcId a = 0; a < g.arc_count(); ++a) {
    if (const Flow lo = problem.lower[a]; lo != 0) {  // most are 0: their ends are not read
      shifted[static_cast<std::size_t>(g.tail(a))] -= lo;
      shifted[static_cast<std::size_t>(g.head(a))] += lo;
    }
  }
  for (const WideCost b : shifted) totals.shifted_supply_abs += b < 0 ? -b : b;
}

DONORFLOW_INLINE InputCheck check_totals(std::size_t nodes, const InputTotals& totals,
                                         SupplyMode mode) {
  constexpr WideCost kFlowLimit = WideCost{1} << 62;
  if (totals.shifted_supply_abs + totals.finite_capacity >= kFlowLimit) {
    return {Status::kOverflow,
            "total supply plus finite capacities is " +
                to_string(totals.shifted_supply_abs + totals.finite_capacity) +
                ", beyond the 2^62 that 64-bit flow arithmetic can carry exactly"};
  }
  // Potentials are sums of costs along tree paths, plus one big-M artificial cost of about
  // (n + 1) * max|c|: keep (n + 2) * max|c| within 2^60.
  if ((static_cast<WideCost>(nodes) + 2) * totals.max_abs_cost >
      static_cast<WideCost>(kMaxMagnitude)) {
    return {Status::kOverflow, "nodes times the largest cost is beyond 2^60: " +
                                   std::to_string(nodes) + " nodes, largest |cost| " +
                                   std::to_string(totals.max_abs_cost) + "; rescale the costs"};
  }
  if (mode == SupplyMode::kExact && totals.supply != 0) {
    return {Status::kUnbalanced, "supplies sum to " + to_string(totals.supply) +
                                     ", not zero; choose a mode in which supply or demand may "
                                     "remain, or balance them"};
  }
  return {};
}

}  // namespace detail

DONORFLOW_INLINE InputCheck detail::check_input(const ProblemView& problem, InputTotals& totals) {
  using detail::arc_text;
  using detail::exceeds_magnitude;
  if (InputCheck sizes = detail::check_sizes(problem); !sizes.ok()) return sizes;
  const StaticGraph& g = *problem.graph;
  const auto m = static_cast<std::size_t>(g.arc_count());
  const auto n = static_cast<std::size_t>(g.node_count());
  // Local copies, so that the loop below keeps the arrays and the sums in registers: through the
  // references, a store into the sums might change what the view holds (and the other way), and
  // the compiler stored and reloaded them for every arc (transport small: 186 us against 335, 300
  // checks in one process).
  const ProblemView view = problem;
  InputTotals sums;

  for (std::size_t v = 0; v < n; ++v) {
    const Flow b = view.supply_of(static_cast<NodeId>(v));
    if (exceeds_magnitude(b)) {
      return {Status::kOverflow, "supply of node " + std::to_string(v) + " is " +
                                     std::to_string(b) +
                                     ", beyond the limit of 2^60 in absolute value"};
    }
  }
  // Net supplies after shifting lower bounds out, and the sum of finite residual capacities:
  // together they bound every flow value in a basic solution.
  for (std::size_t i = 0; i < m; ++i) {
    const auto a = static_cast<ArcId>(i);
    const Flow lo = view.lower_of(a);
    const Flow hi = view.upper_of(a);
    const Cost c = view.cost_of(a);
    if (detail::arc_fits(lo, hi, c)) {
      sums.add_arc(lo, hi, c);
      continue;
    }
    // What arc_fits() found wrong, named.
    if (lo == kInfiniteCapacity) {
      return {Status::kBadInput, arc_text(g, a) + ": the lower bound cannot be infinite"};
    }
    if (lo > hi) {
      return {Status::kBadInput, arc_text(g, a) + ": lower bound " + std::to_string(lo) +
                                     " exceeds upper bound " + std::to_string(hi)};
    }
    if (exceeds_magnitude(lo) || (hi != kInfiniteCapacity && exceeds_magnitude(hi))) {
      return {Status::kOverflow, arc_text(g, a) + ": a bound is beyond 2^60 in absolute value"};
    }
    return {Status::kOverflow,
            arc_text(g, a) + ": cost " + std::to_string(c) + " is beyond 2^60 in absolute value"};
  }
  totals.max_abs_cost = sums.max_abs_cost;
  totals.finite_capacity = sums.finite_capacity;
  detail::add_supply_totals(view, totals);
  return detail::check_totals(n, totals, view.supply_mode);
}

DONORFLOW_INLINE InputCheck check_input(const ProblemView& problem) {
  detail::InputTotals totals;
  return detail::check_input(problem, totals);
}

}  // namespace donorflow
