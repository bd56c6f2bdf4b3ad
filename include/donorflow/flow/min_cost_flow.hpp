// donorflow/flow/min_cost_flow.hpp: one entry point for every min-cost flow algorithm.
//
// `solve_min_cost_flow(problem, algorithm)` validates the problem, runs the chosen algorithm and
// returns flows, potentials and the exact cost. Both algorithms are exact and return the same
// certificate; they differ in speed.
//
// `Algorithm::kAuto` picks from two features of the instance: its size and whether it has hubs.
// Cost scaling is chosen for networks of a million arcs or more in which some node touches at
// least a twentieth of the arcs (the shortfall source and the drain of an allocation network,
// a district's clinics); network simplex everywhere else. The rule comes from single-thread
// measurements (docs/performance.md):
//   - below a million arcs network simplex was faster or within 10% on every family (netgen
//     2^12: 0.017 s against 0.074 s; transport 300x300: 0.008 against 0.063; alloc 196k arcs:
//     0.57 against 0.53; netgen 2^16: 1.6 against 2.2);
//   - from a million arcs, on networks with hubs, cost scaling wins (alloc 2M arcs: 21.6 s
//     against 26.2; the compiled 200,000-group scenario: 38 s against over five minutes);
//   - from a million arcs, without hubs, network simplex still wins (netgen 1.8M arcs: 4.5 s
//     against 10.2; transport 1000x1000: 0.27 s against 2.6).
// When cost scaling refuses a problem for the size of its prices (kOverflow), automatic choice
// falls back to network simplex.
#pragma once

#include <optional>
#include <string_view>

#include "donorflow/flow/cost_scaling.hpp"
#include "donorflow/flow/network_simplex.hpp"
#include "donorflow/flow/problem.hpp"

namespace donorflow {

enum class Algorithm { kAuto, kNetworkSimplex, kCostScaling };

inline constexpr std::string_view algorithm_name(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kAuto:
      return "auto";
    case Algorithm::kNetworkSimplex:
      return "network-simplex";
    case Algorithm::kCostScaling:
      return "cost-scaling";
  }
  return "unknown";
}

// The algorithm with this name, or nothing if no algorithm has it.
inline std::optional<Algorithm> parse_algorithm(std::string_view name) {
  for (Algorithm a : {Algorithm::kAuto, Algorithm::kNetworkSimplex, Algorithm::kCostScaling}) {
    if (algorithm_name(a) == name) return a;
  }
  return std::nullopt;
}

// Whether some node touches at least a twentieth of the arcs: the shortfall source and the drain
// of an allocation network do, a random or a dense bipartite network has none.
inline bool has_hub(const ProblemView& problem) {
  constexpr ArcId kHubShare = 20;
  const StaticGraph* g = problem.graph;
  if (g == nullptr) return false;
  for (NodeId v = 0; v < g->node_count(); ++v) {
    if ((g->out_degree(v) + g->in_degree(v)) * kHubShare >= g->arc_count()) return true;
  }
  return false;
}

// The automatic choice's rule (see the top of this file): a million arcs or more, and a hub.
inline bool prefers_cost_scaling(const ProblemView& problem) {
  constexpr ArcId kLargeFrom = 1'000'000;
  return problem.graph != nullptr && problem.graph->arc_count() >= kLargeFrom && has_hub(problem);
}

inline MinCostFlowResult solve_min_cost_flow(const ProblemView& problem,
                                             Algorithm algorithm = Algorithm::kAuto) {
  switch (algorithm) {
    case Algorithm::kAuto: {
      if (prefers_cost_scaling(problem)) {
        MinCostFlowResult result = solve_cost_scaling(problem);
        if (result.status != Status::kOverflow) return result;
      }
      return solve_network_simplex(problem);
    }
    case Algorithm::kNetworkSimplex:
      return solve_network_simplex(problem);
    case Algorithm::kCostScaling:
      return solve_cost_scaling(problem);
  }
  return solve_network_simplex(problem);
}

// Re-solves a problem after its supplies, costs or bounds changed, on the same graph, starting
// from the flow and potentials of an optimal answer to the problem before the change. The answer
// is exact and has the cold solve's cost; only the time differs. A start that does not fit gives
// a cold solve.
//
// kNetworkSimplex and kAuto start network simplex from the old basis (network_simplex.hpp, "Warm
// start"); kCostScaling starts cost scaling from the old prices (cost_scaling.hpp). After
// changing about 1% of supplies or costs, the warm network simplex took 0.005 to 0.11 of the
// better cold solve on every family at small size, and warm cost scaling 0.2 to 10 times
// (docs/performance.md, "Warm starts"), hence the automatic choice.
inline MinCostFlowResult resolve_min_cost_flow(const ProblemView& problem, const WarmStart& start,
                                               Algorithm algorithm = Algorithm::kAuto) {
  const bool fits = problem.graph != nullptr &&
                    start.flow.size() == static_cast<std::size_t>(problem.graph->arc_count()) &&
                    start.potential.size() == static_cast<std::size_t>(problem.graph->node_count());
  if (!fits) return solve_min_cost_flow(problem, algorithm);
  const bool cost_scaling = algorithm == Algorithm::kCostScaling ||
                            (algorithm == Algorithm::kAuto && prefers_cost_scaling(problem));
  if (!cost_scaling) return solve_network_simplex(problem, start);
  MinCostFlowResult result = solve_cost_scaling(problem, start);
  if (result.status == Status::kOverflow) return solve_min_cost_flow(problem, algorithm);
  return result;
}

// The same from a previous result; one that is not optimal gives a cold solve.
inline MinCostFlowResult resolve_min_cost_flow(const ProblemView& problem,
                                               const MinCostFlowResult& previous,
                                               Algorithm algorithm = Algorithm::kAuto) {
  if (!previous.optimal()) return solve_min_cost_flow(problem, algorithm);
  return resolve_min_cost_flow(problem, WarmStart{previous.flow, previous.potential}, algorithm);
}

}  // namespace donorflow
