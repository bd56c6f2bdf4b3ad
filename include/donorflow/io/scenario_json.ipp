// Implementation of donorflow/io/scenario_json.hpp.
#pragma once

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>

#include "donorflow/io/json.hpp"
#include "donorflow/io/scenario_json.hpp"

namespace donorflow {

namespace detail {

using json::Type;
using json::Value;
using model::ScenarioError;

// Reads the fields of one row (a JSON object), naming table, row and field in every error.
class RowReader {
 public:
  RowReader(const Value& row, std::string table, long index, const std::string& source)
      : row_(row), table_(std::move(table)), index_(index), source_(source) {
    if (row.type != Type::kObject)
      fail(row.line, "", "must be an object, not " + std::string(json::type_name(row.type)));
    if (const Value* id = row.find("id"); id && id->type == Type::kString) id_ = id->string;
  }

  [[noreturn]] void fail(long line, const std::string& field, const std::string& message) const {
    throw ScenarioError(table_, index_, id_, field, message, source_, line);
  }

  const Value* get(const char* field, Type type) {
    seen_.push_back(field);
    const Value* v = row_.find(field);
    if (v == nullptr || v->is_null()) return nullptr;
    if (v->type != type) {
      fail(v->line, field,
           "must be " + std::string(json::type_name(type)) + ", not " +
               std::string(json::type_name(v->type)));
    }
    return v;
  }
  const Value& require(const char* field, Type type) {
    const Value* v = get(field, type);
    if (v == nullptr) fail(row_.line, field, "is missing");
    return *v;
  }
  std::string text(const char* field, bool required = false, std::string fallback = {}) {
    if (required) return require(field, Type::kString).string;
    const Value* v = get(field, Type::kString);
    return v ? v->string : fallback;
  }
  double number(const char* field, bool required = false, double fallback = 0) {
    if (required) return require(field, Type::kNumber).number;
    const Value* v = get(field, Type::kNumber);
    return v ? v->number : fallback;
  }
  int integer(const char* field, int fallback) {
    const Value* v = get(field, Type::kNumber);
    if (v == nullptr) return fallback;
    if (v->number != std::floor(v->number) || std::abs(v->number) > 1e6) {
      fail(v->line, field,
           "must be a whole number, not " + json::escape(std::to_string(v->number)));
    }
    return static_cast<int>(v->number);
  }
  bool flag(const char* field, bool fallback) {
    const Value* v = get(field, Type::kBool);
    return v ? v->boolean : fallback;
  }
  std::vector<std::string> texts(const char* field) {
    std::vector<std::string> out;
    const Value* v = get(field, Type::kArray);
    if (v == nullptr) return out;
    for (const Value& item : v->array) {
      if (item.type != Type::kString) fail(item.line, field, "must hold strings only");
      out.push_back(item.string);
    }
    return out;
  }
  // After reading a row: any field not asked for is a mistake.
  void finish() const {
    for (const auto& [name, value] : row_.object) {
      if (std::find(seen_.begin(), seen_.end(), name) == seen_.end()) {
        fail(value.line, name, "is not a field of " + table_ + " (misspelt?)");
      }
    }
  }
  long line() const { return row_.line; }

