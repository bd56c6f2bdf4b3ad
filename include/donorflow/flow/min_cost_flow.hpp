// donorflow/flow/min_cost_flow.hpp: one entry point for every min-cost flow algorithm.
//
// `solve_min_cost_flow(problem, algorithm)` validates the problem, runs the chosen algorithm and
// returns flows, potentials and the exact cost. `Algorithm::kAuto` picks the algorithm from the
// instance; today it always picks network simplex, the one exact algorithm donorflow ships so
// far (cost scaling is planned and will join the automatic choice with the measurements that
// justify the rule).
#pragma once

#include <optional>
#include <string_view>

#include "donorflow/flow/cost_scaling.hpp"
#include "donorflow/flow/network_simplex.hpp"
#include "donorflow/flow/problem.hpp"

namespace donorflow {

enum class Algorithm { kAuto, kNetworkSimplex, kCostScaling };

inline constexpr std::string_view algorithm_name(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kAuto:
      return "auto";
    case Algorithm::kNetworkSimplex:
      return "network-simplex";
    case Algorithm::kCostScaling:
      return "cost-scaling";
  }
  return "unknown";
}

// The algorithm with this name, or nothing if no algorithm has it.
inline std::optional<Algorithm> parse_algorithm(std::string_view name) {
  for (Algorithm a : {Algorithm::kAuto, Algorithm::kNetworkSimplex, Algorithm::kCostScaling}) {
    if (algorithm_name(a) == name) return a;
  }
  return std::nullopt;
}

inline MinCostFlowResult solve_min_cost_flow(const ProblemView& problem,
                                             Algorithm algorithm = Algorithm::kAuto) {
  switch (algorithm) {
    case Algorithm::kAuto:
    case Algorithm::kNetworkSimplex:
      return solve_network_simplex(problem);
    case Algorithm::kCostScaling:
      return solve_cost_scaling(problem);
  }
  return solve_network_simplex(problem);
}

}  // namespace donorflow
