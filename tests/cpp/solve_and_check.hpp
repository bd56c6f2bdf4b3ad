// Test helper: solve with every algorithm and check the certificate of each answer.
#pragma once

#include <gtest/gtest.h>

#include "donorflow/flow/certificate.hpp"
#include "donorflow/flow/min_cost_flow.hpp"

namespace donorflow::testing {

// Every algorithm a test must exercise; `auto` is covered by the algorithms it dispatches to.
inline constexpr Algorithm kAllAlgorithms[] = {Algorithm::kNetworkSimplex, Algorithm::kCostScaling};

// Solves with `algorithm`, and when the answer is optimal, checks its certificate independently.
inline MinCostFlowResult solve_checked(const ProblemView& problem, Algorithm algorithm) {
  MinCostFlowResult result = solve_min_cost_flow(problem, algorithm);
  if (result.optimal()) {
    const CertificateCheck check = check_certificate(problem, result.flow, result.potential);
    EXPECT_TRUE(check.ok) << algorithm_name(algorithm) << ": " << check.failure;
    EXPECT_EQ(to_string(check.primal_cost), to_string(result.cost));
  }
  return result;
}

}  // namespace donorflow::testing
