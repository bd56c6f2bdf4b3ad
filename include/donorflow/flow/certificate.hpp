// donorflow/flow/certificate.hpp: an independent proof that a flow is optimal.
//
// A solver's answer is a flow x and node potentials pi. Linear programming duality makes the
// pair a certificate: x is optimal if and only if
//   1. x is feasible: l(a) <= x(a) <= u(a) on every arc, and every node's net outflow meets its
//      supply as the supply mode requires (problem.hpp);
//   2. complementary slackness holds for the reduced costs rc(a) = c(a) - pi(tail) + pi(head):
//      rc(a) > 0 only where x(a) = l(a), rc(a) < 0 only where x(a) = u(a) (a finite bound);
//   3. in the relaxed modes the potentials have the right sign (pi <= 0 for kSupplyMayRemain,
//      pi >= 0 for kDemandMayRemain) and are zero at every node whose row is not tight.
// Then the primal cost sum c(a) x(a) equals the dual objective
//   sum_v b(v) pi(v) + sum_{rc(a) > 0} rc(a) l(a) + sum_{rc(a) < 0} rc(a) u(a),
// which the checker also computes, in 128-bit arithmetic, as an arithmetic cross-check.
//
// The checker shares no code with any solver: it reads only the problem and the two arrays, so a
// solver bug cannot hide in it. It runs in O(n + m) time.
#pragma once

#include <span>
#include <string>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/problem.hpp"

namespace donorflow {

struct CertificateCheck {
  bool ok = false;
  std::string failure;  // the first violated condition, naming the arc or node
  WideCost primal_cost = 0;
  WideCost dual_objective = 0;
};

CertificateCheck check_certificate(const ProblemView& problem, std::span<const Flow> flow,
                                   std::span<const Cost> potential);

}  // namespace donorflow

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/flow/certificate.ipp"
#endif
