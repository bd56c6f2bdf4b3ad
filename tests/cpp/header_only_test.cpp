// The whole library used header-only, without linking libdonorflow: every header must compile
// on its own with DONORFLOW_HEADER_ONLY and give the same answer as the compiled library.
#define DONORFLOW_HEADER_ONLY
#include "donorflow/donorflow.hpp"

#include <cstdio>

int main() {
  const auto scenario = donorflow::read_scenario_file(std::string(DONORFLOW_SOURCE_DIR) +
                                                      "/data/examples/homs_partnership.json");
  const auto plan = donorflow::model::solve(scenario);
  const auto check = donorflow::check_certificate(plan.network.problem.view(), plan.flow.flow,
                                                  plan.flow.potential);
  std::printf("%s, objective %.2f, certificate %s\n",
              std::string(donorflow::status_name(plan.status)).c_str(), plan.objective,
              check.ok ? "ok" : check.failure.c_str());
  return plan.optimal() && check.ok ? 0 : 1;
}
