// Implementation of donorflow/io/plan_files.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <unordered_map>

#include "donorflow/io/json.hpp"
#include "donorflow/io/plan_files.hpp"

namespace donorflow {

namespace detail {

// RFC 4180 CSV into one buffer.
class CsvWriter {
 public:
  explicit CsvWriter(std::initializer_list<const char*> header) {
    for (const char* h : header) text(h);
    end_row();
  }
  CsvWriter& text(std::string_view value) {
    separate();
    if (value.find_first_of(",\"\n\r") == std::string_view::npos) {
      out_ += value;
    } else {
      out_ += '"';
      for (char c : value) {
        if (c == '"') out_ += '"';
        out_ += c;
      }
      out_ += '"';
    }
    return *this;
  }
  CsvWriter& number(double value) {
    separate();
    if (std::isnan(value)) return *this;  // an empty field: no value
    if (value == 0) value = 0;            // no "-0"
    char digits[32];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    return *this;
  }
  CsvWriter& integer(long value) {
    separate();
    out_ += std::to_string(value);
    return *this;
  }
  void end_row() {
    out_ += '\n';
    first_ = true;
  }
  const std::string& str() const { return out_; }

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  std::string out_;
  bool first_ = true;
};

inline double round_to(double value, double digits) {
  const double scale = std::pow(10.0, digits);
  return std::round(value * scale) / scale;
}

}  // namespace detail

DONORFLOW_INLINE std::string plan_summary_json(const model::Scenario& s, const model::Plan& plan,
                                               double read_seconds) {
  using namespace model;
  json::JsonWriter w;
  w.begin_object();
  w.key("status").value(status_name(plan.status));
  if (!plan.message.empty()) w.key("message").value(plan.message);
  w.key("scenario").value(s.name);
  if (plan.optimal()) {
    w.key("objective").value(plan.objective);
    w.key("objective_units").raw(to_string(plan.objective_units));
  } else {
    w.key("objective").null();
  }
  w.key("cost_resolution").value(s.policy.cost_resolution);
  if (!plan.unmet_minimums.empty()) {
    w.key("unmet_minimums").begin_array();
    for (const auto& [need, lacking] : plan.unmet_minimums) {
      w.begin_object()
          .key("need")
          .value(s.needs[need].id)
          .key("lacking")
          .value(lacking)
          .end_object();
    }
    w.end_array();
  }
  if (plan.optimal()) {
    w.key("resources").begin_array();
    for (std::size_t r = 0; r < s.resources.size(); ++r) {
      const ResourceTotals& t = plan.totals[r];
      w.begin_object()
          .key("resource")
          .value(s.resources[r].id)
          .key("unit")
          .value(s.resources[r].unit);
      w.key("offered").value(t.offered).key("allocated").value(t.allocated);
      w.key("unused").value(t.unused).key("needed").value(t.needed);
      w.key("met").value(t.met).key("unmet").value(t.unmet);
      w.end_object();
    }
    w.end_array();
    const Equity& e = plan.equity;
    w.key("equity").begin_object();
    w.key("lowest_share_met").value(e.lowest_share);
    w.key("lowest_region").value(e.lowest_region >= 0 ? s.regions[e.lowest_region].id : "");
    w.key("gini").value(e.gini);
    w.key("share_met_by_deprivation_quintile").begin_array();
    for (double q : e.quintile_share) w.value(q);
    w.end_array();
    w.key("share_met_by_region").begin_object();
    for (std::size_t r = 0; r < s.regions.size(); ++r) {
      if (!std::isnan(e.region_share[r])) w.key(s.regions[r].id).value(e.region_share[r]);
    }
    w.end_object();
    w.key("cost_with_tiers").value(e.cost_with_tiers);
    w.key("cost_without_tiers").value(e.cost_without_tiers);
    w.key("price_of_fairness").value(e.price_of_fairness);
    w.end_object();
  }
  w.key("seconds").begin_object();
  w.key("read").value(read_seconds).key("compile").value(plan.seconds.compile);
  w.key("solve").value(plan.seconds.solve).key("explain").value(plan.seconds.explain);
  w.end_object();
  w.key("network").begin_object();
  w.key("nodes").value(static_cast<std::int64_t>(plan.network.problem.graph.node_count()));
  w.key("arcs").value(static_cast<std::int64_t>(plan.network.problem.graph.arc_count()));
  w.key("algorithm").value(plan.flow.algorithm);
  w.end_object();
  w.end_object();
  return w.str();
}

DONORFLOW_INLINE std::vector<PlanTable> plan_tables_csv(const model::Scenario& s,
                                                        const model::Plan& plan) {
  using namespace model;
  detail::CsvWriter allocations({"offer", "donor", "need", "region", "site", "resource", "period",
                                 "amount", "unit", "unit_cost", "km", "periods_carried",
                                 "periods_late"});
  for (const Allocation& a : plan.allocations) {
    const Offer& o = s.offers[a.offer];
    const Need& n = s.needs[a.need];
    const auto unit = std::find_if(s.resources.begin(), s.resources.end(), [&](const Resource& r) {
                        return r.id == o.resource;
                      })->unit;
    allocations.text(o.id).text(o.donor).text(n.id).text(n.region);
    allocations.text(a.site >= 0 ? s.sites[a.site].id : "").text(o.resource).integer(a.period);
    allocations.number(a.amount).text(unit).number(a.unit_cost).number(detail::round_to(a.km, 3));
    allocations.integer(a.periods_carried).integer(a.periods_late).end_row();
  }
  detail::CsvWriter coverage({"level", "id", "region", "resource", "purpose", "period", "priority",
                              "amount", "met", "unmet", "share_met"});
  for (const NeedCoverage& c : plan.coverage) {
    const Need& n = s.needs[c.need];
    coverage.text("need").text(n.id).text(n.region).text(n.resource).text(n.purpose);
    coverage.integer(n.period).number(n.priority).number(c.amount).number(c.met).number(c.unmet);
    coverage.number(c.share).end_row();
  }
  for (const RegionCoverage& c : plan.region_coverage) {
    coverage.text("region").text(s.regions[c.region].id).text(s.regions[c.region].id);
    coverage.text(s.resources[c.resource].id).text("").text("").text("");
    coverage.number(c.amount).number(c.met).number(c.unmet).number(c.share).end_row();
  }
  detail::CsvWriter prices({"kind", "id", "resource", "period", "one_more", "one_less"});
  for (const ShadowPrice& p : plan.shadow_prices) {
    const std::string& id = p.kind == PriceKind::kOffer  ? s.offers[p.index].id
                            : p.kind == PriceKind::kNeed ? s.needs[p.index].id
                                                         : s.sites[p.index].id;
    prices.text(price_kind_name(p.kind))
        .text(id)
        .text(s.resources[p.resource].id)
        .integer(p.period);
    prices.number(p.one_more).number(p.one_less).end_row();
  }
  detail::CsvWriter explanations({"need", "region", "resource", "unmet", "reason", "detail"});
  for (const Explanation& e : plan.explanations) {
    const Need& n = s.needs[e.need];
    explanations.text(n.id).text(n.region).text(n.resource).number(e.unmet).text(e.reason);
    explanations.text(e.detail).end_row();
  }

  return {{"allocations", allocations.str()},
          {"coverage", coverage.str()},
          {"shadow_prices", prices.str()},
          {"explanations", explanations.str()}};
}

DONORFLOW_INLINE void write_plan_files(const std::string& directory, const model::Scenario& s,
                                       const model::Plan& plan, double read_seconds) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;
  for (PlanTable& table : plan_tables_csv(s, plan)) {
    files.emplace_back(table.name + ".csv", std::move(table.csv));
  }
  files.emplace_back("summary.json", plan_summary_json(s, plan, read_seconds));
  fs::create_directories(directory);
  // Write everything under temporary names first; rename only when all are complete.
  for (const auto& [name, text] : files) {
    const fs::path temporary = fs::path(directory) / ("." + name + ".partial");
    std::ofstream out(temporary, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      for (const auto& [other, unused] : files)
        fs::remove(fs::path(directory) / ("." + other + ".partial"));
      throw std::runtime_error("cannot write " + temporary.string());
    }
  }
  for (const auto& [name, text] : files) {
    fs::rename(fs::path(directory) / ("." + name + ".partial"), fs::path(directory) / name);
  }
}

