// donorflow/flow/min_cost_flow.hpp: one entry point for every min-cost flow algorithm.
//
// `solve_min_cost_flow(problem, algorithm)` validates the problem, runs the chosen algorithm and
// returns flows, potentials and the exact cost. Both algorithms are exact and return the same
// certificate; they differ in speed.
//
// `Algorithm::kAuto` picks from three features of the instance: its size, its density and
// whether it has a hub (a node touching a twentieth of the arcs, as the shortfall source of an
// allocation network does). Cost scaling is chosen for sparse networks (at most 64 arcs per node)
// of 50,000 nodes or more, and for sparse networks of 40,000 arcs or more with a hub; network
// simplex for smaller or dense ones. The rule comes from single-thread measurements of both
// algorithms (cold solves, seconds; docs/performance.md: the alloc rows are medians of three from
// "Cost scaling: the first eps from the median cost", with clinics = groups / 40, the others
// single runs from earlier sections):
//
//   family      nodes     arcs  network simplex  cost scaling
//   grid       40,000     159k             0.65          0.93
//   grid       62,500     249k             2.08          1.58
//   netgen     32,768     262k             0.65          0.82
//   netgen     65,536     524k             2.0           1.69
//   netgen    262,144     2.1M            27.3          12.7
//   alloc       2,564      25k             0.011         0.014   (hub)
//   alloc       3,589      34k             0.019         0.023   (hub)
//   alloc       5,127      49k             0.045         0.036   (hub)
//   alloc      10,252      98k             0.157         0.090   (hub)
//   alloc      15,377     147k             0.338         0.148   (hub)
//   transport   2,000     1.0M             0.27          2.7   (500 arcs per node)
//
// Without a hub network simplex wins below about 40,000 nodes on every family; from about 60,000
// cost scaling wins on every sparse one, by more the larger the network. A hub lets cost scaling
// win sooner (its hub lists, and its start from the median cost where a few penalty arcs set the
// largest cost; cost_scaling.hpp), from about 40,000 arcs; a scenario of 101,501 arcs (docs/
// performance.md, "Sweeps") solved in 0.21 to 0.24 s by cost scaling against 0.36 to 0.39 s.
// On dense bipartite networks network simplex wins at every size measured. When cost scaling
// refuses a problem for the size of its prices (kOverflow), automatic choice falls back to
// network simplex.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

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

// The automatic choice's rule for a cold solve (see the top of this file): at most 64 arcs per
// node, and either 50,000 nodes or more, or 40,000 arcs or more with a hub.
inline bool prefers_cost_scaling(const ProblemView& problem) {
  constexpr NodeId kLargeFrom = 50'000;
  constexpr ArcId kLargeWithHubFrom = 40'000;
  constexpr std::int64_t kDenseFrom = 64;  // arcs per node
  const StaticGraph* g = problem.graph;
  if (g == nullptr || g->arc_count() > kDenseFrom * static_cast<std::int64_t>(g->node_count())) {
    return false;
  }
  return g->node_count() >= kLargeFrom || (g->arc_count() >= kLargeWithHubFrom && has_hub(problem));
}

// Whether the start's flow, clamped into the problem's bounds, leaves some node out of balance:
// the supplies changed, or bounds that the flow no longer fits, so that the warm start must move
// flow, not only reprice it. (Sums wrap modulo 2^64, exact for flows within check_input's
// limits; a start beyond them only misleads this guess, which the solve then rejects.)
inline bool start_leaves_imbalance(const ProblemView& problem, const WarmStart& start) {
  const StaticGraph* g = problem.graph;
  if (g == nullptr || start.flow.size() != static_cast<std::size_t>(g->arc_count())) return true;
  std::vector<std::uint64_t> balance(static_cast<std::size_t>(g->node_count()));
  for (NodeId v = 0; v < g->node_count(); ++v) {
    balance[v] = static_cast<std::uint64_t>(problem.supply_of(v));
  }
  for (ArcId a = 0; a < g->arc_count(); ++a) {
    const auto x = static_cast<std::uint64_t>(
        std::max(problem.lower_of(a), std::min(start.flow[a], problem.upper_of(a))));
    balance[g->tail(a)] -= x;
    balance[g->head(a)] += x;
  }
  return std::any_of(balance.begin(), balance.end(), [](std::uint64_t b) { return b != 0; });
}

// The automatic choice's rule for a warm start (see resolve_min_cost_flow): a million arcs or
// more, a hub, and a start that leaves some node out of balance.
inline bool prefers_warm_cost_scaling(const ProblemView& problem, const WarmStart& start) {
  constexpr ArcId kLargeFrom = 1'000'000;
  return problem.graph != nullptr && problem.graph->arc_count() >= kLargeFrom && has_hub(problem) &&
         start_leaves_imbalance(problem, start);
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
// changing about 1% of supplies or costs, the warm network simplex took 0.052 to 0.60 of the
// better cold solve on every family at small size, and warm cost scaling 0.26 to 2.7 times
// (docs/performance.md, "Re-solve from the kept basis"). kAuto restarts cost scaling only on
// networks of a million arcs or more with a hub, and only when the old flow leaves some node out
// of balance (start_leaves_imbalance): there, after moving 1% of supplies, warm cost scaling took
// 0.80 of the better cold solve on alloc medium and 0.57 on multiperiod small, warm network
// simplex 1.40 and 1.70; after changing 1% of costs warm network simplex took 0.13 and 0.14, warm
// cost scaling 0.53 and 0.44 (one run each; bench/results/warm-hub-networks-2026-11-23b.txt).
inline MinCostFlowResult resolve_min_cost_flow(const ProblemView& problem, const WarmStart& start,
                                               Algorithm algorithm = Algorithm::kAuto) {
  const bool fits = problem.graph != nullptr &&
                    start.flow.size() == static_cast<std::size_t>(problem.graph->arc_count()) &&
                    start.potential.size() == static_cast<std::size_t>(problem.graph->node_count());
  if (!fits) return solve_min_cost_flow(problem, algorithm);
  const bool cost_scaling =
      algorithm == Algorithm::kCostScaling ||
      (algorithm == Algorithm::kAuto && prefers_warm_cost_scaling(problem, start));
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
