// donorflow/gen/families.hpp: the benchmark instance families, generated from a seed.
//
// The benchmarks (docs/BENCHMARKS.md) time every engine on the same five families of min-cost
// flow problems. This header builds them in memory; the command line writes them as DIMACS for
// the peers. Every instance is
//   - balanced, in SupplyMode::kExact (supplies sum to zero);
//   - finite: every arc has a finite capacity (other tools read these instances, and some of
//     them have no notion of an infinite bound), non-negative costs and no lower bounds (the
//     `lower` vector is empty);
//   - feasible by construction: each family's paragraph below names a flow that meets every
//     supply within every capacity, so a solver that reports infeasibility is wrong;
//   - reproducible: one seed gives the same arrays on every platform and compiler. The random
//     numbers come from SplitMix64 (below), integers are drawn by rejection rather than through
//     std:: distributions (whose algorithms the standard leaves to each library), and geometry is
//     done on integer coordinates in metres with an exact integer square root, so no rounding of
//     floating point can differ between machines.
//
// Each family has a parameter struct whose defaults are the "small" size, `size(name)` for the
// presets "small", "medium" and "large", and `generate_<family>(params, seed)`. The dispatcher
// `generate(family, size, seed, overrides)` is what the command line calls; the override keys are
// the names of the parameter fields.
//
// alloc: beneficiary-level matching.
//   B beneficiary groups, each with a need d in 1..5 and a deprivation priority p in 1..5, and C
//   clinics lie uniformly on a 1000 km x 1000 km square. Clinic capacities are a random split of
//   coverage_percent % of the total need (weights 20..180, so clinics differ up to ninefold).
//   Each group is linked to its K' = min(K, C) nearest clinics (ties by clinic id), found with a
//   uniform-grid bucket index in about O((B + C) K) time rather than O(B C).
//   Nodes: clinics 0..C-1, groups C..C+B-1, the shortfall source S = C+B, the drain T = C+B+1.
//   Arcs, in this order:
//     service    clinic -> group   B K' arcs, capacity d, cost 1 + round(10 * km) in 1..14143;
//     shortfall  S -> group        tier 1 of capacity ceil(d/2) at cost p W1, then tier 2 of
//                                  capacity floor(d/2) at cost p W2 (omitted when d = 1);
//     drain      clinic -> T       C arcs, capacity = the clinic's capacity, cost 0;
//     surplus    S -> T            1 arc, capacity = total need, cost 0.
//   Supplies: clinic = its capacity, S = total need, group = -d, T = -(total capacity).
//   Arc count: B K' + B + B2 + C + 1, where B2 is the number of groups with d >= 2.
//   Shortfall is convex (W2 = 2 W1: the second half of a group's need left unmet costs twice the
//   first), so the optimum spreads shortfall across groups rather than abandoning a few.
//   W1 = 20000 exceeds every service cost, so an optimal flow never leaves a need unmet while a
//   linked clinic has capacity to spare: the cycle S -> T -> clinic -> group -> S would cost
//   service - p W1 < 0.
//   Feasible: S sends each group its need through its two tiers and every clinic sends its whole
//   capacity to T.
//
// transport: dense donors x regions.
//   D donors with supplies 100..1000 and R regions whose demands split the same total (weights
//   100..1000) lie uniformly on the square; every donor-region pair is an arc of cost
//   1 + floor(6 * km) + noise (noise 0..1500), so costs lie in 1..10000, and capacity
//   min(supply of donor, demand of region).
//   Nodes: donors 0..D-1, regions D..D+R-1. Arcs: D R, donor-major.
//   Feasible: the uncapacitated balanced transportation problem on a complete bipartite graph
//   always has a solution (the north-west corner rule builds one), and no solution ever sends more
//   than min(supply, demand) along one pair, so these capacities remove no solution.
//
// netgen: a NETGEN-like random sparse network (Klingman, Napier and Stutz 1974; written afresh).
//   n nodes, m = density n arcs. Sources are nodes 0..sources-1 and sinks the last `sinks` nodes
//   (both about sqrt(n) by default); the total supply (1000 sqrt(n) by default) is split randomly
//   among the sources (weights 1..1000) and, independently, among the sinks as demand.
//   Arcs, in this order: a backbone of n arcs along a random Hamiltonian cycle through all nodes,
//   each of capacity = total supply; then m - n arcs between uniform random distinct nodes with
//   capacity 1..1000. Every cost is uniform in 1..10000.
//   Feasible: every unit can travel from its source to any sink along the backbone cycle, and
//   no backbone arc then carries more than the total supply.
//
// grid: an H x W four-neighbour grid.
//   Node r W + c is the cell in row r, column c; between adjacent cells there is an arc each way,
//   with cost 1..1000 and capacity 100..1000. Let s = max(1, min(H, W) / 10). Sources fill the
//   top-left s x s block and sinks the bottom-right one; the total supply is 100 s, and each row
//   of the source block supplies exactly 100 (split randomly among its s cells), each column of
//   the sink block demands exactly 100 (likewise).
//   Arcs: for each cell in row-major order, to its right, lower, left and upper neighbours (those
//   that exist): 4 H W - 2 H - 2 W arcs.
//   Feasible, and every cut between the blocks has room: for k = 0..s-1, lane k runs right along
//   row k from column 0 to column W-s+k, then down that column to row H-1. Lanes use distinct rows
//   for their horizontal arcs and distinct columns for their vertical ones, so no two share an
//   arc. Lane k collects the 100 units of source row k and delivers the 100 units of sink column
//   W-s+k as it passes through it, so it never carries more than 100, and every arc holds at
//   least 100. (Requires H W >= 2, so that the blocks do not coincide.)
//
// multiperiod: alloc over T periods.
//   The same groups, clinics and service links as alloc (with the same seed and sizes, the
//   positions, base needs and priorities are alloc's), repeated in every period; each period's
//   need of a group is its base need varied by up to one unit (kept in 1..5), and each period's
//   capacities are a split of coverage_percent % of that period's total need, with the clinics'
//   weights varied by up to 20 % from period to period.
//   Nodes: period t occupies t (C + B) .. (t + 1)(C + B) - 1, clinics first then groups as in
//   alloc; then S = T (C + B) and the drain T (C + B) + 1.
//   Arcs, in this order: service arcs of every period; shortfall tiers of every period (as in
//   alloc, on that period's need); carry-over clinic(t) -> clinic(t+1) for unused capacity, cost
//   carry_cost, capacity = the clinic's capacity summed over periods 0..t; backlog
//   group(t+1) -> group(t), so that a need of period t may be served late, cost lateness_cost,
//   capacity = the group's need summed over periods 0..t; drain clinic(t) -> T, cost 0, capacity
//   = the clinic's capacity summed over periods 0..t (what can have reached it); surplus S -> T.
//   Arc count: T B K' + T B + B2 + (T-1)(C + B) + T C + 1, B2 = number of (group, period) pairs
//   with need >= 2.
//   W1 = 20000 + (T-1)(carry_cost + lateness_cost) exceeds the cost of any path that serves a
//   need, whatever carry-over and backlog arcs it takes, so, as in alloc, meeting a need, even
//   late, is always cheaper than leaving it unmet. W2 = 2 W1.
//   Feasible: as alloc, period by period, with no carry-over and no backlog.
//
// Complexity: linear in the number of arcs, plus the nearest-clinic search of alloc and
// multiperiod. The medium alloc (about 2M arcs) generates in well under a second.
//
// Caveats: the instances are synthetic, made to time solvers on the shapes the allocation model
// produces, not to model any real population.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/problem.hpp"

