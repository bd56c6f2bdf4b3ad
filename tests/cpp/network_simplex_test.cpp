// Hand-made cases for every status and every feature of the min-cost flow problem, run on every
// algorithm, each optimal answer proven by its certificate.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "donorflow/flow/cost_scaling.hpp"
#include "donorflow/gen/families.hpp"
#include "solve_and_check.hpp"

namespace donorflow {
namespace {

using testing::kAllAlgorithms;
using testing::solve_checked;

struct Case {
  NodeId nodes;
  std::vector<NodeId> tails, heads;
  std::vector<Flow> lower, upper;
  std::vector<Cost> cost;
  std::vector<Flow> supply;
  SupplyMode mode = SupplyMode::kExact;

  MinCostFlowProblem problem() const {
    return {StaticGraph(nodes, tails, heads), lower, upper, cost, supply, mode};
  }
};

class EveryAlgorithm : public ::testing::TestWithParam<Algorithm> {};

INSTANTIATE_TEST_SUITE_P(Flow, EveryAlgorithm, ::testing::ValuesIn(kAllAlgorithms),
                         [](const auto& info) {
                           std::string name(algorithm_name(info.param));
                           std::erase(name, '-');
                           return name;
                         });

TEST_P(EveryAlgorithm, TransportsAlongTheCheapestPath) {
  // 0 -> 1 -> 3 costs 2 per unit, 0 -> 2 -> 3 costs 5 but the cheap path holds only 3 units.
  const Case c{4, {0, 1, 0, 2}, {1, 3, 2, 3}, {}, {3, 10, 10, 10}, {1, 1, 2, 3}, {5, 0, 0, -5}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.cost, 3 * 2 + 2 * 5);
  EXPECT_EQ(r.flow, (std::vector<Flow>{3, 3, 2, 2}));
}

TEST_P(EveryAlgorithm, ReportsInfeasibleWhenCapacityIsShort) {
  const Case c{2, {0}, {1}, {}, {3}, {1}, {5, -5}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  EXPECT_EQ(r.status, Status::kInfeasible);
  EXPECT_NE(r.message.find("node 0"), std::string::npos) << r.message;
}

TEST_P(EveryAlgorithm, NamesTheStrandedSupplyByTheCallersNumber) {
  // Cost scaling numbers nodes in its own order (0, 3, 1, 2 here); the message must not.
  const Case c{4, {0, 2}, {3, 1}, {}, {10, 1}, {1, 1}, {0, -5, 5, 0}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  EXPECT_EQ(r.status, Status::kInfeasible);
  EXPECT_NE(r.message.find("node 2"), std::string::npos) << r.message;
  EXPECT_EQ(r.message.find("node 3"), std::string::npos) << r.message;
}

TEST_P(EveryAlgorithm, ReportsInfeasibleWhenNoPathExists) {
  const Case c{3, {0}, {1}, {}, {}, {1}, {2, 0, -2}};
  const auto p = c.problem();
  EXPECT_EQ(solve_checked(p.view(), GetParam()).status, Status::kInfeasible);
}

TEST_P(EveryAlgorithm, ReportsUnboundedNegativeCycleOfInfiniteCapacity) {
  const Case c{3, {0, 1, 2}, {1, 2, 0}, {}, {}, {1, -5, 1}, {0, 0, 0}};
  const auto p = c.problem();
  EXPECT_EQ(solve_checked(p.view(), GetParam()).status, Status::kUnbounded);
}

TEST_P(EveryAlgorithm, SaturatesNegativeCycleOfFiniteCapacity) {
  const Case c{3, {0, 1, 2}, {1, 2, 0}, {}, {4, kInfiniteCapacity, 7}, {1, -5, 1}, {0, 0, 0}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.cost, -3 * 4);
  EXPECT_EQ(r.flow, (std::vector<Flow>{4, 4, 4}));
}

TEST_P(EveryAlgorithm, NegativeSelfLoopIsSaturatedOrUnbounded) {
  Case c{1, {0}, {0}, {}, {6}, {-2}, {0}};
  auto p = c.problem();
  auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.cost, -12);
  c.upper = {kInfiniteCapacity};
  p = c.problem();
  EXPECT_EQ(solve_checked(p.view(), GetParam()).status, Status::kUnbounded);
}

TEST_P(EveryAlgorithm, ParallelNegativeArcsOfInfiniteCapacityAreNotACycle) {
  // Three parallel arcs improve the same node three times: no cycle, so not unbounded.
  const Case c{2, {0, 0, 0}, {1, 1, 1}, {}, {}, {-1, -2, -3}, {1, -1}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.cost, -3);
}

TEST_P(EveryAlgorithm, HonoursLowerBounds) {
  // The expensive arc must carry at least 2 units although the cheap one could carry all 4.
  const Case c{2, {0, 0}, {1, 1}, {0, 2}, {10, 10}, {1, 9}, {4, -4}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{2, 2}));
  EXPECT_EQ(r.cost, 2 * 1 + 2 * 9);
}

TEST_P(EveryAlgorithm, LowerBoundsCanForceCirculation) {
  // No supplies, but arc 0 -> 1 must carry 3, which must come back over 1 -> 0.
  const Case c{2, {0, 1}, {1, 0}, {3, 0}, {5, 5}, {2, 4}, {0, 0}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.cost, 3 * 2 + 3 * 4);
}

TEST_P(EveryAlgorithm, ParallelArcsFillCheapestFirst) {
  const Case c{2, {0, 0, 0}, {1, 1, 1}, {}, {2, 2, 10}, {3, 1, 7}, {5, -5}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{2, 2, 1}));
  EXPECT_EQ(r.cost, 2 * 3 + 2 * 1 + 7);
}

TEST_P(EveryAlgorithm, ZeroSupplyAndNonNegativeCostsGiveZeroFlow) {
  const Case c{3, {0, 1, 2}, {1, 2, 0}, {}, {5, 5, 5}, {1, 2, 3}, {}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.cost, 0);
  EXPECT_EQ(r.flow, (std::vector<Flow>{0, 0, 0}));
}

TEST_P(EveryAlgorithm, EmptyGraphIsOptimal) {
  const Case c{0, {}, {}, {}, {}, {}, {}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  EXPECT_EQ(r.status, Status::kOptimal);
  EXPECT_EQ(r.cost, 0);
}

TEST_P(EveryAlgorithm, SupplyMayRemainLeavesTheExpensiveSupplyUnused) {
  // Two sources of 5 for a demand of 6: the cheaper source ships everything it has.
  Case c{3, {0, 1}, {2, 2}, {}, {}, {1, 4}, {5, 5, -6}, SupplyMode::kSupplyMayRemain};
  auto p = c.problem();
  auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{5, 1}));
  EXPECT_EQ(r.cost, 5 + 4);
  // Too little supply is infeasible in this mode.
  c.supply = {2, 2, -6};
  p = c.problem();
  EXPECT_EQ(solve_checked(p.view(), GetParam()).status, Status::kInfeasible);
}