 private:
  const Value& row_;
  std::string table_;
  long index_;
  std::string id_;
  const std::string& source_;
  std::vector<std::string> seen_;
};

template <class Row, class ReadRow>
std::vector<Row> read_table(const Value& document, const char* table, const std::string& source,
                            std::map<std::pair<std::string, long>, long>& lines, ReadRow&& read_row,
                            const Value* container = nullptr, const char* member = nullptr) {
  std::vector<Row> rows;
  const Value& parent = container ? *container : document;
  const Value* array = parent.find(member ? member : table);
  if (array == nullptr || array->is_null()) return rows;
  if (array->type != Type::kArray) {
    throw ScenarioError(table, -1, "", "", "must be an array of rows", source, array->line);
  }
  for (long i = 0; i < static_cast<long>(array->array.size()); ++i) {
    RowReader reader(array->array[i], table, i, source);
    rows.push_back(read_row(reader));
    reader.finish();
    lines[{table, i}] = reader.line();
  }
  return rows;
}

}  // namespace detail

DONORFLOW_INLINE model::Scenario parse_scenario(std::string_view text, const std::string& source) {
  using namespace model;
  using detail::RowReader;
  using json::Type;
  const json::Value doc = json::parse(text, source);
  std::map<std::pair<std::string, long>, long> lines;
  if (doc.type != Type::kObject) {
    throw ScenarioError("scenario", -1, "", "", "must be a JSON object", source, doc.line);
  }
  Scenario s;
  {
    RowReader top(doc, "scenario", -1, source);
    const std::string format = top.text("format", true);
    if (format != kScenarioFormat) {
      top.fail(doc.find("format")->line, "format",
               "is \"" + format + "\"; this version of donorflow reads \"" +
                   std::string(kScenarioFormat) + "\"");
    }
    s.name = top.text("name");
    s.description = top.text("description");
    for (const char* table : {"resources", "regions", "sites", "offers", "needs"})
      top.get(table, Type::kArray);
    top.get("policy", Type::kObject);
    top.get("roads", Type::kObject);
    top.finish();
  }

  s.resources = detail::read_table<Resource>(doc, "resources", source, lines, [](RowReader& r) {
    Resource x;
    x.id = r.text("id", true);
    x.unit = r.text("unit", false, "unit");
    const std::string kind = r.text("kind", true);
    const auto parsed = parse_resource_kind(kind);
    if (!parsed) r.fail(r.line(), "kind", "is \"" + kind + "\"; expected funds, service or staff");
    x.kind = *parsed;
    x.resolution = r.number("resolution", false, 1);
    x.unmet_cost = r.number("unmet_cost", false, std::numeric_limits<double>::quiet_NaN());
    x.max_travel_km = r.number("max_travel_km", false, std::numeric_limits<double>::quiet_NaN());
    return x;
  });
  s.regions = detail::read_table<Region>(doc, "regions", source, lines, [](RowReader& r) {
    Region x;
    x.id = r.text("id", true);
    x.name = r.text("name", false, x.id);
    x.lat = r.number("lat", true);
    x.lon = r.number("lon", true);
    x.population = r.number("population", false, 0);
    x.deprivation = r.number("deprivation", false, 0);
    return x;
  });
  s.sites = detail::read_table<Site>(doc, "sites", source, lines, [&](RowReader& r) {
    Site x;
    x.id = r.text("id", true);
    x.name = r.text("name", false, x.id);
    x.region = r.text("region", true);
    x.lat = r.number("lat", true);
    x.lon = r.number("lon", true);
    if (const json::Value* caps = r.get("capacity", Type::kArray)) {
      for (const json::Value& c : caps->array) {
        const std::string at = "capacity[" + std::to_string(x.capacity.size()) + "]";
        if (c.type != Type::kObject) r.fail(c.line, at, "must be an object");
        SiteCapacity cap;
        for (const auto& [name, value] : c.object) {
          if (name == "resource" && value.type == Type::kString) {
            cap.resource = value.string;
          } else if (name == "period" && value.type == Type::kNumber &&
                     value.number == std::floor(value.number) && std::abs(value.number) <= 1e6) {
            cap.period = static_cast<int>(value.number);
          } else if (name == "amount" && value.type == Type::kNumber) {
            cap.amount = value.number;
          } else {
            r.fail(value.line, at + "." + name,
                   "is not a field of a capacity, or has the wrong type (expected resource: "
                   "string, period: whole number, amount: number)");
          }
        }
        if (cap.resource.empty()) r.fail(c.line, at + ".resource", "is missing");
        if (c.find("amount") == nullptr) r.fail(c.line, at + ".amount", "is missing");
        x.capacity.push_back(cap);
      }
    }
    return x;
  });
  s.offers = detail::read_table<Offer>(doc, "offers", source, lines, [](RowReader& r) {
    Offer x;
    x.id = r.text("id", true);
    x.donor = r.text("donor", true);
    x.resource = r.text("resource", true);
    x.amount = r.number("amount", true);
    x.period = r.integer("period", 1);
    x.site = r.text("site");
    x.allowed_regions = r.texts("allowed_regions");
    x.allowed_purposes = r.texts("allowed_purposes");
    x.cap_per_region = r.number("cap_per_region", false, kUnlimited);
    x.unit_cost = r.number("unit_cost", false, 0);
    return x;
  });
  s.needs = detail::read_table<Need>(doc, "needs", source, lines, [](RowReader& r) {
    Need x;
    x.id = r.text("id", true);
    x.region = r.text("region", true);
    x.site = r.text("site");
    x.resource = r.text("resource", true);
    x.purpose = r.text("purpose");
    x.amount = r.number("amount", true);
    x.period = r.integer("period", 1);
    x.priority = r.number("priority", false, 1);
    x.min_share = r.number("min_share", false, 0);
    return x;
  });
  if (const json::Value* policy = doc.find("policy"); policy && !policy->is_null()) {
    RowReader r(*policy, "policy", -1, source);
    Policy& p = s.policy;
    if (const json::Value* tiers = r.get("equity_tiers", Type::kArray)) {
      p.equity_tiers.clear();
      for (const json::Value& t : tiers->array) {
        RowReader tier(t, "policy.equity_tiers", static_cast<long>(p.equity_tiers.size()), source);
        EquityTier e;
        e.share = tier.number("share", true);
        e.weight = tier.number("weight", true);
        tier.finish();
        p.equity_tiers.push_back(e);
      }
    }
    p.unmet_cost = r.number("unmet_cost", false, p.unmet_cost);
    p.travel_cost_per_km = r.number("travel_cost_per_km", false, p.travel_cost_per_km);
    p.max_travel_km = r.number("max_travel_km", false, p.max_travel_km);
    p.max_travel_minutes = r.number("max_travel_minutes", false, p.max_travel_minutes);
    p.nearest_sites = r.integer("nearest_sites", p.nearest_sites);
    p.carry_over = r.flag("carry_over", p.carry_over);
    p.carry_over_cost = r.number("carry_over_cost", false, p.carry_over_cost);
    p.backlog = r.flag("backlog", p.backlog);
    p.backlog_cost = r.number("backlog_cost", false, p.backlog_cost);
    p.cost_resolution = r.number("cost_resolution", false, p.cost_resolution);
    r.finish();
    lines[{"policy", -1}] = policy->line;
  }
  if (const json::Value* roads = doc.find("roads"); roads && !roads->is_null()) {
    RowReader r(*roads, "roads", -1, source);
    r.get("nodes", Type::kArray);
    r.get("edges", Type::kArray);
    r.finish();
    s.road_nodes = detail::read_table<RoadNode>(
        doc, "roads.nodes", source, lines,
        [](RowReader& row) {
          RoadNode x;
          x.id = row.text("id", true);
          x.lat = row.number("lat", true);
          x.lon = row.number("lon", true);
          return x;
        },
        roads, "nodes");
    s.road_edges = detail::read_table<RoadEdge>(
        doc, "roads.edges", source, lines,
        [](RowReader& row) {
          RoadEdge x;
          x.from = row.text("from", true);
          x.to = row.text("to", true);
          x.minutes = row.number("minutes", true);
          x.two_way = row.flag("two_way", true);
          return x;
        },
        roads, "edges");
  }

  try {
    validate(s);
  } catch (const ScenarioError& e) {
    const auto it = lines.find({e.table(), e.row()});
    throw ScenarioError(e.table(), e.row(), e.id(), e.field(), e.message(), source,
                        it == lines.end() ? doc.line : it->second);
  }
  return s;
}

DONORFLOW_INLINE model::Scenario read_scenario_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw model::ScenarioError("scenario", -1, "", "", "cannot open the file", path, 0);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_scenario(text, path);
}

