// donorflow/io/plan_files.hpp: a plan as files and as a readable summary.
//
// write_plan_files(dir, scenario, plan) writes, creating `dir` if needed:
//   allocations.csv    offer, donor, need, region, site, resource, period, amount, unit,
//                      unit_cost, km, periods_carried, periods_late
//   coverage.csv       level (need | region), id, region, resource, purpose, period, priority,
//                      amount, met, unmet, share_met; region rows total one resource in a region
//   shadow_prices.csv  kind (offer | site_capacity | need), id, resource, period, one_more,
//                      one_less: the change of the objective, in cost units, with one unit more
//                      or less (empty where impossible)
//   explanations.csv   need, region, resource, unmet, reason, detail
//   summary.json       status, objective, totals per resource, equity, timings
// Each file is written to a temporary name and renamed into place only when all five are
// complete, so a failure never leaves a half-written plan behind.
#pragma once

#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/model/plan.hpp"

namespace donorflow {

// One table of a plan as CSV text; `name` is the file name without ".csv".
struct PlanTable {
  std::string name;
  std::string csv;
};

// The four tables, in the order above: exactly what write_plan_files() writes, and what the
// Python package reads into DataFrames, so that both always agree.
std::vector<PlanTable> plan_tables_csv(const model::Scenario& scenario, const model::Plan& plan);
void write_plan_files(const std::string& directory, const model::Scenario& scenario,
                      const model::Plan& plan, double read_seconds = 0);
std::string plan_summary_json(const model::Scenario& scenario, const model::Plan& plan,
                              double read_seconds = 0);
// A summary a program officer can read: totals, coverage by region, largest unmet needs.
std::string plan_summary_text(const model::Scenario& scenario, const model::Plan& plan);

}  // namespace donorflow

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/io/plan_files.ipp"
#endif
