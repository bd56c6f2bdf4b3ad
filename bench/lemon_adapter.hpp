// bench/lemon_adapter.hpp: a problem solved by LEMON 1.3's NetworkSimplex or CostScaling.
//
// LEMON 1.3 predates C++20 (its maps call allocator members that C++20 removed), so the peer
// lives in its own C++17 translation unit, lemon_adapter.cpp, behind this header that speaks
// plain arrays. The LEMON graph and maps are built once, in the constructor, outside any timing;
// solve() then times what a LEMON user pays for one solve: constructing the algorithm object,
// handing it the maps, and run(). The objective is summed in 128 bits from LEMON's flows, so it
// compares exactly with donorflow's.
#pragma once

#include <cstdint>
#include <memory>

namespace donorflow::bench {

struct PeerRun {
  enum class Outcome { kOptimal, kInfeasible, kUnbounded } outcome = Outcome::kInfeasible;
  __int128 cost = 0;
  double seconds = 0;
};

class LemonProblem {
 public:
  // Arc a goes from tails[a] to heads[a] (0-based); null lower means all zero.
  LemonProblem(std::int32_t nodes, std::int32_t arcs, const std::int32_t* tails,
               const std::int32_t* heads, const std::int64_t* lower, const std::int64_t* upper,
               const std::int64_t* cost, const std::int64_t* supply);
  ~LemonProblem();
  LemonProblem(const LemonProblem&) = delete;
  LemonProblem& operator=(const LemonProblem&) = delete;

  PeerRun network_simplex() const;
  PeerRun cost_scaling() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace donorflow::bench
