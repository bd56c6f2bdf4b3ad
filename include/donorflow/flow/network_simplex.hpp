// donorflow/flow/network_simplex.hpp: the primal network simplex method for min-cost flow.
//
// The problem is the one of flow/problem.hpp. Network simplex is the simplex method specialised
// to the network matrix: a basis is a spanning tree, solving the basis is walking the tree, and a
// pivot moves flow around the one cycle that the entering arc closes with the tree.
//
// Start. Lower bounds are shifted out (x = l + y), so every arc runs from 0 to a capacity. An
// artificial root node r is added with one arc between r and every node v: v -> r when the
// shifted supply b(v) >= 0, r -> v otherwise, carrying |b(v)|. These arcs form the first tree. In
// kExact mode they cost a big M = (n + 1) max|c| + 1, larger than the cost of any simple path, so
// the simplex drives their flow to zero whenever a feasible flow exists; flow left on one of them
// at the end proves infeasibility. In the relaxed modes the root also absorbs unused supply
// (kSupplyMayRemain: arcs v -> r of cost 0) or provides unmet demand (kDemandMayRemain: arcs
// r -> v of cost 0); a node whose tree arc points the other way gets one extra cost-0 arc.
//
// Tree. The spanning tree lives in flat per-node arrays: parent, the arc to the parent (pred) and
// its direction, a preorder "thread" with its reverse, the size of each subtree and the last node
// of each subtree in preorder. With them the pivot needs no search structure: the apex of the
// cycle is found by climbing from the two ends, always moving the end with the smaller subtree;
// the potentials of the re-hung subtree change by one constant, applied along the thread.
//
// Pivoting. Candidates are priced by a rule chosen at compile time (a small class holding
// references to the solver's arrays, so the hot loop has no virtual call). The default is block
// search: scan about sqrt(m) arcs from where the last scan stopped and take the most violating
// one, continuing around the arc list only if a block holds none. Arcs are visited in a strided
// order rather than input order so that one block samples the whole network. On a dense network
// (32 arcs or more per node) a cold solve first searches shortlists of each node's 30 cheapest
// arcs, and all the arcs only when those hold no candidate (see BlockSearchPivot).
//
// Termination. The tree is kept strongly feasible (every node can send a positive amount of flow
// to the root along its tree path): the leaving arc is the last blocking arc met when the cycle is
// traversed from its apex in the direction of flow (Cunningham 1976). Degenerate pivots then
// cannot cycle, and the method ends after finitely many pivots without perturbation.
//
// Unboundedness. If no arc of the cycle limits the flow, the cycle has negative cost and infinite
// capacity: the objective is unbounded below and run() returns Status::kUnbounded.
//
// Complexity. Each pivot costs O(sqrt(m)) pricing plus work proportional to the cycle and the
// re-hung subtree; the number of pivots is not polynomially bounded in the worst case, but in
// practice network simplex with block search is among the fastest exact methods on sparse
// networks (Kovacs 2015).
//
// Exactness. All arithmetic is on 64-bit integers within the limits check_input() enforces, and
// the objective is summed in 128 bits: the answer is exact, never rounded. The final potentials
// are returned with the flow and prove optimality (flow/certificate.hpp).
//
// Warm start. Given an optimal answer to a problem on the same graph before its supplies, costs or
// bounds changed (its flow and potentials), run() starts from the basis that answer implies instead
// of the all-artificial tree. The old flow, clamped into the new bounds, keeps every arc strictly
// between its bounds in the tree (a basic answer, as network simplex returns, has no cycle of such
// arcs); arcs whose reduced cost under the old potentials is zero complete the forest; arcs at
// their bounds join what is still apart, least |reduced cost| first (a changed cost drops its arc,
// and cost scaling's answer leaves many nodes apart), so that the potentials move little; each
// remaining component (of a disconnected graph) hangs from the root by an artificial arc. What the
// change leaves out of balance is passed up the tree, leaves first, whatever the bounds. Where that
// drives a tree arc past a bound, dual pivots bring it back: the arc leaves the tree at that bound
// and the arc across its cut of least |reduced cost| enters, so that the potentials keep pricing
// the other arcs as they did (the dual network simplex; after a change of supplies, it needs far
// fewer pivots than parking the imbalances: on alloc small 23,500 pivots in all against 39,500, and
// 2 against 184 to 394 on grid small). The dual pivots read at most 2m arcs; a tree arc they leave
// past its bound is clamped, and what it stops carrying is passed up as far as the bounds allow; a
// node still d units out of balance has its root arc carry d at cost M, not in the tree but at its
// upper bound d (at the top of a component, in the tree). The basis is then feasible for the new
// problem, and pivots drive the artificial flow out as in a cold start. Root arcs are priced like
// the others (the ones not needed have capacity 0), first when some hold imbalances. A free arc
// that would close a cycle (an optimal answer need not be basic; cost scaling's rarely is) moves to
// its nearer bound, and what it stops carrying is settled like any change. After a small change few
// pivots are needed: withdrawing one offer of a 100,000-arc scenario took 1,700 to 5,200 pivots
// instead of 82,500 (docs/performance.md). A start of other sizes, or in a relaxed supply mode, is
// ignored and the solve starts cold.
//
// Re-solve. A solver kept between solves can start from its own last basis instead: resolve()
// keeps the tree, the flows and the arc order, reads the view's arrays once, writes only what
// changed (a cost, or the flow of an arc whose bounds changed), settles what the changes leave out
// of balance as a warm start does, and pivots. It skips what a warm start from an answer costs
// when few pivots follow: laying out the arcs and rebuilding a tree from the flow (on transport
// small, 0 to 25 pivots, they were three quarters of the time). After changing 1% of the costs or
// supplies at small size, resolve() took 0.015 to 0.45 of the better cold solve, against 0.052 to
// 0.60 for a warm start from the answer (docs/performance.md, "Re-solve from the kept basis").
// A caller that knows which arcs changed can say so, resolve(changed_arcs): then only those arcs
// are read, which spares the pass over all of them (transport small after changing 1% of costs:
// 0.061 to 0.076 of the cold solve, against 0.130 to 0.149 reading every arc; docs/performance.md,
// "Told which arcs changed"). After a change of supplies alone, the old potentials price every arc
// as optimality requires, and the dual pivots keep them so; when those pivots bring every tree arc
// back within its bounds (and no component's potentials moved against another's), the basis is
// optimal and the pricing pass that would prove it is skipped.
//
// Use:
//   donorflow::NetworkSimplex<> simplex(problem_view);
//   donorflow::MinCostFlowResult result = simplex.run();
//   // ... change the values in the arrays the view borrows (not their sizes), then either
//   result = simplex.resolve();                                       // from the kept basis
//   result = simplex.resolve(changed_arcs);  // the same, reading only the arcs listed
//   result = simplex.warm_start({result.flow, result.potential}).run();  // from an answer
//
// References: R. K. Ahuja, T. L. Magnanti, J. B. Orlin, Network Flows (1993), ch. 11;
// W. H. Cunningham, A network simplex method, Math. Programming 11 (1976);
// P. Kovacs, Minimum-cost flow algorithms: an experimental evaluation, Optim. Methods Softw. 30
// (2015).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "donorflow/flow/problem.hpp"

