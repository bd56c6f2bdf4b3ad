// Implementation of donorflow/gen/families.hpp; included by src/library.cpp, or by the header
// when DONORFLOW_HEADER_ONLY is defined.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

#include "donorflow/gen/families.hpp"

namespace donorflow::gen {

namespace detail {

// The square the plane families live on: 1000 km, in metres.
inline constexpr std::int64_t kPlaneSide = 1'000'000;

// Tier-1 shortfall weight of alloc. The largest service cost is that of the diagonal,
// 1 + round(10 * 1414.2) = 14143, and W1 must exceed it (families.hpp, alloc).
inline constexpr Cost kShortfallTier1 = 20'000;

inline constexpr std::int64_t kMaxId = std::numeric_limits<std::int32_t>::max();

// One stream of random numbers per purpose (SplitMix64::for_stream).
enum Stream : std::uint64_t {
  kGroupSites = 1,
  kClinicSites,
  kNeeds,
  kClinicWeights,
  kPeriodNeeds,
  kPeriodWeights,
  kDonorSites,
  kRegionSites,
  kAmounts,
  kArcs,
  kBackbone,
};

// floor(sqrt(v)) for v >= 0, exact: the floating-point guess is corrected in integers, so the
// answer does not depend on how a platform rounds.
inline std::int64_t isqrt(std::int64_t v) {
  auto r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(v)));
  while (r > 0 && r * r > v) --r;
  while ((r + 1) * (r + 1) <= v) ++r;
  return r;
}

inline std::int64_t squared_distance(PlanePoint a, PlanePoint b) {
  const std::int64_t dx = a.x - b.x;
  const std::int64_t dy = a.y - b.y;
  return dx * dx + dy * dy;
}

// 1 + round(10 * km) for a distance given by its square in m^2: round(s / 100) for a real s >= 0
// is floor((floor(s) + 50) / 100).
inline Cost service_cost(std::int64_t squared_metres) {
  return 1 + (isqrt(squared_metres) + 50) / 100;
}

inline std::vector<PlanePoint> random_points(std::int64_t count, SplitMix64 rng) {
  std::vector<PlanePoint> points(static_cast<std::size_t>(count));
  for (PlanePoint& p : points) {
    p.x = rng.uniform_int(0, kPlaneSide - 1);
    p.y = rng.uniform_int(0, kPlaneSide - 1);
  }
  return points;
}

// Splits `total` into parts proportional to `weights` (all positive): part i is the rounding-down
// of the cumulative share through i minus that through i - 1, so the parts sum to `total` exactly
// and each is within one unit of its proportional share.
inline std::vector<Flow> apportion(Flow total, std::span<const std::int64_t> weights) {
  WideCost weight_sum = 0;
  for (std::int64_t w : weights) weight_sum += w;
  std::vector<Flow> parts(weights.size());
  WideCost cumulative = 0;
  Flow given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    const auto through = static_cast<Flow>(static_cast<WideCost>(total) * cumulative / weight_sum);
    parts[i] = through - given;
    given = through;
  }
  return parts;
}

inline std::vector<std::int64_t> random_weights(std::int64_t count, std::int64_t lo,
                                                std::int64_t hi, SplitMix64& rng) {
  std::vector<std::int64_t> weights(static_cast<std::size_t>(count));
  for (std::int64_t& w : weights) w = rng.uniform_int(lo, hi);
  return weights;
}

inline void require_range(std::string_view family, std::string_view key, std::int64_t value,
                          std::int64_t lo, std::int64_t hi) {
  if (value < lo || value > hi) {
    throw std::invalid_argument(std::string(family) + ": " + std::string(key) + " = " +
                                std::to_string(value) + " is outside " + std::to_string(lo) + ".." +
                                std::to_string(hi));
  }
}

// Checks that `count` nodes or arcs fit 32-bit ids.
inline std::int64_t require_ids(std::string_view family, std::string_view what, WideCost count) {
  if (count > kMaxId) {
    throw std::invalid_argument(std::string(family) + ": " + to_string(count) + " " +
                                std::string(what) + " exceed the 2^31 - 1 that 32-bit ids number");
  }
  return static_cast<std::int64_t>(count);
}

// The arrays of a problem under construction, in arc id order.
class ArcList {
 public:
  explicit ArcList(std::int64_t expected_arcs) {
    const auto m = static_cast<std::size_t>(expected_arcs);
    tail_.reserve(m);
    head_.reserve(m);
    upper_.reserve(m);
    cost_.reserve(m);
  }