DONORFLOW_INLINE std::string scenario_to_json(const model::Scenario& s) {
  using namespace model;
  json::JsonWriter w;
  auto optional_number = [&](const char* key, double value) {
    if (std::isfinite(value)) w.key(key).value(value);
  };
  auto strings = [&](const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    w.key(key).begin_array();
    for (const auto& v : values) w.value(v);
    w.end_array();
  };
  w.begin_object();
  w.key("format").value(kScenarioFormat);
  if (!s.name.empty()) w.key("name").value(s.name);
  if (!s.description.empty()) w.key("description").value(s.description);
  w.key("resources").begin_array();
  for (const Resource& x : s.resources) {
    w.begin_object().key("id").value(x.id).key("unit").value(x.unit);
    w.key("kind").value(resource_kind_name(x.kind));
    if (x.resolution != 1) w.key("resolution").value(x.resolution);
    optional_number("unmet_cost", x.unmet_cost);
    optional_number("max_travel_km", x.max_travel_km);
    w.end_object();
  }
  w.end_array();
  w.key("regions").begin_array();
  for (const Region& x : s.regions) {
    w.begin_object().key("id").value(x.id).key("name").value(x.name);
    w.key("lat").value(x.lat).key("lon").value(x.lon);
    w.key("population").value(x.population).key("deprivation").value(x.deprivation);
    w.end_object();
  }
  w.end_array();
  w.key("sites").begin_array();
  for (const Site& x : s.sites) {
    w.begin_object().key("id").value(x.id).key("name").value(x.name).key("region").value(x.region);
    w.key("lat").value(x.lat).key("lon").value(x.lon);
    if (!x.capacity.empty()) {
      w.key("capacity").begin_array();
      for (const SiteCapacity& c : x.capacity) {
        w.begin_object().key("resource").value(c.resource).key("period").value(c.period);
        w.key("amount").value(c.amount).end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.key("offers").begin_array();
  for (const Offer& x : s.offers) {
    w.begin_object().key("id").value(x.id).key("donor").value(x.donor);
    w.key("resource").value(x.resource).key("amount").value(x.amount).key("period").value(x.period);
    if (!x.site.empty()) w.key("site").value(x.site);
    strings("allowed_regions", x.allowed_regions);
    strings("allowed_purposes", x.allowed_purposes);
    optional_number("cap_per_region", x.cap_per_region);
    if (x.unit_cost != 0) w.key("unit_cost").value(x.unit_cost);
    w.end_object();
  }
  w.end_array();
  w.key("needs").begin_array();
  for (const Need& x : s.needs) {
    w.begin_object().key("id").value(x.id).key("region").value(x.region);
    if (!x.site.empty()) w.key("site").value(x.site);
    w.key("resource").value(x.resource);
    if (!x.purpose.empty()) w.key("purpose").value(x.purpose);
    w.key("amount").value(x.amount).key("period").value(x.period).key("priority").value(x.priority);
    if (x.min_share != 0) w.key("min_share").value(x.min_share);
    w.end_object();
  }
  w.end_array();
  const Policy& p = s.policy;
  w.key("policy").begin_object();
  w.key("equity_tiers").begin_array();
  for (const EquityTier& t : p.equity_tiers) {
    w.begin_object().key("share").value(t.share).key("weight").value(t.weight).end_object();
  }
  w.end_array();
  w.key("unmet_cost").value(p.unmet_cost);
  w.key("travel_cost_per_km").value(p.travel_cost_per_km);
  optional_number("max_travel_km", p.max_travel_km);
  optional_number("max_travel_minutes", p.max_travel_minutes);
  if (p.nearest_sites > 0) w.key("nearest_sites").value(p.nearest_sites);
  w.key("carry_over").value(p.carry_over).key("carry_over_cost").value(p.carry_over_cost);
  w.key("backlog").value(p.backlog).key("backlog_cost").value(p.backlog_cost);
  w.key("cost_resolution").value(p.cost_resolution);
  w.end_object();
  if (!s.road_nodes.empty()) {
    w.key("roads").begin_object().key("nodes").begin_array();
    for (const RoadNode& x : s.road_nodes) {
      w.begin_object()
          .key("id")
          .value(x.id)
          .key("lat")
          .value(x.lat)
          .key("lon")
          .value(x.lon)
          .end_object();
    }
    w.end_array().key("edges").begin_array();
    for (const RoadEdge& x : s.road_edges) {
      w.begin_object().key("from").value(x.from).key("to").value(x.to);
      w.key("minutes").value(x.minutes).key("two_way").value(x.two_way).end_object();
    }
    w.end_array().end_object();
  }
  w.end_object();
  return w.str();
}

}  // namespace donorflow