namespace donorflow {

// Node states of arcs: at the lower bound (+1), at the upper bound (-1), or in the tree (0). The
// signs are chosen so that state * reduced_cost < 0 exactly when the arc may enter.
enum ArcState : std::int8_t { kArcAtUpper = -1, kArcInTree = 0, kArcAtLower = 1 };

// Block search pricing: the most violating arc among the next block of candidates. A block is
// scanned in at most two tight runs (it wraps around the end of the arcs), keeping the best arc
// without a branch: which arc wins is unpredictable. Against a loop that counted the block down
// arc by arc and branched on each better arc: grid small 40.3 to 40.6 ms against 43.0 to 43.5,
// netgen small 16.3 to 16.7 against 17.4 to 17.6 (three alternating rounds of 100 cold solves in
// one process).
//
// When few arcs violate optimality, as after a warm start, a block search scans most of the arcs to
// find each of them. With use_list(), a search that had to scan more than a quarter of the arcs
// switches pricing to a list: a scan collects up to a block's worth of violating arcs, and the
// following pivots take the most violating arc on that list, priced again each time, until none on
// it violates any more; then a scan refills it. A refill that finds a full block's worth within two
// blocks of arcs switches back to block search, whose choices are better when violations abound.
// Measured after changing 1% of costs (small sizes, `build/bench/warm_start FAMILY small costs`):
// see docs/performance.md, "Warm starts".
//
// On a dense network the arcs that enter are mostly among their tails' cheapest: on transport
// small (every donor to every region), 80% of the entering arcs of a cold solve were among the 15
// cheapest of their donor's 300 arcs, 90% among the 30 cheapest. With use_shortlist() (each
// node's cheapest arcs, listed by NetworkSimplex), a search first takes the most violating arc of
// the next block of kShortlistBlock shortlisted arcs, as block search does over all arcs, and
// only when no shortlisted arc violates does it search all the arcs, for the next kShortlistRest
// pivots; the last search, which proves the optimum, is always over all the arcs. This is the
// shortlist method of Gottschlich and Schuhmacher (2014) for transport problems, in block
// search's terms. Cold transport small took 4.3 ms against 5.7 to 6.0 (2,556 pivots against
// 4,364), transport medium 68 ms against 91 (docs/performance.md, "Shortlists on dense
// networks").
class BlockSearchPivot {
 public:
  struct Arrays {
    const std::vector<NodeId>& source;
    const std::vector<NodeId>& target;
    const std::vector<Cost>& cost;
    const std::vector<std::int8_t>& state;
    const std::vector<Cost>& potential;
  };

