// Implementation of donorflow/flow/network_simplex.hpp (templates: always included).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "donorflow/flow/network_simplex.hpp"

namespace donorflow {

template <class PivotRule>
template <class F>
void NetworkSimplex<PivotRule>::for_each_arc_by_input(F&& f) const {
  // In tiles of 64 runs: the caller's arrays are read 64 arcs at a time, a stride apart, and 64
  // runs are written side by side. Against all runs at once (a whole stride of the caller's arcs
  // at a time), 60 solves in one process of transport small took 6.1 to 6.2 ms against 6.6, of
  // transport medium 92 to 93 ms against 106 (tiles of 16 to 128 did as well).
  constexpr ArcId kTile = 64;
  for (ArcId s0 = 0; s0 < stride_; s0 += kTile) {
    const ArcId s1 = std::min(stride_, s0 + kTile);
    // row = k * stride_, in 64 bits: past the last row it may exceed the largest ArcId.
    for (std::int64_t k = 0, row = 0; row + s0 < arc_count_; ++k, row += stride_) {
      const auto end = static_cast<ArcId>(std::min<std::int64_t>(s1, arc_count_ - row));
      for (ArcId s = s0; s < end; ++s) {
        f(first_[s] + static_cast<ArcId>(k), static_cast<ArcId>(row) + s);
      }
    }
  }
}

template <class PivotRule>
template <class F>
void NetworkSimplex<PivotRule>::for_each_arc(F&& f) const {
  ArcId i = 0;
  for (ArcId s = 0; s < stride_; ++s) {
    for (ArcId a = s; a < arc_count_; a += stride_, ++i) f(i, a);
  }
}

template <class PivotRule>
ArcId NetworkSimplex<PivotRule>::input_arc(ArcId i) const {
  const auto run = std::upper_bound(first_.begin(), first_.end(), i) - 1;  // first_[s] <= i
  return static_cast<ArcId>(run - first_.begin()) + (i - *run) * stride_;
}

template <class PivotRule>
void NetworkSimplex<PivotRule>::build(const detail::InputTotals& totals) {
  const ProblemView view = problem_;  // a local copy: see update_basis()
  const StaticGraph& g = *view.graph;
  node_count_ = g.node_count();
  arc_count_ = g.arc_count();
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  const NodeId root = n;
  const SupplyMode mode = problem_.supply_mode;

  // Shifted supplies: b(v) minus the lower bounds leaving v plus those entering it.
  std::vector<Flow> supply(static_cast<std::size_t>(n));
  for (NodeId v = 0; v < n; ++v) supply[v] = view.supply_of(v);
  for (ArcId a = 0; a < static_cast<ArcId>(view.lower.size()); ++a) {
    supply[g.tail(a)] -= view.lower[a];
    supply[g.head(a)] += view.lower[a];
  }
  // The largest |cost| and the finite capacities' sum, as check_input() summed them, kept for
  // update_basis()'s test of the input. (build() used to sum them again: a pass over the arcs,
  // with a write to each end's supply.)
  max_abs_cost_ = totals.max_abs_cost;
  finite_capacity_ = totals.finite_capacity;
  big_m_ = (static_cast<Cost>(n) + 1) * max_abs_cost_ + 1;

  // A node's tree arc to the root is a slack arc (cost 0) when it points the way the relaxed
  // mode lets flow go, and an artificial one (cost M) otherwise; a node whose tree arc is
  // artificial in a relaxed mode also gets an extra slack arc.
  auto tree_arc_is_slack = [mode](bool up) {
    return (mode == SupplyMode::kSupplyMayRemain && up) ||
           (mode == SupplyMode::kDemandMayRemain && !up);
  };
  ArcId extra_count = 0;
  if (mode != SupplyMode::kExact) {
    for (NodeId v = 0; v < n; ++v) extra_count += tree_arc_is_slack(supply[v] >= 0) ? 0 : 1;
  }
  const auto total = static_cast<std::size_t>(m) + static_cast<std::size_t>(n) + extra_count;
  source_.assign(total, 0);
  target_.assign(total, 0);
  cost_.assign(total, 0);
  capacity_.assign(total, kInfiniteCapacity);
  flow_.assign(total, 0);
  state_.assign(total, kArcAtLower);
  lower_.assign(problem_.lower.empty() ? 0 : static_cast<std::size_t>(m), 0);

  // Real arcs in strided order: internal arcs i, i+1, ... come from parts of the input about
  // one average degree apart, so that one pricing block samples many nodes rather than the arcs
  // of a few (LEMON mixes its arcs the same way). On grids this cuts pivots by a quarter against
  // a stride of sqrt(m); on the other families the two differ by under 10% (docs/performance.md).
  // Internal arc first_[s] + k holds the caller's arc s + k * stride_; the layout is arithmetic,
  // no array maps arcs either way. This copy reads the caller's arrays in their order and writes
  // runs of internal arcs side by side (a transpose, in tiles: for_each_arc_by_input()): on
  // transport small, whose stride of 150 arcs defeats the prefetcher when the caller's arrays are
  // read in internal order, build() took 1.0 ms against 2.4 to 3.0 ms (the second solve in a
  // process, its pages already mapped; before the tiles). The later passes (warm starts,
  // re-solves, the answer) go in internal order, which was faster there: a kept re-solve of
  // transport small took 0.91 ms against 1.06 ms in the caller's order.
  stride_ = std::max<ArcId>(3, m / std::max<NodeId>(1, n));
  first_.resize(static_cast<std::size_t>(stride_));
  for (ArcId s = 0; s < stride_; ++s) first_[s] = s * (m / stride_) + std::min(s, m % stride_);
  for_each_arc_by_input([&](ArcId i, ArcId a) {
    if (!lower_.empty()) lower_[i] = view.lower_of(a);
    source_[i] = g.tail(a);
    target_[i] = g.head(a);
    cost_[i] = view.cost_of(a);
    const Flow hi = view.upper_of(a);
    capacity_[i] = hi == kInfiniteCapacity ? kInfiniteCapacity : hi - view.lower_of(a);
  });

  // The initial tree: every node hangs from the root by its root arc.
  parent_.assign(static_cast<std::size_t>(n) + 1, root);
  pred_.resize(static_cast<std::size_t>(n) + 1);
  pred_dir_.resize(static_cast<std::size_t>(n) + 1);
  thread_.resize(static_cast<std::size_t>(n) + 1);
  rev_thread_.resize(static_cast<std::size_t>(n) + 1);
  succ_num_.assign(static_cast<std::size_t>(n) + 1, 1);
  last_succ_.resize(static_cast<std::size_t>(n) + 1);
  potential_.assign(static_cast<std::size_t>(n) + 1, 0);
  parent_[root] = -1;
  pred_[root] = -1;
  pred_dir_[root] = 0;
  succ_num_[root] = n + 1;
  last_succ_[root] = n > 0 ? n - 1 : root;
  thread_[root] = n > 0 ? 0 : root;
  rev_thread_[root] = n > 0 ? n - 1 : root;
  ArcId extra = m + n;
  for (NodeId v = 0; v < n; ++v) {
    const ArcId e = m + v;
    const bool up = supply[v] >= 0;
    const Cost c = tree_arc_is_slack(up) ? 0 : big_m_;
    source_[e] = up ? v : root;
    target_[e] = up ? root : v;
    cost_[e] = c;
    flow_[e] = up ? supply[v] : -supply[v];
    state_[e] = kArcInTree;
    pred_[v] = e;
    pred_dir_[v] = up ? kUp : kDown;
    potential_[v] = up ? c : -c;  // makes the tree arc's reduced cost zero
    thread_[v] = v + 1 < n ? v + 1 : root;
    rev_thread_[v] = v > 0 ? v - 1 : root;
    last_succ_[v] = v;
    if (mode != SupplyMode::kExact && c != 0) {
      source_[extra] = up ? root : v;  // the slack direction, opposite to the tree arc
      target_[extra] = up ? v : root;
      ++extra;
    }
  }
  // In kExact mode every root arc is artificial and, once out of the tree, never worth entering
  // again; in the relaxed modes the slack arcs must stay candidates.
  search_count_ = mode == SupplyMode::kExact ? m : static_cast<ArcId>(total);
}

// The basis of the warm start (see the header), over the arcs build() laid out. False, leaving
// build()'s cold tree untouched, when the start does not fit.
template <class PivotRule>
bool NetworkSimplex<PivotRule>::build_warm() {
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  const NodeId root = n;
  if (problem_.supply_mode != SupplyMode::kExact ||
      warm_.flow.size() != static_cast<std::size_t>(m) ||
      warm_.potential.size() != static_cast<std::size_t>(n)) {
    return false;
  }
  parked_ = false;
  const ProblemView view = problem_;  // local copies: see update_basis()
  const WarmStart warm = warm_;
  // The old flow in the new bounds, and what it leaves out of balance at each node.
  std::vector<Flow> imbalance(static_cast<std::size_t>(n));
  for (NodeId v = 0; v < n; ++v) imbalance[v] = view.supply_of(v);
  for_each_arc([&](ArcId i, ArcId a) {
    const Flow lo = view.lower_of(a);
    flow_[i] = std::clamp<Flow>(warm.flow[a] - lo, 0, capacity_[i]);
    imbalance[source_[i]] -= lo + flow_[i];
    imbalance[target_[i]] += lo + flow_[i];
  });

  // The forest: arcs strictly between their bounds (they must be in the tree), then arcs of zero
  // reduced cost under the old potentials. A joined arc's state becomes kArcInTree, and a bit of
  // `in_tree` (one per arc, 64 to a word) marks it, so that the tree arcs can be listed in arc
  // order without a pass over the arcs.
  std::vector<NodeId> set(static_cast<std::size_t>(n));
  for (NodeId v = 0; v < n; ++v) set[v] = v;
  auto find = [&set](NodeId v) {
    while (set[v] != v) v = set[v] = set[set[v]];
    return v;
  };
  std::vector<std::uint64_t> in_tree((static_cast<std::size_t>(m) + 63) / 64, 0);
  std::vector<NodeId> degree(static_cast<std::size_t>(n) + 1, 0);
  NodeId components = n;
  auto join = [&](ArcId i) {
    const NodeId a = find(source_[i]), b = find(target_[i]);
    if (a == b) return false;
    set[a] = b;
    state_[i] = kArcInTree;
    in_tree[static_cast<std::size_t>(i) / 64] |= std::uint64_t{1} << (i % 64);
    ++degree[source_[i] + 1], ++degree[target_[i] + 1];
    --components;
    return true;
  };
  {  // each arc's state by its bound until it joins the tree, in a loop of its own (see below)
    const Flow* const flow = flow_.data();
    std::int8_t* const state = state_.data();
    for (ArcId i = 0; i < m; ++i) state[i] = flow[i] == 0 ? kArcAtLower : kArcAtUpper;
  }
  for (ArcId i = 0; i < m; ++i) {
    if (flow_[i] == 0 || flow_[i] == capacity_[i] || join(i)) continue;
    // A cycle of such arcs (an optimal answer need not be basic; cost scaling's rarely is): this
    // one leaves the cycle for its nearer bound, and the units it stops carrying are left at its
    // ends, to be settled like any change.
    const Flow to =
        capacity_[i] != kInfiniteCapacity && capacity_[i] - flow_[i] < flow_[i] ? capacity_[i] : 0;
    imbalance[source_[i]] += flow_[i] - to;
    imbalance[target_[i]] -= flow_[i] - to;
    flow_[i] = to;
    state_[i] = to == 0 ? kArcAtLower : kArcAtUpper;
  }
  // The states are bytes, and a store of a byte may alias anything: where a loop writes them next
  // to other reads through the solver's members, the compiler reloads the arrays' addresses. The
  // states above therefore have a loop of their own (with them set in the clamping loop, it took
  // 540 us on transport small against 170), and the reduced costs are read through local pointers
  // (80 us less on transport small in the loop below).
  const Cost* const cost = cost_.data();
  const NodeId* const source = source_.data();
  const NodeId* const target = target_.data();
  const std::int8_t* const state = state_.data();
  const Cost* const potential = warm.potential.data();
  auto reduced = [=](ArcId i) {
    return static_cast<WideCost>(cost[i]) - potential[source[i]] + potential[target[i]];
  };
  for (ArcId i = 0; i < m && components > 1; ++i) {
    if (state[i] != kArcInTree && reduced(i) == 0) join(i);
  }
  // The forest spans the graph when the answer was basic and the change touched no tree arc.
  // Else (a changed cost drops its arc from the forest; cost scaling's answer, rarely basic, leaves
  // most nodes of an allocation network apart) the components are joined by arcs at their bounds,
  // those of least |reduced cost| first (Boruvka's rounds), so that the new potentials differ from
  // the old ones as little as possible. Hung from the root by artificial arcs instead, components
  // differ by multiples of M, and very many arcs violate: on alloc small after changing 1% of
  // costs, from cost scaling's answer, 16,421 pivots against 1,275 (docs/performance.md, "Warm
  // starts: the forest joined by least reduced cost").
  if (components > 1) {
    struct Link {
      ArcId arc;
      Cost size;  // |reduced cost|, saturated
    };
    std::vector<Link> linking;  // arcs between two components
    auto consider = [&](ArcId i) {
      if (state[i] == kArcInTree || find(source[i]) == find(target[i])) return;
      const WideCost r = reduced(i);
      const WideCost size = std::min<WideCost>(r < 0 ? -r : r, std::numeric_limits<Cost>::max());
      linking.push_back({i, static_cast<Cost>(size)});
    };
    // Every link has an end outside the largest component. After a change of costs that
    // component is most of the graph, the rest being the subtrees below the tree arcs whose costs
    // changed; when their nodes have at most m/2 arcs, those are read through the graph's
    // adjacency rather than all the arcs (transport small: 2 components, 300 arcs read instead of
    // 90,000, 280 us less; netgen small: 37 components, 861 arcs instead of 32,768; grid small:
    // 78 components, 15,540 arcs instead of 39,600). With many components (cost scaling's answer
    // on alloc leaves 14,781 of 20,502 nodes), no component is most of the graph.
    const StaticGraph& g = *view.graph;
    bool all_arcs = components > n / 8;  // many components: no component is most of the graph
    if (!all_arcs) {
      std::vector<NodeId> component(static_cast<std::size_t>(n));
      std::vector<NodeId> size(static_cast<std::size_t>(n), 0);  // per set root
      for (NodeId v = 0; v < n; ++v) ++size[component[v] = find(v)];
      const NodeId largest =
          static_cast<NodeId>(std::max_element(size.begin(), size.end()) - size.begin());
      std::int64_t outside = 0;
      for (NodeId v = 0; v < n; ++v) {
        if (component[v] != largest) outside += g.out_degree(v) + g.in_degree(v);
      }
      all_arcs = outside > m / 2;
      for (NodeId v = 0; v < n && !all_arcs; ++v) {
        if (component[v] == largest) continue;
        for (const ArcId a : g.out_arcs(v)) consider(internal_arc(a));
        for (const ArcId a : g.in_arcs(v)) {  // an arc from another such node was met at its tail
          if (component[g.tail(a)] == largest) consider(internal_arc(a));
        }
      }
    }
    if (all_arcs) {
      for (ArcId i = 0; i < m; ++i) consider(i);
    }
    // Per component (by its set root), the place in `linking` of its cheapest link this round.
    std::vector<std::int64_t> best(static_cast<std::size_t>(n));
    for (bool joined = true; joined && components > 1;) {
      std::fill(best.begin(), best.end(), -1);
      std::size_t kept = 0;
      for (const Link link : linking) {  // a copy: the loop compacts linking as it goes
        const NodeId a = find(source_[link.arc]), b = find(target_[link.arc]);
        if (a == b) continue;
        const auto k = static_cast<std::int64_t>(kept);
        linking[kept++] = link;
        for (const NodeId c : {a, b}) {
          if (best[c] < 0 || link.size < linking[static_cast<std::size_t>(best[c])].size) {
            best[c] = k;
          }
        }
      }
      linking.resize(kept);
      joined = false;
      for (NodeId c = 0; c < n; ++c) {
        if (best[c] >= 0) joined = join(linking[static_cast<std::size_t>(best[c])].arc) || joined;
      }
    }
  }
  // Tree arcs per node (CSR).
  for (NodeId v = 0; v < n; ++v) degree[v + 1] += degree[v];
  std::vector<ArcId> incident(static_cast<std::size_t>(degree[n]));
  {
    std::vector<NodeId> next(degree.begin(), degree.end() - 1);
    for (std::size_t w = 0; w < in_tree.size(); ++w) {
      for (std::uint64_t bits = in_tree[w]; bits != 0; bits &= bits - 1) {
        const auto i =
            static_cast<ArcId>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
        incident[next[source_[i]]++] = i, incident[next[target_[i]]++] = i;
      }
    }
  }

  // Each component hangs from its node of most tree arcs (an allocation network's hub, when it
  // has one). Measured on alloc small after changing 1% of costs: 0.018 s, against 0.25 s when
  // each component hung from its first node (redrawing the needs of a scenario: no difference).
  std::vector<NodeId> top(static_cast<std::size_t>(n), -1);  // per component's set root
  for (NodeId v = 0; v < n; ++v) {
    NodeId& t = top[find(v)];
    if (t < 0 || degree[v + 1] - degree[v] > degree[t + 1] - degree[t]) t = v;
  }
  // Preorder from the root: parents and tree arcs.
  order_.clear();
  order_.reserve(static_cast<std::size_t>(n) + 1);
  order_.push_back(root);
  parent_[root] = -1, pred_[root] = -1, pred_dir_[root] = 0;
  std::vector<char> seen(static_cast<std::size_t>(n), 0);
  std::vector<std::pair<NodeId, NodeId>> stack;  // node, next position in its incident arcs
  for (NodeId h = 0; h < n; ++h) {
    if (top[find(h)] != h) continue;
    parent_[h] = root, pred_[h] = m + h;
    seen[h] = 1;
    order_.push_back(h);
    stack.assign(1, {h, degree[h]});
    while (!stack.empty()) {
      const NodeId u = stack.back().first;
      if (stack.back().second == degree[u + 1]) {
        stack.pop_back();
        continue;
      }
      const ArcId i = incident[stack.back().second++];
      const NodeId w = source_[i] == u ? target_[i] : source_[i];
      if (seen[w]) continue;
      seen[w] = 1;
      parent_[w] = u, pred_[w] = i;
      pred_dir_[w] = source_[i] == w ? kUp : kDown;
      order_.push_back(w);
      stack.emplace_back(w, degree[w]);
    }
  }
  // The thread and the subtrees.
  const std::size_t count = order_.size();
  for (std::size_t k = 0; k < count; ++k) {
    thread_[order_[k]] = order_[(k + 1) % count];
    rev_thread_[order_[(k + 1) % count]] = order_[k];
    succ_num_[order_[k]] = 1;
  }
  for (std::size_t k = count - 1; k >= 1; --k) {
    succ_num_[parent_[order_[k]]] += succ_num_[order_[k]];
  }
  for (std::size_t k = 0; k < count; ++k) {
    last_succ_[order_[k]] = order_[k + static_cast<std::size_t>(succ_num_[order_[k]]) - 1];
  }
  rebalance(imbalance);
  search_count_ = m + n;  // artificial arcs at their upper bound must be able to leave it
  return true;
}

// The basis of resolve(): the tree of the last solve, kept, with the view's new costs, bounds and
// supplies. An arc whose bounds changed keeps its flow as far as the new bounds allow if it is in
// the tree, else it moves with its bound (to the lower one if its upper one became infinite); what
// that and the changed supplies leave out of balance is rebalanced as in build_warm(). Arcs whose
// bounds did not change keep their flow: only the costs are written, where they changed, so that
// the pass over the arcs mostly reads.
//
// The same pass tests the input as check_input() would (its parts, problem.hpp), which spares
// resolve() a pass over the arcs: kept re-solves of transport small after changing 1% of its
// costs took 0.87 ms against 0.97 (medians of 300 in one process); with an array of zero lower
// bounds, as Python's MinCostFlowSolver holds, 1.07 ms against 1.35 when check_input() still ran
// whole for them. False, with the basis half updated, when the input breaks a rule.
template <class PivotRule>
bool NetworkSimplex<PivotRule>::update_basis(const std::span<const ArcId>* listed) {
  // A local copy of the view: the compiler may keep its sizes in registers, whereas a store into
  // one of the solver's arrays of 64-bit integers might change the member's (kept re-solves of
  // transport small as above: 0.78 ms against 0.87).
  const ProblemView view = problem_;
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  if (!detail::check_sizes(view).ok()) return false;
  for (NodeId v = 0; v < n; ++v) {
    if (detail::exceeds_magnitude(view.supply_of(v))) return false;
  }
  std::vector<Flow> imbalance(static_cast<std::size_t>(n));
  for (NodeId v = 0; v < n; ++v) {
    imbalance[v] = view.supply_of(v) - supply_[v];
    supply_[v] = view.supply_of(v);
  }
  const bool shifted = !lower_.empty();
  bool fits = true;
  bool arc_changed = false;
  detail::InputTotals totals;
  // An arc whose values did not change was tested before; the totals follow the changes (the
  // largest |cost| is read again from the arcs if the one that held it became smaller). Against
  // testing every arc: kept re-solves of transport small as above 0.66 ms against 0.81, with zero
  // lower bounds 0.89 against 1.07.
  totals.max_abs_cost = max_abs_cost_;
  totals.finite_capacity = finite_capacity_;
  bool largest_cost_fell = false;
  auto take = [&](ArcId i, ArcId a) {
    const Cost c = view.cost_of(a);
    const Flow lo = view.lower_of(a);
    const Flow hi = view.upper_of(a);
    const Flow old_lo = shifted ? lower_[i] : 0;
    const Flow old_room = capacity_[i];
    const Flow old_hi = old_room == kInfiniteCapacity ? kInfiniteCapacity : old_room + old_lo;
    if (c == cost_[i] && lo == old_lo && hi == old_hi) return;
    arc_changed = true;
    if (!detail::arc_fits(lo, hi, c)) {
      fits = false;
      return;
    }
    if (c != cost_[i]) {
      const Cost before = cost_[i] < 0 ? -cost_[i] : cost_[i], now = c < 0 ? -c : c;
      if (now >= totals.max_abs_cost) {
        totals.max_abs_cost = now;
      } else if (before == totals.max_abs_cost) {
        largest_cost_fell = true;
      }
      cost_[i] = c;
    }
    const Flow room = hi == kInfiniteCapacity ? kInfiniteCapacity : hi - lo;
    if (room == old_room && lo == old_lo) return;
    if (old_room != kInfiniteCapacity) totals.finite_capacity -= old_room;
    if (room != kInfiniteCapacity) totals.finite_capacity += room;
    const Flow was = old_lo + flow_[i];
    Flow y = 0;  // the new shifted flow
    if (state_[i] == kArcInTree) {
      y = std::clamp<Flow>(was - lo, 0, room);
    } else if (state_[i] == kArcAtUpper && room != kInfiniteCapacity) {
      y = room;
    } else {
      state_[i] = kArcAtLower;
    }
    if (shifted) lower_[i] = lo;
    capacity_[i] = room;
    flow_[i] = y;
    imbalance[source_[i]] -= lo + y - was;
    imbalance[target_[i]] += lo + y - was;
  };
  if (listed == nullptr) {
    for_each_arc(take);
  } else {
    for (const ArcId a : *listed) take(internal_arc(a), a);
  }
  if (!fits) return false;
  if (largest_cost_fell) {
    totals.max_abs_cost = 0;
    for (ArcId i = 0; i < m; ++i) {
      totals.max_abs_cost = std::max(totals.max_abs_cost, cost_[i] < 0 ? -cost_[i] : cost_[i]);
    }
  }
  detail::add_supply_totals(view, totals);  // a pass of its own: the loop above stays as tight
  if (!detail::check_totals(static_cast<std::size_t>(n), totals, problem_.supply_mode).ok()) {
    return false;
  }
  max_abs_cost_ = totals.max_abs_cost;
  finite_capacity_ = totals.finite_capacity;
  big_m_ = (static_cast<Cost>(n) + 1) * max_abs_cost_ + 1;
  order_from_thread();
  const bool restored = rebalance(imbalance);
  // Only supplies changed: the old potentials priced every arc as optimality requires and the
  // dual pivots kept them so; with every tree arc back in its bounds, the basis is optimal and
  // optimize() need not price the arcs to prove it.
  proven_optimal_ = !arc_changed && restored;
  search_count_ = m + n;
  return true;
}

// Restores the balance the changes broke, on the tree of order_ (its thread and subtrees up to
// date). Returns true when the dual pivots alone brought every tree arc back within its bounds
// and the components' potentials kept their differences (see place_root_arcs()). Every node's
// imbalance is passed up to its parent whatever the bounds, so that the tree's flows balance every
// node but some may leave their bounds (a component's top puts what it holds on its root arc, whose
// bound is then 0); dual pivots bring them back (see dual_pivots()); what is left out of bounds, if
// any, is clamped and settled as in a warm start, on root arcs of cost M.
template <class PivotRule>
bool NetworkSimplex<PivotRule>::rebalance(std::vector<Flow>& imbalance) {
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  const NodeId root = n;
  for (std::size_t k = order_.size() - 1; k >= 1; --k) {
    const NodeId v = order_[k];
    const Flow e = imbalance[v];
    if (e == 0 || parent_[v] == root) continue;
    flow_[pred_[v]] += pred_dir_[v] * e;  // an upward arc carries e more to the parent
    imbalance[parent_[v]] += e;
    imbalance[v] = 0;
  }
  // Only the tops hold any: on their root arcs, in the tree.
  const bool same_prices = place_root_arcs(imbalance);
  std::fill(imbalance.begin(), imbalance.end(), 0);
  set_potentials();
  dual_pivots();
  // Clamp what the dual pivots left out of bounds; the units an arc stops carrying are left at
  // its ends.
  bool clamped = false;
  for (NodeId v = 0; v < n; ++v) {
    const ArcId i = pred_[v];
    const Flow hi = i >= m ? 0 : capacity_[i];
    const Flow to = std::clamp<Flow>(flow_[i], 0, hi);
    if (to == flow_[i]) continue;
    clamped = true;
    if (source_[i] != root) imbalance[source_[i]] += flow_[i] - to;
    if (target_[i] != root) imbalance[target_[i]] -= flow_[i] - to;
    flow_[i] = to;
  }
  order_from_thread();  // the dual pivots changed the tree
  // Placed again: a top with nothing left may turn its root arc, as a top that held some did.
  const bool same_again = settle_imbalances(imbalance);
  set_potentials();
  return same_prices && !clamped && same_again;
}

// Dual network simplex pivots on a tree whose potentials price every arc out of it correctly (as
// after a change of supplies or bounds alone) but some of whose arcs carry flow beyond their bounds
// (root arcs: beyond 0). Such an arc leaves the tree at the bound it broke; the arc that enters
// crosses the cut the leaving one's subtree makes, in the direction that carries the excess across
// it, and is the one of least |reduced cost| (clamped at 0 where a change of costs priced it
// wrongly): the subtree's potentials shift by it, so the arcs across the cut stay priced correctly.
// Flow moves around the entering arc's cycle until the leaving arc is at its bound.
//
// A pivot reads the arcs of the cut's smaller side, which on an allocation network is often
// thousands of nodes: the arcs of smallest side go first, and the pivots stop once they have read
// 2m arcs, leaving what is still out of bounds to be clamped and settled (rebalance()). Measured on
// alloc small after moving 1% of supplies: 0.15 to 0.17 s and 23,500 pivots, against 0.21 to
// 0.25 s and 37,000 to 41,000 primal pivots alone; without the budget 1.35 s (smallest side first)
// or 3.4 s (in no order). A budget of 4m reads did better there (0.14 to 0.19 s) but made a sweep
// of withdrawn offers 20% slower, against 8% for 2m; a mixed sweep is 15% faster with either
// (bench/results/dual-pivots-budget-2026-11-23.txt).
template <class PivotRule>
void NetworkSimplex<PivotRule>::dual_pivots() {
  const StaticGraph& g = *problem_.graph;
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  auto out_of_bounds = [&](ArcId i) {
    return flow_[i] < 0 || flow_[i] > (i >= m ? 0 : capacity_[i]);
  };
  // The node below tree arc i, and the size of the smaller side of the cut it makes.
  auto child = [&](ArcId i) {
    return parent_[source_[i]] == target_[i] && pred_[source_[i]] == i ? source_[i] : target_[i];
  };
  auto side = [&](NodeId u) { return std::min(succ_num_[u], n + 1 - succ_num_[u]); };
  using Entry = std::pair<NodeId, ArcId>;  // smaller side when queued, arc
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> pending;
  for (NodeId v = 0; v < n; ++v) {
    if (out_of_bounds(pred_[v])) pending.emplace(side(v), pred_[v]);
  }
  if (pending.empty()) return;
  std::vector<std::int32_t> mark(static_cast<std::size_t>(n) + 1, 0);
  std::int32_t stamp = 0;
  const std::int64_t budget = 2 * static_cast<std::int64_t>(m);
  std::int64_t read = 0;
  while (!pending.empty() && read < budget) {
    const auto [queued_side, leaving] = pending.top();
    pending.pop();
    if (state_[leaving] != kArcInTree || !out_of_bounds(leaving)) continue;
    const NodeId u = child(leaving);
    if (side(u) > queued_side) {  // the tree changed since: queue it by its side now
      pending.emplace(side(u), leaving);
      continue;
    }
    const Flow hi = leaving >= m ? 0 : capacity_[leaving];
    const bool raise = flow_[leaving] < 0;
    const Flow delta = raise ? -flow_[leaving] : flow_[leaving] - hi;
    // Whether the flow out of T(u) over the leaving arc must grow: then the entering arc must
    // carry less out of T(u), or more into it.
    const bool out_grows = raise == (pred_dir_[u] == kUp);
    ++stamp;
    NodeId w = u;
    for (NodeId count = succ_num_[u]; count > 0; --count, w = thread_[w]) mark[w] = stamp;
    ArcId entering = -1;
    Cost best = std::numeric_limits<Cost>::max();
    auto consider = [&](ArcId a) {
      const ArcId i = internal_arc(a);
      if (state_[i] == kArcInTree || capacity_[i] == 0) return;
      const bool leaves_cut = mark[source_[i]] == stamp;
      if (leaves_cut == (mark[target_[i]] == stamp)) return;
      const bool at_lower = state_[i] == kArcAtLower;
      if ((at_lower != leaves_cut) != out_grows) return;
      const Cost reduced = cost_[i] - potential_[source_[i]] + potential_[target_[i]];
      const Cost ratio = std::max<Cost>(0, at_lower ? reduced : -reduced);
      if (ratio < best) best = ratio, entering = i;
    };
    auto scan = [&](NodeId x) {
      read += g.out_degree(x) + g.in_degree(x);
      for (const ArcId a : g.out_arcs(x)) consider(a);
      for (const ArcId a : g.in_arcs(x)) consider(a);
    };
    if (2 * succ_num_[u] <= n + 1) {
      w = u;
      for (NodeId count = succ_num_[u]; count > 0 && best > 0; --count, w = thread_[w]) scan(w);
    } else {
      for (NodeId x = 0; x < n && best > 0; ++x) {
        if (mark[x] != stamp) scan(x);
      }
    }
    if (entering < 0) continue;  // no arc crosses the cut the right way: left to the clamp
    ++iterations_;
    const Flow change = state_[entering] == kArcAtLower ? delta : -delta;
    const NodeId join = find_join(source_[entering], target_[entering]);
    flow_[entering] += change;
    for (NodeId x = source_[entering]; x != join; x = parent_[x]) {
      flow_[pred_[x]] -= pred_dir_[x] * change;
      if (out_of_bounds(pred_[x])) pending.emplace(side(x), pred_[x]);
    }
    for (NodeId x = target_[entering]; x != join; x = parent_[x]) {
      flow_[pred_[x]] += pred_dir_[x] * change;
      if (out_of_bounds(pred_[x])) pending.emplace(side(x), pred_[x]);
    }
    state_[leaving] = leaving >= m || raise ? kArcAtLower : kArcAtUpper;
    if (leaving >= m) capacity_[leaving] = 0;
    const bool source_inside = mark[source_[entering]] == stamp;
    const NodeId u_in = source_inside ? source_[entering] : target_[entering];
    const NodeId v_in = source_inside ? target_[entering] : source_[entering];
    const Cost reduced =
        cost_[entering] - potential_[source_[entering]] + potential_[target_[entering]];
    state_[entering] = kArcInTree;
    update_tree(u_in, v_in, u, entering, join);
    shift_potentials(u_in, source_inside ? reduced : -reduced);
    if (out_of_bounds(entering)) pending.emplace(side(u_in), entering);
  }
}

// Passes each node's imbalance up the tree of order_, leaves first, as far as the tree arcs'
// bounds allow; what stays goes onto root arcs of cost M (place_root_arcs()).
template <class PivotRule>
bool NetworkSimplex<PivotRule>::settle_imbalances(std::vector<Flow>& imbalance) {
  const NodeId root = node_count_;
  for (std::size_t k = order_.size() - 1; k >= 1; --k) {
    const NodeId v = order_[k];
    const Flow e = imbalance[v];
    if (e == 0 || parent_[v] == root) continue;
    const ArcId i = pred_[v];
    // Sending e > 0 to the parent raises the flow of an upward arc and lowers a downward one.
    const bool raise = (e > 0) == (pred_dir_[v] == kUp);
    const Flow room =
        raise ? (capacity_[i] == kInfiniteCapacity ? kInfiniteCapacity : capacity_[i] - flow_[i])
              : flow_[i];
    const Flow pass = std::min(e > 0 ? e : -e, room);
    flow_[i] += raise ? pass : -pass;
    const Flow moved = e > 0 ? pass : -pass;
    imbalance[v] -= moved;
    imbalance[parent_[v]] += moved;
  }
  return place_root_arcs(imbalance);
}

// Root arcs for what each node still holds: a component's top node's is in the tree and carries
// it; any other node's is out of the tree at its upper bound, which is what the node holds (zero
// for most: set_potentials() then moves it to the bound that keeps it out of pricing). Returns
// whether the tops' arcs kept their directions, or all turned the same way: then set_potentials()
// changes every potential by the same amount, and the arcs between components keep their prices.
template <class PivotRule>
bool NetworkSimplex<PivotRule>::place_root_arcs(const std::vector<Flow>& imbalance) {
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  const NodeId root = n;
  parked_ = false;
  int turn = 0;  // how the first top's arc turned: 0 kept, kDown - kUp or kUp - kDown
  bool first_top = true, same_turn = true;
  for (NodeId v = 0; v < n; ++v) {
    const ArcId e = m + v;
    const bool up = imbalance[v] >= 0;
    source_[e] = up ? v : root;
    target_[e] = up ? root : v;
    cost_[e] = big_m_;
    flow_[e] = up ? imbalance[v] : -imbalance[v];
    const bool top = parent_[v] == root;
    capacity_[e] = top ? kInfiniteCapacity : flow_[e];
    state_[e] = top ? kArcInTree : kArcAtUpper;
    parked_ = parked_ || (!top && flow_[e] > 0);
    if (!top) continue;
    const std::int8_t dir = up ? kUp : kDown;
    if (first_top) turn = dir - pred_dir_[v], first_top = false;
    same_turn = same_turn && dir - pred_dir_[v] == turn;
    pred_dir_[v] = dir;
  }
  return same_turn;
}

// Potentials that make every tree arc's reduced cost zero, from the root down order_; then the
// root arcs of capacity 0 sit at whichever bound does not make them candidates.
template <class PivotRule>
void NetworkSimplex<PivotRule>::set_potentials() {
  const NodeId n = node_count_;
  const ArcId m = arc_count_;
  potential_[n] = 0;
  for (std::size_t k = 1; k < order_.size(); ++k) {
    const NodeId v = order_[k];
    const ArcId i = pred_[v];
    potential_[v] =
        pred_dir_[v] == kUp ? potential_[parent_[v]] + cost_[i] : potential_[parent_[v]] - cost_[i];
  }
  for (NodeId v = 0; v < n; ++v) {
    const ArcId e = m + v;
    if (state_[e] == kArcInTree || capacity_[e] != 0) continue;
    const Cost reduced = cost_[e] - potential_[source_[e]] + potential_[target_[e]];
    state_[e] = reduced >= 0 ? kArcAtLower : kArcAtUpper;
  }
}

// The re-hung subtree T(u_in)'s potentials change by sigma; when it holds most of the tree, the
// others change by -sigma instead (only differences matter; finish() puts the root back at zero).
// Warm starts re-hang large subtrees often.
template <class PivotRule>
void NetworkSimplex<PivotRule>::shift_potentials(NodeId u_in, Cost sigma) {
  if (2 * succ_num_[u_in] <= node_count_ + 1) {
    NodeId u = u_in;
    for (NodeId count = succ_num_[u_in]; count > 0; --count, u = thread_[u]) {
      potential_[u] += sigma;
    }
    return;
  }
  const NodeId after = thread_[last_succ_[u_in]];
  const NodeId root = node_count_;
  for (NodeId u = root;;) {
    potential_[u] -= sigma;
    u = thread_[u] == u_in ? after : thread_[u];
    if (u == root) break;
  }
  if (potential_[root] > kPotentialDrift || potential_[root] < -kPotentialDrift) {
    recenter_potentials();
  }
}

// order_: the tree in preorder, read from the thread.
template <class PivotRule>
void NetworkSimplex<PivotRule>::order_from_thread() {
  order_.resize(static_cast<std::size_t>(node_count_) + 1);
  order_[0] = node_count_;
  for (std::size_t k = 1; k < order_.size(); ++k) order_[k] = thread_[order_[k - 1]];
}

// Shifts every potential so that the root's is zero again.
template <class PivotRule>
void NetworkSimplex<PivotRule>::recenter_potentials() {
  const Cost shift = potential_[node_count_];
  if (shift == 0) return;
  for (Cost& p : potential_) p -= shift;
}

template <class PivotRule>
NodeId NetworkSimplex<PivotRule>::find_join(NodeId u, NodeId v) const {
  // An ancestor has a strictly larger subtree, so the end with the smaller subtree is never an
  // ancestor of the other and may climb.
  while (u != v) {
    if (succ_num_[u] < succ_num_[v]) {
      u = parent_[u];
    } else {
      v = parent_[v];
    }
  }
  return u;
}

template <class PivotRule>
void NetworkSimplex<PivotRule>::update_tree(NodeId u_in, NodeId v_in, NodeId u_out, ArcId entering,
                                            NodeId join) {
  // The subtree T(u_out) is cut off and hung again below v_in by the entering arc, so that the
  // path u_in = w0, w1, ..., wk = u_out reverses. Its new preorder is T(w0) followed, for each
  // i >= 1, by T(wi) without T(wi-1): the part of wi's old block before wi-1's block, then the
  // part after it. Old values are saved first because the relinking overwrites them.
  path_.clear();
  for (NodeId w = u_in;; w = parent_[w]) {
    path_.push_back({w, rev_thread_[w], last_succ_[w], thread_[last_succ_[w]], succ_num_[w],
                     pred_[w], pred_dir_[w]});
    if (w == u_out) break;
  }
  const std::size_t k = path_.size() - 1;
  const NodeId old_parent_out = parent_[u_out];
  const NodeId block_before = path_[k].rev_thread;
  const NodeId block_after = path_[k].after_last;
  const NodeId old_last_out = path_[k].last_succ;
  const NodeId size = path_[k].succ_num;

  // New thread inside the re-hung block.
  NodeId last = path_[0].last_succ;
  for (std::size_t i = 1; i <= k; ++i) {
    const PathNode& w = path_[i];
    const PathNode& child = path_[i - 1];
    thread_[last] = w.node;
    rev_thread_[w.node] = last;
    last = child.rev_thread;  // the part of w's block before the child's block ends here
    if (child.last_succ != w.last_succ) {
      thread_[last] = child.after_last;
      rev_thread_[child.after_last] = last;
      last = w.last_succ;
    }
  }

  // Cut the old block out of the thread and splice the new one in right after v_in.
  thread_[block_before] = block_after;
  rev_thread_[block_after] = block_before;
  const NodeId after_v = thread_[v_in];
  thread_[v_in] = u_in;
  rev_thread_[u_in] = v_in;
  thread_[last] = after_v;
  rev_thread_[after_v] = last;

  // Reverse the path.
  for (std::size_t i = k; i >= 1; --i) {
    const NodeId w = path_[i].node;
    parent_[w] = path_[i - 1].node;
    pred_[w] = path_[i - 1].pred;
    pred_dir_[w] = static_cast<std::int8_t>(-path_[i - 1].pred_dir);
    succ_num_[w] = size - path_[i - 1].succ_num;
    last_succ_[w] = last;
  }
  parent_[u_in] = v_in;
  pred_[u_in] = entering;
  pred_dir_[u_in] = source_[entering] == u_in ? kUp : kDown;
  succ_num_[u_in] = size;
  last_succ_[u_in] = last;

  // Ancestors: below the join, the old side loses the block and the new side gains it; above
  // it, only the last node in preorder can change.
  for (NodeId a = old_parent_out; a != join; a = parent_[a]) succ_num_[a] -= size;
  for (NodeId a = v_in; a != join; a = parent_[a]) succ_num_[a] += size;
  for (NodeId a = old_parent_out; a >= 0 && last_succ_[a] == old_last_out; a = parent_[a]) {
    last_succ_[a] = block_before;
  }
  for (NodeId a = v_in; a >= 0 && last_succ_[a] == v_in; a = parent_[a]) last_succ_[a] = last;
}

template <class PivotRule>
MinCostFlowResult NetworkSimplex<PivotRule>::finish(Status status, std::string message) {
  // A relaxed mode's extra slack arcs are not kept up to date by update_basis().
  basis_ready_ = status == Status::kOptimal && problem_.supply_mode == SupplyMode::kExact;
  if (basis_ready_) {  // the supplies the basis balances, for update_basis()
    supply_.resize(static_cast<std::size_t>(node_count_));
    for (NodeId v = 0; v < node_count_; ++v) supply_[v] = problem_.supply_of(v);
  }
  MinCostFlowResult result;
  result.status = status;
  result.message = std::move(message);
  result.algorithm = "network-simplex";
  result.iterations = iterations_;
  if (status != Status::kOptimal) return result;
  const StaticGraph& g = *problem_.graph;
  result.flow.resize(static_cast<std::size_t>(arc_count_));
  WideCost total = 0;
  for_each_arc([&](ArcId i, ArcId a) {
    const Flow x = (lower_.empty() ? 0 : lower_[i]) + flow_[i];
    result.flow[a] = x;
    total += static_cast<WideCost>(cost_[i]) * x;
  });
  result.cost = total;
  recenter_potentials();
  result.potential.assign(potential_.begin(), potential_.begin() + g.node_count());
  return result;
}

template <class PivotRule>
MinCostFlowResult NetworkSimplex<PivotRule>::run() {
  iterations_ = 0;
  proven_optimal_ = false;
  detail::InputTotals totals;
  if (const InputCheck check = detail::check_input(problem_, totals); !check.ok()) {
    return finish(check.status, check.message);
  }
  build(totals);
  started_warm_ = !warm_.flow.empty() && build_warm();
  return optimize();
}

template <class PivotRule>
MinCostFlowResult NetworkSimplex<PivotRule>::resolve() {
  return resolve_from_basis(nullptr);
}

template <class PivotRule>
MinCostFlowResult NetworkSimplex<PivotRule>::resolve(std::span<const ArcId> changed_arcs) {
  const ArcId m = problem_.graph == nullptr ? 0 : problem_.graph->arc_count();
  for (const ArcId a : changed_arcs) {
    if (a < 0 || a >= m) {  // nothing read, nothing changed: the basis stays for the next solve
      MinCostFlowResult result;
      result.status = Status::kBadInput;
      result.message = "changed arc " + std::to_string(a) + " is not an arc of the graph (0.." +
                       std::to_string(m - 1) + ")";
      result.algorithm = "network-simplex";
      return result;
    }
  }
  return resolve_from_basis(&changed_arcs);
}

template <class PivotRule>
MinCostFlowResult NetworkSimplex<PivotRule>::resolve_from_basis(
    const std::span<const ArcId>* changed_arcs) {
  if (!basis_ready_) return run();
  iterations_ = 0;
  proven_optimal_ = false;
  // On bad input check_input() names the fault, and the next solve starts afresh.
  if (!update_basis(changed_arcs)) {
    basis_ready_ = false;
    const InputCheck check = check_input(problem_);
    return check.ok() ? run() : finish(check.status, check.message);
  }
  started_warm_ = true;
  return optimize();
}

// Each node's kShortlistLength cheapest outgoing arcs (all of them when it has fewer; ties broken
// by arc number), in internal numbers, in no particular order within a node.
template <class PivotRule>
void NetworkSimplex<PivotRule>::make_shortlist() {
  const ProblemView view = problem_;  // a local copy: see update_basis()
  const StaticGraph& g = *view.graph;
  shortlist_.clear();
  ArcId widest = 0;
  for (NodeId u = 0; u < node_count_; ++u) widest = std::max(widest, g.out_degree(u));
  std::vector<std::pair<Cost, ArcId>> arcs(static_cast<std::size_t>(widest));
  constexpr std::int64_t kSample = 64;
  std::array<Cost, kSample> sample{};
  for (NodeId u = 0; u < node_count_; ++u) {
    const auto out = g.out_arcs(u);
    const auto d = static_cast<std::int64_t>(out.size());
    // The partial sort runs on the arcs that pass a cut-off: on a node of many arcs, a cost from a
    // sample of 64 that lets about twice the list's length through (or all the arcs, when fewer
    // than the list's length pass). Against sorting all of each node's arcs: cold transport small
    // 3.87 to 3.95 ms against 4.13 to 4.20, medium 58 against 63 ms.
    Cost cut = std::numeric_limits<Cost>::max();
    if (d > 4 * kShortlistLength) {
      for (std::int64_t k = 0; k < kSample; ++k) sample[k] = view.cost_of(out[k * d / kSample]);
      const auto rank = static_cast<std::ptrdiff_t>(kSample * 2 * kShortlistLength / d);
      std::nth_element(sample.begin(), sample.begin() + rank, sample.end());
      cut = sample[static_cast<std::size_t>(rank)];
    }
    std::size_t passed = 0;
    for (const ArcId a : out) {
      const Cost c = view.cost_of(a);
      arcs[passed] = {c, a};
      passed += c <= cut ? 1 : 0;
    }
    if (passed < static_cast<std::size_t>(kShortlistLength) && passed < out.size()) {
      passed = 0;
      for (const ArcId a : out) arcs[passed++] = {view.cost_of(a), a};
    }
    const auto keep = std::min<std::size_t>(passed, kShortlistLength);
    const auto first = arcs.begin();
    std::nth_element(first, first + static_cast<std::ptrdiff_t>(keep),
                     first + static_cast<std::ptrdiff_t>(passed));
    for (std::size_t k = 0; k < keep; ++k) shortlist_.push_back(internal_arc(arcs[k].second));
  }
}

// Pivots from the basis run() or resolve() laid out until no arc may enter.
template <class PivotRule>
MinCostFlowResult NetworkSimplex<PivotRule>::optimize() {
  PivotRule pivot({source_, target_, cost_, state_, potential_}, search_count_);
  if (started_warm_ && parked_) pivot.start_at(arc_count_);  // root arcs that hold imbalances
  // Few arcs violate after a warm start. (Cold solves were slower with the list: grid small
  // 0.12 s against 0.09.)
  if (started_warm_) pivot.use_list();
  if (!started_warm_ && arc_count_ / kShortlistDensity >= static_cast<ArcId>(node_count_)) {
    make_shortlist();
    pivot.use_shortlist(shortlist_);
  }
  ArcId entering = -1;
  const bool proven = proven_optimal_;  // set by update_basis()
  while (!proven && pivot.find_entering(entering)) {
    ++iterations_;
    // Flow will go around the cycle from `first` over the entering arc to `second`.
    const bool increase = state_[entering] == kArcAtLower;
    const NodeId first = increase ? source_[entering] : target_[entering];
    const NodeId second = increase ? target_[entering] : source_[entering];
    // Ratio test with the strongly feasible tie-break: the last blocking arc met when walking the
    // cycle from the join in the direction of flow (join .. first, entering arc, second .. join).
    // One climb from both ends, moving the end with the smaller subtree as find_join() does,
    // finds the join and each side's blocking arc: on the first side the one nearest `first`
    // (strict <, climbing), on the second the one nearest the join (<=, climbing). Against a
    // find_join() followed by two more climbs: grid small 10% faster (docs/performance.md).
    NodeId join = first;
    Flow delta = capacity_[entering];
    int side = 0;  // 0: the entering arc itself, 1: on the first path, 2: on the second path
    NodeId u_out = -1;
    {
      NodeId u = first, v = second;
      Flow room1 = delta, room2 = delta;  // the least room met on each side, at most delta's
      NodeId out1 = -1, out2 = -1;
      while (u != v) {
        if (succ_num_[u] < succ_num_[v]) {
          const ArcId e = pred_[u];
          const Flow room = pred_dir_[u] == kUp ? flow_[e] : capacity_[e] - flow_[e];
          if (room < room1) room1 = room, out1 = u;
          u = parent_[u];
        } else {
          const ArcId e = pred_[v];
          const Flow room = pred_dir_[v] == kUp ? capacity_[e] - flow_[e] : flow_[e];
          if (room <= room2) room2 = room, out2 = v;
          v = parent_[v];
        }
      }
      join = u;
      if (out1 >= 0) delta = room1, u_out = out1, side = 1;
      if (out2 >= 0 && room2 <= delta) delta = room2, u_out = out2, side = 2;
    }
    if (delta >= kUnboundedFlow) {
      return finish(Status::kUnbounded,
                    "a cycle of negative cost has infinite capacity (it closes over arc " +
                        std::to_string(entering < arc_count_ ? input_arc(entering) : -1) +
                        "); give one of its arcs a finite upper bound");
    }

    if (delta > 0) {
      const Flow change = increase ? delta : -delta;
      flow_[entering] += change;
      for (NodeId u = source_[entering]; u != join; u = parent_[u]) {
        flow_[pred_[u]] -= pred_dir_[u] * change;
      }
      for (NodeId u = target_[entering]; u != join; u = parent_[u]) {
        flow_[pred_[u]] += pred_dir_[u] * change;
      }
    }
    if (side == 0) {
      state_[entering] = static_cast<std::int8_t>(-state_[entering]);
      continue;
    }

    const ArcId leaving = pred_[u_out];
    state_[leaving] = flow_[leaving] == 0 ? kArcAtLower : kArcAtUpper;
    state_[entering] = kArcInTree;
    const NodeId u_in = side == 1 ? first : second;
    const NodeId v_in = side == 1 ? second : first;
    const Cost reduced =
        cost_[entering] - potential_[source_[entering]] + potential_[target_[entering]];
    const Cost sigma = u_in == source_[entering] ? reduced : -reduced;
    update_tree(u_in, v_in, u_out, entering, join);
    shift_potentials(u_in, sigma);
  }

  // Flow left on an artificial arc means no feasible flow exists.
  std::string shortfall;
  int reported = 0;
  bool infeasible = false;
  for (NodeId v = 0; v < node_count_; ++v) {
    const ArcId e = arc_count_ + v;
    if (cost_[e] == big_m_ && flow_[e] > 0) {
      infeasible = true;
      if (reported++ < 5) {
        shortfall += (reported > 1 ? ", node " : "node ") + std::to_string(v) +
                     (source_[e] == v ? " cannot ship " : " cannot receive ") +
                     std::to_string(flow_[e]);
      }
    }
  }
  if (infeasible) {
    return finish(Status::kInfeasible, "no feasible flow: " + shortfall +
                                           (reported > 5 ? ", ..." : "") +
                                           " (units of supply or demand the arcs cannot carry)");
  }
  return finish(Status::kOptimal, "");
}

}  // namespace donorflow
