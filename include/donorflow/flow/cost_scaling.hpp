// donorflow/flow/cost_scaling.hpp: the cost-scaling push-relabel method for min-cost flow.
//
// Network simplex moves from one spanning tree to the next; on large allocation networks, where
// hundreds of thousands of needs compete for a few thousand sites, it needs very many pivots.
// Cost scaling (Goldberg and Tarjan 1990; Goldberg 1997) approaches the optimum from the dual
// side instead, and its running time grows much more gently on such networks.
//
// A flow is eps-optimal for prices p if every residual arc (v, w) has reduced cost
// c(v, w) + p(v) - p(w) >= -eps. With costs multiplied by alpha = n + 1, a 1-optimal flow is
// optimal for the integer costs. The method starts with a large eps (see "Scaling") and repeats
// `refine` with eps divided by a constant factor until eps = 1. Refine saturates every arc of
// negative reduced cost, which leaves nodes with excess and deficit, then discharges the excess
// with pushes over admissible arcs (reduced cost < 0) and relabels (lowering a node's price just
// enough to create an admissible arc).
//
// Scaling. The textbook start is eps = the largest scaled cost, where any flow is eps-optimal.
// But refine is exact from any start (it saturates what violates), and the phases at an eps far
// above most costs only sort out the few costly arcs while relabelling every node: an
// allocation network's shortfall tiers cost up to 200,000 against a median cost of 581. A cold
// start therefore begins at twice the median |cost| of the arcs with room (sampled), at most the
// largest and at least a 4096th of it; where costs are spread evenly (grid, netgen: the median is
// about half the largest) that is the textbook start. Measured against the largest cost
// (alternating runs): alloc small 0.35 to 0.39 s against 0.27 to 0.28, alloc medium 8.6 and 9.7
// against 7.7 and 8.6 s, multiperiod small 17.9 and 19.5 against 9.5 and 9.0 s (half the
// relabels). A warm start begins at what its changes broke (see "Warm start").
//
// Implementation. The residual graph is one CSR array of paired arcs (each arc and its reverse;
// an arc without room, upper = lower, is left out: it can only carry its bound);
// nodes hold excess, price and a current-arc pointer. Each residual arc's cost, residual
// capacity, head and the pair's total capacity sit together in one struct, so a scan touches one
// cache line per arc and never reads the reverse. The struct holds them in 32 bits (16 bytes an
// arc, the reverse's index in an array of its own, read only by pushes) when every cost and
// capacity fits, as on every family and scenario of the benchmarks, else in 64 bits (32 bytes, the
// reverse inside). Scans and global updates are bound by memory: with 32-bit arcs alloc at 18
// million arcs took 68.9 s against 76.6 and peaked at 1.95 GB against 2.37, multiperiod small
// 6.46 s against 7.11 (medians of three), alloc and grid medium 3% less (docs/performance.md).
// Costs are stored unscaled and multiplied by alpha where read. Active nodes are discharged in FIFO
// order, eps is divided by 8 per phase.
// Three heuristics keep the work down (and hubs, below, get lists):
//   - price updates: every so often, and at the start of each refine, prices are set from a
//     bucket-based shortest-path search toward the deficit nodes (a "global update"), so that
//     excess flows the right way instead of relabelling step by step;
//   - partial augment-relabel (Goldberg 2008): excess moves along admissible paths of up to four
//     arcs at once rather than arc by arc, so that it is not pushed into a node that would only
//     push it on (or back); a node on the path without an admissible arc is relabelled and the
//     path retreats past it;
//   - early optimality: once eps is below one unit of cost, each phase ends with an attempt,
//     bounded to a few scans of the arcs, to compute exact potentials for the flow; if it
//     succeeds the flow is optimal and the remaining phases are skipped. Measured on the small
//     instances, the flow was optimal one to three phases before eps = 1 on alloc, grid and
//     netgen, and those phases cost as much as any other (docs/performance.md).
//
// Relabel. A node is relabelled when its scan for an admissible arc has reached the end of its
// arcs. Between two relabels its price stays put and the keys of its arcs (price of the head
// minus cost) only fall, so every arc the scan passed is still inadmissible, and the largest key
// the scan saw is an upper bound of the largest key now. A node of more than 4 times the average
// degree (the clinics of an allocation network) is relabelled to that bound minus eps instead of
// reading all its arcs again; eps-optimality holds all the same. A bound that is too high leaves
// the node without an admissible arc, and the next scan, which reads the arcs anyway, yields a
// tighter one. (An arc that becomes residual adds its key to the bound when it does.) Nodes of
// lower degree read their arcs again: for them the stale bounds cost more relabels than the
// reading saves (grid and netgen medium 15 to 20% slower with the bound for every node).
// Measured with it for the wide nodes alone: alloc small 0.64 to 0.51 s, alloc medium 11.2 to
// 9.9 s, grid medium and multiperiod small unchanged (docs/performance.md).
//
// Node order. The solver numbers nodes in its own order: breadth-first from node 0, so that a
// node's neighbours get nearby numbers and the price and excess arrays are read in runs rather
// than at random. Nodes of very high degree (more than 64 times the average, such as a shortfall
// source linked to every group) are numbered but not expanded, else the whole graph would be one
// level of the search, in the caller's order. On allocation networks, whose groups come in no
// particular order, this cut the solve from 20.8 to 17.1 s at 2 million arcs and from 245 to
// 214 s at 18 million (docs/performance.md). Answers and messages use the caller's numbers.
//
// Hubs. A node of that very high degree is relabelled hundreds of times per phase, and each
// relabel, and the scan after it, would read all its arcs (360,000 for the shortfall source at
// 2 million arcs), though only the few of largest key (price of the head minus cost) matter.
// Each hub therefore keeps a list: the residual arcs of its largest keys (at least 256, or a
// 64th of its arcs), every other residual arc's key being at most a bound `outside`, plus each
// arc that becomes residual later (a push into the hub). Prices never rise, so keys never rise
// and the bound stays true: while the largest listed key stays eps above it, the relabel and the
// scans read the list alone; else the list is made again from all the arcs. A global update keeps
// a list while the hub's price stays at or above the bound (no arc off the list can then be
// admissible); refine's saturation, which makes arcs residual without listing them, remakes all.
// Measured: alloc 2 million arcs 11.04 s against 11.33 (3 alternating runs), 18 million 118 s
// against 128 (one run each), others unchanged; keeping lists across global updates, alloc small
// 0.50 to 0.44 s and alloc medium 10.2 to 9.8 s; lists for every node of more than 8 times the
// average degree (the clinics) made alloc medium 40% slower, 44% of their relabels having to make
// the list again (docs/performance.md).
//
// Infinite capacities are replaced by the total of supplies and finite capacities, an upper
// bound on any arc's flow in an optimal solution, once a search has ruled out a negative cycle of
// infinite capacity (Status::kUnbounded). Infeasibility is suspected when a node's price falls
// below the bound a feasible problem respects, or when excess sits at a node with no residual
// arc, and proven by a search for excess that reaches no deficit (otherwise the bound is
// lowered and the phase goes on). The relaxed supply modes route unused supply or unmet demand
// through one extra slack node.
//
// Warm start. Given the answer to a problem on the same graph (its flow and potentials), run()
// starts from them instead of from zero: prices are the old potentials scaled by alpha, the old
// flow is clamped into the new bounds, and eps starts at the largest violation of eps-optimality
// the changes caused (at least 16 alpha: one cost unit is alpha). Refine then only repairs what
// changed: after a change of a few supplies, costs or capacities, most nodes keep their prices and
// the work is near the changes. The answer is exact whatever the starting point; a start that does
// not fit (other sizes, prices too large) is ignored and the solve starts cold.
//
// Exactness. The flow found is optimal; the potentials returned are made exact (not merely
// eps-optimal) by a final shortest-path pass over the residual graph with the original costs,
// so the same certificate as network simplex proves the answer (flow/certificate.hpp).
//
// References: A. V. Goldberg, R. E. Tarjan, Finding minimum-cost circulations by successive
// approximation, Math. Oper. Res. 15 (1990); A. V. Goldberg, An efficient implementation of a
// scaling minimum-cost flow algorithm, J. Algorithms 22 (1997); A. V. Goldberg, The partial
// augment-relabel algorithm for the maximum flow problem, ESA 2008.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "donorflow/flow/problem.hpp"