  BlockSearchPivot(const Arrays& arrays, ArcId search_count)
      : a_(arrays),
        search_count_(search_count),
        block_size_(std::max<ArcId>(
            kMinBlockSize, static_cast<ArcId>(std::sqrt(static_cast<double>(search_count))))) {}

  // The next search starts at arc `e` (a warm start begins with the artificial arcs).
  void start_at(ArcId e) { next_arc_ = e < search_count_ ? e : 0; }

  // Lets pricing switch to a list of candidates when violations are sparse (see above).
  void use_list() { list_allowed_ = true; }

  // Lets pricing look at these arcs first (see above); the span must outlive the searches.
  void use_shortlist(std::span<const ArcId> shortlist) { shortlist_ = shortlist; }

  // Finds an arc whose reduced cost violates optimality; false when none is left (optimal).
  bool find_entering(ArcId& entering) {
    if (list_mode_) return from_list(entering) || refill(entering);
    ArcId scanned = 0;
    if (!shortlist_.empty()) {
      if (shortlist_rest_ > 0) {
        --shortlist_rest_;
      } else {
        const ArcId* const shortlist = shortlist_.data();
        const ArcId e =
            best_in_blocks(static_cast<ArcId>(shortlist_.size()), kShortlistBlock, next_short_,
                           scanned, [shortlist](ArcId k) { return shortlist[k]; });
        if (e >= 0) {
          entering = e;
          return true;
        }
        shortlist_rest_ = kShortlistRest;
      }
    }
    const ArcId e =
        best_in_blocks(search_count_, block_size_, next_arc_, scanned, [](ArcId k) { return k; });
    if (e < 0) return false;
    entering = e;
    list_mode_ = list_allowed_ && scanned > search_count_ / 4;
    return true;
  }

 private:
  static constexpr ArcId kMinBlockSize = 10;
  // Measured on cold solves of transport small and medium: blocks of 50 to 300 shortlisted arcs,
  // and 0 to 200 pivots before the shortlists are searched again (100 and 100 best or near it).
  static constexpr ArcId kShortlistBlock = 100;
  static constexpr std::int64_t kShortlistRest = 100;

  // The most violating of the arcs at(k), for positions k from `next` on, a block of `block`
  // positions at a time (in at most two tight runs when it wraps around `count`), until a block
  // holds one or all `count` were seen; -1 if none violates. The best arc is kept without a
  // branch: which one wins is unpredictable. `next` moves past the last block, `scanned` counts
  // the positions read.
  template <class At>
  ArcId best_in_blocks(ArcId count, ArcId block, ArcId& next, ArcId& scanned, At at) const {
    Cost best = 0;
    ArcId best_arc = -1;
    ArcId k = next;
    ArcId seen = 0;
    while (seen < count && best_arc < 0) {
      ArcId remaining = std::min(block, count - seen);
      seen += remaining;
      while (remaining > 0) {
        const ArcId end = std::min(count, k + remaining);
        remaining -= end - k;
        for (; k < end; ++k) {
          const ArcId e = at(k);
          const Cost v = violation(e);
          const bool better = v < best;
          best = better ? v : best;
          best_arc = better ? e : best_arc;
        }
        if (k == count) k = 0;
      }
    }
    next = k;
    scanned = seen;
    return best_arc;
  }

  // Negative exactly when arc e may enter.
  Cost violation(ArcId e) const {
    return a_.state[e] * (a_.cost[e] - a_.potential[a_.source[e]] + a_.potential[a_.target[e]]);
  }

