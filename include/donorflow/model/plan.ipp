// Implementation of donorflow/model/plan.hpp.
#pragma once

#include <algorithm>
#include <chrono>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <numeric>
#include <queue>
#include <sstream>
#include <unordered_map>

#include "donorflow/model/geo.hpp"
#include "donorflow/model/plan.hpp"

namespace donorflow::model {

DONORFLOW_INLINE std::string_view price_kind_name(PriceKind kind) {
  switch (kind) {
    case PriceKind::kOffer:
      return "offer";
    case PriceKind::kSiteCapacity:
      return "site_capacity";
    case PriceKind::kNeed:
      return "need";
  }
  return "unknown";
}

namespace internal {

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Shortest paths in the residual network of an optimal flow. With the optimal potentials every
// residual arc has a non-negative reduced cost, so Dijkstra applies; the true distance is the
// reduced one plus pi(from) - pi(to).
class ResidualPaths {
 public:
  static constexpr WideCost kUnreachable = std::numeric_limits<WideCost>::max();

  ResidualPaths(const ProblemView& problem, const std::vector<Flow>& flow,
                const std::vector<Cost>& potential)
      : p_(problem), flow_(flow), pi_(potential) {}

  // Distances from `root` to every node (toward_root false), or from every node to `root`.
  std::vector<WideCost> from_or_to(NodeId root, bool toward_root) const {
    return search(root, toward_root, -1, -1);
  }

  // Distance from `from` to `to`, ignoring arc `skip` in both directions (-1: none).
  WideCost between(NodeId from, NodeId to, ArcId skip = -1) const {
    return search(from, false, to, skip)[static_cast<std::size_t>(to)];
  }

 private:
  // Residual arcs leaving u (or entering u, for searches toward the root), with reduced lengths.
  template <class Visit>
  void for_each_residual(NodeId u, bool reverse, ArcId skip, Visit&& visit) const {
    const StaticGraph& g = *p_.graph;
    auto reduced = [&](ArcId a) {
      return static_cast<WideCost>(p_.cost_of(a)) - pi_[g.tail(a)] + pi_[g.head(a)];
    };
    // Forward residual a = (u, w) exists when flow < upper; backward (w, u) when flow > lower.
    for (ArcId a : g.out_arcs(u)) {
      if (a == skip) continue;
      const bool room = reverse ? flow_[a] > p_.lower_of(a) : flow_[a] < p_.upper_of(a);
      if (room) visit(g.head(a), reverse ? -reduced(a) : reduced(a));
    }
    for (ArcId a : g.in_arcs(u)) {
      if (a == skip) continue;
      const bool room = reverse ? flow_[a] < p_.upper_of(a) : flow_[a] > p_.lower_of(a);
      if (room) visit(g.tail(a), reverse ? reduced(a) : -reduced(a));
    }
  }

  std::vector<WideCost> search(NodeId root, bool toward_root, NodeId stop, ArcId skip) const {
    const auto n = static_cast<std::size_t>(p_.graph->node_count());
    std::vector<WideCost> reduced_distance(n, kUnreachable);
    using Entry = std::pair<WideCost, NodeId>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    reduced_distance[root] = 0;
    heap.emplace(0, root);
    while (!heap.empty()) {
      const auto [d, u] = heap.top();
      heap.pop();
      if (d != reduced_distance[u]) continue;
      if (u == stop) break;
      for_each_residual(u, toward_root, skip, [&](NodeId w, WideCost length) {
        const WideCost candidate = d + length;
        if (candidate < reduced_distance[w]) {
          reduced_distance[w] = candidate;
          heap.emplace(candidate, w);
        }
      });
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (reduced_distance[v] == kUnreachable) continue;
      // Path cost = reduced cost + pi(start) - pi(end).
      reduced_distance[v] += toward_root ? pi_[v] - pi_[root] : pi_[root] - pi_[v];
    }
    return reduced_distance;
  }