namespace donorflow {

namespace detail {
// A residual arc of cost scaling (see "Implementation"), in 32 or 64 bits.
template <class Value>
struct ResidualArc {
  Value cost;      // unscaled
  Value residual;  // room left on the arc
  Value total;     // residual capacity of the arc and its pair together (upper - lower)
  NodeId head;
};
template <>
struct ResidualArc<std::int64_t> {
  std::int64_t cost;
  std::int64_t residual;
  std::int64_t total;
  NodeId head;
  ArcId pair;  // fits in the padding
};
}  // namespace detail

// Cost scaling over residual arcs whose costs and capacities are of type Value: std::int32_t
// or std::int64_t (solve_cost_scaling() picks the narrower that fits).
template <class Value>
class CostScaling {
 public:
  explicit CostScaling(const ProblemView& problem) : problem_(problem) {}

  // Start the next run() from `start` (see "Warm start" above); the arrays must outlive run().
  CostScaling& warm_start(const WarmStart& start) {
    warm_ = start;
    return *this;
  }

  // Solves the problem the view holds now, from the warm start if one was given, else from
  // scratch; nothing else is reused from an earlier call.
  MinCostFlowResult run();

 private:
  // alpha: costs are multiplied by it, so that a 1-optimal flow is optimal (see above).
  Cost scale() const { return static_cast<Cost>(n_) + 1; }
  void order_nodes();
  bool build();
  Cost first_epsilon(const std::vector<Cost>& cost, const std::vector<Flow>& capacity,
                     Cost max_cost) const;
  bool apply_warm_start();
  bool has_infinite_negative_cycle() const;
  bool refine();
  bool discharge();
  // discharge()'s longest path. Measured against 2, 6 and 8: best or near it on every family.
  static constexpr int kPathLength = 4;
  void global_update();
  enum class Relabel { kDone, kDeadEnd, kTooLow };
  Relabel relabel(NodeId v);
  bool is_hub(NodeId v) const { return first_[v + 1] - first_[v] > hub_degree_; }
  Cost list_hub(NodeId v);
  Cost hub_best(NodeId v);
  bool excess_is_stranded();
  bool price_fell_too_far();
  Cost floor_step() const;
  Cost floor_below(Cost price) const;
  bool exact_potentials(std::int64_t budget);
  MinCostFlowResult finish(Status status, std::string message);

