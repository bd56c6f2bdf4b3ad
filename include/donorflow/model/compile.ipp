// Implementation of donorflow/model/compile.hpp.
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "donorflow/model/compile.hpp"
#include "donorflow/model/geo.hpp"
#include "donorflow/model/roads.hpp"

namespace donorflow::model {

DONORFLOW_INLINE std::string_view arc_kind_name(ArcKind kind) {
  switch (kind) {
    case ArcKind::kSupply:
      return "supply";
    case ArcKind::kSiteCapacity:
      return "site_capacity";
    case ArcKind::kRegionCap:
      return "region_cap";
    case ArcKind::kServe:
      return "serve";
    case ArcKind::kCarry:
      return "carry";
    case ArcKind::kBacklog:
      return "backlog";
    case ArcKind::kMinShare:
      return "min_share";
    case ArcKind::kShortfall:
      return "shortfall";
    case ArcKind::kUnused:
      return "unused";
    case ArcKind::kSurplus:
      return "surplus";
  }
  return "unknown";
}

namespace internal {

// Accumulates nodes and arcs, then hands them over as a problem.
struct NetworkBuilder {
  std::vector<NodeId> tails, heads;
  std::vector<Flow> lower, upper;
  std::vector<Cost> cost;
  std::vector<Flow> supply;
  std::vector<ArcInfo> info;

