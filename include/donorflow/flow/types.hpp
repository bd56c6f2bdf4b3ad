// donorflow/flow/types.hpp: the numbers, statuses and modes every min-cost flow solver shares.
//
// Flows, capacities, supplies and costs are 64-bit integers: the solvers are exact on integers,
// and the allocation model scales real-valued costs to integers with a stated resolution before
// it reaches them. An upper bound of `kInfiniteCapacity` means "no upper bound". The total cost of
// a flow can exceed 64 bits even when every term fits, so it is accumulated and reported as a
// 128-bit integer (`WideCost`).
//
// Every solver returns one `Status`. The failures carry a paragraph each below that tells the user
// how to recover; `status_name()` gives the stable upper-case name that the command line prints.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace donorflow {

using NodeId = std::int32_t;
using ArcId = std::int32_t;
using Flow = std::int64_t;
using Cost = std::int64_t;
using WideCost = __int128;

// An upper bound with this value is treated as infinite.
inline constexpr Flow kInfiniteCapacity = std::numeric_limits<Flow>::max();

// The largest absolute value the solvers accept for a cost, a bound or a supply. Keeping inputs
// below 2^60 leaves the headroom that the big-M start of network simplex and the residual
// arithmetic need, so that no intermediate value can overflow 64 bits.
inline constexpr std::int64_t kMaxMagnitude = std::int64_t{1} << 60;

enum class Status {
  // The flow is optimal and the potentials prove it (see flow/certificate.hpp).
  kOptimal,
  // No flow satisfies the bounds and the supplies. Check that total supply can reach total demand
  // through arcs of enough capacity; in the allocation model, relax hard minimum shares. With
  // SupplyMode::kExact, consider kSupplyMayRemain or kDemandMayRemain if either side may stay
  // partly unused.
  kInfeasible,
  // A cycle of negative total cost has infinite capacity, so the cost decreases without bound.
  // Give one of the arcs on such a cycle a finite upper bound, or make its cost non-negative.
  kUnbounded,
  // With SupplyMode::kExact the supplies must sum to zero and they do not. Either fix the
  // supplies, or choose a mode in which supply or demand may remain.
  kUnbalanced,
  // An arc's lower bound exceeds its upper bound, a bound is infinite where it must be finite, or
  // an arc names a node that does not exist. The message names the arc.
  kBadInput,
  // A cost, bound or supply exceeds kMaxMagnitude in absolute value, or the sums the solver must
  // form (total supply plus finite capacities; nodes times the largest cost) would not fit in 64
  // bits. Rescale the costs (the allocation model's cost resolution) or the amounts.
  kOverflow,
  // No solve has run yet.
  kNotSolved,
};

inline constexpr std::string_view status_name(Status status) {
  switch (status) {
    case Status::kOptimal:
      return "OPTIMAL";
    case Status::kInfeasible:
      return "INFEASIBLE";
    case Status::kUnbounded:
      return "UNBOUNDED";
    case Status::kUnbalanced:
      return "UNBALANCED";
    case Status::kBadInput:
      return "BAD_INPUT";
    case Status::kOverflow:
      return "OVERFLOW";
    case Status::kNotSolved:
      return "NOT_SOLVED";
  }
  return "UNKNOWN";
}

// How the supplies constrain the net outflow (outflow minus inflow) of each node u.
enum class SupplyMode {
  // net_outflow(u) == supply(u) for every node; the supplies must sum to zero.
  kExact,
  // net_outflow(u) <= supply(u): every demand is met exactly or more, supply may stay unused.
  // Feasible only if the supplies sum to zero or more. (LEMON calls this LEQ.)
  kSupplyMayRemain,
  // net_outflow(u) >= supply(u): every supply is shipped, demand may stay unmet. Feasible only if
  // the supplies sum to zero or less. (LEMON calls this GEQ.)
  kDemandMayRemain,
};

inline constexpr std::string_view supply_mode_name(SupplyMode mode) {
  switch (mode) {
    case SupplyMode::kExact:
      return "exact";
    case SupplyMode::kSupplyMayRemain:
      return "supply-may-remain";
    case SupplyMode::kDemandMayRemain:
      return "demand-may-remain";
  }
  return "unknown";
}

// Decimal text of a 128-bit integer (the standard library has no formatter for it).
inline std::string to_string(WideCost value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  // Work on the magnitude in unsigned arithmetic so that the most negative value is handled.
  unsigned __int128 magnitude = negative ? static_cast<unsigned __int128>(-(value + 1)) + 1
                                         : static_cast<unsigned __int128>(value);
  std::string digits;
  while (magnitude > 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  if (negative) digits.push_back('-');
  return std::string(digits.rbegin(), digits.rend());
}

}  // namespace donorflow