  // The most violating arc on the list, dropping those that no longer violate.
  bool from_list(ArcId& entering) {
    Cost best = 0;
    for (std::size_t k = 0; k < list_.size();) {
      const Cost v = violation(list_[k]);
      if (v >= 0) {
        list_[k] = list_.back();
        list_.pop_back();
        continue;
      }
      if (v < best) best = v, entering = list_[k];
      ++k;
    }
    return best < 0;
  }

  // Scans from where the last scan stopped until the list holds a block of violating arcs or
  // every arc was seen; then takes the best of them. The list's length is looked at after each
  // run of a block's worth of arcs, not after each arc, so that the loop over a run is tight (the
  // list may then hold up to two blocks).
  bool refill(ArcId& entering) {
    ArcId e = next_arc_;
    ArcId scanned = 0;
    while (scanned < search_count_ && static_cast<ArcId>(list_.size()) < block_size_) {
      const ArcId end = std::min(search_count_, e + std::min(block_size_, search_count_ - scanned));
      scanned += end - e;
      for (; e < end; ++e) {
        if (violation(e) < 0) list_.push_back(e);
      }
      if (e == search_count_) e = 0;
    }
    next_arc_ = e;
    if (static_cast<ArcId>(list_.size()) >= block_size_ && scanned <= 2 * block_size_) {
      list_mode_ = false;
    }
    return from_list(entering);
  }

  Arrays a_;
  ArcId search_count_;
  ArcId block_size_;
  ArcId next_arc_ = 0;
  bool list_allowed_ = false;
  bool list_mode_ = false;
  std::vector<ArcId> list_;
  std::span<const ArcId> shortlist_;
  ArcId next_short_ = 0;
  std::int64_t shortlist_rest_ = 0;  // pivots left before the shortlists are searched again
};

template <class PivotRule = BlockSearchPivot>
class NetworkSimplex {
 public:
  explicit NetworkSimplex(const ProblemView& problem) : problem_(problem) {}

  // Start the next run() from `start` (see "Warm start" above); the arrays must outlive run().
  NetworkSimplex& warm_start(const WarmStart& start) {
    warm_ = start;
    return *this;
  }

  // Solves the problem the view holds now, from the warm start if one was given.
  MinCostFlowResult run();

  // Solves the problem the view holds now from this solver's own basis, the one its last solve
  // ended with (see "Re-solve"); when that solve did not end optimal, the same as run().
  MinCostFlowResult resolve();

  // The same, when only the arcs listed may have changed their cost or bounds since the last
  // solve (supplies may change anywhere): it reads the listed arcs' values and no others', so that
  // a change of a few arcs costs no pass over all of them (see "Re-solve"). The list may hold an
  // arc twice, or an arc that did not change. An arc that changed but is not listed is not seen:
  // the answer is then that of its old values. An id outside the graph gives kBadInput and
  // changes nothing: the next solve starts from the same basis. If the arc that held the largest
  // |cost| became cheaper, all the costs are read once to find the new largest.
  MinCostFlowResult resolve(std::span<const ArcId> changed_arcs);

  // Whether the last solve started from a warm start or from the kept basis (false: it started
  // cold).
  bool started_warm() const { return started_warm_; }

  // Whether the last solve proved its basis optimal without pricing the arcs: a re-solve after a
  // change of supplies alone, settled by dual pivots (see "Re-solve").
  bool proven_without_pricing() const { return proven_optimal_; }

 private:
  static constexpr std::int8_t kUp = 1;     // the pred arc points from the node to its parent
  static constexpr std::int8_t kDown = -1;  // the pred arc points from the parent to the node
  // A cycle whose residual capacity reaches this bound has infinite capacity: check_input()
  // keeps every finite flow value below 2^62.
  static constexpr Flow kUnboundedFlow = Flow{1} << 62;
  // How far the root's potential may drift before all are shifted back (see run()).
  static constexpr Cost kPotentialDrift = Cost{1} << 60;