namespace donorflow::gen {

// SplitMix64 (Steele, Lea and Flood 2014; the constants of Vigna's public-domain reference): a
// 64-bit state advanced by a fixed odd increment and passed through a bijective mixer. Small, fast,
// statistically good enough for instance generation, and exactly the same on every platform.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  // An independent generator for one purpose (positions, needs, ...) of one seed, so that
  // changing how many numbers one purpose draws does not shift the others.
  static SplitMix64 for_stream(std::uint64_t seed, std::uint64_t stream) {
    return SplitMix64(mix(seed ^ mix(stream + 0x632BE59BD9B4E019ULL)));
  }

  std::uint64_t next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return mix(state_);
  }

  // Uniform in [lo, hi] (both inclusive; requires lo <= hi), by rejection so that no value is
  // favoured.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi) {
    const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
    if (range == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
    const std::uint64_t reject_below = (0 - range) % range;    // 2^64 mod range
    std::uint64_t x = next();
    while (x < reject_below) x = next();
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % range);
  }

  // Uniform in [0, 1), a multiple of 2^-53: exact, so the same on every platform.
  double uniform_double() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  std::uint64_t state_;
};

struct AllocParams {
  std::int64_t groups = 20000;         // B
  std::int64_t clinics = 500;          // C
  std::int64_t nearest = 8;            // K
  std::int64_t coverage_percent = 90;  // total clinic capacity as a percentage of total need

