// donorflow/flow/min_cost_flow.hpp: one entry point for every min-cost flow algorithm.
//
// `solve_min_cost_flow(problem, algorithm)` validates the problem, runs the chosen algorithm and
// returns flows, potentials and the exact cost. Both algorithms are exact and return the same
// certificate; they differ in speed.
//
// `Algorithm::kAuto` picks from four features of the instance: its size, its density, whether it
// has a hub (a node touching a twentieth of the arcs, as the shortfall source of an allocation
// network does) and whether it is long (a breadth-first search from node 0 needs more than
// sqrt(n)/4 levels, as on a grid; see is_long()). Cost scaling is chosen for sparse networks (at
// most 64 arcs per node) of 50,000 nodes or more (115,000 or more when long), and for sparse
// networks of 40,000 arcs or more with a hub; network simplex for smaller or dense ones. The rule
// comes from single-thread measurements of both algorithms (cold solves, seconds; the alloc rows
// are medians of three from docs/performance.md, "Cost scaling: the first eps from the median
// cost", with clinics = groups / 40; the rows marked * are two runs each in one process on
// 2026-11-24, "The automatic choice on grids", the others single runs from earlier sections):
//
//   family      nodes     arcs  network simplex  cost scaling
//   grid       40,000     159k             0.65          0.93
//   grid       62,500     249k             1.33          1.89-1.97  *
//   grid       90,000     359k             2.47          3.13-3.23  *
//   grid      108,900     434k             3.30-3.39     3.52-3.83  *
//   grid      122,500     489k             3.87-3.93     3.47-3.60  *
//   grid      160,000     638k             9.26-9.97     7.63-7.86  *
//   netgen     32,768     262k             0.65          0.82
//   netgen     40,000     320k             0.56-0.57     0.56       *
//   netgen     46,000     368k             0.80-0.82     0.63-0.67  *
//   netgen     65,536     524k             2.0           1.69
//   netgen     80,000     320k             1.65          0.97       *  (4 arcs per node)
//   netgen      4,000     128k             0.077         0.128      *  (32 arcs per node)
//   netgen     10,000     320k             0.436         0.339      *  (32 arcs per node)
//   netgen    262,144     2.1M            27.3          12.7
//   alloc       2,564      25k             0.011         0.014   (hub)
//   alloc       3,589      34k             0.019         0.023   (hub)
//   alloc       5,127      49k             0.045         0.036   (hub)
//   alloc      10,252      98k             0.157         0.090   (hub)
//   alloc      15,377     147k             0.338         0.148   (hub)
//   transport   2,000     1.0M             0.27          2.7   (500 arcs per node)
//
// Without a hub network simplex wins below about 40,000 nodes on random networks and cost scaling
// from about 45,000, by more the larger the network; on grids network simplex wins up to about
// 110,000 nodes. Density is not what sets grids apart: a random network of 4 arcs per node, as a
// grid has, went to cost scaling at 80,000 nodes (0.97 s against 1.65). One of 32 arcs per node
// went sooner (10,000 nodes: 0.34 s against 0.44; at 4,000 network simplex, 0.077 against 0.128),
// which the rule leaves to network simplex. A hub lets cost scaling win sooner (its hub lists,
// and its start from the median cost where a few penalty arcs set the largest cost;
// cost_scaling.hpp), from about 40,000 arcs; a scenario of 101,501 arcs (docs/performance.md,
// "Sweeps") solved in 0.21 to 0.24 s by cost scaling against 0.36 to 0.39 s. On dense bipartite
// networks network simplex wins at every size measured. When cost scaling refuses a problem for
// the size of its prices (kOverflow), automatic choice falls back to network simplex.
#pragma once

#include <algorithm>
#include <cmath>
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

// Whether the network is long: a breadth-first search from node 0, along arcs either way, needs
// more than a quarter of sqrt(n) levels to reach all it reaches. A grid is (a 300 x 300 grid from
// its corner: 598 levels against sqrt(n) = 300), a random network or an allocation network is not
// (netgen medium 5 levels, alloc and multiperiod 3, transport 2).
inline bool is_long(const StaticGraph& g) {
  const NodeId n = g.node_count();
  if (n == 0) return false;
  // The deepest level a network that is not long reaches: floor(sqrt(n) / 4).
  const auto deepest_short = static_cast<std::int32_t>(std::sqrt(static_cast<double>(n)) / 4);
  std::vector<std::int32_t> level(static_cast<std::size_t>(n), -1);
  std::vector<NodeId> queue;
  queue.reserve(static_cast<std::size_t>(n));
  level[0] = 0;
  queue.push_back(0);
  for (std::size_t k = 0; k < queue.size(); ++k) {
    const NodeId u = queue[k];
    if (level[u] > deepest_short) return true;
    auto reach = [&](NodeId w) {
      if (level[w] >= 0) return;
      level[w] = level[u] + 1;
      queue.push_back(w);
    };
    for (const ArcId a : g.out_arcs(u)) reach(g.head(a));
    for (const ArcId a : g.in_arcs(u)) reach(g.tail(a));
  }
  return false;
}

// The automatic choice's rule for a cold solve (see the top of this file): at most 64 arcs per
// node, and either 50,000 nodes or more (115,000 or more for a long network), or 40,000 arcs or
// more with a hub.
inline bool prefers_cost_scaling(const ProblemView& problem) {
  constexpr NodeId kLargeFrom = 50'000;
  constexpr NodeId kLongLargeFrom = 115'000;
  constexpr ArcId kLargeWithHubFrom = 40'000;
  constexpr std::int64_t kDenseFrom = 64;  // arcs per node
  const StaticGraph* g = problem.graph;
  if (g == nullptr || g->arc_count() > kDenseFrom * static_cast<std::int64_t>(g->node_count())) {
    return false;
  }
  if (g->arc_count() >= kLargeWithHubFrom && has_hub(problem)) return true;
  const NodeId n = g->node_count();
  return n >= kLongLargeFrom || (n >= kLargeFrom && !is_long(*g));
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
