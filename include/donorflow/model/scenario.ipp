// Implementation of donorflow/model/scenario.hpp.
#pragma once

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "donorflow/flow/types.hpp"
#include "donorflow/model/scenario.hpp"

namespace donorflow::model {

DONORFLOW_INLINE std::string_view resource_kind_name(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::kFunds:
      return "funds";
    case ResourceKind::kService:
      return "service";
    case ResourceKind::kStaff:
      return "staff";
  }
  return "unknown";
}

DONORFLOW_INLINE std::optional<ResourceKind> parse_resource_kind(std::string_view name) {
  for (ResourceKind k : {ResourceKind::kFunds, ResourceKind::kService, ResourceKind::kStaff}) {
    if (resource_kind_name(k) == name) return k;
  }
  return std::nullopt;
}

namespace internal {

// Checks that ids in one table are present and unique; returns id -> row.
template <class Row>
std::unordered_map<std::string, long> index_ids(const std::vector<Row>& rows, const char* table) {
  std::unordered_map<std::string, long> index;
  for (long r = 0; r < static_cast<long>(rows.size()); ++r) {
    const std::string& id = rows[r].id;
    if (id.empty()) throw ScenarioError(table, r, "", "id", "is empty");
    const auto [it, inserted] = index.emplace(id, r);
    if (!inserted) {
      throw ScenarioError(table, r, id, "id",
                          "duplicates the id of row " + std::to_string(it->second));
    }
  }
  return index;
}

}  // namespace internal