  void add(std::int64_t tail, std::int64_t head, Flow capacity, Cost cost) {
    tail_.push_back(static_cast<NodeId>(tail));
    head_.push_back(static_cast<NodeId>(head));
    upper_.push_back(capacity);
    cost_.push_back(cost);
  }

  std::int64_t size() const { return static_cast<std::int64_t>(tail_.size()); }

  MinCostFlowProblem finish(std::int64_t node_count, std::vector<Flow> supply) && {
    MinCostFlowProblem problem;
    problem.graph = StaticGraph(static_cast<NodeId>(node_count), tail_, head_);
    tail_ = {};
    head_ = {};
    problem.upper = std::move(upper_);
    problem.cost = std::move(cost_);
    problem.supply = std::move(supply);
    problem.supply_mode = SupplyMode::kExact;
    return problem;
  }

 private:
  std::vector<NodeId> tail_;
  std::vector<NodeId> head_;
  std::vector<Flow> upper_;
  std::vector<Cost> cost_;
};

// 0, 1, 2 for "small", "medium", "large".
inline std::size_t size_index(std::string_view family, std::string_view size) {
  const std::vector<std::string_view> names = size_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == size) return i;
  }
  throw std::invalid_argument(std::string(family) + ": unknown size '" + std::string(size) +
                              "'; expected small, medium or large");
}

// An override key and the parameter it sets.
template <class Params>
struct Field {
  std::string_view key;
  std::int64_t Params::*member;
};

inline constexpr Field<AllocParams> kAllocFields[] = {
    {"groups", &AllocParams::groups},
    {"clinics", &AllocParams::clinics},
    {"nearest", &AllocParams::nearest},
    {"coverage_percent", &AllocParams::coverage_percent},
};
inline constexpr Field<TransportParams> kTransportFields[] = {
    {"donors", &TransportParams::donors},
    {"regions", &TransportParams::regions},
};
inline constexpr Field<NetgenParams> kNetgenFields[] = {
    {"nodes", &NetgenParams::nodes},
    {"density", &NetgenParams::density},
    {"sources", &NetgenParams::sources},
    {"sinks", &NetgenParams::sinks},
    {"total_supply", &NetgenParams::total_supply},
};
inline constexpr Field<GridParams> kGridFields[] = {
    {"height", &GridParams::height},
    {"width", &GridParams::width},
};
inline constexpr Field<MultiperiodParams> kMultiperiodFields[] = {
    {"groups", &MultiperiodParams::groups},
    {"clinics", &MultiperiodParams::clinics},
    {"nearest", &MultiperiodParams::nearest},
    {"periods", &MultiperiodParams::periods},
    {"coverage_percent", &MultiperiodParams::coverage_percent},
    {"carry_cost", &MultiperiodParams::carry_cost},
    {"lateness_cost", &MultiperiodParams::lateness_cost},
};

template <class Params, std::size_t N>
std::vector<std::string_view> field_keys(const Field<Params> (&fields)[N]) {
  std::vector<std::string_view> keys;
  for (const Field<Params>& f : fields) keys.push_back(f.key);
  return keys;
}

template <class Params, std::size_t N>
void apply_overrides(Params& params, const Field<Params> (&fields)[N],
                     const std::map<std::string, std::int64_t>& overrides,
                     std::string_view family) {
  for (const auto& [key, value] : overrides) {
    const auto* field = std::find_if(std::begin(fields), std::end(fields),
                                     [&key](const Field<Params>& f) { return f.key == key; });
    if (field == std::end(fields)) {
      std::string expected;
      for (const Field<Params>& f : fields) {
        expected += (expected.empty() ? "" : ", ") + std::string(f.key);
      }
      throw std::invalid_argument(std::string(family) + ": unknown parameter '" + key +
                                  "'; expected one of " + expected);
    }
    params.*(field->member) = value;
  }
}

// The groups and clinics that alloc and multiperiod share: positions, base needs, priorities,
// clinic weights and service links.
struct Beneficiaries {
  std::int64_t groups = 0;
  std::int64_t clinics = 0;
  std::int64_t links_per_group = 0;  // K' = min(K, C)
  std::vector<Flow> need;            // per group, 1..5
  std::vector<Cost> priority;        // per group, 1..5
  std::vector<std::int64_t> clinic_weight;
  std::vector<std::int32_t> link_clinic;  // groups * K', group-major, nearest first
  std::vector<Cost> link_cost;            // service cost of each link
};