  const ProblemView& p_;
  const std::vector<Flow>& flow_;
  const std::vector<Cost>& pi_;
};

inline std::string join_names(const std::vector<std::string>& names, std::size_t most = 3) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < most; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  if (names.size() > most) out += " and " + std::to_string(names.size() - most) + " more";
  return out;
}

inline std::string number_text(double value) {
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

// The flat cost of a plan: everything but shortfall as costed, shortfall at priority x unmet cost.
inline WideCost flat_cost(const CompiledNetwork& net, const std::vector<Flow>& flow,
                          const CompiledNetwork& flat) {
  WideCost total = 0;
  for (std::size_t a = 0; a < net.arcs.size(); ++a) {
    if (flow[a] == 0) continue;
    if (net.arcs[a].kind == ArcKind::kShortfall) {
      const ArcId flat_arc =
          flat.shortfall_arcs[static_cast<std::size_t>(net.arcs[a].need)].front();
      total += static_cast<WideCost>(flat.problem.cost[flat_arc]) * flow[a];
    } else {
      total += static_cast<WideCost>(net.problem.cost[a]) * flow[a];
    }
  }
  return total;
}

// Finds which minimum shares cannot be met: a solve that only counts units of minimum missing.
inline void diagnose_minimums(const Scenario& s, Plan& plan, Algorithm algorithm) {
  CompileOptions options;
  options.minimum_share_violations = true;
  const CompiledNetwork check = compile(s, options);
  const MinCostFlowResult r = solve_min_cost_flow(check.problem.view(), algorithm);
  std::vector<std::string> names;
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    const ArcId a = check.violation_arc[n];
    if (a < 0 || !r.optimal() || r.flow[a] == 0) continue;
    const auto resource = static_cast<std::size_t>(
        std::find_if(s.resources.begin(), s.resources.end(),
                     [&](const Resource& x) { return x.id == s.needs[n].resource; }) -
        s.resources.begin());
    const double lacking = static_cast<double>(r.flow[a]) * check.resolution[resource];
    plan.unmet_minimums.emplace_back(static_cast<int>(n), lacking);
    names.push_back("\"" + s.needs[n].id + "\" lacks " + number_text(lacking));
  }
  plan.message = "the minimum shares cannot all be met: " + join_names(names, 10) +
                 " (units of its minimum that no eligible offer can supply)";
}

}  // namespace internal

DONORFLOW_INLINE Equity equity_of(const Scenario& s, std::span<const int> need_region,
                                  std::span<const double> need_amount,
                                  std::span<const double> need_share) {
  Equity eq;
  eq.region_share.assign(s.regions.size(), NAN);
  std::vector<double> weight(s.regions.size(), 0), weighted(s.regions.size(), 0);
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    if (!(need_amount[n] > 0)) continue;
    const int r = need_region[n];
    weight[r] += s.needs[n].priority;
    weighted[r] += s.needs[n].priority * need_share[n];
  }
  std::vector<int> with_needs;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (weight[r] > 0) {
      eq.region_share[r] = weighted[r] / weight[r];
      with_needs.push_back(static_cast<int>(r));
      if (std::isnan(eq.lowest_share) || eq.region_share[r] < eq.lowest_share) {
        eq.lowest_share = eq.region_share[r];
        eq.lowest_region = static_cast<int>(r);
      }
    }
  }
  // Quintiles of deprivation by rank among regions with needs (ties by id order).
  std::stable_sort(with_needs.begin(), with_needs.end(), [&](int a, int b) {
    return s.regions[a].deprivation < s.regions[b].deprivation;
  });
  std::array<double, 5> pop{}, pop_share{};
  for (std::size_t i = 0; i < with_needs.size(); ++i) {
    const int r = with_needs[i];
    const std::size_t q = std::min<std::size_t>(4, i * 5 / with_needs.size());
    const double w = std::max(s.regions[r].population, 0.0);
    pop[q] += w;
    pop_share[q] += w * eq.region_share[r];
  }
  for (std::size_t q = 0; q < 5; ++q)
    eq.quintile_share[q] = pop[q] > 0 ? pop_share[q] / pop[q] : NAN;
  // Population-weighted Gini of regional shares: 1 - sum_i p_i (L_{i-1} + L_i).
  std::vector<int> order = with_needs;
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return eq.region_share[a] < eq.region_share[b]; });
  double total_pop = 0, total = 0;
  for (int r : order)
    total_pop += s.regions[r].population, total += s.regions[r].population * eq.region_share[r];
  if (total_pop > 0 && total > 0) {
    double previous = 0, gini = 1;
    for (int r : order) {
      const double p = s.regions[r].population / total_pop;
      const double current = previous + s.regions[r].population * eq.region_share[r] / total;
      gini -= p * (previous + current);
      previous = current;
    }
    eq.gini = std::max(0.0, gini);
  } else if (total_pop > 0) {
    eq.gini = 0;
  }
  return eq;
}