DONORFLOW_INLINE void validate(const Scenario& s) {
  const auto resources = internal::index_ids(s.resources, "resources");
  const auto regions = internal::index_ids(s.regions, "regions");
  const auto sites = internal::index_ids(s.sites, "sites");
  internal::index_ids(s.offers, "offers");
  internal::index_ids(s.needs, "needs");

  // Amounts are scaled to integers; keep every scaled total far below 64-bit limits.
  constexpr double kMaxUnits = 1e15;
  auto check_number = [](const char* table, long row, const std::string& id,
                         const std::string& field, double value, double lo, double hi) {
    if (!std::isfinite(value)) throw ScenarioError(table, row, id, field, "is not a finite number");
    if (value < lo || value > hi) {
      throw ScenarioError(table, row, id, field,
                          "is " + std::to_string(value) + ", outside " + std::to_string(lo) + ".." +
                              std::to_string(hi));
    }
  };
  auto check_amount = [&](const char* table, long row, const std::string& id,
                          const std::string& field, double amount, const std::string& resource_id) {
    if (std::isnan(amount)) throw ScenarioError(table, row, id, field, "is not a number");
    if (amount < 0) throw ScenarioError(table, row, id, field, "is negative");
    if (std::isinf(amount)) throw ScenarioError(table, row, id, field, "is infinite");
    const Resource& resource = s.resources[resources.at(resource_id)];
    const double units = amount / resource.resolution;
    if (units > kMaxUnits) {
      throw ScenarioError(table, row, id, field,
                          "is beyond 10^15 units of resolution " +
                              std::to_string(resource.resolution) +
                              ": too large for exact 64-bit sums");
    }
    if (std::abs(units - std::round(units)) > 1e-9 * std::max(1.0, units)) {
      throw ScenarioError(table, row, id, field,
                          "is " + std::to_string(amount) + ", not a whole multiple of resource \"" +
                              resource_id + "\"'s resolution " +
                              std::to_string(resource.resolution));
    }
  };
  auto check_reference = [](const char* table, long row, const std::string& id,
                            const std::string& field, const std::string& ref, const auto& index,
                            const char* target) {
    if (!index.contains(ref)) {
      throw ScenarioError(
          table, row, id, field,
          "names " + std::string(target) + " \"" + ref + "\", which does not exist");
    }
  };

  // Periods are whole numbers from 1; the network holds a node per need and later period when
  // needs may be served late, so their count is bounded.
  constexpr int kMaxPeriod = 1000;
  auto check_period = [](const char* table, long row, const std::string& id,
                         const std::string& field, int period) {
    if (period < 1 || period > kMaxPeriod) {
      throw ScenarioError(
          table, row, id, field,
          "is " + std::to_string(period) + ", outside 1.." + std::to_string(kMaxPeriod));
    }
  };
  for (long r = 0; r < static_cast<long>(s.resources.size()); ++r) {
    const Resource& x = s.resources[r];
    if (!(x.resolution > 0) || !std::isfinite(x.resolution)) {
      throw ScenarioError("resources", r, x.id, "resolution", "must be a positive number");
    }
    if (!std::isnan(x.unmet_cost))
      check_number("resources", r, x.id, "unmet_cost", x.unmet_cost, 0, 1e12);
    if (!std::isnan(x.max_travel_km) && !(x.max_travel_km >= 0)) {
      throw ScenarioError("resources", r, x.id, "max_travel_km", "must be a non-negative number");
    }
  }
  for (long r = 0; r < static_cast<long>(s.regions.size()); ++r) {
    const Region& x = s.regions[r];
    check_number("regions", r, x.id, "lat", x.lat, -90, 90);
    check_number("regions", r, x.id, "lon", x.lon, -180, 180);
    check_number("regions", r, x.id, "population", x.population, 0, 1e12);
    check_number("regions", r, x.id, "deprivation", x.deprivation, 0, 1);
  }
  for (long r = 0; r < static_cast<long>(s.sites.size()); ++r) {
    const Site& x = s.sites[r];
    check_reference("sites", r, x.id, "region", x.region, regions, "region");
    check_number("sites", r, x.id, "lat", x.lat, -90, 90);
    check_number("sites", r, x.id, "lon", x.lon, -180, 180);
    std::unordered_set<std::string> seen;
    for (std::size_t k = 0; k < x.capacity.size(); ++k) {
      // "capacity[k].field" names the capacity within the site, so that callers that keep
      // capacities in a table of their own (the Python package) can point at its row.
      const SiteCapacity& c = x.capacity[k];
      const std::string at = "capacity[" + std::to_string(k) + "]";
      check_reference("sites", r, x.id, at + ".resource", c.resource, resources, "resource");
      check_amount("sites", r, x.id, at + ".amount", c.amount, c.resource);
      check_period("sites", r, x.id, at + ".period", c.period);
      if (!seen.insert(c.resource + "\n" + std::to_string(c.period)).second) {
        throw ScenarioError("sites", r, x.id, at,
                            "gives resource \"" + c.resource + "\" in period " +
                                std::to_string(c.period) + " twice");
      }
    }
  }
  for (long r = 0; r < static_cast<long>(s.offers.size()); ++r) {
    const Offer& x = s.offers[r];
    if (x.donor.empty()) throw ScenarioError("offers", r, x.id, "donor", "is empty");
    check_reference("offers", r, x.id, "resource", x.resource, resources, "resource");
    check_amount("offers", r, x.id, "amount", x.amount, x.resource);
    check_period("offers", r, x.id, "period", x.period);
    if (!x.site.empty()) check_reference("offers", r, x.id, "site", x.site, sites, "site");
    const ResourceKind kind = s.resources[resources.at(x.resource)].kind;
    if (kind == ResourceKind::kStaff && x.site.empty()) {
      throw ScenarioError("offers", r, x.id, "site",
                          "is required for staff, who travel from the site that offers them");
    }
    for (const std::string& region : x.allowed_regions) {
      check_reference("offers", r, x.id, "allowed_regions", region, regions, "region");
    }
    if (!std::isinf(x.cap_per_region)) {
      check_amount("offers", r, x.id, "cap_per_region", x.cap_per_region, x.resource);
    }
    check_number("offers", r, x.id, "unit_cost", x.unit_cost, 0, 1e12);
  }
  for (long r = 0; r < static_cast<long>(s.needs.size()); ++r) {
    const Need& x = s.needs[r];
    check_reference("needs", r, x.id, "region", x.region, regions, "region");
    if (!x.site.empty()) {
      check_reference("needs", r, x.id, "site", x.site, sites, "site");
      const Site& site = s.sites[sites.at(x.site)];
      if (site.region != x.region) {
        throw ScenarioError("needs", r, x.id, "site",
                            "names site \"" + x.site + "\" in region \"" + site.region +
                                "\", but the need is in region \"" + x.region + "\"");
      }
    }
    check_reference("needs", r, x.id, "resource", x.resource, resources, "resource");
    check_amount("needs", r, x.id, "amount", x.amount, x.resource);
    check_period("needs", r, x.id, "period", x.period);
    check_number("needs", r, x.id, "priority", x.priority, 1e-9, 1e6);
    check_number("needs", r, x.id, "min_share", x.min_share, 0, 1);
  }

  const Policy& p = s.policy;
  if (p.equity_tiers.empty()) throw ScenarioError("policy", -1, "", "equity_tiers", "is empty");
  double total_share = 0;
  for (std::size_t t = 0; t < p.equity_tiers.size(); ++t) {
    const EquityTier& tier = p.equity_tiers[t];
    const std::string field = "equity_tiers[" + std::to_string(t) + "]";
    if (!(tier.share > 0 && tier.share <= 1)) {
      throw ScenarioError("policy", -1, "", field + ".share", "must be in (0, 1]");
    }
    if (!(tier.weight > 0) || !std::isfinite(tier.weight)) {
      throw ScenarioError("policy", -1, "", field + ".weight", "must be a positive number");
    }
    if (t > 0 && tier.weight > p.equity_tiers[t - 1].weight) {
      throw ScenarioError("policy", -1, "", field + ".weight",
                          "exceeds the weight of the tier before it: tiers run from the first "
                          "units of a need to the last, with weights that do not increase");
    }
    total_share += tier.share;
  }
  if (std::abs(total_share - 1) > 1e-9) {
    throw ScenarioError("policy", -1, "", "equity_tiers",
                        "shares sum to " + std::to_string(total_share) + ", not 1");
  }
  check_number("policy", -1, "", "unmet_cost", p.unmet_cost, 0, 1e12);
  check_number("policy", -1, "", "travel_cost_per_km", p.travel_cost_per_km, 0, 1e9);
  if (std::isnan(p.max_travel_km) || p.max_travel_km < 0) {
    throw ScenarioError("policy", -1, "", "max_travel_km", "must be a non-negative number");
  }
  if (std::isnan(p.max_travel_minutes) || p.max_travel_minutes < 0) {
    throw ScenarioError("policy", -1, "", "max_travel_minutes", "must be a non-negative number");
  }
  if (!std::isinf(p.max_travel_minutes) && s.road_nodes.empty()) {
    throw ScenarioError("policy", -1, "", "max_travel_minutes",
                        "needs a road network (roads.nodes and roads.edges)");
  }
  if (p.nearest_sites < 0) {
    throw ScenarioError("policy", -1, "", "nearest_sites", "must be 0 (all) or positive");
  }
  check_number("policy", -1, "", "carry_over_cost", p.carry_over_cost, 0, 1e12);
  if (p.backlog) {
    // Each need gets one node per later period: keep that within reach of memory.
    int last = 1;
    for (const Offer& o : s.offers) last = std::max(last, o.period);
    for (const Need& n : s.needs) last = std::max(last, n.period);
    double late_copies = 0;
    for (const Need& n : s.needs) late_copies += last - n.period;
    if (late_copies > 2e7) {
      throw ScenarioError("policy", -1, "", "backlog",
                          "would give needs " +
                              std::to_string(static_cast<long long>(late_copies)) +
                              " late copies across periods (at most 20,000,000): use fewer "
                              "periods or turn backlog off");
    }
  }
  check_number("policy", -1, "", "backlog_cost", p.backlog_cost, 0, 1e12);
  if (!(p.cost_resolution > 0) || !std::isfinite(p.cost_resolution)) {
    throw ScenarioError("policy", -1, "", "cost_resolution", "must be a positive number");
  }

  const auto road_index = internal::index_ids(s.road_nodes, "roads.nodes");
  for (long r = 0; r < static_cast<long>(s.road_nodes.size()); ++r) {
    check_number("roads.nodes", r, s.road_nodes[r].id, "lat", s.road_nodes[r].lat, -90, 90);
    check_number("roads.nodes", r, s.road_nodes[r].id, "lon", s.road_nodes[r].lon, -180, 180);
  }
  for (long r = 0; r < static_cast<long>(s.road_edges.size()); ++r) {
    const RoadEdge& e = s.road_edges[r];
    check_reference("roads.edges", r, "", "from", e.from, road_index, "road node");
    check_reference("roads.edges", r, "", "to", e.to, road_index, "road node");
    check_number("roads.edges", r, "", "minutes", e.minutes, 0, 1e9);
  }
}

}  // namespace donorflow::model
