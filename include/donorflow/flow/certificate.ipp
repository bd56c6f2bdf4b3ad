// Implementation of donorflow/flow/certificate.hpp.
#pragma once

#include <vector>

#include "donorflow/flow/certificate.hpp"

namespace donorflow {

DONORFLOW_INLINE CertificateCheck check_certificate(const ProblemView& problem,
                                                    std::span<const Flow> flow,
                                                    std::span<const Cost> potential) {
  CertificateCheck check;
  if (problem.graph == nullptr) {
    check.failure = "no graph given";
    return check;
  }
  const StaticGraph& g = *problem.graph;
  const ArcId m = g.arc_count();
  const NodeId n = g.node_count();
  if (flow.size() != static_cast<std::size_t>(m) ||
      potential.size() != static_cast<std::size_t>(n)) {
    check.failure = "flow has " + std::to_string(flow.size()) + " entries and potential " +
                    std::to_string(potential.size()) + "; expected " + std::to_string(m) + " and " +
                    std::to_string(n);
    return check;
  }
  auto fail = [&check](std::string why) {
    check.failure = std::move(why);
    return check;
  };
  std::vector<WideCost> net_outflow(static_cast<std::size_t>(n), 0);
  WideCost primal = 0;
  WideCost dual = 0;
  for (ArcId a = 0; a < m; ++a) {
    const NodeId v = g.tail(a);
    const NodeId w = g.head(a);
    const Flow lo = problem.lower_of(a);
    const Flow hi = problem.upper_of(a);
    const Flow x = flow[a];
    const std::string name = "arc " + std::to_string(a);
    if (x < lo || x > hi) {
      return fail(name + ": flow " + std::to_string(x) + " outside its bounds [" +
                  std::to_string(lo) + ", " +
                  (hi == kInfiniteCapacity ? std::string("inf") : std::to_string(hi)) + "]");
    }
    net_outflow[v] += x;
    net_outflow[w] -= x;
    const WideCost c = problem.cost_of(a);
    primal += c * x;
    const WideCost rc = c - potential[v] + potential[w];
    if (rc > 0) {
      if (x != lo) {
        return fail(name + ": reduced cost " + to_string(rc) + " > 0 but flow " +
                    std::to_string(x) + " is above its lower bound " + std::to_string(lo));
      }
      dual += rc * lo;
    } else if (rc < 0) {
      if (x != hi) {
        return fail(name + ": reduced cost " + to_string(rc) + " < 0 but flow " +
                    std::to_string(x) + " is below its upper bound");
      }
      dual += rc * hi;
    }
  }
  for (NodeId v = 0; v < n; ++v) {
    const WideCost b = problem.supply_of(v);
    const WideCost out = net_outflow[v];
    const Cost pi = potential[v];
    const std::string name = "node " + std::to_string(v);
    const std::string balance = ": net outflow " + to_string(out) + ", supply " + to_string(b);
    switch (problem.supply_mode) {
      case SupplyMode::kExact:
        if (out != b) return fail(name + balance + " (must be equal)");
        break;
      case SupplyMode::kSupplyMayRemain:
        if (out > b) return fail(name + balance + " (must not exceed the supply)");
        if (pi > 0) return fail(name + ": potential " + std::to_string(pi) + " must be <= 0");
        if (pi != 0 && out != b) return fail(name + balance + " with nonzero potential");
        break;
      case SupplyMode::kDemandMayRemain:
        if (out < b) return fail(name + balance + " (must not fall below the supply)");
        if (pi < 0) return fail(name + ": potential " + std::to_string(pi) + " must be >= 0");
        if (pi != 0 && out != b) return fail(name + balance + " with nonzero potential");
        break;
    }
    dual += b * pi;
  }
  check.primal_cost = primal;
  check.dual_objective = dual;
  if (primal != dual) {
    return fail("primal cost " + to_string(primal) + " differs from dual objective " +
                to_string(dual));
  }
  check.ok = true;
  return check;
}

}  // namespace donorflow
