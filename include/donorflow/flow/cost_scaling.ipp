// Implementation of donorflow/flow/cost_scaling.hpp.
#pragma once

#include <algorithm>
#include <deque>
#include <functional>
#include <limits>
#include <queue>

#include "donorflow/flow/cost_scaling.hpp"

namespace donorflow {

template <class Value>
void CostScaling<Value>::order_nodes() {
  const StaticGraph& g = *problem_.graph;
  const NodeId n = g.node_count();
  inner_.assign(static_cast<std::size_t>(n), -1);
  node_at_.clear();
  node_at_.reserve(static_cast<std::size_t>(n));
  const std::int64_t average =
      2 * static_cast<std::int64_t>(g.arc_count()) / std::max<NodeId>(n, 1);
  hub_degree_ = static_cast<ArcId>(
      std::min<std::int64_t>(64 * (average + 1), std::numeric_limits<ArcId>::max()));
  wide_degree_ = static_cast<ArcId>(
      std::min<std::int64_t>(4 * (average + 1), std::numeric_limits<ArcId>::max()));
  auto number = [&](NodeId v) {
    if (inner_[v] >= 0) return;
    inner_[v] = static_cast<NodeId>(node_at_.size());
    node_at_.push_back(v);
  };
  for (NodeId s = 0; s < n; ++s) {
    if (inner_[s] >= 0) continue;
    number(s);
    // node_at_ from s's number on is the search's queue.
    for (std::size_t k = static_cast<std::size_t>(inner_[s]); k < node_at_.size(); ++k) {
      const NodeId v = node_at_[k];
      if (g.out_degree(v) + g.in_degree(v) > hub_degree_) continue;
      for (const ArcId a : g.out_arcs(v)) number(g.head(a));
      for (const ArcId a : g.in_arcs(v)) number(g.tail(a));
    }
  }
}

// A cold start's first eps, in cost units (see "Scaling" in the header): twice the median |cost|
// of the problem's arcs with room, from a sample of at most about kCostSample of them, but no more
// than the largest |cost| and no less than a 4096th of it.
template <class Value>
Cost CostScaling<Value>::first_epsilon(const std::vector<Cost>& cost,
                                       const std::vector<Flow>& capacity, Cost max_cost) const {
  constexpr ArcId kCostSample = 1 << 16;
  const ArcId step = std::max<ArcId>(1, real_arcs_ / kCostSample);
  std::vector<Cost> sample;
  for (ArcId a = 0; a < real_arcs_; a += step) {
    if (capacity[a] > 0) sample.push_back(cost[a] < 0 ? -cost[a] : cost[a]);
  }
  if (sample.empty()) return max_cost;
  const auto middle = sample.begin() + static_cast<std::ptrdiff_t>(sample.size() / 2);
  std::nth_element(sample.begin(), middle, sample.end());
  // No overflow: build() has checked that 6 n alpha max_cost fits.
  return std::min(max_cost, std::max(2 * *middle, (max_cost + 4095) / 4096));
}

template <class Value>
bool CostScaling<Value>::build() {
  const StaticGraph& g = *problem_.graph;
  const NodeId n = g.node_count();
  const ArcId m = g.arc_count();
  const SupplyMode mode = problem_.supply_mode;
  slack_ = mode == SupplyMode::kExact ? -1 : n;
  n_ = mode == SupplyMode::kExact ? n : n + 1;
  real_arcs_ = m;
  order_nodes();

  // Shifted supplies, and the bound that replaces infinite capacities.
  excess_.assign(static_cast<std::size_t>(n_), 0);
  Flow bound = 1;
  for (NodeId v = 0; v < n; ++v) excess_[inner_[v]] = problem_.supply_of(v);
  for (ArcId a = 0; a < m; ++a) {
    const Flow lo = problem_.lower_of(a);
    excess_[inner_[g.tail(a)]] -= lo;
    excess_[inner_[g.head(a)]] += lo;
    if (problem_.upper_of(a) != kInfiniteCapacity) bound += problem_.upper_of(a) - lo;
  }
  Flow total = 0;
  for (NodeId v = 0; v < n; ++v) {
    bound += excess_[v] < 0 ? -excess_[v] : excess_[v];
    total += excess_[v];
  }
  if (slack_ >= 0) excess_[slack_] = -total;  // it absorbs unused supply or provides unmet demand

  // Arcs: the problem's, then one slack arc per node in the relaxed modes.
  const ArcId slack_arcs = slack_ >= 0 ? n : 0;
  const ArcId arcs = m + slack_arcs;
  std::vector<NodeId> tail(static_cast<std::size_t>(arcs)), head(static_cast<std::size_t>(arcs));
  std::vector<Cost> cost(static_cast<std::size_t>(arcs), 0);
  std::vector<Flow> capacity(static_cast<std::size_t>(arcs), bound);  // upper - lower
  Cost max_cost = 1;
  for (ArcId a = 0; a < m; ++a) {
    tail[a] = inner_[g.tail(a)], head[a] = inner_[g.head(a)], cost[a] = problem_.cost_of(a);
    if (problem_.upper_of(a) != kInfiniteCapacity)
      capacity[a] = problem_.upper_of(a) - problem_.lower_of(a);
    if (capacity[a] > 0) max_cost = std::max(max_cost, cost[a] < 0 ? -cost[a] : cost[a]);
  }
  for (NodeId v = 0; v < slack_arcs; ++v) {
    const bool supply_may_remain = mode == SupplyMode::kSupplyMayRemain;
    tail[m + v] = supply_may_remain ? v : slack_;
    head[m + v] = supply_may_remain ? slack_ : v;
  }
  // Prices stay within about 6 n alpha max|c| (Goldberg and Tarjan's bound summed over phases).
  const Cost alpha = scale();
  if (static_cast<WideCost>(6) * n_ * alpha * max_cost > (WideCost{1} << 61)) return false;

  // Residual arcs in CSR order by tail, paired with their reverses. An arc without room
  // (upper = lower) can carry no flow either way, so it has none: scans would only skip it.
  first_.assign(static_cast<std::size_t>(n_) + 1, 0);
  std::size_t with_room = 0;
  for (ArcId a = 0; a < arcs; ++a) {
    if (capacity[a] > 0) ++first_[tail[a] + 1], ++first_[head[a] + 1], ++with_room;
  }
  for (NodeId v = 0; v < n_; ++v) first_[v + 1] += first_[v];
  arcs_.resize(2 * with_room);
  if constexpr (kNarrow) pair_.resize(2 * with_room);
  forward_of_.assign(static_cast<std::size_t>(arcs), kNoArc);
  std::vector<ArcId> next(first_.begin(), first_.end() - 1);
  for (ArcId a = 0; a < arcs; ++a) {
    if (capacity[a] == 0) continue;
    const ArcId f = next[tail[a]]++, b = next[head[a]]++;
    arcs_[f].head = head[a], arcs_[b].head = tail[a];
    arcs_[f].cost = static_cast<Value>(cost[a]), arcs_[b].cost = static_cast<Value>(-cost[a]);
    arcs_[f].residual = static_cast<Value>(capacity[a]), arcs_[b].residual = 0;
    arcs_[f].total = arcs_[b].total = static_cast<Value>(capacity[a]);
    if constexpr (kNarrow) {
      pair_[f] = b, pair_[b] = f;
    } else {
      arcs_[f].pair = b, arcs_[b].pair = f;
    }
    forward_of_[a] = f;
  }
  price_.assign(static_cast<std::size_t>(n_), 0);
  current_.assign(first_.begin(), first_.end() - 1);
  passed_best_.assign(static_cast<std::size_t>(n_), kNoKey);
  hub_of_.assign(static_cast<std::size_t>(n_), -1);
  hubs_.clear();
  for (NodeId v = 0; v < n_; ++v) {
    if (is_hub(v)) hub_of_[v] = static_cast<std::int32_t>(hubs_.size()), hubs_.emplace_back();
  }
  epsilon_cold_ = max_cost * alpha;
  epsilon_ = first_epsilon(cost, capacity, max_cost) * alpha;
  warm_floor_step_ = 0;
  return true;
}

// Prices from the old potentials and residual capacities from the old flow; eps from what the
// changes broke. False, leaving the cold start untouched, when the start does not fit.
template <class Value>
bool CostScaling<Value>::apply_warm_start() {
  const StaticGraph& g = *problem_.graph;
  if (warm_.flow.size() != static_cast<std::size_t>(real_arcs_) ||
      warm_.potential.size() != static_cast<std::size_t>(g.node_count())) {
    return false;
  }
  const Cost alpha = scale();
  constexpr Cost kPriceLimit = Cost{1} << 60;
  for (const Cost p : warm_.potential) {
    if (p >= kPriceLimit / alpha || p <= -kPriceLimit / alpha) return false;
  }
  // Our prices are the negated potentials, scaled; the slack node's potential is zero.
  for (NodeId v = 0; v < g.node_count(); ++v) price_[inner_[v]] = -warm_.potential[v] * alpha;
  for (ArcId a = 0; a < real_arcs_; ++a) {
    const ArcId f = forward_of_[a];
    if (f == kNoArc) continue;
    const Flow x = std::clamp<Flow>(warm_.flow[a] - problem_.lower_of(a), 0, arcs_[f].total);
    arcs_[f].residual = static_cast<Value>(arcs_[f].total - x);
    arcs_[pair(f)].residual = static_cast<Value>(x);
    excess_[inner_[g.tail(a)]] -= x;
    excess_[inner_[g.head(a)]] += x;
  }
  Cost violation = 1;
  for (NodeId v = 0; v < n_; ++v) {
    for (ArcId i = first_[v]; i < first_[v + 1]; ++i) {
      if (arcs_[i].residual > 0) {
        violation = std::max(violation, price_[arcs_[i].head] - price_[v] - scaled_cost(i));
      }
    }
  }
  // Starting lower than 16 units of cost makes refine crawl: after a change of supplies, excess
  // must travel paths whose prices differ by many eps, one relabel at a time. Measured on alloc
  // small after moving 1% of supplies: 24 s from eps = alpha, 0.66 s from 16 alpha, 0.83 s from
  // 256 alpha; 16 alpha was also best or near it after changing 1% of costs, on every family.
  violation = std::max(violation, 16 * alpha);
  epsilon_ = std::min(epsilon_cold_, violation);
  warm_floor_step_ = 4 * static_cast<Cost>(n_) * epsilon_cold_;  // within build()'s check
  return true;
}

// A cycle of negative cost through arcs of infinite capacity makes the problem unbounded; the
// Bellman-Ford queue search over those arcs finds one if it exists.
template <class Value>
bool CostScaling<Value>::has_infinite_negative_cycle() const {
  const StaticGraph& g = *problem_.graph;
  bool any_negative = false;
  for (ArcId a = 0; a < g.arc_count() && !any_negative; ++a) {
    any_negative = problem_.upper_of(a) == kInfiniteCapacity && problem_.cost_of(a) < 0;
  }
  if (!any_negative) return false;
  const NodeId n = g.node_count();
  std::vector<WideCost> distance(static_cast<std::size_t>(n), 0);
  // Arcs on each node's current shortest path: a path of n arcs must repeat a node, and a
  // repeated node on a shortest path closes a negative cycle. (Counting improvements instead
  // would mistake parallel arcs for a cycle.)
  std::vector<NodeId> path_arcs(static_cast<std::size_t>(n), 0);
  std::vector<char> queued(static_cast<std::size_t>(n), 1);
  std::deque<NodeId> queue;
  for (NodeId v = 0; v < n; ++v) queue.push_back(v);
  while (!queue.empty()) {
    const NodeId v = queue.front();
    queue.pop_front();
    queued[v] = 0;
    for (ArcId a : g.out_arcs(v)) {
      if (problem_.upper_of(a) != kInfiniteCapacity) continue;
      const NodeId w = g.head(a);
      if (distance[v] + problem_.cost_of(a) < distance[w]) {
        distance[w] = distance[v] + problem_.cost_of(a);
        path_arcs[w] = path_arcs[v] + 1;
        if (path_arcs[w] >= n) return true;
        if (!queued[w]) queued[w] = 1, queue.push_back(w);
      }
    }
  }
  return false;
}

// Sets prices from shortest distances, in units of epsilon, to the nodes with a deficit. The
// distances are small integers, so a bucket queue replaces a heap; distances are capped at n
// (min(distance, n) keeps every residual arc eps-optimal just as the exact distance does), which
// bounds the buckets. (Excess that reaches no deficit is caught by the price floor in refine.)
template <class Value>
void CostScaling<Value>::global_update() {
  const Cost cap = n_;
  std::vector<Cost>& distance = scratch_distance_;
  distance.assign(static_cast<std::size_t>(n_), cap);
  auto& buckets = scratch_buckets_;
  if (buckets.size() < static_cast<std::size_t>(cap) + 1)
    buckets.resize(static_cast<std::size_t>(cap) + 1);
  for (NodeId v = 0; v < n_; ++v) {
    if (excess_[v] < 0) distance[v] = 0, buckets[0].push_back(v);
  }
  // Settle whole buckets in order; once every node with excess is settled, the nodes not yet
  // settled all lie at least one bucket further and are set just beyond it, which keeps every
  // residual arc eps-optimal as exact distances would.
  std::vector<char>& settled = scratch_settled_;
  settled.assign(static_cast<std::size_t>(n_), 0);
  NodeId unsettled_active = 0;
  for (NodeId v = 0; v < n_; ++v) unsettled_active += excess_[v] > 0 ? 1 : 0;
  Cost beyond = cap;
  for (Cost d = 0; d < cap; ++d) {
    auto& bucket = buckets[static_cast<std::size_t>(d)];
    for (std::size_t k = 0; k < bucket.size(); ++k) {
      const NodeId w = bucket[k];
      if (settled[w] || distance[w] != d) continue;
      settled[w] = 1;
      if (excess_[w] > 0) --unsettled_active;
      // Residual arcs (v, w) entering w are the reverses of w's arcs.
      for (ArcId i = first_[w]; i < first_[w + 1]; ++i) {
        if (arcs_[i].residual == arcs_[i].total) continue;  // the pair (v, w) is full
        const NodeId v = arcs_[i].head;
        if (distance[v] <= d) continue;  // no shorter path through w
        const Cost reduced = -scaled_cost(i) + price_[v] - price_[w];
        // Length in units of epsilon: 0 for admissible arcs, more the costlier the arc.
        const Cost length = std::max<Cost>(0, (reduced + epsilon_) / epsilon_);
        if (d + length < distance[v]) {
          distance[v] = d + length;
          if (distance[v] < cap) buckets[static_cast<std::size_t>(distance[v])].push_back(v);
        }
      }
    }
    if (unsettled_active == 0) {
      beyond = d + 1;
      break;
    }
  }
  for (auto& bucket : buckets) bucket.clear();
  for (NodeId v = 0; v < n_; ++v) {
    price_[v] -= (settled[v] ? distance[v] : beyond) * epsilon_;
    current_[v] = first_[v];
    passed_best_[v] = kNoKey;
    // A hub's list outlives the update while no arc off it has become admissible: the keys off
    // the list (at most `outside`) fell with the prices, the hub's price must still be at least
    // `outside`. Its scan starts again at the list's head.
    if (Hub* hub = hub_at(v); hub != nullptr && !hub->stale) {
      if (price_[v] >= hub->outside) {
        current_[v] = 0;
      } else {
        hub->stale = true;
      }
    }
  }
}

// Exact test: does some excess reach no deficit over residual arcs? Then no feasible flow exists
// (the cut around it has no room). Searches backward from the deficits; O(n + m).
template <class Value>
bool CostScaling<Value>::excess_is_stranded() {
  std::vector<char> reaches(static_cast<std::size_t>(n_), 0);
  std::vector<NodeId> stack;
  for (NodeId v = 0; v < n_; ++v) {
    if (excess_[v] < 0) reaches[v] = 1, stack.push_back(v);
  }
  while (!stack.empty()) {
    const NodeId w = stack.back();
    stack.pop_back();
    for (ArcId i = first_[w]; i < first_[w + 1]; ++i) {
      const NodeId v = arcs_[i].head;
      if (!reaches[v] && arcs_[i].residual < arcs_[i].total) reaches[v] = 1, stack.push_back(v);
    }
  }
  stranded_.clear();
  for (NodeId v = 0; v < n_ && stranded_.size() < 5; ++v) {
    if (excess_[v] > 0 && !reaches[v] && v != slack_) stranded_.push_back(node_at_[v]);
  }
  for (NodeId v = 0; v < n_; ++v) {
    if (excess_[v] > 0 && !reaches[v]) return true;
  }
  return false;
}

// Makes hub v's list (see "Hubs") from a scan of all its arcs, and returns the largest key of a
// residual arc (kNoKey if none). The list holds the residual arcs of the largest keys, and at
// least every one within eps of the largest, so that it serves the relabel to that key and the
// scans after it. The hub's scan starts again at the list's head.
template <class Value>
Cost CostScaling<Value>::list_hub(NodeId v) {
  Hub& hub = *hub_at(v);
  auto& keys = scratch_keys_;
  keys.clear();
  Cost best = kNoKey;
  for (ArcId i = first_[v]; i < first_[v + 1]; ++i) {
    if (arcs_[i].residual == 0) continue;
    const Cost k = key(i);
    keys.emplace_back(k, i);
    best = std::max(best, k);
  }
  hub.list.clear();
  hub.stale = false;
  hub.outside = kNoKey;
  current_[v] = 0;
  if (keys.empty()) return best;
  // Keys of at least `threshold` are listed: the length-th largest, or lower to include every
  // key above best - eps.
  const std::size_t length = std::max<std::size_t>(
      kHubListMin, static_cast<std::size_t>(first_[v + 1] - first_[v]) / kHubListShare);
  Cost threshold = kNoKey + 1;
  if (keys.size() > length) {
    auto nth = keys.begin() + static_cast<std::ptrdiff_t>(length - 1);
    std::nth_element(keys.begin(), nth, keys.end(), std::greater<>());
    threshold = std::min(best - epsilon_ + 1, nth->first);
  }
  for (const auto& [key, i] : keys) {
    if (key >= threshold) {
      hub.list.push_back(i);
    } else {
      hub.outside = std::max(hub.outside, key);
    }
  }
  std::sort(hub.list.begin(), hub.list.end());
  hub.listed = hub.list.size();
  return best;
}

// A hub's largest key, from its list while the list is sure to hold it and, after the relabel,
// every admissible arc (all residual arcs off the list have keys of at most `outside`); else from
// a list made again. The hub's scan starts again at the list's head.
template <class Value>
Cost CostScaling<Value>::hub_best(NodeId v) {
  const Hub& hub = *hub_at(v);
  Cost best = kNoKey;
  bool sure = !hub.stale && hub.list.size() <= 2 * hub.listed + kHubListMin;
  if (sure) {
    for (const ArcId i : hub.list) {
      if (arcs_[i].residual > 0) best = std::max(best, key(i));
    }
    sure = best != kNoKey ? best - epsilon_ >= hub.outside : hub.outside == kNoKey;
  }
  if (!sure) return list_hub(v);
  current_[v] = 0;
  return best;
}

template <class Value>
typename CostScaling<Value>::Relabel CostScaling<Value>::relabel(NodeId v) {
  Cost best = kNoKey;
  if (hub_at(v) != nullptr) {
    best = hub_best(v);
  } else if (wide(v)) {
    // The scan that led here has passed every residual arc since v's last relabel (the current
    // arc only moves forward, and the arcs it passed are inadmissible for good, keys never
    // rising): the largest key it saw is at least the largest now.
    best = passed_best_[v];
    passed_best_[v] = kNoKey;
    current_[v] = first_[v];
  } else {
    for (ArcId i = first_[v]; i < first_[v + 1]; ++i) {
      if (arcs_[i].residual > 0) best = std::max(best, key(i));
    }
    current_[v] = first_[v];
  }
  if (best == kNoKey) return Relabel::kDeadEnd;
  price_[v] = best - epsilon_;
  ++relabels_;
  return price_[v] >= price_floor_ ? Relabel::kDone : Relabel::kTooLow;
}

// How far below the lowest price a feasible problem's prices may fall in one refine. From a cold
// start, Goldberg and Tarjan's bound, about (alpha + 1) n eps with alpha = 8, the factor eps is
// divided by per phase (16 n eps is allowed, with room). A warm start's excess is not the
// remainder of an (8 eps)-optimal flow, so that bound does not hold; a path of at most n arcs,
// each of reduced cost at most 2 alpha max|c| plus the spread of prices, bounds the fall instead.
// (A floor set too high costs time, never exactness: crossing it only triggers the exact test
// for stranded excess.)
template <class Value>
Cost CostScaling<Value>::floor_step() const {
  return std::max((static_cast<Cost>(16) * n_ + 16) * epsilon_, warm_floor_step_);
}

// `price` lowered by floor_step(), saturating far below any price a solve reaches, so that a
// floor lowered again and again cannot overflow.
template <class Value>
Cost CostScaling<Value>::floor_below(Cost price) const {
  constexpr Cost kLowest = -(Cost{1} << 62);
  const Cost step = floor_step();
  return price < kLowest + step ? kLowest : price - step;
}

// A price fell below the floor: either the problem is infeasible (some excess is stranded), or
// the floor was too cautious and is lowered. Returns true to continue.
template <class Value>
bool CostScaling<Value>::price_fell_too_far() {
  if (excess_is_stranded()) return false;
  price_floor_ = floor_below(price_floor_);
  return true;
}

// One phase: from a (alpha eps)-optimal flow to an eps-optimal one. False when infeasible.
template <class Value>
bool CostScaling<Value>::refine() {
  // Saturate every arc of negative reduced cost.
  for (NodeId v = 0; v < n_; ++v) {
    for (ArcId i = first_[v]; i < first_[v + 1]; ++i) {
      if (arcs_[i].residual > 0 && scaled_cost(i) + price_[v] - price_[arcs_[i].head] < 0) {
        const Flow delta = arcs_[i].residual;
        arcs_[i].residual = 0;
        arcs_[pair(i)].residual = static_cast<Value>(arcs_[pair(i)].residual + delta);
        excess_[v] -= delta;
        excess_[arcs_[i].head] += delta;
      }
    }
  }
  // Saturating made arcs residual that no hub's list holds.
  for (Hub& hub : hubs_) hub.stale = true;
  // A feasible problem lowers no price in one refine by more than about (alpha + 1) n eps
  // (Goldberg and Tarjan); a price far below that proves that its excess reaches no deficit.
  if (n_ == 0) return true;
  price_floor_ = floor_below(*std::min_element(price_.begin(), price_.end()));
  global_update();
  return discharge();
}

// Discharges the active nodes in FIFO order by partial augment-relabel (Goldberg 2008): from an
// active node, an admissible path is grown arc by arc, and the node's excess is pushed along it
// once it reaches a node with excess or deficit or is kPathLength arcs long. A node on the path
// without an admissible arc is relabelled, and the path retreats past it. Against pushing one arc
// at a time (with a look-ahead that relabelled a node before pushing into it), measured on the
// small and medium instances: alloc 8 to 12% faster, grid and netgen medium 20 to 35%, netgen
// small 15% slower (where network simplex is the choice anyway), and multiperiod medium 19%
// slower (355 s against 298 s; docs/performance.md).
template <class Value>
bool CostScaling<Value>::discharge() {
  std::deque<NodeId> active;
  for (NodeId v = 0; v < n_; ++v) {
    if (excess_[v] > 0) active.push_back(v);
  }
  const std::int64_t update_every = 2 * static_cast<std::int64_t>(n_) + 16;
  std::int64_t since_update = 0;
  std::vector<ArcId>& path = path_;  // the arcs from the start to `tip`
  while (!active.empty()) {
    const NodeId start = active.front();
    active.pop_front();
    path.clear();
    NodeId tip = start;
    // Drops the path's last arc and returns it; the tip moves back to that arc's tail.
    auto retreat = [&] {
      const ArcId last = path.back();
      path.pop_back();
      tip = path.empty() ? start : arcs_[path.back()].head;
      return last;
    };
    while (excess_[start] > 0) {
      // The tip's first admissible arc at or after its current arc (a hub's: on its list).
      auto admissible = [&](ArcId a) {
        return arcs_[a].residual > 0 && scaled_cost(a) + price_[tip] - price_[arcs_[a].head] < 0;
      };
      const ArcId end = first_[tip + 1];
      ArcId i = current_[tip];
      const Hub* hub = hub_at(tip);
      if (!wide(tip)) {  // so not a hub either
        while (i < end && !admissible(i)) ++i;
        current_[tip] = i;
      } else if (hub == nullptr || hub->stale) {
        // admissible(i), with the key of each residual arc passed kept for the relabel.
        Cost passed = passed_best_[tip];
        for (; i < end; ++i) {
          if (arcs_[i].residual == 0) continue;
          const Cost k = key(i);
          if (k > price_[tip]) break;
          passed = std::max(passed, k);
        }
        passed_best_[tip] = passed;
        current_[tip] = i;
      } else {
        auto k = static_cast<std::size_t>(i);
        while (k < hub->list.size() && !admissible(hub->list[k])) ++k;
        current_[tip] = static_cast<ArcId>(k);
        i = k < hub->list.size() ? hub->list[k] : end;
      }
      if (i < end) {
        path.push_back(i);
        tip = arcs_[i].head;
        if (excess_[tip] == 0 && static_cast<int>(path.size()) < kPathLength) continue;
        Flow delta = excess_[start];
        for (const ArcId a : path) delta = std::min<Flow>(delta, arcs_[a].residual);
        for (const ArcId a : path) {
          arcs_[a].residual = static_cast<Value>(arcs_[a].residual - delta);
          const ArcId back = pair(a);
          // An arc that becomes residual joins its tail's list if a hub, and its key the
          // tail's passed keys if wide, wherever it lies in the scan.
          if (arcs_[back].residual == 0) {
            const NodeId w = arcs_[a].head;
            if (wide(w)) {
              if (Hub* hub_back = hub_at(w)) hub_back->list.push_back(back);
              passed_best_[w] = std::max(passed_best_[w], key(back));
            }
          }
          arcs_[back].residual = static_cast<Value>(arcs_[back].residual + delta);
        }
        const bool was_active = excess_[tip] > 0;
        excess_[start] -= delta;
        excess_[tip] += delta;
        if (!was_active && excess_[tip] > 0) active.push_back(tip);
        path.clear();
        tip = start;
        continue;
      }
      const Relabel r = relabel(tip);
      if (r == Relabel::kDeadEnd) {
        if (tip == start) {
          excess_is_stranded();
          return false;  // excess at a node with no residual arc at all
        }
        // The arc into the tip leads nowhere: its tail's scan moves past it.
        const ArcId into = retreat();
        passed_best_[tip] = std::max(passed_best_[tip], key(into));
        ++current_[tip];  // it held that arc (or its place on a hub's list)
        continue;
      }
      if (r == Relabel::kTooLow && !price_fell_too_far()) return false;
      if (tip != start) retreat();
      if (++since_update >= update_every) {
        global_update();
        since_update = 0;
        path.clear();
        tip = start;
      }
    }
  }
  return true;
}

// Exact potentials for the flow: shortest-path labels over the residual graph with the original
// costs, started from the scaled prices so that few corrections are needed. They exist exactly
// when the flow is optimal (no residual cycle of negative cost). `budget` bounds the arcs
// scanned; past it the search gives up and reports the flow as not (yet) proven optimal.
template <class Value>
bool CostScaling<Value>::exact_potentials(std::int64_t budget) {
  const Cost alpha = scale();
  exact_.resize(static_cast<std::size_t>(n_));
  for (NodeId v = 0; v < n_; ++v) {
    exact_[v] = price_[v] >= 0 ? price_[v] / alpha : -((-price_[v] + alpha - 1) / alpha);
  }
  std::deque<NodeId> queue;
  std::vector<char>& queued = scratch_settled_;
  queued.assign(static_cast<std::size_t>(n_), 1);
  std::vector<NodeId>& path_arcs = scratch_path_arcs_;  // as in the cycle search
  path_arcs.assign(static_cast<std::size_t>(n_), 0);
  for (NodeId v = 0; v < n_; ++v) queue.push_back(v);
  while (!queue.empty()) {
    const NodeId v = queue.front();
    queue.pop_front();
    queued[v] = 0;
    budget -= first_[v + 1] - first_[v];
    if (budget < 0) return false;
    for (ArcId i = first_[v]; i < first_[v + 1]; ++i) {
      if (arcs_[i].residual == 0) continue;
      const NodeId w = arcs_[i].head;
      // Keep c(v, w) + d(v) - d(w) >= 0 on every residual arc.
      const Cost bound = exact_[v] + arcs_[i].cost;
      if (exact_[w] > bound) {
        exact_[w] = bound;
        path_arcs[w] = path_arcs[v] + 1;
        if (path_arcs[w] >= n_) return false;  // a negative cycle: the flow is not optimal
        if (!queued[w]) queued[w] = 1, queue.push_back(w);
      }
    }
  }
  return true;
}

template <class Value>
MinCostFlowResult CostScaling<Value>::finish(Status status, std::string message) {
  MinCostFlowResult result;
  result.status = status;
  result.message = std::move(message);
  result.algorithm = "cost-scaling";
  result.iterations = relabels_;
  if (status != Status::kOptimal) return result;
  const StaticGraph& g = *problem_.graph;
  result.flow.resize(static_cast<std::size_t>(real_arcs_));
  WideCost total = 0;
  for (ArcId a = 0; a < real_arcs_; ++a) {
    const ArcId f = forward_of_[a];
    result.flow[a] = problem_.lower_of(a) + (f == kNoArc ? 0 : arcs_[f].total - arcs_[f].residual);
    total += static_cast<WideCost>(problem_.cost_of(a)) * result.flow[a];
  }
  result.cost = total;
  // Our potentials are the negated labels; the slack node's is fixed at zero.
  const Cost shift = slack_ >= 0 ? exact_[slack_] : 0;
  result.potential.resize(static_cast<std::size_t>(g.node_count()));
  for (NodeId v = 0; v < g.node_count(); ++v) result.potential[v] = -(exact_[inner_[v]] - shift);
  return result;
}

template <class Value>
MinCostFlowResult CostScaling<Value>::run() {
  relabels_ = 0;
  if (const InputCheck check = check_input(problem_); !check.ok()) {
    return finish(check.status, check.message);
  }
  if (has_infinite_negative_cycle()) {
    return finish(Status::kUnbounded,
                  "a cycle of negative cost has infinite capacity; give one of its arcs a finite "
                  "upper bound");
  }
  if (!build()) {
    return finish(Status::kOverflow,
                  "costs times nodes squared are too large for cost scaling's prices in 64 bits; "
                  "use network simplex or rescale the costs");
  }
  // A warm start begins at the eps its changes call for; the first refine runs at that eps.
  constexpr Cost kFactor = 8;
  if (apply_warm_start()) epsilon_ = epsilon_ * kFactor;
  price_floor_ = 0;
  // Dividing eps by 8 per phase, with a global update every 2n relabels. Against 16, three
  // alternating runs each: alloc medium 11.2 s against 14.6, netgen 2^16 1.38 against 1.48, grid
  // 300x300 and multiperiod small within 2% (docs/performance.md). (Before the node order and the
  // pair totals, 16 had measured 18% faster than 8 on alloc medium.)
  // Once eps is below one unit of cost, each phase ends with a check for optimality (exact
  // potentials, at the price of a few scans of the arcs): the flow is often optimal phases before
  // eps reaches 1, and a phase run on an optimal flow still relabels nodes throughout.
  const Cost alpha = scale();
  const auto check_budget = static_cast<std::int64_t>(2 * arcs_.size() + first_.size());
  bool proven = false;
  do {
    epsilon_ = std::max<Cost>(1, epsilon_ / kFactor);
    const bool ok = refine();
    if (ok && epsilon_ > 1 && epsilon_ < alpha && exact_potentials(check_budget)) {
      proven = true;
      break;
    }
    if (!ok) {
      std::string nodes;
      for (NodeId v : stranded_) nodes += (nodes.empty() ? "node " : ", node ") + std::to_string(v);
      return finish(Status::kInfeasible,
                    "no feasible flow: " + (nodes.empty() ? std::string("some supply") : nodes) +
                        " holds supply that no arc with room can carry to a demand");
    }
  } while (epsilon_ > 1);
  if (!proven && !exact_potentials(std::numeric_limits<std::int64_t>::max())) {
    return finish(Status::kInfeasible, "internal error: the final flow is not optimal");
  }
  return finish(Status::kOptimal, "");
}

namespace detail {
// Every |cost| and every capacity fits in 32 bits, and so does the bound that
// replaces infinite capacities (and is the capacity of the slack arcs of the relaxed modes), here
// bounded from above by 1 + the finite capacities + |supplies| + twice the lower bounds. Input that
// fails check_input() is left to the 64-bit solver, which reports it.
DONORFLOW_INLINE bool cost_scaling_fits_32_bits(const ProblemView& problem) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int32_t>::max();
  const ArcId m = problem.graph->arc_count();
  bool needs_bound = problem.supply_mode != SupplyMode::kExact;
  std::int64_t bound = 1;
  for (ArcId a = 0; a < m; ++a) {
    const Cost c = problem.cost_of(a);
    const Flow lo = problem.lower_of(a), hi = problem.upper_of(a);
    if (c > kMax || c < -kMax || lo < 0 || lo > kMax) return false;
    bound += 2 * lo;
    if (hi == kInfiniteCapacity) {
      needs_bound = true;
    } else {
      if (hi < lo || hi - lo > kMax) return false;
      bound += hi - lo;
    }
    if (bound > kMax) bound = kMax + 1;  // stays far from overflow; only "too large" matters
  }
  if (!needs_bound) return true;
  for (NodeId v = 0; v < problem.graph->node_count() && bound <= kMax; ++v) {
    const Flow b = problem.supply_of(v);
    if (b > kMax || b < -kMax) return false;
    bound += b < 0 ? -b : b;
  }
  return bound <= kMax;
}
}  // namespace detail

DONORFLOW_INLINE MinCostFlowResult solve_cost_scaling(const ProblemView& problem) {
  return solve_cost_scaling(problem, WarmStart{});  // an empty start is a cold start
}

DONORFLOW_INLINE MinCostFlowResult solve_cost_scaling(const ProblemView& problem,
                                                      const WarmStart& start) {
  if (detail::cost_scaling_fits_32_bits(problem)) {
    return CostScaling<std::int32_t>(problem).warm_start(start).run();
  }
  return CostScaling<std::int64_t>(problem).warm_start(start).run();
}

}  // namespace donorflow