  // "small", "medium" or "large"; throws std::invalid_argument otherwise.
  static AllocParams size(std::string_view name);
};

struct TransportParams {
  std::int64_t donors = 300;   // D
  std::int64_t regions = 300;  // R

  static TransportParams size(std::string_view name);
};

// A field left at 0 takes the value derived from `nodes`: sources = sinks = floor(sqrt(nodes)),
// total_supply = 1000 floor(sqrt(nodes)).
struct NetgenParams {
  std::int64_t nodes = 4096;  // n
  std::int64_t density = 8;   // arcs per node: m = density n
  std::int64_t sources = 0;
  std::int64_t sinks = 0;
  std::int64_t total_supply = 0;

  static NetgenParams size(std::string_view name);
};

struct GridParams {
  std::int64_t height = 100;  // H, rows
  std::int64_t width = 100;   // W, columns

  static GridParams size(std::string_view name);
};

struct MultiperiodParams {
  std::int64_t groups = 20000;  // B
  std::int64_t clinics = 500;   // C
  std::int64_t nearest = 8;     // K
  std::int64_t periods = 12;    // T
  std::int64_t coverage_percent = 90;
  std::int64_t carry_cost = 10;      // per unit of capacity carried one period forward
  std::int64_t lateness_cost = 200;  // per unit of need served one period late

  static MultiperiodParams size(std::string_view name);
};

// Each throws std::invalid_argument naming the parameter when a parameter is out of range or the
// instance would need more than 2^31 - 1 nodes or arcs.
MinCostFlowProblem generate_alloc(const AllocParams& params, std::uint64_t seed);
MinCostFlowProblem generate_transport(const TransportParams& params, std::uint64_t seed);
MinCostFlowProblem generate_netgen(const NetgenParams& params, std::uint64_t seed);
MinCostFlowProblem generate_grid(const GridParams& params, std::uint64_t seed);
MinCostFlowProblem generate_multiperiod(const MultiperiodParams& params, std::uint64_t seed);

// "alloc", "transport", "netgen", "grid", "multiperiod".
std::vector<std::string_view> family_names();
// "small", "medium", "large".
std::vector<std::string_view> size_names();
// The override keys a family accepts: the names of its parameter fields, in declaration order.
// Throws std::invalid_argument for an unknown family.
std::vector<std::string_view> parameter_names(std::string_view family);

// The instance of `family` at preset `size`, with the parameters named in `overrides` replaced.
// Throws std::invalid_argument naming the family, size or key that is unknown.
MinCostFlowProblem generate(std::string_view family, std::string_view size, std::uint64_t seed,
                            const std::map<std::string, std::int64_t>& overrides = {});

namespace detail {

// A point of the plane in integer metres (coordinates within +-2^30).
struct PlanePoint {
  std::int64_t x = 0;
  std::int64_t y = 0;
};

// For every query, the ids of its min(k, sites.size()) nearest sites in increasing order of
// (squared distance, id), query-major. A uniform grid of about two sites per cell is searched in
// rings around the query's cell until no unsearched cell can hold a closer site. Exposed for the
// tests, which compare it with brute force.
std::vector<std::int32_t> nearest_sites(std::span<const PlanePoint> sites,
                                        std::span<const PlanePoint> queries, std::int64_t k);

}  // namespace detail

}  // namespace donorflow::gen

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/gen/families.ipp"
#endif