  // Call f(i, a) for every real arc, where internal arc i holds the caller's arc a (see build()):
  // in internal order, or in the caller's order.
  template <class F>
  void for_each_arc(F&& f) const;
  template <class F>
  void for_each_arc_by_input(F&& f) const;
  ArcId internal_arc(ArcId a) const { return first_[a % stride_] + a / stride_; }
  ArcId input_arc(ArcId i) const;
  void build(const detail::InputTotals& totals);  // totals: check_input()'s
  bool build_warm();
  bool update_basis(const std::span<const ArcId>* listed);  // null: every arc
  MinCostFlowResult resolve_from_basis(const std::span<const ArcId>* changed_arcs);
  bool settle_imbalances(std::vector<Flow>& imbalance);  // place_root_arcs()' verdict
  bool place_root_arcs(const std::vector<Flow>& imbalance);
  void order_from_thread();
  void set_potentials();
  bool rebalance(std::vector<Flow>& imbalance);
  void dual_pivots();
  void shift_potentials(NodeId u_in, Cost sigma);
  MinCostFlowResult optimize();
  NodeId find_join(NodeId u, NodeId v) const;
  void recenter_potentials();
  void make_shortlist();
  void update_tree(NodeId u_in, NodeId v_in, NodeId u_out, ArcId entering, NodeId join);
  MinCostFlowResult finish(Status status, std::string message);

  ProblemView problem_;
  WarmStart warm_;
  bool started_warm_ = false;
  bool basis_ready_ = false;     // the last solve ended optimal: resolve() may start from its basis
  bool parked_ = false;          // the warm basis parks imbalances on root arcs out of the tree
  bool proven_optimal_ = false;  // the re-solve's basis was optimal before any pricing
  NodeId node_count_ = 0;        // real nodes; the root is node_count_
  ArcId arc_count_ = 0;          // real arcs; root arcs follow, then extra slack arcs
  ArcId search_count_ = 0;
  Cost big_m_ = 0;
  Cost max_abs_cost_ = 0;         // the real arcs' largest |cost| (see update_basis())
  WideCost finite_capacity_ = 0;  // the real arcs' finite capacities (upper - lower), summed
  std::int64_t iterations_ = 0;

  // Arcs, in internal order: real arcs (strided), root arcs for nodes 0..n-1, extra slack arcs.
  // Internal arc first_[s] + k is the caller's arc s + k * stride_.
  ArcId stride_ = 1;
  std::vector<ArcId> first_;
  std::vector<NodeId> source_;
  std::vector<NodeId> target_;
  std::vector<Cost> cost_;
  std::vector<Flow> capacity_;  // upper - lower; kInfiniteCapacity stays infinite
  std::vector<Flow> flow_;      // shifted flow, 0 <= flow <= capacity
  std::vector<std::int8_t> state_;
  std::vector<Flow> lower_;   // the lower bounds flow_ is shifted by (empty: all zero)
  std::vector<Flow> supply_;  // the supplies the last optimal flow balances

  // Spanning tree, per node (the root included).
  std::vector<NodeId> parent_;
  std::vector<ArcId> pred_;
  std::vector<std::int8_t> pred_dir_;
  std::vector<NodeId> thread_;
  std::vector<NodeId> rev_thread_;
  std::vector<NodeId> succ_num_;
  std::vector<NodeId> last_succ_;
  std::vector<Cost> potential_;
  std::vector<NodeId> order_;  // the tree in preorder, the root first (warm starts)

  // Scratch for update_tree: the path from the entering node up to the leaving one, with the
  // values it overwrites.
  struct PathNode {
    NodeId node, rev_thread, last_succ, after_last, succ_num;
    ArcId pred;
    std::int8_t pred_dir;
  };
  std::vector<PathNode> path_;

  // Pricing's shortlist on dense networks (see BlockSearchPivot): each node's kShortlistLength
  // cheapest arcs, for a cold solve of at least kShortlistDensity arcs per node. Measured on
  // transport small and medium: 30 cheapest arcs against 10 to 60 (best on both).
  static constexpr ArcId kShortlistLength = 30;
  static constexpr ArcId kShortlistDensity = 32;
  std::vector<ArcId> shortlist_;
};

#ifndef DONORFLOW_HEADER_ONLY
// Compiled once in src/network_simplex.cpp.
extern template class NetworkSimplex<BlockSearchPivot>;
#endif

// Solves `problem` by network simplex with block search pricing.
inline MinCostFlowResult solve_network_simplex(const ProblemView& problem) {
  return NetworkSimplex<BlockSearchPivot>(problem).run();
}
// The same, starting from a previous answer on the same graph (see "Warm start").
inline MinCostFlowResult solve_network_simplex(const ProblemView& problem, const WarmStart& start) {
  return NetworkSimplex<BlockSearchPivot>(problem).warm_start(start).run();
}

}  // namespace donorflow

#include "donorflow/flow/network_simplex.ipp"
