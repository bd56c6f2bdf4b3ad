// The benchmark instance families (gen/families.hpp): every family at a tiny size is balanced,
// finite, within its documented ranges, has the documented number of arcs, is reproducible from
// its seed, and solves to a proven optimum; the nearest-clinic search agrees with brute force;
// unknown families, sizes and keys are refused by name.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "donorflow/gen/families.hpp"
#include "solve_and_check.hpp"

namespace donorflow {
namespace {

using gen::SplitMix64;
using testing::solve_checked;
using Overrides = std::map<std::string, std::int64_t>;

// A 64-bit FNV-1a digest of everything that defines an instance.
std::uint64_t fingerprint(const MinCostFlowProblem& p) {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  auto mix = [&h](std::int64_t v) {
    for (int byte = 0; byte < 8; ++byte) {
      h ^= static_cast<std::uint64_t>(v >> (8 * byte)) & 0xFF;
      h *= 0x100000001B3ULL;
    }
  };
  mix(p.graph.node_count());
  mix(p.graph.arc_count());
  for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
    mix(p.graph.tail(a));
    mix(p.graph.head(a));
    mix(p.upper[static_cast<std::size_t>(a)]);
    mix(p.cost[static_cast<std::size_t>(a)]);
  }
  for (Flow b : p.supply) mix(b);
  return h;
}

bool same_instance(const MinCostFlowProblem& a, const MinCostFlowProblem& b) {
  return a.graph.node_count() == b.graph.node_count() &&
         std::ranges::equal(a.graph.tails(), b.graph.tails()) &&
         std::ranges::equal(a.graph.heads(), b.graph.heads()) && a.lower == b.lower &&
         a.upper == b.upper && a.cost == b.cost && a.supply == b.supply &&
         a.supply_mode == b.supply_mode;
}

// What every family promises: balanced, exact mode, no lower bounds, finite non-negative
// capacities, non-negative costs, arrays of the right sizes, accepted by the solvers' checks.
void expect_common_contract(const MinCostFlowProblem& p) {
  const auto m = static_cast<std::size_t>(p.graph.arc_count());
  EXPECT_EQ(p.supply_mode, SupplyMode::kExact);
  EXPECT_TRUE(p.lower.empty());
  ASSERT_EQ(p.upper.size(), m);
  ASSERT_EQ(p.cost.size(), m);
  ASSERT_EQ(p.supply.size(), static_cast<std::size_t>(p.graph.node_count()));
  EXPECT_EQ(std::accumulate(p.supply.begin(), p.supply.end(), Flow{0}), 0);
  for (std::size_t a = 0; a < m; ++a) {
    ASSERT_GE(p.upper[a], 0) << "arc " << a;
    ASSERT_NE(p.upper[a], kInfiniteCapacity) << "arc " << a;
    ASSERT_GE(p.cost[a], 0) << "arc " << a;
  }
  const InputCheck check = check_input(p.view());
  EXPECT_TRUE(check.ok()) << check.message;
}

void expect_optimal(const MinCostFlowProblem& p) {
  for (Algorithm algorithm : testing::kAllAlgorithms) {
    const MinCostFlowResult r = solve_checked(p.view(), algorithm);
    EXPECT_EQ(r.status, Status::kOptimal) << algorithm_name(algorithm) << ": " << r.message;
  }
}

// Same seed, same arrays; another seed, another instance.
void expect_reproducible(std::string_view family, const Overrides& overrides) {
  const auto a = gen::generate(family, "small", 7, overrides);
  const auto b = gen::generate(family, "small", 7, overrides);
  const auto c = gen::generate(family, "small", 8, overrides);
  EXPECT_TRUE(same_instance(a, b)) << family;
  EXPECT_FALSE(same_instance(a, c)) << family;
  EXPECT_NE(fingerprint(a), fingerprint(c)) << family;
}

TEST(FamiliesRandom, SplitMix64MatchesTheReferenceSequence) {
  // The first outputs of Vigna's splitmix64.c from state 0.
  SplitMix64 rng(0);
  EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(rng.next(), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(rng.next(), 0x06C45D188009454FULL);
}

TEST(FamiliesRandom, UniformDrawsStayInRangeAndReachBothEnds) {
  SplitMix64 rng(42);
  bool saw_lo = false, saw_hi = false;
  for (int i = 0; i < 10'000; ++i) {
    const std::int64_t v = rng.uniform_int(-3, 5);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 5);
    saw_lo |= v == -3;
    saw_hi |= v == 5;
    const double u = rng.uniform_double();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  EXPECT_TRUE(saw_lo && saw_hi);
  EXPECT_EQ(rng.uniform_int(9, 9), 9);
  // Streams of one seed differ from each other.
  EXPECT_NE(SplitMix64::for_stream(1, 1).next(), SplitMix64::for_stream(1, 2).next());
}

TEST(FamiliesNearest, AgreesWithBruteForceIncludingTies) {
  SplitMix64 rng(3);
  for (int round = 0; round < 20; ++round) {
    // A small coordinate range forces equal distances, so ties must be settled by id.
    const std::int64_t span = round % 2 == 0 ? 20 : 100'000;
    const auto site_count = static_cast<std::size_t>(rng.uniform_int(1, 60));
    std::vector<gen::detail::PlanePoint> sites(site_count), queries(50);
    for (auto& p : sites) p = {rng.uniform_int(0, span), rng.uniform_int(0, span)};
    // Some queries lie outside the sites' bounding box.
    for (auto& q : queries) {
      q = {rng.uniform_int(-span / 2, 2 * span), rng.uniform_int(-span / 2, 2 * span)};
    }
    const std::int64_t k = rng.uniform_int(1, 12);
    const std::vector<std::int32_t> got = gen::detail::nearest_sites(sites, queries, k);
    const std::size_t per_query = std::min<std::size_t>(static_cast<std::size_t>(k), site_count);
    ASSERT_EQ(got.size(), queries.size() * per_query);
    for (std::size_t q = 0; q < queries.size(); ++q) {
      std::vector<std::pair<std::int64_t, std::int32_t>> all;
      for (std::size_t s = 0; s < site_count; ++s) {
        const std::int64_t dx = sites[s].x - queries[q].x, dy = sites[s].y - queries[q].y;
        all.emplace_back(dx * dx + dy * dy, static_cast<std::int32_t>(s));
      }
      std::sort(all.begin(), all.end());
      for (std::size_t i = 0; i < per_query; ++i) {
        ASSERT_EQ(got[q * per_query + i], all[i].second) << "round " << round << " query " << q;
      }
    }
  }
}

TEST(FamiliesAlloc, TinyInstanceKeepsTheDocumentedShape) {
  const gen::AllocParams params{300, 20, 4};
  const auto p = gen::generate_alloc(params, 11);
  expect_common_contract(p);
  const std::int64_t B = 300, C = 20, K = 4;
  const NodeId source = static_cast<NodeId>(C + B), drain = source + 1;
  ASSERT_EQ(p.graph.node_count(), B + C + 2);

  Flow total_need = 0, total_capacity = 0;
  std::int64_t second_tiers = 0;
  for (std::int64_t g = 0; g < B; ++g) {
    const Flow d = -p.supply[static_cast<std::size_t>(C + g)];
    ASSERT_GE(d, 1);
    ASSERT_LE(d, 5);
    total_need += d;
    second_tiers += d >= 2;
  }
  for (std::int64_t c = 0; c < C; ++c) total_capacity += p.supply[static_cast<std::size_t>(c)];
  EXPECT_EQ(total_capacity, total_need * 90 / 100);
  EXPECT_EQ(p.supply[static_cast<std::size_t>(source)], total_need);
  ASSERT_EQ(p.graph.arc_count(), B * K + B + second_tiers + C + 1);

  ArcId a = 0;
  for (; a < B * K; ++a) {  // service arcs, group-major
    ASSERT_LT(p.graph.tail(a), C);
    ASSERT_EQ(p.graph.head(a), C + a / K);
    ASSERT_EQ(p.upper[static_cast<std::size_t>(a)], -p.supply[static_cast<std::size_t>(C + a / K)]);
    ASSERT_GE(p.cost[static_cast<std::size_t>(a)], 1);
    ASSERT_LE(p.cost[static_cast<std::size_t>(a)], 14'143);
  }
  for (; a < B * K + B + second_tiers; ++a) {  // shortfall tiers: priority 1..5 times W1 or W2
    ASSERT_EQ(p.graph.tail(a), source);
    const Cost cost = p.cost[static_cast<std::size_t>(a)];
    ASSERT_TRUE(cost % 20'000 == 0 && cost >= 20'000 && cost <= 5 * 40'000) << cost;
  }
  for (std::int64_t c = 0; c < C; ++c, ++a) {
    ASSERT_EQ(p.graph.tail(a), c);
    ASSERT_EQ(p.graph.head(a), drain);
    ASSERT_EQ(p.upper[static_cast<std::size_t>(a)], p.supply[static_cast<std::size_t>(c)]);
    ASSERT_EQ(p.cost[static_cast<std::size_t>(a)], 0);
  }
  ASSERT_EQ(p.graph.tail(a), source);
  ASSERT_EQ(p.graph.head(a), drain);
  ASSERT_EQ(p.upper[static_cast<std::size_t>(a)], total_need);
}

TEST(FamiliesAlloc, NeverLeavesANeedUnmetWhileALinkedClinicHasCapacity) {
  const std::int64_t B = 300, C = 20, K = 4;
  const auto p =
      gen::generate("alloc", "small", 5, {{"groups", B}, {"clinics", C}, {"nearest", K}});
  const MinCostFlowResult r = solve_checked(p.view(), Algorithm::kAuto);
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  const NodeId source = static_cast<NodeId>(C + B);
  std::vector<Flow> shortfall(static_cast<std::size_t>(B), 0);
  for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
    if (p.graph.tail(a) == source && p.graph.head(a) < source) {
      shortfall[static_cast<std::size_t>(p.graph.head(a) - C)] +=
          r.flow[static_cast<std::size_t>(a)];
    }
  }
  const ArcId first_drain = p.graph.arc_count() - 1 - static_cast<ArcId>(C);
  std::int64_t unmet_groups = 0;
  for (ArcId a = 0; a < B * K; ++a) {
    const NodeId clinic = p.graph.tail(a);
    const std::int64_t g = p.graph.head(a) - C;
    if (shortfall[static_cast<std::size_t>(g)] == 0) continue;
    ++unmet_groups;
    EXPECT_EQ(r.flow[static_cast<std::size_t>(first_drain + clinic)], 0)
        << "group " << g << " is short while clinic " << clinic << " has capacity left";
  }
  EXPECT_GT(unmet_groups, 0);  // capacity covers 90 % of the need: some shortfall must remain
}

TEST(FamiliesAlloc, TinyInstanceSolvesAndIsReproducible) {
  const Overrides tiny{{"groups", 300}, {"clinics", 20}};
  const auto p = gen::generate("alloc", "small", 1, tiny);
  expect_common_contract(p);
  expect_optimal(p);
  expect_reproducible("alloc", tiny);
  // More clinics than K: every group gets exactly K links; fewer: every clinic is linked.
  EXPECT_EQ(gen::generate("alloc", "small", 1, {{"groups", 10}, {"clinics", 3}}).graph.arc_count() -
                gen::generate("alloc", "small", 1, {{"groups", 10}, {"clinics", 3}, {"nearest", 1}})
                    .graph.arc_count(),
            10 * 2);
}

TEST(FamiliesTransport, TinyInstanceKeepsTheDocumentedShapeAndSolves) {
  const std::int64_t D = 20, R = 30;
  const auto p = gen::generate("transport", "small", 2, {{"donors", D}, {"regions", R}});
  expect_common_contract(p);
  ASSERT_EQ(p.graph.node_count(), D + R);
  ASSERT_EQ(p.graph.arc_count(), D * R);
  for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
    const NodeId donor = p.graph.tail(a), region = p.graph.head(a);
    ASSERT_EQ(donor, a / R);
    ASSERT_EQ(region, D + a % R);
    ASSERT_EQ(p.upper[static_cast<std::size_t>(a)],
              std::min(p.supply[static_cast<std::size_t>(donor)],
                       -p.supply[static_cast<std::size_t>(region)]));
    ASSERT_GE(p.cost[static_cast<std::size_t>(a)], 1);
    ASSERT_LE(p.cost[static_cast<std::size_t>(a)], 10'000);
  }
  for (std::int64_t i = 0; i < D; ++i) {
    ASSERT_GE(p.supply[static_cast<std::size_t>(i)], 100);
    ASSERT_LE(p.supply[static_cast<std::size_t>(i)], 1'000);
  }
  expect_optimal(p);
  expect_reproducible("transport", {{"donors", D}, {"regions", R}});
}

TEST(FamiliesNetgen, TinyInstanceKeepsTheDocumentedShapeAndSolves) {
  const std::int64_t n = 256;
  const auto p = gen::generate("netgen", "small", 3, {{"nodes", n}});
  expect_common_contract(p);
  ASSERT_EQ(p.graph.node_count(), n);
  ASSERT_EQ(p.graph.arc_count(), 8 * n);
  const Flow total = 1000 * 16;  // 1000 sqrt(n)
  Flow supplied = 0;
  for (std::int64_t v = 0; v < n; ++v) {
    const Flow b = p.supply[static_cast<std::size_t>(v)];
    if (v < 16) {
      ASSERT_GE(b, 0);
      supplied += b;
    } else if (v >= n - 16) {
      ASSERT_LE(b, 0);
    } else {
      ASSERT_EQ(b, 0) << "node " << v;
    }
  }
  EXPECT_EQ(supplied, total);
  // The first n arcs form one cycle through every node.
  std::vector<NodeId> successor(static_cast<std::size_t>(n), -1);
  for (ArcId a = 0; a < n; ++a) {
    ASSERT_EQ(successor[static_cast<std::size_t>(p.graph.tail(a))], -1);
    successor[static_cast<std::size_t>(p.graph.tail(a))] = p.graph.head(a);
    ASSERT_EQ(p.upper[static_cast<std::size_t>(a)], total);
  }
  NodeId v = 0;
  for (std::int64_t step = 1; step < n; ++step) {
    v = successor[static_cast<std::size_t>(v)];
    ASSERT_NE(v, 0) << "the backbone closes after " << step << " of " << n << " nodes";
  }
  EXPECT_EQ(successor[static_cast<std::size_t>(v)], 0);
  for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
    ASSERT_NE(p.graph.tail(a), p.graph.head(a));
    ASSERT_GE(p.cost[static_cast<std::size_t>(a)], 1);
    ASSERT_LE(p.cost[static_cast<std::size_t>(a)], 10'000);
    if (a >= n) {
      ASSERT_GE(p.upper[static_cast<std::size_t>(a)], 1);
      ASSERT_LE(p.upper[static_cast<std::size_t>(a)], 1'000);
    }
  }
  expect_optimal(p);
  expect_reproducible("netgen", {{"nodes", n}});
  // Explicit sources, sinks, supply and density.
  const auto q = gen::generate(
      "netgen", "small", 3,
      {{"nodes", 50}, {"density", 3}, {"sources", 2}, {"sinks", 5}, {"total_supply", 777}});
  expect_common_contract(q);
  EXPECT_EQ(q.graph.arc_count(), 150);
  EXPECT_EQ(q.supply[0] + q.supply[1], 777);
  expect_optimal(q);
}

TEST(FamiliesGrid, TinyInstancesKeepTheDocumentedShapeAndSolve) {
  for (const auto& [H, W] : std::vector<std::pair<std::int64_t, std::int64_t>>{
           {12, 15}, {30, 40}, {1, 7}, {6, 1}, {2, 2}}) {
    SCOPED_TRACE(std::to_string(H) + "x" + std::to_string(W));
    const auto p = gen::generate("grid", "small", 4, {{"height", H}, {"width", W}});
    expect_common_contract(p);
    ASSERT_EQ(p.graph.node_count(), H * W);
    ASSERT_EQ(p.graph.arc_count(), 4 * H * W - 2 * H - 2 * W);
    for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
      const NodeId u = p.graph.tail(a), v = p.graph.head(a);
      const std::int64_t dr = std::abs(u / W - v / W), dc = std::abs(u % W - v % W);
      ASSERT_EQ(dr + dc, 1) << "arc " << a << " joins cells that are not neighbours";
      ASSERT_GE(p.cost[static_cast<std::size_t>(a)], 1);
      ASSERT_LE(p.cost[static_cast<std::size_t>(a)], 1'000);
      ASSERT_GE(p.upper[static_cast<std::size_t>(a)], 100);
      ASSERT_LE(p.upper[static_cast<std::size_t>(a)], 1'000);
    }
    const std::int64_t s = std::max<std::int64_t>(1, std::min(H, W) / 10);
    for (std::int64_t r = 0; r < H; ++r) {
      Flow row = 0;
      for (std::int64_t c = 0; c < W; ++c) {
        const Flow b = p.supply[static_cast<std::size_t>(r * W + c)];
        const bool in_source_block = r < s && c < s;
        const bool in_sink_block = r >= H - s && c >= W - s;
        if (b > 0) {
          ASSERT_TRUE(in_source_block) << r << "," << c;
        }
        if (b < 0) {
          ASSERT_TRUE(in_sink_block) << r << "," << c;
        }
        if (in_source_block) row += b;
      }
      if (r < s) {
        EXPECT_EQ(row, 100);
      }
    }
    expect_optimal(p);
  }
  expect_reproducible("grid", {{"height", 30}, {"width", 40}});
}

TEST(FamiliesMultiperiod, TinyInstanceKeepsTheDocumentedShapeAndSolves) {
  const std::int64_t B = 100, C = 10, K = 3, T = 4;
  const Overrides tiny{{"groups", B}, {"clinics", C}, {"nearest", K}, {"periods", T}};
  const auto p = gen::generate("multiperiod", "small", 6, tiny);
  expect_common_contract(p);
  ASSERT_EQ(p.graph.node_count(), T * (B + C) + 2);
  std::int64_t second_tiers = 0;
  for (std::int64_t t = 0; t < T; ++t) {
    for (std::int64_t g = 0; g < B; ++g) {
      const Flow d = -p.supply[static_cast<std::size_t>(t * (B + C) + C + g)];
      ASSERT_GE(d, 1);
      ASSERT_LE(d, 5);
      second_tiers += d >= 2;
    }
  }
  ASSERT_EQ(p.graph.arc_count(), T * B * K + T * B + second_tiers + (T - 1) * (C + B) + T * C + 1);
  const Cost w1 = 20'000 + (T - 1) * (10 + 200);
  const ArcId carry_begin = static_cast<ArcId>(T * B * K + T * B + second_tiers);
  const ArcId backlog_begin = carry_begin + static_cast<ArcId>((T - 1) * C);
  const ArcId drain_begin = backlog_begin + static_cast<ArcId>((T - 1) * B);
  for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
    const Cost cost = p.cost[static_cast<std::size_t>(a)];
    const NodeId u = p.graph.tail(a), v = p.graph.head(a);
    if (a < T * B * K) {
      ASSERT_EQ(u / (B + C), v / (B + C)) << "service within a period";
      ASSERT_LE(cost, 14'143);
    } else if (a < carry_begin) {
      ASSERT_TRUE(cost % w1 == 0 && cost >= w1 && cost <= 10 * w1) << cost;
    } else if (a < backlog_begin) {
      ASSERT_EQ(v, u + B + C);
      ASSERT_EQ(cost, 10);
    } else if (a < drain_begin) {
      ASSERT_EQ(v, u - (B + C));
      ASSERT_EQ(cost, 200);
    } else {
      ASSERT_EQ(cost, 0);
    }
  }
  expect_optimal(p);
  expect_reproducible("multiperiod", tiny);
}

TEST(FamiliesMultiperiod, SharesAllocsGroupsAndLinks) {
  // With one period and no variation the service arcs are alloc's.
  const Overrides tiny{{"groups", 50}, {"clinics", 8}, {"nearest", 3}};
  Overrides one_period = tiny;
  one_period["periods"] = 1;
  const auto alloc = gen::generate("alloc", "small", 9, tiny);
  const auto multi = gen::generate("multiperiod", "small", 9, one_period);
  for (ArcId a = 0; a < 50 * 3; ++a) {
    ASSERT_EQ(alloc.graph.tail(a), multi.graph.tail(a));
    ASSERT_EQ(alloc.graph.head(a), multi.graph.head(a));
    ASSERT_EQ(alloc.cost[static_cast<std::size_t>(a)], multi.cost[static_cast<std::size_t>(a)]);
  }
}

TEST(FamiliesDispatch, PresetsOverridesAndNames) {
  EXPECT_EQ(gen::family_names(),
            (std::vector<std::string_view>{"alloc", "transport", "netgen", "grid", "multiperiod"}));
  EXPECT_EQ(gen::parameter_names("grid"), (std::vector<std::string_view>{"height", "width"}));
  for (std::string_view family : gen::family_names()) {
    EXPECT_FALSE(gen::parameter_names(family).empty()) << family;
  }
  // The defaults are the small size.
  EXPECT_EQ(gen::AllocParams::size("small").groups, gen::AllocParams{}.groups);
  EXPECT_EQ(gen::MultiperiodParams::size("small").periods, gen::MultiperiodParams{}.periods);
  EXPECT_EQ(gen::NetgenParams::size("small").nodes, gen::NetgenParams{}.nodes);
  EXPECT_EQ(gen::AllocParams::size("large").nearest, 16);
  EXPECT_EQ(gen::MultiperiodParams::size("large").clinics, 10'000);
  EXPECT_EQ(gen::NetgenParams::size("medium").nodes, 1 << 16);
  EXPECT_EQ(gen::GridParams::size("large").width, 1'000);
  EXPECT_EQ(gen::TransportParams::size("medium").regions, 1'000);
  // The dispatcher is the typed generator with the overrides applied.
  gen::GridParams grid = gen::GridParams::size("medium");
  grid.height = 7;
  EXPECT_TRUE(same_instance(gen::generate_grid(grid, 5),
                            gen::generate("grid", "medium", 5, {{"height", 7}})));
}

TEST(FamiliesDispatch, RefusesUnknownNamesByName) {
  auto message_of = [](auto&& call) -> std::string {
    try {
      call();
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "no exception";
  };
  EXPECT_NE(message_of([] { gen::generate("allot", "small", 1); }).find("'allot'"),
            std::string::npos);
  EXPECT_NE(message_of([] { gen::generate("grid", "huge", 1); }).find("'huge'"), std::string::npos);
  EXPECT_NE(message_of([] {
              gen::generate("grid", "small", 1, {{"depth", 3}});
            }).find("'depth'"),
            std::string::npos);
  // A key of another family is unknown here.
  EXPECT_NE(message_of([] {
              gen::generate("alloc", "small", 1, {{"periods", 3}});
            }).find("periods"),
            std::string::npos);
  EXPECT_NE(message_of([] { gen::parameter_names("nope"); }).find("'nope'"), std::string::npos);
  EXPECT_NE(message_of([] { gen::AllocParams::size("tiny"); }).find("'tiny'"), std::string::npos);
  // Out-of-range values name the parameter.
  EXPECT_NE(message_of([] {
              gen::generate("alloc", "small", 1, {{"groups", 0}});
            }).find("groups"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              gen::generate("grid", "small", 1, {{"height", 1}, {"width", 1}});
            }).find("two cells"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              gen::generate("netgen", "small", 1, {{"nodes", 10}, {"sources", 10}});
            }).find("sources"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              gen::generate("transport", "small", 1, {{"donors", 100'000}, {"regions", 100'000}});
            }).find("arcs"),
            std::string::npos);
}

TEST(FamiliesGolden, SeedsGiveTheSameInstancesEverywhere) {
  // Digests of tiny instances: a change here means a seed no longer reproduces published
  // benchmark instances, on this platform or another. Update deliberately, never silently.
  const std::map<std::string, std::uint64_t> expected{
      {"alloc", 4660765780020122841ULL},       {"transport", 12213778310944902234ULL},
      {"netgen", 6956131190143501182ULL},      {"grid", 11230015003116093391ULL},
      {"multiperiod", 9210073788513976185ULL},
  };
  const std::map<std::string, Overrides> tiny{
      {"alloc", {{"groups", 200}, {"clinics", 15}}},
      {"transport", {{"donors", 10}, {"regions", 12}}},
      {"netgen", {{"nodes", 100}}},
      {"grid", {{"height", 20}, {"width", 25}}},
      {"multiperiod", {{"groups", 40}, {"clinics", 6}, {"periods", 3}}},
  };
  for (const auto& [family, overrides] : tiny) {
    EXPECT_EQ(fingerprint(gen::generate(family, "small", 2024, overrides)), expected.at(family))
        << family;
  }
}

}  // namespace
}  // namespace donorflow