  ProblemView problem_;
  WarmStart warm_;
  NodeId n_ = 0;         // nodes, the slack node included when there is one
  NodeId slack_ = -1;    // the slack node of the relaxed modes
  ArcId real_arcs_ = 0;  // the caller's arcs; slack arcs follow
  Cost epsilon_ = 0;
  Cost epsilon_cold_ = 0;     // a cold start's first eps: alpha max|c|
  Cost warm_floor_step_ = 0;  // see floor_step()
  std::int64_t relabels_ = 0;
  Cost price_floor_ = 0;  // below this, a price proves the problem infeasible

  // Residual arcs in CSR order by tail, each with what a scan reads together, so that one cache
  // line serves it; arc i's reverse is pair(i).
  // `total` is the residual capacity of the arc and its pair together (upper - lower, infinite
  // replaced), which never changes, so that the pair's residual is known without reading the pair
  // (global_update's inner loop), and a forward arc's flow is total - residual.
  static constexpr bool kNarrow = sizeof(Value) == sizeof(std::int32_t);
  std::vector<ArcId> first_;
  std::vector<detail::ResidualArc<Value>> arcs_;
  std::vector<ArcId> pair_;  // the reverses of 32-bit arcs (64-bit ones hold theirs)
  ArcId pair(ArcId i) const {
    if constexpr (kNarrow) {
      return pair_[i];
    } else {
      return arcs_[i].pair;
    }
  }
  // Residual arc i's cost, scaled by alpha.
  Cost scaled_cost(ArcId i) const { return static_cast<Cost>(arcs_[i].cost) * scale(); }
  std::vector<ArcId> forward_of_;      // problem arc -> its forward residual arc, or kNoArc
  static constexpr ArcId kNoArc = -1;  // an arc without room (upper = lower) has none