  NodeId node(Flow b = 0) {
    supply.push_back(b);
    return static_cast<NodeId>(supply.size() - 1);
  }
  ArcId arc(NodeId t, NodeId h, Flow lo, Flow hi, Cost c, const ArcInfo& i) {
    tails.push_back(t), heads.push_back(h), lower.push_back(lo), upper.push_back(hi);
    cost.push_back(c), info.push_back(i);
    return static_cast<ArcId>(tails.size() - 1);
  }
};

inline std::string earmark_key(const Offer& offer) {
  if (!std::isinf(offer.cap_per_region)) return "offer\x1f" + offer.id;  // its cap is its own
  std::vector<std::string> regions = offer.allowed_regions, purposes = offer.allowed_purposes;
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  std::sort(purposes.begin(), purposes.end());
  purposes.erase(std::unique(purposes.begin(), purposes.end()), purposes.end());
  std::string key = "regions";
  for (const auto& r : regions) key += "\x1f" + r;
  key += "\x1epurposes";
  for (const auto& p : purposes) key += "\x1f" + p;
  return key;
}

}  // namespace internal

DONORFLOW_INLINE Flow amount_units(double amount, double resolution) {
  return static_cast<Flow>(std::llround(amount / resolution));
}

DONORFLOW_INLINE Cost cost_units(double per_resource_unit, double resolution,
                                 double cost_resolution, const char* field) {
  const double value = per_resource_unit * resolution / cost_resolution;
  if (!(std::abs(value) < 1e15)) {
    throw ScenarioError("policy", -1, "", field,
                        "gives a cost of " + std::to_string(value) +
                            " units of cost_resolution per unit: too large to add up exactly; "
                            "raise policy.cost_resolution");
  }
  return static_cast<Cost>(std::llround(value));
}

DONORFLOW_INLINE void tier_capacities(const std::vector<EquityTier>& tiers, Flow units,
                                      std::vector<Flow>& capacity) {
  capacity.assign(tiers.size(), 0);
  double cumulative = 0;
  Flow start = 0;
  for (std::size_t k = 0; k < tiers.size(); ++k) {
    cumulative += tiers[k].share;
    const Flow end =
        k + 1 == tiers.size()
            ? units
            : std::min(units,
                       static_cast<Flow>(std::llround(cumulative * static_cast<double>(units))));
    capacity[k] = end - start;
    start = end;
  }
  // The costliest tier (the first units) takes whatever the cheaper tiers cannot; it is never
  // used beyond its share, since a need draws exactly its amount in all.
  if (!capacity.empty()) capacity[0] = kInfiniteCapacity;
}

DONORFLOW_INLINE CompiledNetwork compile(const Scenario& s, const CompileOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const Policy& policy = s.policy;
  CompiledNetwork net;
  net.cost_resolution = policy.cost_resolution;

  std::unordered_map<std::string, int> resource_of, region_of, site_of;
  for (int i = 0; i < static_cast<int>(s.resources.size()); ++i) resource_of[s.resources[i].id] = i;
  for (int i = 0; i < static_cast<int>(s.regions.size()); ++i) region_of[s.regions[i].id] = i;
  for (int i = 0; i < static_cast<int>(s.sites.size()); ++i) site_of[s.sites[i].id] = i;
  for (const Resource& r : s.resources) net.resolution.push_back(r.resolution);

  auto units = [&](double amount, int resource) {
    return amount_units(amount, net.resolution[resource]);
  };
  auto scaled_cost = [&](double per_resource_unit, int resource, const char* field) {
    return cost_units(per_resource_unit, net.resolution[resource], policy.cost_resolution, field);
  };
  auto is_mobile = [&](int resource) {  // services and staff travel; funds do not
    return s.resources[resource].kind != ResourceKind::kFunds;
  };
  auto reach_km = [&](int resource) {
    const double own = s.resources[resource].max_travel_km;
    return std::isnan(own) ? policy.max_travel_km : own;
  };
  auto unmet_cost = [&](int resource) {
    const double own = s.resources[resource].unmet_cost;
    return std::isnan(own) ? policy.unmet_cost : own;
  };

  int last_period = 1;
  for (const Offer& o : s.offers) last_period = std::max(last_period, o.period);
  for (const Need& n : s.needs) last_period = std::max(last_period, n.period);
  net.last_period = last_period;

  internal::NetworkBuilder b;
  net.shortfall_source = b.node();
  net.drain = b.node();

  // Offers and their pools.
  net.offer_node.resize(s.offers.size());
  net.offer_units.resize(s.offers.size());
  std::map<std::string, int> pool_of_key;
  auto pool_key = [](const Offer& o, int period) {
    return o.site + "\x1d" + o.resource + "\x1d" + std::to_string(period) + "\x1d" +
           internal::earmark_key(o);
  };
  auto find_or_add_pool = [&](const Offer& o, int offer_index, int period) {
    const auto [it, added] =
        pool_of_key.emplace(pool_key(o, period), static_cast<int>(net.pools.size()));
    if (added) {
      Pool p;
      p.site = o.site.empty() ? -1 : site_of.at(o.site);
      p.resource = resource_of.at(o.resource);
      p.period = period;
      p.earmark_offer = offer_index;
      net.pools.push_back(p);
    }
    return it->second;
  };
  for (int o = 0; o < static_cast<int>(s.offers.size()); ++o) {
    const Offer& offer = s.offers[o];
    const int resource = resource_of.at(offer.resource);
    net.offer_units[o] = units(offer.amount, resource);
    net.offer_node[o] = b.node(net.offer_units[o]);
    const int pool = find_or_add_pool(offer, o, offer.period);
    net.pools[pool].offers.push_back(o);
  }
  // Carry chains: funds pools continue, empty, into every later period.
  if (policy.carry_over) {
    const std::size_t first_pools = net.pools.size();
    for (std::size_t p = 0; p < first_pools; ++p) {
      const Offer& o = s.offers[net.pools[p].earmark_offer];
      if (s.resources[net.pools[p].resource].kind != ResourceKind::kFunds) continue;
      if (!std::isinf(o.cap_per_region)) continue;  // a per-region cap binds in its own period
      int current = static_cast<int>(p);
      for (int t = net.pools[p].period + 1; t <= last_period; ++t) {
        const int next = find_or_add_pool(o, net.pools[p].earmark_offer, t);
        if (net.pools[current].next >= 0) break;  // the chain from here on exists already
        net.pools[current].next = next;
        net.pools[next].previous = current;
        current = next;
      }
    }
  }

  // Site capacities per (site, resource, period).
  std::map<std::tuple<int, int, int>, Flow> capacity;
  for (int site = 0; site < static_cast<int>(s.sites.size()); ++site) {
    for (const SiteCapacity& c : s.sites[site].capacity) {
      const int resource = resource_of.at(c.resource);
      capacity[{site, resource, c.period}] = units(c.amount, resource);
    }
  }
  std::map<std::tuple<int, int, int>, int> capacitated_pool;
  for (int p = 0; p < static_cast<int>(net.pools.size()); ++p) {
    Pool& pool = net.pools[p];
    pool.in = pool.out = b.node();
    if (pool.site < 0) continue;
    const auto key = std::make_tuple(pool.site, pool.resource, pool.period);
    const auto cap = capacity.find(key);
    if (cap == capacity.end()) continue;
    const auto [other, first] = capacitated_pool.emplace(key, p);
    if (!first) {
      // Pools carried into a later period hold no offers of their own: name the offer whose
      // earmarks they have.
      const int offer = pool.earmark_offer;
      throw ScenarioError(
          "offers", offer, s.offers[offer].id, "site",
          "site \"" + s.sites[pool.site].id + "\" has a capacity for \"" +
              s.resources[pool.resource].id + "\" in period " + std::to_string(pool.period) +
              " and hosts offers with different earmarks (\"" +
              s.offers[net.pools[other->second].earmark_offer].id + "\" and \"" +
              s.offers[offer].id +
              "\"); one capacity cannot be shared among differently earmarked offers in a flow "
              "network: give the offers the same earmarks, or split the capacity between sites");
    }
    pool.out = b.node();
    ArcInfo info{ArcKind::kSiteCapacity};
    info.pool = p;
    info.period = static_cast<std::int16_t>(pool.period);
    pool.capacity_arc = b.arc(pool.in, pool.out, 0, cap->second, 0, info);
  }
  for (int p = 0; p < static_cast<int>(net.pools.size()); ++p) {
    Pool& pool = net.pools[p];
    for (int o : pool.offers) {
      ArcInfo info{ArcKind::kSupply};
      info.pool = p, info.offer = o, info.period = static_cast<std::int16_t>(pool.period);
      const Cost c = options.minimum_share_violations
                         ? 0
                         : scaled_cost(s.offers[o].unit_cost, pool.resource, "offers.unit_cost");
      b.arc(net.offer_node[o], pool.in, 0, kInfiniteCapacity, c, info);
    }
    ArcInfo unused{ArcKind::kUnused};
    unused.pool = p, unused.period = static_cast<std::int16_t>(pool.period);
    pool.unused_arc = b.arc(pool.in, net.drain, 0, kInfiniteCapacity, 0, unused);
  }
  for (int p = 0; p < static_cast<int>(net.pools.size()); ++p) {
    Pool& pool = net.pools[p];
    if (pool.next < 0) continue;
    ArcInfo info{ArcKind::kCarry};
    info.pool = p, info.period = static_cast<std::int16_t>(pool.period);
    const Cost c = options.minimum_share_violations
                       ? 0
                       : scaled_cost(policy.carry_over_cost, pool.resource, "carry_over_cost");
    pool.carry_arc = b.arc(pool.in, net.pools[pool.next].in, 0, kInfiniteCapacity, c, info);
  }

  // Candidate pools per (resource, period): those without a site, and those at a site with a
  // spatial index over the sites' positions.
  struct Candidates {
    std::vector<int> unsited;
    std::vector<int> sited;
    std::unique_ptr<geo::PointIndex> index;
  };
  std::map<std::pair<int, int>, Candidates> candidates;
  for (int p = 0; p < static_cast<int>(net.pools.size()); ++p) {
    Candidates& c = candidates[{net.pools[p].resource, net.pools[p].period}];
    (net.pools[p].site < 0 ? c.unsited : c.sited).push_back(p);
  }
  for (auto& [key, c] : candidates) {
    std::vector<double> lats, lons;
    for (int p : c.sited) {
      lats.push_back(s.sites[net.pools[p].site].lat);
      lons.push_back(s.sites[net.pools[p].site].lon);
    }
    c.index = std::make_unique<geo::PointIndex>(lats, lons);
  }
  RoadNetwork roads;
  if (!s.road_nodes.empty()) roads = RoadNetwork(s.road_nodes, s.road_edges);
  std::unordered_map<int, std::vector<double>> minutes_from_site;
  auto road_minutes = [&](int site, int road_node) {
    auto it = minutes_from_site.find(site);
    if (it == minutes_from_site.end()) {
      it = minutes_from_site
               .emplace(site, roads.minutes_from(roads.snap(s.sites[site].lat, s.sites[site].lon)))
               .first;
    }
    return it->second[static_cast<std::size_t>(road_node)];
  };
  auto earmarks_allow = [&](int pool, const Need& need) {
    const Offer& o = s.offers[net.pools[pool].earmark_offer];
    const bool region_ok =
        o.allowed_regions.empty() || std::find(o.allowed_regions.begin(), o.allowed_regions.end(),
                                               need.region) != o.allowed_regions.end();
    const bool purpose_ok = o.allowed_purposes.empty() ||
                            std::find(o.allowed_purposes.begin(), o.allowed_purposes.end(),
                                      need.purpose) != o.allowed_purposes.end();
    return region_ok && purpose_ok;
  };
  // Region nodes of pools whose offer caps what one region receives.
  std::map<std::pair<int, int>, NodeId> region_node;
  auto serve_from = [&](int pool, int region) {
    const Offer& o = s.offers[net.pools[pool].earmark_offer];
    if (std::isinf(o.cap_per_region)) return net.pools[pool].out;
    const auto [it, added] = region_node.emplace(std::make_pair(pool, region), -1);
    if (added) {
      it->second = b.node();
      ArcInfo info{ArcKind::kRegionCap};
      info.pool = pool, info.region = region, info.offer = net.pools[pool].earmark_offer;
      info.period = static_cast<std::int16_t>(net.pools[pool].period);
      b.arc(net.pools[pool].out, it->second, 0, units(o.cap_per_region, net.pools[pool].resource),
            0, info);
    }
    return it->second;
  };

  // Needs.
  const std::size_t need_count = s.needs.size();
  net.need_node.resize(need_count);
  net.need_in.resize(need_count);
  net.need_units.resize(need_count);
  net.min_units.assign(need_count, 0);
  net.min_share_arc.assign(need_count, -1);
  net.violation_arc.assign(need_count, -1);
  net.shortfall_arcs.resize(need_count);
  Flow total_need = 0, total_offer = 0;
  for (Flow u : net.offer_units) total_offer += u;
  const std::vector<EquityTier> tiers =
      options.flat_tiers ? std::vector<EquityTier>{{1, 1}} : policy.equity_tiers;
  std::vector<Flow> tier_capacity;
  for (int n = 0; n < static_cast<int>(need_count); ++n) {
    const Need& need = s.needs[n];
    const int resource = resource_of.at(need.resource);
    const int region = region_of.at(need.region);
    const Flow d = units(need.amount, resource);
    net.need_units[n] = d;
    total_need += d;
    net.need_node[n] = b.node(-d);
    net.need_in[n] = net.need_node[n];
    const Flow m = static_cast<Flow>(std::ceil(need.min_share * static_cast<double>(d) - 1e-9));
    net.min_units[n] = m;
    if (m > 0) {
      net.need_in[n] = b.node();
      ArcInfo info{ArcKind::kMinShare};
      info.need = n, info.region = region, info.period = static_cast<std::int16_t>(need.period);
      const Flow lo = options.minimum_share_violations ? 0 : m;
      net.min_share_arc[n] =
          b.arc(net.need_in[n], net.need_node[n], lo, kInfiniteCapacity, 0, info);
    }
    // Shortfall tiers, from the first units of the need (costliest) to the last.
    ArcInfo shortfall{ArcKind::kShortfall};
    shortfall.need = n, shortfall.region = region;
    shortfall.period = static_cast<std::int16_t>(need.period);
    if (options.minimum_share_violations) {
      // One uncosted arc for what may stay unmet, and one costing 1 per unit of minimum missed.
      shortfall.tier = 0;
      net.shortfall_arcs[n].push_back(
          b.arc(net.shortfall_source, net.need_node[n], 0, std::max<Flow>(0, d - m), 0, shortfall));
      if (m > 0) {
        shortfall.tier = -2;
        net.violation_arc[n] = b.arc(net.shortfall_source, net.need_in[n], 0, m, 1, shortfall);
      }
    } else {
      const double base = need.priority * unmet_cost(resource);
      tier_capacities(tiers, d, tier_capacity);
      for (std::size_t k = 0; k < tiers.size(); ++k) {
        if (tier_capacity[k] <= 0 && k > 0 && !options.keep_empty_tiers) continue;
        shortfall.tier = static_cast<std::int16_t>(k);
        net.shortfall_arcs[n].push_back(
            b.arc(net.shortfall_source, net.need_node[n], 0, tier_capacity[k],
                  scaled_cost(base * tiers[k].weight, resource, "unmet_cost"), shortfall));
      }
    }

    // The need in its own period, then late copies reached over backlog arcs.
    std::vector<std::pair<int, NodeId>> copies{{need.period, net.need_in[n]}};
    if (policy.backlog) {
      for (int t = need.period + 1; t <= last_period; ++t) {
        const NodeId late = b.node();
        ArcInfo info{ArcKind::kBacklog};
        info.need = n, info.region = region, info.period = static_cast<std::int16_t>(t);
        const Cost c = options.minimum_share_violations
                           ? 0
                           : scaled_cost(policy.backlog_cost, resource, "backlog_cost");
        b.arc(late, copies.back().second, 0, kInfiniteCapacity, c, info);
        copies.emplace_back(t, late);
      }
    }

    const double need_lat =
        need.site.empty() ? s.regions[region].lat : s.sites[site_of.at(need.site)].lat;
    const double need_lon =
        need.site.empty() ? s.regions[region].lon : s.sites[site_of.at(need.site)].lon;
    const bool mobile = is_mobile(resource);
    const double radius = mobile ? reach_km(resource) : kUnlimited;
    const bool by_road = mobile && !roads.empty();
    const int need_road_node = by_road ? roads.snap(need_lat, need_lon) : -1;
    for (const auto& [period, target] : copies) {
      const auto found = candidates.find({resource, period});
      if (found == candidates.end()) continue;
      const Candidates& c = found->second;
      auto add_serve = [&](int pool, double km) {
        ArcInfo info{ArcKind::kServe};
        info.pool = pool, info.need = n, info.region = region;
        info.period = static_cast<std::int16_t>(period), info.km = static_cast<float>(km);
        const Cost travel =
            mobile && !options.minimum_share_violations
                ? scaled_cost(km * policy.travel_cost_per_km, resource, "travel_cost_per_km")
                : 0;
        b.arc(serve_from(pool, region), target, 0, kInfiniteCapacity, travel, info);
      };
      for (int pool : c.unsited) {
        if (earmarks_allow(pool, need)) add_serve(pool, 0);
      }
      if (c.sited.empty()) continue;
      // Nearest first; stop after `nearest_sites` distinct sites when that policy is set. With
      // that limit, only a growing number of nearest candidates is examined, not every site in
      // reach.
      const bool limited = mobile && policy.nearest_sites > 0;
      std::vector<std::pair<int, double>> chosen;
      for (int k = 2 * policy.nearest_sites;; k *= 2) {
        const auto near = limited ? c.index->nearest(need_lat, need_lon, k, radius)
                                  : c.index->within(need_lat, need_lon, radius);
        chosen.clear();
        std::unordered_set<int> sites_taken;
        for (const auto& [i, km] : near) {
          const int pool = c.sited[static_cast<std::size_t>(i)];
          if (!earmarks_allow(pool, need)) continue;
          const int site = net.pools[pool].site;
          if (by_road && !(road_minutes(site, need_road_node) <= policy.max_travel_minutes))
            continue;
          if (limited && !sites_taken.contains(site)) {
            if (static_cast<int>(sites_taken.size()) == policy.nearest_sites) continue;
            sites_taken.insert(site);
          }
          chosen.emplace_back(pool, mobile ? km : 0);
        }
        const bool exhausted = !limited || static_cast<int>(near.size()) < k ||
                               static_cast<int>(sites_taken.size()) == policy.nearest_sites;
        if (exhausted) break;
      }
      for (const auto& [pool, km] : chosen) add_serve(pool, km);
    }
  }

  b.supply[net.shortfall_source] = total_need;
  b.supply[net.drain] = -total_offer;
  ArcInfo surplus{ArcKind::kSurplus};
  b.arc(net.shortfall_source, net.drain, 0, kInfiniteCapacity, 0, surplus);

  net.problem.graph = StaticGraph(static_cast<NodeId>(b.supply.size()), b.tails, b.heads);
  net.problem.lower = std::move(b.lower);
  net.problem.upper = std::move(b.upper);
  net.problem.cost = std::move(b.cost);
  net.problem.supply = std::move(b.supply);
  net.arcs = std::move(b.info);
  net.compile_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return net;
}

}  // namespace donorflow::model