inline Beneficiaries place_beneficiaries(std::int64_t groups, std::int64_t clinics,
                                         std::int64_t nearest, std::uint64_t seed) {
  Beneficiaries b;
  b.groups = groups;
  b.clinics = clinics;
  b.links_per_group = std::min(nearest, clinics);
  const std::vector<PlanePoint> group_sites =
      random_points(groups, SplitMix64::for_stream(seed, kGroupSites));
  const std::vector<PlanePoint> clinic_sites =
      random_points(clinics, SplitMix64::for_stream(seed, kClinicSites));
  SplitMix64 needs = SplitMix64::for_stream(seed, kNeeds);
  b.need.resize(static_cast<std::size_t>(groups));
  b.priority.resize(static_cast<std::size_t>(groups));
  for (std::size_t g = 0; g < b.need.size(); ++g) {
    b.need[g] = needs.uniform_int(1, 5);
    b.priority[g] = needs.uniform_int(1, 5);
  }
  SplitMix64 weights = SplitMix64::for_stream(seed, kClinicWeights);
  b.clinic_weight = random_weights(clinics, 20, 180, weights);
  b.link_clinic = nearest_sites(clinic_sites, group_sites, b.links_per_group);
  b.link_cost.resize(b.link_clinic.size());
  for (std::size_t i = 0; i < b.link_clinic.size(); ++i) {
    const std::size_t g = i / static_cast<std::size_t>(b.links_per_group);
    b.link_cost[i] = service_cost(
        squared_distance(clinic_sites[static_cast<std::size_t>(b.link_clinic[i])], group_sites[g]));
  }
  return b;
}

// The network of families.hpp's alloc and multiperiod paragraphs. `need` holds T * B needs and
// `capacity` T * C capacities, period-major.
inline MinCostFlowProblem build_allocation_network(const Beneficiaries& b, std::int64_t periods,
                                                   const std::vector<Flow>& need,
                                                   const std::vector<Flow>& capacity,
                                                   Cost carry_cost, Cost lateness_cost) {
  const std::int64_t B = b.groups;
  const std::int64_t C = b.clinics;
  const std::int64_t K = b.links_per_group;
  const std::int64_t T = periods;
  const std::int64_t layer = B + C;
  const std::int64_t source = T * layer;
  const std::int64_t drain = source + 1;
  auto clinic_node = [layer](std::int64_t t, std::int64_t c) { return t * layer + c; };
  auto group_node = [layer, C](std::int64_t t, std::int64_t g) { return t * layer + C + g; };
  auto at = [](std::int64_t t, std::int64_t width, std::int64_t i) {
    return static_cast<std::size_t>(t * width + i);
  };

  const Cost tier1 = kShortfallTier1 + (T - 1) * (carry_cost + lateness_cost);
  const Cost tier2 = 2 * tier1;

  // What can have reached a clinic or a group node by period t, for the carry-over, backlog and
  // drain capacities.
  std::vector<Flow> capacity_through(capacity.size());
  std::vector<Flow> need_through(need.size());
  Flow total_capacity = 0;
  Flow total_need = 0;
  std::int64_t second_tiers = 0;
  for (std::int64_t t = 0; t < T; ++t) {
    for (std::int64_t c = 0; c < C; ++c) {
      total_capacity += capacity[at(t, C, c)];
      capacity_through[at(t, C, c)] =
          capacity[at(t, C, c)] + (t > 0 ? capacity_through[at(t - 1, C, c)] : 0);
    }
    for (std::int64_t g = 0; g < B; ++g) {
      total_need += need[at(t, B, g)];
      need_through[at(t, B, g)] = need[at(t, B, g)] + (t > 0 ? need_through[at(t - 1, B, g)] : 0);
      if (need[at(t, B, g)] >= 2) ++second_tiers;
    }
  }

  const std::int64_t arc_count = T * B * K + T * B + second_tiers + (T - 1) * (C + B) + T * C + 1;
  ArcList arcs(arc_count);
  for (std::int64_t t = 0; t < T; ++t) {
    for (std::int64_t g = 0; g < B; ++g) {
      for (std::int64_t k = 0; k < K; ++k) {
        const std::size_t link = static_cast<std::size_t>(g * K + k);
        arcs.add(clinic_node(t, b.link_clinic[link]), group_node(t, g), need[at(t, B, g)],
                 b.link_cost[link]);
      }
    }
  }
  for (std::int64_t t = 0; t < T; ++t) {
    for (std::int64_t g = 0; g < B; ++g) {
      const Flow d = need[at(t, B, g)];
      const Cost p = b.priority[static_cast<std::size_t>(g)];
      arcs.add(source, group_node(t, g), (d + 1) / 2, p * tier1);
      if (d / 2 > 0) arcs.add(source, group_node(t, g), d / 2, p * tier2);
    }
  }
  for (std::int64_t t = 0; t + 1 < T; ++t) {
    for (std::int64_t c = 0; c < C; ++c) {
      arcs.add(clinic_node(t, c), clinic_node(t + 1, c), capacity_through[at(t, C, c)], carry_cost);
    }
  }
  for (std::int64_t t = 0; t + 1 < T; ++t) {
    for (std::int64_t g = 0; g < B; ++g) {
      arcs.add(group_node(t + 1, g), group_node(t, g), need_through[at(t, B, g)], lateness_cost);
    }
  }
  for (std::int64_t t = 0; t < T; ++t) {
    for (std::int64_t c = 0; c < C; ++c) {
      arcs.add(clinic_node(t, c), drain, capacity_through[at(t, C, c)], 0);
    }
  }
  arcs.add(source, drain, total_need, 0);

  std::vector<Flow> supply(static_cast<std::size_t>(drain + 1), 0);
  for (std::int64_t t = 0; t < T; ++t) {
    for (std::int64_t c = 0; c < C; ++c) {
      supply[static_cast<std::size_t>(clinic_node(t, c))] = capacity[at(t, C, c)];
    }
    for (std::int64_t g = 0; g < B; ++g) {
      supply[static_cast<std::size_t>(group_node(t, g))] = -need[at(t, B, g)];
    }
  }
  supply[static_cast<std::size_t>(source)] = total_need;
  supply[static_cast<std::size_t>(drain)] = -total_capacity;
  return std::move(arcs).finish(drain + 1, std::move(supply));
}