DONORFLOW_INLINE Plan solve(const Scenario& s, const SolveOptions& options) {
  validate(s);
  Plan plan;
  // The plan without equity tiers, for the price of fairness, is an independent solve: run it
  // on another thread while this one solves and explains the plan itself.
  struct FlatPlan {
    CompiledNetwork network;
    MinCostFlowResult flow;
  };
  std::future<FlatPlan> flat_plan;
  if (options.price_of_fairness) {
    flat_plan = std::async(std::launch::async, [&s, &options] {
      FlatPlan flat;
      try {
        CompileOptions flat_options;
        flat_options.flat_tiers = true;
        flat.network = compile(s, flat_options);
        flat.flow = solve_min_cost_flow(flat.network.problem.view(), options.algorithm);
      } catch (const std::exception& error) {
        // The price of fairness is optional: a comparison plan that cannot be built (its flat
        // penalties overflow, say) leaves it unknown rather than failing the plan itself.
        flat.flow.status = Status::kOverflow;
        flat.flow.message = error.what();
      }
      return flat;
    });
  }
  plan.network = compile(s);
  const CompiledNetwork& net = plan.network;
  plan.seconds.compile = net.compile_seconds;

  auto started = std::chrono::steady_clock::now();
  plan.flow = solve_min_cost_flow(net.problem.view(), options.algorithm);
  plan.seconds.solve = internal::seconds_since(started);
  plan.status = plan.flow.status;
  if (plan.status == Status::kInfeasible) {
    internal::diagnose_minimums(s, plan, options.algorithm);
    return plan;
  }
  if (!plan.flow.optimal()) {
    plan.message = plan.flow.message;
    return plan;
  }
  started = std::chrono::steady_clock::now();
  const std::vector<Flow>& x = plan.flow.flow;
  plan.objective_units = plan.flow.cost;
  plan.objective = static_cast<double>(plan.flow.cost) * net.cost_resolution;

  std::unordered_map<std::string, int> resource_of, region_of;
  for (int i = 0; i < static_cast<int>(s.resources.size()); ++i) resource_of[s.resources[i].id] = i;
  for (int i = 0; i < static_cast<int>(s.regions.size()); ++i) region_of[s.regions[i].id] = i;
  const StaticGraph& g = net.problem.graph;
  auto amount = [&](Flow units, int resource) {
    return static_cast<double>(units) * net.resolution[static_cast<std::size_t>(resource)];
  };
  auto per_unit = [&](WideCost cost_units, int resource) {
    return static_cast<double>(cost_units) * net.cost_resolution /
           net.resolution[static_cast<std::size_t>(resource)];
  };

  // Allocations: follow each pool chain, handing out its offers first in, first out.
  for (std::size_t head = 0; head < net.pools.size(); ++head) {
    if (net.pools[head].previous >= 0) continue;
    std::deque<std::pair<int, Flow>> queue;  // offer, units still to hand out
    for (int p = static_cast<int>(head); p >= 0; p = net.pools[p].next) {
      const Pool& pool = net.pools[p];
      for (ArcId a : g.in_arcs(pool.in)) {
        if (net.arcs[a].kind == ArcKind::kSupply && x[a] > 0)
          queue.emplace_back(net.arcs[a].offer, x[a]);
      }
      auto hand_out = [&](Flow units, const std::function<void(int, Flow)>& take) {
        while (units > 0 && !queue.empty()) {
          const Flow part = std::min(units, queue.front().second);
          take(queue.front().first, part);
          units -= part;
          if ((queue.front().second -= part) == 0) queue.pop_front();
        }
      };
      std::vector<ArcId> serve;
      for (ArcId a : g.out_arcs(pool.out)) {
        if (net.arcs[a].kind == ArcKind::kServe) serve.push_back(a);
        if (net.arcs[a].kind == ArcKind::kRegionCap) {
          for (ArcId b : g.out_arcs(g.head(a))) serve.push_back(b);
        }
      }
      for (ArcId a : serve) {
        if (x[a] == 0) continue;
        const ArcInfo& info = net.arcs[a];
        hand_out(x[a], [&](int offer, Flow units) {
          Allocation al;
          al.offer = offer, al.need = info.need, al.site = pool.site, al.period = info.period;
          al.amount = amount(units, pool.resource);
          al.km = info.km;
          const Offer& o = s.offers[offer];
          // The exact per-unit cost the solver used: handling (supply arc) plus travel (serve).
          WideCost units_cost = net.problem.cost[a];
          for (ArcId sa : g.out_arcs(net.offer_node[offer])) units_cost += net.problem.cost[sa];
          al.unit_cost = per_unit(units_cost, pool.resource);
          al.periods_carried = pool.period - o.period;
          al.periods_late = info.period - s.needs[info.need].period;
          plan.allocations.push_back(al);
        });
      }
      hand_out(x[pool.unused_arc], [](int, Flow) {});
    }
  }

  // Coverage per need and per (region, resource); totals per resource.
  plan.totals.assign(s.resources.size(), {});
  for (std::size_t o = 0; o < s.offers.size(); ++o) {
    plan.totals[resource_of.at(s.offers[o].resource)].offered += s.offers[o].amount;
  }
  for (const Allocation& al : plan.allocations) {
    plan.totals[resource_of.at(s.offers[al.offer].resource)].allocated += al.amount;
  }
  std::map<std::pair<int, int>, RegionCoverage> by_region;
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    const int resource = resource_of.at(s.needs[n].resource);
    Flow short_units = 0;
    for (ArcId a : net.shortfall_arcs[n]) short_units += x[a];
    NeedCoverage c;
    c.need = static_cast<int>(n);
    c.amount = s.needs[n].amount;
    c.unmet = amount(short_units, resource);
    c.met = c.amount - c.unmet;
    c.share = c.amount > 0 ? c.met / c.amount : 1.0;
    plan.coverage.push_back(c);
    RegionCoverage& r = by_region[{region_of.at(s.needs[n].region), resource}];
    r.region = region_of.at(s.needs[n].region), r.resource = resource;
    r.amount += c.amount, r.met += c.met, r.unmet += c.unmet;
    ResourceTotals& t = plan.totals[resource];
    t.needed += c.amount, t.met += c.met, t.unmet += c.unmet;
  }
  for (auto& [key, r] : by_region) {
    r.share = r.amount > 0 ? r.met / r.amount : 1.0;
    plan.region_coverage.push_back(r);
  }
  for (ResourceTotals& t : plan.totals) t.unused = t.offered - t.allocated;

  // Shadow prices from the residual network.
  if (options.shadow_prices) {
    const ProblemView view = net.problem.view();
    const internal::ResidualPaths paths(view, x, plan.flow.potential);
    const auto to_drain = paths.from_or_to(net.drain, true);
    const auto from_drain = paths.from_or_to(net.drain, false);
    const auto from_short = paths.from_or_to(net.shortfall_source, false);
    const auto to_short = paths.from_or_to(net.shortfall_source, true);
    constexpr WideCost kNone = internal::ResidualPaths::kUnreachable;
    auto price = [&](WideCost units, int resource) {
      return units == kNone ? std::numeric_limits<double>::quiet_NaN() : per_unit(units, resource);
    };
    for (std::size_t o = 0; o < s.offers.size(); ++o) {
      const int resource = resource_of.at(s.offers[o].resource);
      const NodeId v = net.offer_node[o];
      const double less = net.offer_units[o] > 0 ? price(from_drain[v], resource)
                                                 : std::numeric_limits<double>::quiet_NaN();
      plan.shadow_prices.push_back({PriceKind::kOffer, static_cast<int>(o), resource,
                                    s.offers[o].period, price(to_drain[v], resource), less});
    }
    for (const Pool& pool : net.pools) {
      if (pool.capacity_arc < 0) continue;
      const ArcId a = pool.capacity_arc;
      const Flow cap = net.problem.upper[a];
      const Cost c = net.problem.cost[a];
      double more = 0, less = 0;
      if (x[a] == cap) {
        WideCost back, around;
        if (pool.next < 0 && pool.previous < 0) {
          // Without carry arcs, the pool's entry node is reached only back from the drain (over
          // its unused arc, when it has supply left) and left only toward the drain, and the
          // searches above already hold those distances: dist(out -> in) is dist(out -> drain)
          // when supply is left (a path through the arc itself only gives the clamp at 0), and
          // dist(in -> out) avoiding the full arc is dist(drain -> out).
          back = x[pool.unused_arc] > 0 ? to_drain[pool.out] : kNone;
          around = from_drain[pool.out];
        } else {
          back = paths.between(pool.out, pool.in, a);
          around = paths.between(pool.in, pool.out, a);
        }
        more = back == kNone ? 0 : per_unit(std::min<WideCost>(0, c + back), pool.resource);
        less = cap == 0 || around == kNone ? std::numeric_limits<double>::quiet_NaN()
                                           : per_unit(around - c, pool.resource);
      }
      plan.shadow_prices.push_back(
          {PriceKind::kSiteCapacity, pool.site, pool.resource, pool.period, more, less});
    }
    for (std::size_t n = 0; n < s.needs.size(); ++n) {
      const int resource = resource_of.at(s.needs[n].resource);
      const NodeId v = net.need_node[n];
      const double less = net.need_units[n] > 0 ? price(to_short[v], resource)
                                                : std::numeric_limits<double>::quiet_NaN();
      plan.shadow_prices.push_back({PriceKind::kNeed, static_cast<int>(n), resource,
                                    s.needs[n].period, price(from_short[v], resource), less});
    }
  }

  // Explanations for every need not fully met.
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    if (plan.coverage[n].unmet > 0) {
      plan.explanations.push_back({static_cast<int>(n), plan.coverage[n].unmet, "", ""});
    }
  }
  {
    // Serve arcs reaching each need (directly or through its late copies).
    auto serve_arcs = [&](std::size_t n) {
      std::vector<ArcId> arcs;
      std::vector<NodeId> stack{net.need_in[n]};
      while (!stack.empty()) {
        const NodeId v = stack.back();
        stack.pop_back();
        for (ArcId a : g.in_arcs(v)) {
          if (net.arcs[a].kind == ArcKind::kServe) arcs.push_back(a);
          if (net.arcs[a].kind == ArcKind::kBacklog) stack.push_back(g.tail(a));
        }
      }
      return arcs;
    };
    auto pool_of_serve = [&](ArcId a) { return net.arcs[a].pool; };
    // Indexes built once for all explanations: sites by id, offers by resource, and the needs
    // each pool served.
    std::unordered_map<std::string, int> site_of;
    for (int i = 0; i < static_cast<int>(s.sites.size()); ++i) site_of[s.sites[i].id] = i;
    std::vector<std::vector<int>> offers_of_resource(s.resources.size());
    for (int o = 0; o < static_cast<int>(s.offers.size()); ++o) {
      offers_of_resource[static_cast<std::size_t>(resource_of.at(s.offers[o].resource))].push_back(
          o);
    }
    std::vector<std::vector<int>> served_by_pool(net.pools.size());
    for (std::size_t a = 0; a < net.arcs.size(); ++a) {
      if (net.arcs[a].kind == ArcKind::kServe && x[a] > 0) {
        served_by_pool[static_cast<std::size_t>(net.arcs[a].pool)].push_back(net.arcs[a].need);
      }
    }
    for (Explanation& e : plan.explanations) {
      const Need& need = s.needs[e.need];
      const int resource = resource_of.at(need.resource);
      const std::string unmet = internal::number_text(e.unmet) + " " + s.resources[resource].unit;
      const auto arcs = serve_arcs(static_cast<std::size_t>(e.need));
      if (offers_of_resource[static_cast<std::size_t>(resource)].empty()) {
        e.reason = "no_offer";
        e.detail = unmet + " unmet: nobody offers \"" + need.resource + "\"";
        continue;
      }
      if (arcs.empty()) {
        // Which rule excluded each offer of the resource: the first that fails.
        std::map<std::string, std::vector<std::string>> excluded;
        const double reach = std::isnan(s.resources[resource].max_travel_km)
                                 ? s.policy.max_travel_km
                                 : s.resources[resource].max_travel_km;
        const int region = region_of.at(need.region);
        double need_lat = s.regions[region].lat, need_lon = s.regions[region].lon;
        if (!need.site.empty()) {
          const Site& site = s.sites[static_cast<std::size_t>(site_of.at(need.site))];
          need_lat = site.lat, need_lon = site.lon;
        }
        for (const int offer : offers_of_resource[static_cast<std::size_t>(resource)]) {
          const Offer& o = s.offers[static_cast<std::size_t>(offer)];
          const bool period_ok = o.period == need.period ||
                                 (o.period < need.period && s.policy.carry_over &&
                                  s.resources[resource].kind == ResourceKind::kFunds &&
                                  std::isinf(o.cap_per_region)) ||
                                 (o.period > need.period && s.policy.backlog);
          std::string rule;
          if (!period_ok) {
            rule = "period";
          } else if (!o.allowed_regions.empty() &&
                     std::find(o.allowed_regions.begin(), o.allowed_regions.end(), need.region) ==
                         o.allowed_regions.end()) {
            rule = "earmarked for other regions";
          } else if (!o.allowed_purposes.empty() &&
                     std::find(o.allowed_purposes.begin(), o.allowed_purposes.end(),
                               need.purpose) == o.allowed_purposes.end()) {
            rule = "earmarked for other purposes";
          } else if (!o.site.empty() && s.resources[resource].kind != ResourceKind::kFunds) {
            const Site& site = s.sites[static_cast<std::size_t>(site_of.at(o.site))];
            const double km = geo::great_circle_km(site.lat, site.lon, need_lat, need_lon);
            rule = km > reach ? "beyond reach (" + internal::number_text(std::round(km)) +
                                    " km, reach " + internal::number_text(reach) + " km)"
                              : "beyond reach (road travel time or nearer sites)";
          } else {
            rule = "not eligible";
          }
          excluded[rule].push_back("\"" + o.id + "\"");
        }
        e.reason = "excluded";
        e.detail = unmet + " unmet: no offer of \"" + need.resource + "\" is eligible: ";
        bool first = true;
        for (const auto& [rule, offers] : excluded) {
          e.detail += (first ? "" : "; ") + rule + ": " + internal::join_names(offers);
          first = false;
        }
        continue;
      }
      // Eligible offers exist: why did they not meet this need? For every eligible pool, what
      // stopped it (a full site, a region cap, nothing left, or nothing: too costly), and which
      // other needs it served instead.
      std::vector<std::string> full_sites, capped, costly, used_up;
      std::vector<int> higher_needs, equal_needs, lower_needs;
      for (ArcId a : arcs) {
        const int p = pool_of_serve(a);
        const Pool& pool = net.pools[p];
        const bool site_full =
            pool.capacity_arc >= 0 && x[pool.capacity_arc] == net.problem.upper[pool.capacity_arc];
        bool region_full = false;
        if (g.tail(a) != pool.out) {  // through a region cap
          for (ArcId b : g.in_arcs(g.tail(a))) {
            if (net.arcs[b].kind == ArcKind::kRegionCap && x[b] == net.problem.upper[b]) {
              region_full = true;
              capped.push_back("\"" + s.offers[net.arcs[b].offer].id + "\"");
            }
          }
        }
        const bool has_spare = x[pool.unused_arc] > 0 || (pool.next >= 0 && x[pool.carry_arc] > 0);
        if (site_full) full_sites.push_back("\"" + s.sites[pool.site].id + "\"");
        if (has_spare && !site_full && !region_full) {
          costly.push_back("\"" + s.offers[pool.earmark_offer].id + "\"");
          continue;
        }
        if (!site_full && !region_full) {
          used_up.push_back("\"" + s.offers[pool.earmark_offer].id + "\"");
        }
        // What the pool could give went to other needs; compare their priorities.
        for (const int other : served_by_pool[static_cast<std::size_t>(p)]) {
          if (other == e.need) continue;
          if (region_full && s.needs[other].region != need.region) continue;
          const double priority = s.needs[other].priority;
          (priority > need.priority    ? higher_needs
           : priority == need.priority ? equal_needs
                                       : lower_needs)
              .push_back(other);
        }
      }
      // The competitors by priority, highest first, named with their priority.
      auto named = [&](std::vector<int>& needs) {
        std::sort(needs.begin(), needs.end());
        needs.erase(std::unique(needs.begin(), needs.end()), needs.end());
        std::stable_sort(needs.begin(), needs.end(),
                         [&](int a, int b) { return s.needs[a].priority > s.needs[b].priority; });
        std::vector<std::string> names;
        for (std::size_t i = 0; i < needs.size(); ++i) {
          names.push_back(i < 3 ? "\"" + s.needs[needs[i]].id + "\" (priority " +
                                      internal::number_text(s.needs[needs[i]].priority) + ")"
                                : std::string());
        }
        return names;
      };
      std::vector<std::string> higher = named(higher_needs), equal = named(equal_needs),
                               lower = named(lower_needs);
      auto unique = [](std::vector<std::string>& v) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
      };
      for (auto* v : {&full_sites, &capped, &costly, &used_up}) unique(*v);
      const std::string sites_note =
          full_sites.empty() ? ""
                             : " (sites at capacity: " + internal::join_names(full_sites) + ")";
      if (!higher.empty()) {
        e.reason = "higher_priority";
        e.detail = unmet + " unmet: the eligible offers went to needs of higher priority: " +
                   internal::join_names(higher) + sites_note;
      } else if (!full_sites.empty()) {
        e.reason = "site_at_capacity";
        e.detail = unmet + " unmet: the eligible sites are at capacity: " +
                   internal::join_names(full_sites);
      } else if (!capped.empty()) {
        e.reason = "region_cap";
        e.detail = unmet + " unmet: offers reached their cap for region \"" + need.region +
                   "\": " + internal::join_names(capped);
      } else if (!equal.empty()) {
        e.reason = "shared";
        e.detail = unmet +
                   " unmet: the eligible offers were shared with needs of equal priority: " +
                   internal::join_names(equal);
      } else if (!lower.empty()) {
        e.reason = "equity_tiers";
        e.detail = unmet +
                   " unmet: the eligible offers met the first units of needs of lower "
                   "priority, which the equity tiers weigh above this need's last units: " +
                   internal::join_names(lower);
      } else if (costly.empty()) {
        e.reason = "used_up";
        e.detail =
            unmet + " unmet: the eligible offers are used up: " + internal::join_names(used_up);
      } else {
        e.reason = "too_costly";
        e.detail = unmet + " unmet: serving it from the eligible offers (" +
                   internal::join_names(costly) +
                   ") would cost more than the penalty for leaving it unmet";
      }
    }
  }

  // Equity.
  {
    std::vector<int> need_region(s.needs.size());
    std::vector<double> need_amount(s.needs.size()), need_share(s.needs.size());
    for (const NeedCoverage& c : plan.coverage) {
      need_region[c.need] = region_of.at(s.needs[c.need].region);
      need_amount[c.need] = c.amount;
      need_share[c.need] = c.share;
    }
    plan.equity = equity_of(s, need_region, need_amount, need_share);
  }
  Equity& eq = plan.equity;
  if (flat_plan.valid()) {
    const FlatPlan flat = flat_plan.get();
    if (flat.flow.optimal()) {
      eq.cost_with_tiers =
          static_cast<double>(internal::flat_cost(net, x, flat.network)) * net.cost_resolution;
      eq.cost_without_tiers = static_cast<double>(flat.flow.cost) * net.cost_resolution;
      eq.price_of_fairness = eq.cost_with_tiers - eq.cost_without_tiers;
    }
  }
  plan.seconds.explain = internal::seconds_since(started);
  return plan;
}

DONORFLOW_INLINE std::string explain(const Scenario& s, const Plan& plan, int need) {
  for (const Explanation& e : plan.explanations) {
    if (e.need == need) return "Need \"" + s.needs[need].id + "\": " + e.detail + ".";
  }
  if (!plan.optimal()) return "Need \"" + s.needs[need].id + "\": no plan: " + plan.message + ".";
  return "Need \"" + s.needs[need].id + "\" is fully met.";
}

}  // namespace donorflow::model