TEST_P(EveryAlgorithm, SupplyMayRemainUsesNegativeArcsToAbsorbMore) {
  // A negative-cost arc into a sink pays for receiving more than the demand.
  const Case c{2, {0}, {1}, {}, {7}, {-3}, {10, -2}, SupplyMode::kSupplyMayRemain};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{7}));
}

TEST_P(EveryAlgorithm, DemandMayRemainShipsAllSupplyToTheCheapestSinks) {
  Case c{3, {0, 0}, {1, 2}, {}, {}, {3, 1}, {4, -3, -3}, SupplyMode::kDemandMayRemain};
  auto p = c.problem();
  auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{1, 3}));
  // Supply that cannot be shipped is infeasible in this mode.
  c.upper = {1, 1};
  p = c.problem();
  EXPECT_EQ(solve_checked(p.view(), GetParam()).status, Status::kInfeasible);
}

TEST_P(EveryAlgorithm, ObjectiveBeyond64BitsIsExact) {
  // Two arcs each costing about 2^59 per unit, with about 2^8 units: the total needs 68 bits.
  // Cost scaling's prices grow with nodes squared times costs, so it may refuse such costs with
  // kOverflow rather than risk a wrong answer; automatic choice must still solve it.
  const Cost big = Cost{1} << 55;
  const Case c{3, {0, 1}, {1, 2}, {}, {}, {big, big}, {300, 0, -300}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  if (GetParam() == Algorithm::kCostScaling && r.status == Status::kOverflow) {
    EXPECT_NE(r.message.find("network simplex"), std::string::npos) << r.message;
  } else {
    ASSERT_EQ(r.status, Status::kOptimal) << r.message;
    EXPECT_EQ(r.cost, static_cast<WideCost>(big) * 600);
  }
  const auto automatic = solve_checked(p.view(), Algorithm::kAuto);
  ASSERT_EQ(automatic.status, Status::kOptimal) << automatic.message;
  EXPECT_EQ(automatic.cost, static_cast<WideCost>(big) * 600);
}

TEST_P(EveryAlgorithm, FlowsAndCostsAroundThirtyTwoBitsAreExact) {
  // Cost scaling keeps costs and capacities in 32 bits when they fit: at 2^31 - 1 they do, at
  // 2^31 (and with an infinite arc whose bound is that large) the solve must use 64 bits, else
  // the flow would wrap around.
  const Flow edge = (Flow{1} << 31) - 1;
  for (const Flow capacity : {edge, edge + 1}) {
    // Two parallel arcs, the cheaper full, five units on the dearer.
    const Case c{
        2, {0, 0}, {1, 1}, {}, {capacity, capacity}, {1, 2}, {capacity + 5, -capacity - 5}};
    const auto p = c.problem();
    const auto r = solve_checked(p.view(), GetParam());
    ASSERT_EQ(r.status, Status::kOptimal) << r.message;
    EXPECT_EQ(r.flow, (std::vector<Flow>{capacity, 5})) << capacity;
    EXPECT_EQ(r.cost, capacity + 10);
  }
  // An infinite arc and a cost of -(2^31 - 1): the path 0 -> 1 -> 2 earns 2^31 - 2 per unit.
  const Case c{3,
               {0, 1, 0},
               {1, 2, 2},
               {},
               {kInfiniteCapacity, edge + 1, kInfiniteCapacity},
               {1, -edge, 0},
               {edge + 3, 0, -edge - 3}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{edge + 1, edge + 1, 2}));
  EXPECT_EQ(r.cost, static_cast<WideCost>(edge + 1) * (1 - edge));
}