DONORFLOW_INLINE std::string plan_summary_text(const model::Scenario& s, const model::Plan& plan) {
  using namespace model;
  std::string out;
  char line[4096];
  auto add = [&](const char* format, auto... args) {
    std::snprintf(line, sizeof line, format, args...);
    out += line;
  };
  add("%s\n", s.name.empty() ? "Scenario" : s.name.c_str());
  add("status %s", std::string(status_name(plan.status)).c_str());
  if (!plan.optimal()) {
    add(": %s\n", plan.message.c_str());
    return out;
  }
  add(", objective %.2f (solved exactly in %.4f s, %d arcs)\n\n", plan.objective,
      plan.seconds.solve, static_cast<int>(plan.network.problem.graph.arc_count()));
  add("%-22s %14s %14s %14s %14s %8s\n", "resource", "offered", "needed", "met", "unmet", "met %");
  for (std::size_t r = 0; r < s.resources.size(); ++r) {
    const ResourceTotals& t = plan.totals[r];
    add("%-22s %14.0f %14.0f %14.0f %14.0f %7.1f%%\n", s.resources[r].id.c_str(), t.offered,
        t.needed, t.met, t.unmet, t.needed > 0 ? 100 * t.met / t.needed : 100.0);
  }
  add("\nshare met by region (priority-weighted), most deprived first\n");
  std::vector<int> regions;
  for (std::size_t r = 0; r < s.regions.size(); ++r) {
    if (!std::isnan(plan.equity.region_share[r])) regions.push_back(static_cast<int>(r));
  }
  std::stable_sort(regions.begin(), regions.end(), [&](int a, int b) {
    return s.regions[a].deprivation > s.regions[b].deprivation;
  });
  for (int r : regions) {
    const double share = plan.equity.region_share[r];
    const int bar = static_cast<int>(std::lround(share * 30));
    add("  %-20s deprivation %.2f  %5.1f%%  %s\n", s.regions[r].name.c_str(),
        s.regions[r].deprivation, 100 * share,
        std::string(static_cast<std::size_t>(bar), '#').c_str());
  }
  const Equity& e = plan.equity;
  add("\nequity: lowest regional share %.1f%% (%s), Gini %.3f, price of fairness %.2f\n",
      100 * e.lowest_share, e.lowest_region >= 0 ? s.regions[e.lowest_region].name.c_str() : "-",
      e.gini, e.price_of_fairness);
  std::vector<const Explanation*> largest;
  for (const Explanation& x : plan.explanations) largest.push_back(&x);
  std::stable_sort(largest.begin(), largest.end(),
                   [](const Explanation* a, const Explanation* b) { return a->unmet > b->unmet; });
  if (!largest.empty()) add("\nlargest unmet needs\n");
  for (std::size_t i = 0; i < largest.size() && i < 8; ++i) {
    const Need& n = s.needs[largest[i]->need];
    add("  %-28s %s\n", n.id.c_str(), largest[i]->detail.c_str());
  }
  return out;
}

}  // namespace donorflow