  // The node order (see "Node order"): node_at_[i] is the caller's node numbered i here, and
  // inner_[v] the number of the caller's node v. The slack node, if any, is n and in neither.
  std::vector<NodeId> node_at_;
  std::vector<NodeId> inner_;

  // Nodes, in the solver's order.
  std::vector<Flow> excess_;
  std::vector<Cost> price_;
  std::vector<ArcId> current_;
  // Per node, the largest key (price of the head minus cost) of the residual arcs its scans
  // passed since its last relabel; the relabel of a node of more than wide_degree_ arcs (4 times
  // the average), hubs aside, lowers its price to this minus eps instead of reading its arcs
  // again (see "Relabel").
  std::vector<Cost> passed_best_;
  ArcId wide_degree_ = 0;
  std::vector<Cost> exact_;             // the final exact potentials (p convention)
  std::vector<NodeId> stranded_;        // nodes whose excess reaches no deficit, when infeasible
  std::vector<Cost> scratch_distance_;  // global_update's, kept to avoid reallocating
  std::vector<std::vector<NodeId>> scratch_buckets_;
  std::vector<char> scratch_settled_;
  std::vector<NodeId> scratch_path_arcs_;
  std::vector<ArcId> path_;  // discharge()'s admissible path

  // Hubs (see "Hubs"): nodes of more than hub_degree_ residual arcs, the degree above which
  // order_nodes() does not expand a node. The list holds arc ids in CSR order, and a hub's
  // current_ is a place on its list unless the list is stale.
  struct Hub {
    std::vector<ArcId> list;
    Cost outside = kNoKey;   // no residual arc off the list has a larger key
    std::size_t listed = 0;  // the list's length when made; appends past twice that remake it
    bool stale = true;       // arcs off the list may be admissible: remake before use
  };
  static constexpr Cost kNoKey = std::numeric_limits<Cost>::min();
  static constexpr std::size_t kHubListMin = 256;
  static constexpr std::size_t kHubListShare = 64;  // a list holds at least 1/64 of the arcs
  ArcId hub_degree_ = 0;
  std::vector<std::int32_t> hub_of_;  // per node, its index in hubs_, or -1
  std::vector<Hub> hubs_;
  std::vector<std::pair<Cost, ArcId>> scratch_keys_;

  // v's list if v is a hub (one test when the network has none), else null.
  Hub* hub_at(NodeId v) {
    return hubs_.empty() || hub_of_[v] < 0 ? nullptr : &hubs_[static_cast<std::size_t>(hub_of_[v])];
  }
  // Whether v has more than wide_degree_ arcs: relabelled from its passed keys (see "Relabel"),
  // or, if a hub, from its list. Every hub is wide.
  bool wide(NodeId v) const { return first_[v + 1] - first_[v] > wide_degree_; }
  // Residual arc i's key: the price of its head minus its cost. Arc i out of v is admissible
  // when its key exceeds v's price.
  Cost key(ArcId i) const { return price_[arcs_[i].head] - scaled_cost(i); }
};

#ifndef DONORFLOW_HEADER_ONLY
// Compiled once in src/library.cpp.
extern template class CostScaling<std::int32_t>;
extern template class CostScaling<std::int64_t>;
#endif

namespace detail {
// Whether every cost and capacity fits cost scaling's 32-bit residual arcs (see "Implementation").
bool cost_scaling_fits_32_bits(const ProblemView& problem);
}  // namespace detail

// Solves `problem` by cost scaling.
MinCostFlowResult solve_cost_scaling(const ProblemView& problem);
// The same, starting from a previous answer on the same graph (see "Warm start").
MinCostFlowResult solve_cost_scaling(const ProblemView& problem, const WarmStart& start);

}  // namespace donorflow

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/flow/cost_scaling.ipp"
#endif
