// Solves a two-arc problem through the installed package and checks the answer.
#include <donorflow/donorflow.hpp>

#include <cstdio>
#include <vector>

int main() {
  const std::vector<donorflow::NodeId> tails{0, 0}, heads{1, 1};
  donorflow::MinCostFlowProblem problem{
      donorflow::StaticGraph(2, tails, heads), {}, {3, 10}, {1, 5}, {5, -5}};
  const auto result = donorflow::solve_min_cost_flow(problem.view());
  const auto check = donorflow::check_certificate(problem.view(), result.flow, result.potential);
  std::printf("status %s cost %s certificate %s\n",
              std::string(donorflow::status_name(result.status)).c_str(),
              donorflow::to_string(result.cost).c_str(), check.ok ? "ok" : check.failure.c_str());
  return result.optimal() && result.cost == 3 * 1 + 2 * 5 && check.ok ? 0 : 1;
}