TEST(NetworkSimplexShortlist, ANodeWhoseSampledCostsMisleadFallsBackToAllItsArcs) {
  // 40 donors by 200 regions (8,000 arcs on 240 nodes: dense, so a cold network simplex prices
  // shortlists of each node's 30 cheapest arcs). Donor 0's arcs at the places the cut-off samples
  // (k * 200 / 64) are its cheapest, all the others cost far more: the cut-off lets only about 20
  // through, fewer than a list, and the list must come from all its arcs. The other donors' costs
  // are spread. Network simplex must agree with cost scaling, each with its certificate.
  constexpr NodeId kDonors = 40, kRegions = 200;
  std::vector<NodeId> tails, heads;
  std::vector<Flow> upper;
  std::vector<Cost> cost;
  std::vector<Flow> supply(kDonors + kRegions, 0);
  std::vector<bool> sampled(kRegions, false);
  for (NodeId k = 0; k < 64; ++k) sampled[static_cast<std::size_t>(k * kRegions / 64)] = true;
  for (NodeId d = 0; d < kDonors; ++d) {
    for (NodeId r = 0; r < kRegions; ++r) {
      tails.push_back(d), heads.push_back(kDonors + r), upper.push_back(5);
      const bool cheap = sampled[static_cast<std::size_t>(r)];
      cost.push_back(d == 0 ? (cheap ? 1 + r % 7 : 5'000 + r) : 1 + (d * 37 + r * 101) % 997);
    }
    supply[static_cast<std::size_t>(d)] = 50;
  }
  for (NodeId r = 0; r < kRegions; ++r) supply[static_cast<std::size_t>(kDonors + r)] = -10;
  MinCostFlowProblem p;
  p.graph = StaticGraph(kDonors + kRegions, tails, heads);
  p.upper = upper, p.cost = cost, p.supply = supply;
  ASSERT_GE(p.graph.arc_count(), 32 * p.graph.node_count());
  const MinCostFlowResult simplex = solve_checked(p.view(), Algorithm::kNetworkSimplex);
  const MinCostFlowResult scaling = solve_checked(p.view(), Algorithm::kCostScaling);
  ASSERT_EQ(simplex.status, Status::kOptimal) << simplex.message;
  ASSERT_EQ(scaling.status, Status::kOptimal) << scaling.message;
  EXPECT_EQ(to_string(simplex.cost), to_string(scaling.cost));
}

TEST(NetworkSimplexLayout, AStrideOfMoreThanOneTileWithLongerRunsKeepsEveryArc) {
  // 130 donors by 170 regions: 22,100 arcs on 300 nodes, laid out with a stride of 73 (more than
  // one tile of 64 runs), the first 54 runs one arc longer than the others. An arc laid out or
  // read back in the wrong place breaks the certificate or the cost.
  const auto p = gen::generate("transport", "small", 3, {{"donors", 130}, {"regions", 170}});
  ASSERT_EQ(p.graph.arc_count(), 22'100);
  const MinCostFlowResult simplex = solve_checked(p.view(), Algorithm::kNetworkSimplex);
  const MinCostFlowResult scaling = solve_checked(p.view(), Algorithm::kCostScaling);
  ASSERT_EQ(simplex.status, Status::kOptimal) << simplex.message;
  ASSERT_EQ(scaling.status, Status::kOptimal) << scaling.message;
  EXPECT_EQ(to_string(simplex.cost), to_string(scaling.cost));
}

TEST(NetworkSimplexMessages, NameAnArcOfTheUnboundedCycleByTheCallersNumber) {
  // Network simplex lays its arcs out in strided order (here a stride of 5); the arc it names must
  // be the caller's. Arcs 7, 12 and 18 form a cycle of cost -1 and infinite capacity; the others
  // hold one unit each at a positive cost.
  Case c{4, {}, {}, {}, {}, {}, {0, 0, 0, 0}};
  const std::vector<ArcId> cycle = {7, 12, 18};
  for (ArcId a = 0; a < 20; ++a) {
    const auto k = std::find(cycle.begin(), cycle.end(), a) - cycle.begin();
    const bool on_cycle = k < 3;
    c.tails.push_back(on_cycle ? static_cast<NodeId>(1 + k) : a % 4);
    c.heads.push_back(on_cycle ? static_cast<NodeId>(1 + (k + 1) % 3) : (a + 1) % 4);
    c.upper.push_back(on_cycle ? kInfiniteCapacity : 1);
    c.cost.push_back(on_cycle ? (k == 0 ? -3 : 1) : 2);
  }
  const auto p = c.problem();
  const MinCostFlowResult r = solve_network_simplex(p.view());
  ASSERT_EQ(r.status, Status::kUnbounded);
  const std::size_t at = r.message.find("closes over arc ");
  ASSERT_NE(at, std::string::npos) << r.message;
  const ArcId named = std::stoi(r.message.substr(at + std::string("closes over arc ").size()));
  EXPECT_NE(std::find(cycle.begin(), cycle.end(), named), cycle.end()) << r.message;
}

TEST(CostScalingWidth, ThirtyTwoBitsOnlyWhenEveryValueFits) {
  const Flow edge = (Flow{1} << 31) - 1;
  auto fits = [](const Case& c) { return detail::cost_scaling_fits_32_bits(c.problem().view()); };
  EXPECT_TRUE(fits({2, {0}, {1}, {}, {edge}, {-edge}, {edge, -edge}}));
  EXPECT_FALSE(fits({2, {0}, {1}, {}, {edge + 1}, {1}, {5, -5}}));    // a capacity
  EXPECT_FALSE(fits({2, {0}, {1}, {}, {10}, {-edge - 1}, {5, -5}}));  // a cost
  EXPECT_FALSE(fits({2, {0}, {1}, {}, {10}, {edge + 1}, {5, -5}}));
  // Infinite capacities are replaced by a bound on any flow: 1 + finite capacities + supplies.
  EXPECT_TRUE(fits({2, {0, 0}, {1, 1}, {}, {kInfiniteCapacity, 100}, {1, 1}, {5, -5}}));
  EXPECT_FALSE(fits({2, {0, 0}, {1, 1}, {}, {kInfiniteCapacity, edge - 5}, {1, 1}, {5, -5}}));
  // The relaxed modes' slack arcs carry that bound too.
  Case relaxed{2, {0}, {1}, {}, {edge - 5}, {1}, {5, -3}, SupplyMode::kSupplyMayRemain};
  EXPECT_FALSE(fits(relaxed));
  relaxed.upper = {100};
  EXPECT_TRUE(fits(relaxed));
}

TEST(CostScalingWidth, SixtyFourBitArcsSolveAnAllocationNetworkExactly) {
  // The same allocation network in 32 bits, and with every supply and capacity times 2^31 (64-bit
  // arcs; the optimum scales with them): hubs, lists and relabels run on both widths.
  const auto small =
      gen::generate("alloc", "small", 7, {{"groups", 3000}, {"clinics", 30}, {"nearest", 3}});
  ASSERT_TRUE(detail::cost_scaling_fits_32_bits(small.view()));
  const auto narrow = solve_cost_scaling(small.view());
  ASSERT_EQ(narrow.status, Status::kOptimal) << narrow.message;

  MinCostFlowProblem large = small;
  const Flow scale = Flow{1} << 31;
  for (Flow& u : large.upper) u *= scale;
  for (Flow& b : large.supply) b *= scale;
  ASSERT_FALSE(detail::cost_scaling_fits_32_bits(large.view()));
  const auto wide = solve_cost_scaling(large.view());
  ASSERT_EQ(wide.status, Status::kOptimal) << wide.message;
  const CertificateCheck check = check_certificate(large.view(), wide.flow, wide.potential);
  EXPECT_TRUE(check.ok) << check.failure;
  EXPECT_EQ(to_string(wide.cost), to_string(narrow.cost * scale));
}

TEST_P(EveryAlgorithm, ArcsWithoutRoomCarryTheirBoundAndNoMore) {
  // Arc 0 is fixed at 2 units (lower = upper), arc 1 is closed (upper 0) though its cost is
  // negative; cost scaling leaves both out of its residual graph.
  const Case c{3,         {0, 0, 0, 1}, {1, 1, 2, 2}, {2, 0, 0, 0}, {2, 0, 10, 10}, {5, -10, 1, 1},
               {4, 0, -4}};
  const auto p = c.problem();
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{2, 0, 2, 2}));
  EXPECT_EQ(r.cost, 2 * 5 + 2 * 1 + 2 * 1);
}

TEST_P(EveryAlgorithm, ReachesTheOptimumThroughHubsOfThousandsOfArcs) {
  // The shortfall source of an allocation network touches every group: cost scaling relabels it
  // from a list of its best arcs, remade and appended to as flow moves ("Hubs" in
  // cost_scaling.hpp). Here it has about 10,800 arcs, and its list 256.
  const auto p =
      gen::generate("alloc", "small", 4, {{"groups", 6000}, {"clinics", 40}, {"nearest", 3}});
  const auto reference = solve_min_cost_flow(p.view(), Algorithm::kNetworkSimplex);
  const auto r = solve_checked(p.view(), GetParam());
  ASSERT_EQ(r.status, Status::kOptimal) << r.message;
  EXPECT_EQ(to_string(r.cost), to_string(reference.cost));
}

TEST(InputCheck, RejectsUnbalancedSupplies) {
  const Case c{2, {0}, {1}, {}, {}, {1}, {3, -2}};
  const auto p = c.problem();
  const auto r = solve_min_cost_flow(p.view());
  EXPECT_EQ(r.status, Status::kUnbalanced);
  EXPECT_NE(r.message.find("sum to 1"), std::string::npos) << r.message;
}

TEST(InputCheck, RejectsLowerAboveUpperNamingTheArc) {
  const Case c{2, {0, 0}, {1, 1}, {0, 5}, {3, 4}, {1, 1}, {0, 0}};
  const auto p = c.problem();
  const auto r = solve_min_cost_flow(p.view());
  EXPECT_EQ(r.status, Status::kBadInput);
  EXPECT_NE(r.message.find("arc 1"), std::string::npos) << r.message;
}

TEST(InputCheck, RejectsSumsBeyond64Bits) {
  // Supplies and capacities each within range, but their sum reaches 2^62.
  const Case c{2,
               {0, 0},
               {1, 1},
               {},
               {kMaxMagnitude, kMaxMagnitude},
               {1, 1},
               {kMaxMagnitude, -kMaxMagnitude}};
  const auto p = c.problem();
  EXPECT_EQ(solve_min_cost_flow(p.view()).status, Status::kOverflow);
  // Costs whose path sums could overflow are refused too.
  Case d{2, {0}, {1}, {}, {1}, {kMaxMagnitude}, {0, 0}};
  const auto q = d.problem();
  const auto r = solve_min_cost_flow(q.view());
  EXPECT_EQ(r.status, Status::kOverflow);
  EXPECT_NE(r.message.find("rescale"), std::string::npos) << r.message;
}

TEST(InputCheck, RejectsArraysOfTheWrongLength) {
  Case c{2, {0}, {1}, {}, {}, {1, 2}, {0, 0}};
  const auto p = c.problem();
  const auto r = solve_min_cost_flow(p.view());
  EXPECT_EQ(r.status, Status::kBadInput);
  EXPECT_NE(r.message.find("cost has 2 entries"), std::string::npos) << r.message;
}

TEST(StaticGraphTest, IndexesArcsByTailAndHead) {
  const std::vector<NodeId> tails{2, 0, 2, 1, 1};
  const std::vector<NodeId> heads{0, 2, 2, 0, 0};
  const StaticGraph g(3, tails, heads);
  EXPECT_EQ(g.node_count(), 3);
  EXPECT_EQ(g.arc_count(), 5);
  EXPECT_EQ(std::vector<ArcId>(g.out_arcs(2).begin(), g.out_arcs(2).end()),
            (std::vector<ArcId>{0, 2}));
  EXPECT_EQ(std::vector<ArcId>(g.in_arcs(0).begin(), g.in_arcs(0).end()),
            (std::vector<ArcId>{0, 3, 4}));
  EXPECT_EQ(g.out_degree(0), 1);
  EXPECT_EQ(g.in_degree(2), 2);
}

TEST(StaticGraphTest, RejectsArcsToMissingNodes) {
  const std::vector<NodeId> tails{0, 1};
  const std::vector<NodeId> heads{1, 3};
  EXPECT_THROW(StaticGraph(2, tails, heads), std::invalid_argument);
}

TEST(CertificateTest, RejectsSuboptimalFlowAndWrongPotentials) {
  const Case c{4, {0, 1, 0, 2}, {1, 3, 2, 3}, {}, {3, 10, 10, 10}, {1, 1, 2, 3}, {5, 0, 0, -5}};
  const auto p = c.problem();
  const auto r = solve_min_cost_flow(p.view());
  ASSERT_TRUE(r.optimal());
  // A feasible but suboptimal flow: everything over the expensive path.
  const std::vector<Flow> worse{0, 0, 5, 5};
  EXPECT_FALSE(check_certificate(p.view(), worse, r.potential).ok);
  // The optimal flow with shifted potentials on one node only.
  std::vector<Cost> wrong = r.potential;
  wrong[1] += 100;
  const auto check = check_certificate(p.view(), r.flow, wrong);
  EXPECT_FALSE(check.ok);
  EXPECT_NE(check.failure.find("reduced cost"), std::string::npos) << check.failure;
  // A flow that breaks conservation.
  std::vector<Flow> leaky = r.flow;
  leaky[0] -= 1;
  EXPECT_FALSE(check_certificate(p.view(), leaky, r.potential).ok);
}

TEST(CertificateTest, NamesTheNodeWhoseBalanceFails) {
  const Case c{3, {0, 1}, {1, 2}, {}, {5, 5}, {0, 0}, {2, 0, -2}};
  const auto p = c.problem();
  const std::vector<Flow> leaky{2, 1};
  const std::vector<Cost> zero(3, 0);
  const auto check = check_certificate(p.view(), leaky, zero);
  EXPECT_FALSE(check.ok);
  EXPECT_NE(check.failure.find("node 1"), std::string::npos) << check.failure;
}

TEST(AutomaticChoice, CostScalingForLargeSparseNetworks) {
  // Cold solves: cost scaling from 50,000 nodes on at most 64 arcs per node, from 115,000 on a
  // long network (a grid: 598 levels from its corner on 300 x 300).
  const auto random = gen::generate("netgen", "small", 1, {{"nodes", 50'000}});
  const auto small_random = gen::generate("netgen", "small", 1, {{"nodes", 40'000}});
  const auto large_grid = gen::generate("grid", "small", 1, {{"height", 350}, {"width", 350}});
  const auto mid_grid = gen::generate("grid", "small", 1, {{"height", 300}, {"width", 300}});
  const auto small_grid = gen::generate("grid", "small", 1, {{"height", 200}, {"width", 200}});
  const auto dense = gen::generate("transport", "small", 1, {{"donors", 300}, {"regions", 49700}});
  EXPECT_FALSE(is_long(random.graph));
  EXPECT_TRUE(is_long(mid_grid.graph));
  EXPECT_TRUE(prefers_cost_scaling(random.view()));
  EXPECT_FALSE(prefers_cost_scaling(small_random.view()));
  EXPECT_TRUE(prefers_cost_scaling(large_grid.view()));  // 122,500 nodes
  EXPECT_FALSE(prefers_cost_scaling(mid_grid.view()));   // 90,000 nodes
  EXPECT_FALSE(prefers_cost_scaling(small_grid.view()));
  EXPECT_FALSE(prefers_cost_scaling(dense.view()));  // 50,000 nodes, 298 arcs per node
  // With a hub (alloc's shortfall source), cost scaling from 40,000 arcs: alloc small has 20,502
  // nodes and 196,530 arcs, 5,000 groups give 49,503 arcs, 3,000 groups about 30,000.
  const auto alloc = gen::generate("alloc", "small", 1, {});
  const auto mid_alloc = gen::generate("alloc", "small", 1, {{"groups", 5000}});
  const auto small_alloc = gen::generate("alloc", "small", 1, {{"groups", 3000}});
  EXPECT_TRUE(has_hub(alloc.view()));
  EXPECT_TRUE(prefers_cost_scaling(alloc.view()));
  EXPECT_TRUE(prefers_cost_scaling(mid_alloc.view()));
  EXPECT_FALSE(prefers_cost_scaling(small_alloc.view()));
  EXPECT_FALSE(has_hub(small_grid.view()));
  // Warm starts restart cost scaling only from a million arcs with a hub (20 donors touch 1/20 of
  // the arcs each; 1000 donors touch 1/1000), and only when the old flow leaves some node out of
  // balance: a flow of zero does, unless every supply is zero.
  auto with_hubs = gen::generate("transport", "small", 1, {{"donors", 20}, {"regions", 50000}});
  const auto without =
      gen::generate("transport", "small", 1, {{"donors", 1000}, {"regions", 1000}});
  const std::vector<Flow> zero_flow(1'000'000, 0);
  const std::vector<Cost> zero_potential(50'020, 0);
  const WarmStart start{zero_flow, zero_potential};
  EXPECT_TRUE(prefers_warm_cost_scaling(with_hubs.view(), start));
  EXPECT_FALSE(prefers_warm_cost_scaling(without.view(), start));
  std::fill(with_hubs.supply.begin(), with_hubs.supply.end(), 0);
  EXPECT_FALSE(prefers_warm_cost_scaling(with_hubs.view(), start));
}

}  // namespace
}  // namespace donorflow
