// donorflow/model/scenario.hpp: the allocation model's tables and their validation.
//
// A scenario describes who gives what and who needs what, in six tables and a policy:
//
//   resources  what is given and needed: id, unit, kind (funds | service | staff), resolution
//   regions    areas: id, name, lat, lon, population, deprivation (0..1, higher is poorer)
//   sites      clinics and hospitals: id, region, lat, lon, capacity per resource and period
//   offers     what a donor gives: id, donor, resource, amount, period, optionally the site where
//              it is delivered, earmarks (allowed regions, allowed purposes, a cap per region)
//              and a handling cost per unit
//   needs      id, region, optionally a site, resource, purpose, amount, period, priority (> 0),
//              optionally a minimum share that must be met
//   policy     equity tiers, travel cost per km and the farthest a patient travels, the cost of
//              one unmet unit, carry-over of unused funds and backlog of unmet needs, and the
//              resolution to which real costs are rounded
//   roads      (optional) a road network whose travel times decide reach instead of distance
//
// Flow never converts one resource into another: a need is met only by offers of its resource.
// Amounts are real numbers in the resource's unit, but must be whole multiples of the resource's
// `resolution` (default 1), because the solver is exact on integers; docs/model.md explains.
//
// `validate(scenario)` checks every table and throws ScenarioError naming the table, the row (its
// position and id) and the field. Nothing is compiled or solved until the whole scenario passes.
#pragma once

#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"

namespace donorflow::model {

inline constexpr double kUnlimited = std::numeric_limits<double>::infinity();

enum class ResourceKind { kFunds, kService, kStaff };

std::string_view resource_kind_name(ResourceKind kind);
std::optional<ResourceKind> parse_resource_kind(std::string_view name);

struct Resource {
  std::string id;
  std::string unit;
  ResourceKind kind = ResourceKind::kFunds;
  double resolution = 1;  // amounts are whole multiples of this
  // Optional overrides of the policy for this resource (NaN: use the policy's value).
  double unmet_cost = std::numeric_limits<double>::quiet_NaN();
  double max_travel_km = std::numeric_limits<double>::quiet_NaN();
};

struct Region {
  std::string id;
  std::string name;
  double lat = 0, lon = 0;
  double population = 0;
  double deprivation = 0;  // 0..1, higher is poorer
};

struct SiteCapacity {
  std::string resource;
  int period = 1;
  double amount = 0;
};

struct Site {
  std::string id;
  std::string name;
  std::string region;
  double lat = 0, lon = 0;
  std::vector<SiteCapacity> capacity;  // a resource and period not listed is unlimited
};

struct Offer {
  std::string id;
  std::string donor;
  std::string resource;
  double amount = 0;
  int period = 1;
  std::string site;                           // empty: not bound to a site (typically funds)
  std::vector<std::string> allowed_regions;   // empty: any region
  std::vector<std::string> allowed_purposes;  // empty: any purpose
  double cap_per_region = kUnlimited;         // most that one region may receive
  double unit_cost = 0;                       // handling cost per unit given
};

struct Need {
  std::string id;
  std::string region;
  std::string site;  // empty: the need is located at its region
  std::string resource;
  std::string purpose;
  double amount = 0;
  int period = 1;
  double priority = 1;
  double min_share = 0;  // 0..1: this share must be met or the scenario is infeasible
};

// One slice of every need: `share` of its amount, whose unmet units cost `weight` times the base
// penalty. Tiers are listed from the first units of a need to the last, with shares summing to 1
// and weights not increasing, so the shortfall penalty is convex: leaving a need's first units
// unmet costs more than its last, and coverage spreads across needs of equal priority.
struct EquityTier {
  double share = 1;
  double weight = 1;
};

struct Policy {
  std::vector<EquityTier> equity_tiers{{0.5, 4}, {0.3, 2}, {0.2, 1}};
  double unmet_cost = 1000;                // cost of one unmet unit at priority 1 and weight 1
  double travel_cost_per_km = 1;           // per unit of a service or staff resource
  double max_travel_km = kUnlimited;       // reach by great-circle distance
  double max_travel_minutes = kUnlimited;  // reach by road travel time (needs roads)
  int nearest_sites = 0;                   // > 0: only this many nearest reachable sites per need
  bool carry_over = false;                 // unused funds pass to the next period
  double carry_over_cost = 0;              // per unit and period carried
  bool backlog = false;                    // a need may be met in a later period
  double backlog_cost = 0;                 // per unit and period late
  double cost_resolution = 0.01;           // real costs are rounded to multiples of this
};

struct RoadNode {
  std::string id;
  double lat = 0, lon = 0;
};

struct RoadEdge {
  std::string from, to;
  double minutes = 0;
  bool two_way = true;
};

struct Scenario {
  std::string name;
  std::string description;
  std::vector<Resource> resources;
  std::vector<Region> regions;
  std::vector<Site> sites;
  std::vector<Offer> offers;
  std::vector<Need> needs;
  Policy policy;
  std::vector<RoadNode> road_nodes;
  std::vector<RoadEdge> road_edges;
};

// An error in a scenario, naming where it is. `row` counts from 0; `line` is the line in the
// scenario file when the scenario was read from one (0 otherwise).
class ScenarioError : public std::runtime_error {
 public:
  ScenarioError(std::string table, long row, std::string id, std::string field,
                const std::string& message, std::string source = {}, long line = 0)
      : std::runtime_error(describe(table, row, id, field, message, source, line)),
        table_(std::move(table)),
        row_(row),
        id_(std::move(id)),
        field_(std::move(field)),
        message_(message) {}

  const std::string& table() const { return table_; }
  long row() const { return row_; }
  const std::string& id() const { return id_; }
  const std::string& field() const { return field_; }
  const std::string& message() const { return message_; }

 private:
  static std::string describe(const std::string& table, long row, const std::string& id,
                              const std::string& field, const std::string& message,
                              const std::string& source, long line) {
    std::string where;
    if (!source.empty()) where = source + ":" + std::to_string(line) + ": ";
    where += table;
    if (row >= 0) {
      where += " row " + std::to_string(row);
      if (!id.empty()) where += " (id \"" + id + "\")";
    }
    if (!field.empty()) where += ", field \"" + field + "\"";
    return where + ": " + message;
  }

  std::string table_;
  long row_;
  std::string id_;
  std::string field_;
  std::string message_;
};

// Checks every table; throws ScenarioError at the first problem. (The JSON reader adds the file
// and line to the error: io/scenario_json.hpp.)
void validate(const Scenario& scenario);

}  // namespace donorflow::model

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/model/scenario.ipp"
#endif