// The checks alloc and multiperiod share; `periods` is 1 for alloc.
inline void check_allocation_params(std::string_view family, std::int64_t groups,
                                    std::int64_t clinics, std::int64_t nearest,
                                    std::int64_t periods, std::int64_t coverage_percent) {
  require_range(family, "groups", groups, 1, kMaxId);
  require_range(family, "clinics", clinics, 1, kMaxId);
  require_range(family, "nearest", nearest, 1, kMaxId);
  require_range(family, "periods", periods, 1, kMaxId);
  require_range(family, "coverage_percent", coverage_percent, 0, 10'000);
  const WideCost B = groups, C = clinics, T = periods, K = std::min(nearest, clinics);
  require_ids(family, "nodes", T * (B + C) + 2);
  // At most: every group with a second tier.
  require_ids(family, "arcs", T * B * K + 2 * T * B + (T - 1) * (C + B) + T * C + 1);
}

}  // namespace detail

DONORFLOW_INLINE AllocParams AllocParams::size(std::string_view name) {
  switch (detail::size_index("alloc", name)) {
    case 0:
      return {20'000, 500, 8};
    case 1:
      return {200'000, 5'000, 8};
    default:
      return {1'000'000, 20'000, 16};
  }
}

DONORFLOW_INLINE TransportParams TransportParams::size(std::string_view name) {
  switch (detail::size_index("transport", name)) {
    case 0:
      return {300, 300};
    case 1:
      return {1'000, 1'000};
    default:
      return {3'000, 3'000};
  }
}

DONORFLOW_INLINE NetgenParams NetgenParams::size(std::string_view name) {
  switch (detail::size_index("netgen", name)) {
    case 0:
      return {std::int64_t{1} << 12};
    case 1:
      return {std::int64_t{1} << 16};
    default:
      return {std::int64_t{1} << 20};
  }
}

DONORFLOW_INLINE GridParams GridParams::size(std::string_view name) {
  switch (detail::size_index("grid", name)) {
    case 0:
      return {100, 100};
    case 1:
      return {300, 300};
    default:
      return {1'000, 1'000};
  }
}

DONORFLOW_INLINE MultiperiodParams MultiperiodParams::size(std::string_view name) {
  switch (detail::size_index("multiperiod", name)) {
    case 0:
      return {20'000, 500, 8, 12};
    case 1:
      return {100'000, 5'000, 8, 12};
    default:
      return {200'000, 10'000, 8, 24};
  }
}

DONORFLOW_INLINE MinCostFlowProblem generate_alloc(const AllocParams& params, std::uint64_t seed) {
  using namespace detail;
  check_allocation_params("alloc", params.groups, params.clinics, params.nearest, 1,
                          params.coverage_percent);
  const Beneficiaries b = place_beneficiaries(params.groups, params.clinics, params.nearest, seed);
  Flow total_need = 0;
  for (Flow d : b.need) total_need += d;
  const std::vector<Flow> capacity =
      apportion(total_need * params.coverage_percent / 100, b.clinic_weight);
  return build_allocation_network(b, 1, b.need, capacity, 0, 0);
}

DONORFLOW_INLINE MinCostFlowProblem generate_multiperiod(const MultiperiodParams& params,
                                                         std::uint64_t seed) {
  using namespace detail;
  constexpr std::string_view family = "multiperiod";
  check_allocation_params(family, params.groups, params.clinics, params.nearest, params.periods,
                          params.coverage_percent);
  require_range(family, "carry_cost", params.carry_cost, 0, 1'000'000);
  require_range(family, "lateness_cost", params.lateness_cost, 0, 1'000'000);
  // The largest cost is 5 W2 = 10 W1; the solvers need (nodes + 2) times it within 2^60.
  const WideCost largest_cost =
      10 *
      (kShortfallTier1 + WideCost{params.periods - 1} * (params.carry_cost + params.lateness_cost));
  const WideCost nodes = WideCost{params.periods} * (params.groups + params.clinics) + 2;
  if ((nodes + 2) * largest_cost > kMaxMagnitude) {
    throw std::invalid_argument(
        "multiperiod: periods, carry_cost and lateness_cost make costs too large for the solvers");
  }
  const Beneficiaries b = place_beneficiaries(params.groups, params.clinics, params.nearest, seed);
  const std::int64_t T = params.periods;
  const auto B = static_cast<std::size_t>(params.groups);

  std::vector<Flow> need(static_cast<std::size_t>(T) * B);
  SplitMix64 period_needs = SplitMix64::for_stream(seed, kPeriodNeeds);
  for (std::size_t i = 0; i < need.size(); ++i) {
    need[i] = std::clamp<Flow>(b.need[i % B] + period_needs.uniform_int(-1, 1), 1, 5);
  }
  std::vector<Flow> capacity;
  capacity.reserve(static_cast<std::size_t>(T * params.clinics));
  SplitMix64 period_weights = SplitMix64::for_stream(seed, kPeriodWeights);
  std::vector<std::int64_t> weight(b.clinic_weight.size());
  for (std::int64_t t = 0; t < T; ++t) {
    Flow period_need = 0;
    for (std::size_t g = 0; g < B; ++g) period_need += need[static_cast<std::size_t>(t) * B + g];
    for (std::size_t c = 0; c < weight.size(); ++c) {
      weight[c] = b.clinic_weight[c] * period_weights.uniform_int(80, 120);
    }
    const std::vector<Flow> period_capacity =
        apportion(period_need * params.coverage_percent / 100, weight);
    capacity.insert(capacity.end(), period_capacity.begin(), period_capacity.end());
  }
  return build_allocation_network(b, T, need, capacity, params.carry_cost, params.lateness_cost);
}

DONORFLOW_INLINE MinCostFlowProblem generate_transport(const TransportParams& params,
                                                       std::uint64_t seed) {
  using namespace detail;
  constexpr std::string_view family = "transport";
  require_range(family, "donors", params.donors, 1, kMaxId);
  require_range(family, "regions", params.regions, 1, kMaxId);
  const std::int64_t D = params.donors;
  const std::int64_t R = params.regions;
  require_ids(family, "nodes", WideCost{D} + R);
  require_ids(family, "arcs", WideCost{D} * R);

  const std::vector<PlanePoint> donor_sites =
      random_points(D, SplitMix64::for_stream(seed, kDonorSites));
  const std::vector<PlanePoint> region_sites =
      random_points(R, SplitMix64::for_stream(seed, kRegionSites));
  SplitMix64 amounts = SplitMix64::for_stream(seed, kAmounts);
  const std::vector<Flow> offered = random_weights(D, 100, 1000, amounts);
  Flow total = 0;
  for (Flow s : offered) total += s;
  const std::vector<Flow> wanted = apportion(total, random_weights(R, 100, 1000, amounts));

  SplitMix64 noise = SplitMix64::for_stream(seed, kArcs);
  ArcList arcs(D * R);
  for (std::int64_t i = 0; i < D; ++i) {
    for (std::int64_t j = 0; j < R; ++j) {
      const std::int64_t metres = isqrt(squared_distance(
          donor_sites[static_cast<std::size_t>(i)], region_sites[static_cast<std::size_t>(j)]));
      // At most 1 + 8485 + 1500 on the square's diagonal.
      const Cost cost = 1 + metres * 6 / 1000 + noise.uniform_int(0, 1500);
      arcs.add(i, D + j,
               std::min(offered[static_cast<std::size_t>(i)], wanted[static_cast<std::size_t>(j)]),
               cost);
    }
  }
  std::vector<Flow> supply(offered);
  for (Flow w : wanted) supply.push_back(-w);
  return std::move(arcs).finish(D + R, std::move(supply));
}

DONORFLOW_INLINE MinCostFlowProblem generate_netgen(const NetgenParams& params,
                                                    std::uint64_t seed) {
  using namespace detail;
  constexpr std::string_view family = "netgen";
  require_range(family, "nodes", params.nodes, 2, kMaxId);
  require_range(family, "density", params.density, 1, kMaxId);
  const std::int64_t n = params.nodes;
  const std::int64_t root = isqrt(n);
  const std::int64_t sources = params.sources != 0 ? params.sources : root;
  const std::int64_t sinks = params.sinks != 0 ? params.sinks : root;
  const Flow total = params.total_supply != 0 ? params.total_supply : 1000 * root;
  require_range(family, "sources", sources, 1, n - 1);
  require_range(family, "sinks", sinks, 1, n - sources);
  // Keep the backbone's total capacity, n * total, within the solvers' limits.
  require_range(family, "total_supply", total, 1, (std::int64_t{1} << 60) / n);
  const std::int64_t m = require_ids(family, "arcs", WideCost{params.density} * n);

  ArcList arcs(m);
  // The backbone: a uniformly random cyclic order of the nodes (Fisher-Yates).
  SplitMix64 backbone = SplitMix64::for_stream(seed, kBackbone);
  std::vector<std::int64_t> order(static_cast<std::size_t>(n));
  for (std::int64_t v = 0; v < n; ++v) order[static_cast<std::size_t>(v)] = v;
  for (std::int64_t i = n - 1; i > 0; --i) {
    std::swap(order[static_cast<std::size_t>(i)],
              order[static_cast<std::size_t>(backbone.uniform_int(0, i))]);
  }
  for (std::int64_t i = 0; i < n; ++i) {
    arcs.add(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>((i + 1) % n)],
             total, backbone.uniform_int(1, 10'000));
  }
  SplitMix64 random_arcs = SplitMix64::for_stream(seed, kArcs);
  for (std::int64_t a = n; a < m; ++a) {
    const std::int64_t tail = random_arcs.uniform_int(0, n - 1);
    std::int64_t head = random_arcs.uniform_int(0, n - 2);
    if (head >= tail) ++head;  // uniform over the other n - 1 nodes
    const Flow capacity = random_arcs.uniform_int(1, 1'000);
    arcs.add(tail, head, capacity, random_arcs.uniform_int(1, 10'000));
  }

  SplitMix64 amounts = SplitMix64::for_stream(seed, kAmounts);
  const std::vector<Flow> offered = apportion(total, random_weights(sources, 1, 1000, amounts));
  const std::vector<Flow> wanted = apportion(total, random_weights(sinks, 1, 1000, amounts));
  std::vector<Flow> supply(static_cast<std::size_t>(n), 0);
  for (std::int64_t i = 0; i < sources; ++i) {
    supply[static_cast<std::size_t>(i)] = offered[static_cast<std::size_t>(i)];
  }
  for (std::int64_t j = 0; j < sinks; ++j) {
    supply[static_cast<std::size_t>(n - sinks + j)] = -wanted[static_cast<std::size_t>(j)];
  }
  return std::move(arcs).finish(n, std::move(supply));
}

DONORFLOW_INLINE MinCostFlowProblem generate_grid(const GridParams& params, std::uint64_t seed) {
  using namespace detail;
  constexpr std::string_view family = "grid";
  require_range(family, "height", params.height, 1, kMaxId);
  require_range(family, "width", params.width, 1, kMaxId);
  const std::int64_t H = params.height;
  const std::int64_t W = params.width;
  const std::int64_t n = require_ids(family, "nodes", WideCost{H} * W);
  if (n < 2) throw std::invalid_argument("grid: a grid needs at least two cells");
  const std::int64_t m = require_ids(family, "arcs", 4 * WideCost{H} * W - 2 * H - 2 * W);

  ArcList arcs(m);
  SplitMix64 random_arcs = SplitMix64::for_stream(seed, kArcs);
  auto add_arc = [&](std::int64_t from, std::int64_t to) {
    const Flow capacity = random_arcs.uniform_int(100, 1'000);
    arcs.add(from, to, capacity, random_arcs.uniform_int(1, 1'000));
  };
  for (std::int64_t r = 0; r < H; ++r) {
    for (std::int64_t c = 0; c < W; ++c) {
      const std::int64_t v = r * W + c;
      if (c + 1 < W) add_arc(v, v + 1);
      if (r + 1 < H) add_arc(v, v + W);
      if (c > 0) add_arc(v, v - 1);
      if (r > 0) add_arc(v, v - W);
    }
  }

  // Each source row supplies 100 and each sink column demands 100 (the lanes of families.hpp).
  const std::int64_t s = std::max<std::int64_t>(1, std::min(H, W) / 10);
  SplitMix64 amounts = SplitMix64::for_stream(seed, kAmounts);
  std::vector<Flow> supply(static_cast<std::size_t>(n), 0);
  for (std::int64_t k = 0; k < s; ++k) {
    const std::vector<Flow> row = apportion(100, random_weights(s, 1, 1000, amounts));
    for (std::int64_t c = 0; c < s; ++c) {
      supply[static_cast<std::size_t>(k * W + c)] += row[static_cast<std::size_t>(c)];
    }
  }
  for (std::int64_t c = W - s; c < W; ++c) {
    const std::vector<Flow> column = apportion(100, random_weights(s, 1, 1000, amounts));
    for (std::int64_t k = 0; k < s; ++k) {
      supply[static_cast<std::size_t>((H - s + k) * W + c)] -= column[static_cast<std::size_t>(k)];
    }
  }
  return std::move(arcs).finish(n, std::move(supply));
}

DONORFLOW_INLINE std::vector<std::string_view> family_names() {
  return {"alloc", "transport", "netgen", "grid", "multiperiod"};
}

DONORFLOW_INLINE std::vector<std::string_view> size_names() {
  return {"small", "medium", "large"};
}

namespace detail {

[[noreturn]] inline void unknown_family(std::string_view family) {
  std::string expected;
  for (std::string_view name : family_names()) {
    expected += (expected.empty() ? "" : ", ") + std::string(name);
  }
  throw std::invalid_argument("unknown instance family '" + std::string(family) +
                              "'; expected one of " + expected);
}

}  // namespace detail

DONORFLOW_INLINE std::vector<std::string_view> parameter_names(std::string_view family) {
  using namespace detail;
  if (family == "alloc") return field_keys(kAllocFields);
  if (family == "transport") return field_keys(kTransportFields);
  if (family == "netgen") return field_keys(kNetgenFields);
  if (family == "grid") return field_keys(kGridFields);
  if (family == "multiperiod") return field_keys(kMultiperiodFields);
  unknown_family(family);
}

DONORFLOW_INLINE MinCostFlowProblem generate(std::string_view family, std::string_view size,
                                             std::uint64_t seed,
                                             const std::map<std::string, std::int64_t>& overrides) {
  using namespace detail;
  if (family == "alloc") {
    AllocParams params = AllocParams::size(size);
    apply_overrides(params, kAllocFields, overrides, family);
    return generate_alloc(params, seed);
  }
  if (family == "transport") {
    TransportParams params = TransportParams::size(size);
    apply_overrides(params, kTransportFields, overrides, family);
    return generate_transport(params, seed);
  }
  if (family == "netgen") {
    NetgenParams params = NetgenParams::size(size);
    apply_overrides(params, kNetgenFields, overrides, family);
    return generate_netgen(params, seed);
  }
  if (family == "grid") {
    GridParams params = GridParams::size(size);
    apply_overrides(params, kGridFields, overrides, family);
    return generate_grid(params, seed);
  }
  if (family == "multiperiod") {
    MultiperiodParams params = MultiperiodParams::size(size);
    apply_overrides(params, kMultiperiodFields, overrides, family);
    return generate_multiperiod(params, seed);
  }
  unknown_family(family);
}

namespace detail {

DONORFLOW_INLINE std::vector<std::int32_t> nearest_sites(std::span<const PlanePoint> sites,
                                                         std::span<const PlanePoint> queries,
                                                         std::int64_t k) {
  const auto site_count = static_cast<std::int64_t>(sites.size());
  const std::int64_t per_query = std::clamp<std::int64_t>(k, 0, site_count);
  std::vector<std::int32_t> nearest(queries.size() * static_cast<std::size_t>(per_query));
  if (per_query == 0) return nearest;

  // A G x G grid of square cells over the sites' bounding box, about two sites per cell; the
  // sites of each cell are listed contiguously (CSR), in increasing id order.
  std::int64_t x0 = sites[0].x, y0 = sites[0].y, x1 = x0, y1 = y0;
  for (const PlanePoint& p : sites) {
    x0 = std::min(x0, p.x);
    y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x);
    y1 = std::max(y1, p.y);
  }
  const std::int64_t G = std::max<std::int64_t>(1, isqrt(site_count / 2));
  const std::int64_t extent = std::max(x1 - x0, y1 - y0) + 1;
  const std::int64_t cell = (extent + G - 1) / G;
  // Queries outside the box are clamped to its border cells; the search bound below stays valid.
  auto cell_of = [cell, G](std::int64_t v, std::int64_t origin) {
    return std::clamp<std::int64_t>((v - origin) / cell, 0, G - 1);
  };
  std::vector<std::int32_t> first(static_cast<std::size_t>(G * G + 1), 0);
  std::vector<std::int32_t> members(static_cast<std::size_t>(site_count));
  std::vector<std::int64_t> cell_index(static_cast<std::size_t>(site_count));
  for (std::int64_t i = 0; i < site_count; ++i) {
    const PlanePoint& p = sites[static_cast<std::size_t>(i)];
    cell_index[static_cast<std::size_t>(i)] = cell_of(p.y, y0) * G + cell_of(p.x, x0);
    ++first[static_cast<std::size_t>(cell_index[static_cast<std::size_t>(i)] + 1)];
  }
  for (std::size_t c = 1; c < first.size(); ++c) first[c] += first[c - 1];
  {
    std::vector<std::int32_t> next(first.begin(), first.end() - 1);
    for (std::int64_t i = 0; i < site_count; ++i) {
      members[static_cast<std::size_t>(
          next[static_cast<std::size_t>(cell_index[static_cast<std::size_t>(i)])]++)] =
          static_cast<std::int32_t>(i);
    }
  }

  // The best candidates so far, sorted by (squared distance, id).
  std::vector<std::int64_t> best_d2(static_cast<std::size_t>(per_query));
  std::vector<std::int32_t> best_id(static_cast<std::size_t>(per_query));
  const auto last = static_cast<std::size_t>(per_query - 1);
  for (std::size_t q = 0; q < queries.size(); ++q) {
    const PlanePoint query = queries[q];
    std::size_t count = 0;
    auto consider_cell = [&](std::int64_t cx, std::int64_t cy) {
      const auto c = static_cast<std::size_t>(cy * G + cx);
      for (std::int32_t i = first[c]; i < first[c + 1]; ++i) {
        const std::int32_t id = members[static_cast<std::size_t>(i)];
        const std::int64_t d2 = squared_distance(sites[static_cast<std::size_t>(id)], query);
        auto closer = [&](std::size_t pos) {
          return d2 < best_d2[pos] || (d2 == best_d2[pos] && id < best_id[pos]);
        };
        if (count > last && !closer(last)) continue;
        std::size_t pos = count > last ? last : count++;
        for (; pos > 0 && closer(pos - 1); --pos) {
          best_d2[pos] = best_d2[pos - 1];
          best_id[pos] = best_id[pos - 1];
        }
        best_d2[pos] = d2;
        best_id[pos] = id;
      }
    };
    const std::int64_t qx = cell_of(query.x, x0);
    const std::int64_t qy = cell_of(query.y, y0);
    for (std::int64_t r = 0;; ++r) {
      // Ring r: the cells at Chebyshev distance exactly r from the query's cell.
      const std::int64_t lo_x = qx - r, hi_x = qx + r, lo_y = qy - r, hi_y = qy + r;
      for (std::int64_t cy = std::max<std::int64_t>(lo_y, 0); cy <= std::min(hi_y, G - 1); ++cy) {
        if (cy == lo_y || cy == hi_y) {
          for (std::int64_t cx = std::max<std::int64_t>(lo_x, 0); cx <= std::min(hi_x, G - 1);
               ++cx) {
            consider_cell(cx, cy);
          }
        } else {
          if (lo_x >= 0) consider_cell(lo_x, cy);
          if (hi_x < G) consider_cell(hi_x, cy);
        }
      }
      // Every unsearched cell lies beyond one side of the searched square that has cells behind
      // it, so its sites are at least as far as that side. Stop once the k-th best is strictly
      // closer, so that ties are settled by id whatever order the cells were searched in.
      constexpr std::int64_t kNoSide = std::numeric_limits<std::int64_t>::max();
      std::int64_t bound = kNoSide;
      if (lo_x > 0) bound = std::min(bound, query.x - (x0 + lo_x * cell));
      if (hi_x < G - 1) bound = std::min(bound, x0 + (hi_x + 1) * cell - query.x);
      if (lo_y > 0) bound = std::min(bound, query.y - (y0 + lo_y * cell));
      if (hi_y < G - 1) bound = std::min(bound, y0 + (hi_y + 1) * cell - query.y);
      if (bound == kNoSide) break;  // every cell searched
      if (count > last && best_d2[last] < bound * bound) break;
    }
    std::copy(best_id.begin(), best_id.end(),
              nearest.begin() + static_cast<std::ptrdiff_t>(q * best_id.size()));
  }
  return nearest;
}

}  // namespace detail

}  // namespace donorflow::gen
