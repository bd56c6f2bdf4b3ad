// Warm starts: a re-solve from the previous answer gives the cold solve's optimum, proven by its
// certificate, after changes of supplies, costs and capacities.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "donorflow/flow/certificate.hpp"
#include "donorflow/flow/min_cost_flow.hpp"
#include "donorflow/flow/network_simplex.hpp"
#include "donorflow/gen/families.hpp"
#include "solve_and_check.hpp"

namespace donorflow {
namespace {

enum class Change { kSupplies, kCosts, kCapacities, kAll };

// Changes about 1% of the problem's supplies (moving units between a source and a sink, so
// that it stays balanced), costs or capacities.
void perturb(MinCostFlowProblem& p, Change change, std::mt19937_64& random) {
  const ArcId m = p.graph.arc_count();
  const NodeId n = p.graph.node_count();
  const auto pick_arc = [&] {
    return static_cast<ArcId>(random() % static_cast<std::uint64_t>(m));
  };
  const int changes = std::max(1, static_cast<int>(m / 100));
  if ((change == Change::kCosts || change == Change::kAll) && !p.cost.empty()) {
    for (int k = 0; k < changes; ++k) {
      const ArcId a = pick_arc();
      p.cost[a] = std::max<Cost>(0, p.cost[a] + static_cast<Cost>(random() % 21) - 10);
    }
  }
  if ((change == Change::kCapacities || change == Change::kAll) && !p.upper.empty()) {
    for (int k = 0; k < changes; ++k) {
      const ArcId a = pick_arc();
      if (p.upper[a] == kInfiniteCapacity) continue;
      const Flow lower = p.lower.empty() ? 0 : p.lower[a];
      p.upper[a] = std::max(lower, p.upper[a] + static_cast<Flow>(random() % 7) - 3);
    }
  }
  if (change == Change::kSupplies || change == Change::kAll) {
    std::vector<NodeId> sources, sinks;
    for (NodeId v = 0; v < n; ++v) {
      if (p.supply[v] > 0) sources.push_back(v);
      if (p.supply[v] < 0) sinks.push_back(v);
    }
    for (int k = 0; k < std::max<int>(1, n / 100) && !sources.empty() && !sinks.empty(); ++k) {
      const NodeId s = sources[random() % sources.size()], t = sinks[random() % sinks.size()];
      const Flow units = std::min<Flow>({p.supply[s], -p.supply[t], 3});
      p.supply[s] -= units;
      p.supply[t] += units;
    }
  }
}

struct Case {
  const char* family;
  std::map<std::string, std::int64_t> overrides;
};

// The instances and the changes the suites below run over.
const auto kCases = ::testing::Values(Case{"alloc", {{"groups", 2000}, {"clinics", 60}}},
                                      Case{"netgen", {{"nodes", 512}}},
                                      Case{"grid", {{"height", 20}, {"width", 20}}},
                                      Case{"transport", {{"donors", 30}, {"regions", 40}}},
                                      Case{"multiperiod", {{"groups", 500}, {"periods", 3}}});
const auto kChanges =
    ::testing::Values(Change::kSupplies, Change::kCosts, Change::kCapacities, Change::kAll);

class WarmStartTest : public ::testing::TestWithParam<std::tuple<Case, Change, Algorithm>> {};

TEST_P(WarmStartTest, EqualsTheColdSolve) {
  const auto& [instance, change, algorithm] = GetParam();
  std::mt19937_64 random(17);
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    MinCostFlowProblem problem = gen::generate(instance.family, "small", seed, instance.overrides);
    const MinCostFlowResult before = solve_min_cost_flow(problem.view());
    ASSERT_TRUE(before.optimal()) << before.message;
    perturb(problem, change, random);
    const MinCostFlowResult cold =
        testing::solve_checked(problem.view(), Algorithm::kNetworkSimplex);
    const MinCostFlowResult warm = resolve_min_cost_flow(problem.view(), before, algorithm);
    ASSERT_EQ(warm.status, cold.status) << warm.message;
    if (!cold.optimal()) continue;
    EXPECT_EQ(warm.algorithm, algorithm_name(algorithm));
    EXPECT_EQ(to_string(warm.cost), to_string(cold.cost)) << instance.family << " seed " << seed;
    const CertificateCheck check = check_certificate(problem.view(), warm.flow, warm.potential);
    EXPECT_TRUE(check.ok) << check.failure;
  }
}

INSTANTIATE_TEST_SUITE_P(Families, WarmStartTest,
                         ::testing::Combine(kCases, kChanges,
                                            ::testing::Values(Algorithm::kNetworkSimplex,
                                                              Algorithm::kCostScaling)));

// A network simplex solver kept between solves re-solves from its own last basis: each of three
// changes in a row gives the cold solve's optimum, proven by its certificate.
class KeptSolverTest : public ::testing::TestWithParam<std::tuple<Case, Change>> {};

TEST_P(KeptSolverTest, ResolveEqualsTheColdSolve) {
  const auto& [instance, change] = GetParam();
  std::mt19937_64 random(23);
  MinCostFlowProblem problem = gen::generate(instance.family, "small", 2, instance.overrides);
  NetworkSimplex<> kept(problem.view());
  ASSERT_TRUE(kept.run().optimal());
  for (int round = 0; round < 3; ++round) {
    perturb(problem, change, random);
    const MinCostFlowResult cold =
        testing::solve_checked(problem.view(), Algorithm::kNetworkSimplex);
    const MinCostFlowResult warm = kept.resolve();
    ASSERT_EQ(warm.status, cold.status) << warm.message;
    if (!cold.optimal()) return;
    EXPECT_TRUE(kept.started_warm());
    EXPECT_EQ(to_string(warm.cost), to_string(cold.cost)) << instance.family << " round " << round;
    const CertificateCheck check = check_certificate(problem.view(), warm.flow, warm.potential);
    EXPECT_TRUE(check.ok) << check.failure;
  }
}

INSTANTIATE_TEST_SUITE_P(Families, KeptSolverTest, ::testing::Combine(kCases, kChanges));

// resolve() also follows lower bounds that rise and upper bounds that become infinite.
TEST(KeptSolver, LowerBoundsAndInfiniteCapacities) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 4, {{"nodes", 400}});
  problem.lower.assign(static_cast<std::size_t>(problem.graph.arc_count()), 0);
  NetworkSimplex<> kept(problem.view());
  const MinCostFlowResult before = kept.run();
  ASSERT_TRUE(before.optimal());
  int raised = 0, freed = 0;
  for (ArcId a = 0; a < problem.graph.arc_count(); ++a) {
    if (a % 7 == 0 && problem.upper[a] >= 2) problem.lower[a] = 1, ++raised;
    // Arcs the answer fills: their upper bound goes, so they must leave it.
    if (a % 5 == 1 && before.flow[a] == problem.upper[a] && before.flow[a] > 0) {
      problem.upper[a] = kInfiniteCapacity, ++freed;
    }
  }
  ASSERT_GT(raised, 0);
  ASSERT_GT(freed, 0);
  const MinCostFlowResult cold = testing::solve_checked(problem.view(), Algorithm::kNetworkSimplex);
  ASSERT_TRUE(cold.optimal()) << cold.message;
  const MinCostFlowResult warm = kept.resolve();
  ASSERT_TRUE(warm.optimal()) << warm.message;
  EXPECT_EQ(to_string(warm.cost), to_string(cold.cost));
  EXPECT_TRUE(check_certificate(problem.view(), warm.flow, warm.potential).ok);
}

// Random changes of every kind, four in a row, on many small instances: costs of any sign, bounds
// that move, lower bounds that rise, upper bounds that become infinite, supplies that move (some
// rounds leave no feasible flow). The warm start from the last answer and the kept solver give the
// cold solve's status and cost, with a certificate.
TEST(KeptSolver, RandomChangesMatchTheColdSolve) {
  for (int trial = 0; trial < 200; ++trial) {
    std::mt19937_64 random(static_cast<std::uint64_t>(trial));
    const auto pick = [&random](int below) { return static_cast<int>(random() % below); };
    const Case cases[] = {Case{"netgen", {{"nodes", 64 + pick(200)}}},
                          Case{"grid", {{"height", 5 + pick(10)}, {"width", 5 + pick(10)}}},
                          Case{"transport", {{"donors", 3 + pick(15)}, {"regions", 3 + pick(15)}}},
                          Case{"alloc", {{"groups", 50 + pick(200)}, {"clinics", 5 + pick(10)}}}};
    const Case& instance = cases[trial % 4];
    MinCostFlowProblem p = gen::generate(instance.family, "small", trial + 1, instance.overrides);
    const ArcId m = p.graph.arc_count();
    const NodeId n = p.graph.node_count();
    p.lower.assign(static_cast<std::size_t>(m), 0);
    NetworkSimplex<> kept(p.view());
    NetworkSimplex<> told(p.view());  // told which arcs it must read again
    MinCostFlowResult last = kept.run();
    ASSERT_TRUE(last.optimal()) << last.message;
    ASSERT_TRUE(told.run().optimal());
    for (int round = 0; round < 4; ++round) {
      const int kind = pick(4);
      std::vector<ArcId> changed;
      for (ArcId k = 0; k <= m / 20; ++k) {
        const ArcId a = pick(m);
        changed.push_back(a);
        if (kind == 0) p.cost[a] = pick(200) - 20;
        if (kind == 1 && p.upper[a] != kInfiniteCapacity) {
          p.upper[a] = std::max<Flow>(p.lower[a], p.upper[a] + pick(7) - 3);
        }
        if (kind == 2 && pick(3) == 0) p.upper[a] = kInfiniteCapacity;
        if (kind == 2 && p.upper[a] != kInfiniteCapacity && p.upper[a] > 0) {
          p.lower[a] = std::min<Flow>(p.upper[a], pick(2));
        }
      }
      if (kind == 3 || pick(2) == 0) {
        for (NodeId k = 0; k <= n / 20; ++k) {
          const Flow units = pick(4);
          p.supply[pick(n)] += units;
          p.supply[pick(n)] -= units;
        }
      }
      const MinCostFlowResult cold = solve_network_simplex(p.view());
      const MinCostFlowResult warm = solve_network_simplex(p.view(), {last.flow, last.potential});
      const MinCostFlowResult again = kept.resolve();
      const MinCostFlowResult listed = told.resolve(changed);
      ASSERT_EQ(warm.status, cold.status) << instance.family << " trial " << trial;
      ASSERT_EQ(again.status, cold.status) << instance.family << " trial " << trial;
      ASSERT_EQ(listed.status, cold.status) << instance.family << " trial " << trial;
      if (!cold.optimal()) continue;
      EXPECT_EQ(to_string(warm.cost), to_string(cold.cost));
      EXPECT_EQ(to_string(again.cost), to_string(cold.cost));
      EXPECT_EQ(to_string(listed.cost), to_string(cold.cost));
      EXPECT_TRUE(check_certificate(p.view(), warm.flow, warm.potential).ok);
      EXPECT_TRUE(check_certificate(p.view(), again.flow, again.potential).ok);
      EXPECT_TRUE(check_certificate(p.view(), listed.flow, listed.potential).ok);
      last = warm;
    }
  }
}

// After a change of supplies alone, a re-solve whose dual pivots bring every tree arc back within
// its bounds returns without pricing the arcs (network_simplex.ipp, update_basis()): the answer
// must still be the cold one and proven, on every family, whether the solver is told that no arc
// changed or reads them all; and the pricing must be skipped often, or the test proves nothing.
TEST(KeptSolver, SupplyChangesMatchTheColdSolve) {
  int resolves = 0, unpriced = 0;
  for (int trial = 0; trial < 250; ++trial) {
    std::mt19937_64 random(static_cast<std::uint64_t>(trial) + 1000);
    const auto pick = [&random](int below) { return static_cast<int>(random() % below); };
    const Case cases[] = {
        Case{"netgen", {{"nodes", 64 + pick(200)}}},
        Case{"grid", {{"height", 5 + pick(10)}, {"width", 5 + pick(10)}}},
        Case{"transport", {{"donors", 3 + pick(25)}, {"regions", 3 + pick(25)}}},
        Case{"alloc", {{"groups", 50 + pick(200)}, {"clinics", 5 + pick(10)}}},
        Case{"multiperiod", {{"groups", 20 + pick(50)}, {"clinics", 3 + pick(5)}, {"periods", 3}}}};
    const Case& instance = cases[trial % 5];
    MinCostFlowProblem p = gen::generate(instance.family, "small", trial + 1, instance.overrides);
    const NodeId n = p.graph.node_count();
    NetworkSimplex<> kept(p.view());
    ASSERT_TRUE(kept.run().optimal());
    for (int round = 0; round < 6; ++round) {
      for (int k = 1 + pick(1 + n / 10); k > 0; --k) {
        const Flow units = pick(4);
        p.supply[pick(n)] += units;
        p.supply[pick(n)] -= units;
      }
      const MinCostFlowResult cold = solve_network_simplex(p.view());
      const MinCostFlowResult again =
          round % 2 == 0 ? kept.resolve() : kept.resolve(std::span<const ArcId>{});
      ASSERT_EQ(again.status, cold.status) << instance.family << " trial " << trial;
      if (!cold.optimal()) continue;
      ++resolves;
      unpriced += kept.proven_without_pricing() ? 1 : 0;
      EXPECT_EQ(to_string(again.cost), to_string(cold.cost))
          << instance.family << " trial " << trial << " round " << round;
      EXPECT_TRUE(check_certificate(p.view(), again.flow, again.potential).ok)
          << instance.family << " trial " << trial << " round " << round;
    }
  }
  EXPECT_GT(unpriced * 4, resolves) << unpriced << " of " << resolves << " skipped the pricing";
  EXPECT_LT(unpriced, resolves);
}

// Told of an arc id the graph does not have, resolve() says which and changes nothing: the next
// solve starts from the same basis, with the right answer.
TEST(KeptSolver, ToldOfAnArcOutsideTheGraphItSaysWhich) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 6, {{"nodes", 300}});
  const ArcId m = problem.graph.arc_count();
  NetworkSimplex<> kept(problem.view());
  const MinCostFlowResult before = kept.run();
  ASSERT_TRUE(before.optimal());
  for (const ArcId outside : {m, ArcId{-1}}) {
    const std::vector<ArcId> changed = {0, outside};
    const MinCostFlowResult bad = kept.resolve(changed);
    EXPECT_EQ(bad.status, Status::kBadInput);
    EXPECT_EQ(bad.message, "changed arc " + std::to_string(outside) +
                               " is not an arc of the graph (0.." + std::to_string(m - 1) + ")");
  }
  problem.cost[0] += 7;
  const std::vector<ArcId> first = {0};
  const MinCostFlowResult again = kept.resolve(first);
  EXPECT_TRUE(kept.started_warm());
  ASSERT_TRUE(again.optimal());
  const MinCostFlowResult cold = solve_network_simplex(problem.view());
  EXPECT_EQ(to_string(again.cost), to_string(cold.cost));
  EXPECT_TRUE(check_certificate(problem.view(), again.flow, again.potential).ok);
}

// Told which arcs changed, resolve() reads those alone: an arc changed but not listed keeps its
// old cost, so the answer is the old one, which the new cost no longer proves; listed, it counts.
TEST(KeptSolver, ToldWhichArcsChangedItReadsOnlyThose) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 7, {{"nodes", 300}});
  NetworkSimplex<> kept(problem.view());
  const MinCostFlowResult before = kept.run();
  ASSERT_TRUE(before.optimal());
  ArcId unused = 0;  // an arc with room that carries nothing: made cheap, it should carry flow
  while (before.flow[unused] != 0 || problem.upper[unused] == 0) ++unused;
  problem.cost[unused] -= 100'000;
  const MinCostFlowResult unseen = kept.resolve(std::span<const ArcId>{});
  ASSERT_TRUE(unseen.optimal());
  EXPECT_EQ(to_string(unseen.cost), to_string(before.cost));
  EXPECT_FALSE(check_certificate(problem.view(), unseen.flow, unseen.potential).ok);
  const std::vector<ArcId> listed = {unused};
  const MinCostFlowResult seen = kept.resolve(listed);
  const MinCostFlowResult cold = solve_network_simplex(problem.view());
  ASSERT_TRUE(seen.optimal());
  EXPECT_EQ(to_string(seen.cost), to_string(cold.cost));
  EXPECT_TRUE(check_certificate(problem.view(), seen.flow, seen.potential).ok);
}

// After a solve that is not optimal there is no basis to keep: resolve() solves cold.
TEST(KeptSolver, AfterAnInfeasibleSolveItStartsCold) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 2, {{"nodes", 300}});
  const std::vector<Flow> upper = problem.upper;
  NetworkSimplex<> kept(problem.view());
  const MinCostFlowResult before = kept.run();
  ASSERT_TRUE(before.optimal());
  std::fill(problem.upper.begin(), problem.upper.end(), 0);
  EXPECT_EQ(kept.resolve().status, Status::kInfeasible);
  problem.upper = upper;  // the same values in the same storage: the view still sees them
  const MinCostFlowResult again = kept.resolve();
  EXPECT_FALSE(kept.started_warm());
  EXPECT_EQ(to_string(again.cost), to_string(before.cost));
}

// resolve() tests the input as it reads it rather than checking it first: bad input still gets
// check_input()'s status and message, and the next solve, on good input again, starts cold with
// the right answer; with lower bounds given or not.
TEST(KeptSolver, BadInputGetsTheChecksMessageAndTheNextSolveStartsCold) {
  for (const bool with_lower : {false, true}) {
    SCOPED_TRACE(with_lower ? "lower bounds given" : "no lower bounds");
    MinCostFlowProblem problem = gen::generate("netgen", "small", 4, {{"nodes", 300}});
    const ArcId m = problem.graph.arc_count();
    if (with_lower) problem.lower.assign(static_cast<std::size_t>(m), 0);
    NetworkSimplex<> kept(problem.view());
    const MinCostFlowResult before = kept.run();
    ASSERT_TRUE(before.optimal());
    const ArcId a = m / 2;
    const NodeId v = problem.graph.tail(a);
    struct Case {
      const char* what;
      std::function<void(MinCostFlowProblem&)> spoil;
      Status status;
    };
    std::vector<Case> cases = {
        {"cost beyond 2^60", [a](MinCostFlowProblem& p) { p.cost[a] = Cost{1} << 61; },
         Status::kOverflow},
        {"negative upper bound", [a](MinCostFlowProblem& p) { p.upper[a] = -1; },
         Status::kBadInput},
        {"supply beyond 2^60", [v](MinCostFlowProblem& p) { p.supply[v] = Flow{1} << 61; },
         Status::kOverflow},
        {"unbalanced supplies", [v](MinCostFlowProblem& p) { p.supply[v] += 1; },
         Status::kUnbalanced},
    };
    if (with_lower) {
      cases.push_back({"lower bound above the upper one",
                       [a](MinCostFlowProblem& p) { p.lower[a] = p.upper[a] + 1; },
                       Status::kBadInput});
      cases.push_back({"capacities beyond 2^62 in all",
                       [](MinCostFlowProblem& p) {
                         for (ArcId k = 0; k < 8; ++k) {
                           p.lower[k] = Flow{1} << 59;
                           p.upper[k] = Flow{1} << 60;
                         }
                       },
                       Status::kOverflow});
    }
    for (const Case& c : cases) {
      SCOPED_TRACE(c.what);
      const MinCostFlowProblem good = problem;
      c.spoil(problem);
      const InputCheck check = check_input(problem.view());
      const MinCostFlowResult bad = kept.resolve();
      EXPECT_EQ(bad.status, c.status);
      EXPECT_EQ(bad.status, check.status);
      EXPECT_EQ(bad.message, check.message);
      // The same values in the same storage, so that the view still sees them.
      std::copy(good.lower.begin(), good.lower.end(), problem.lower.begin());
      std::copy(good.cost.begin(), good.cost.end(), problem.cost.begin());
      std::copy(good.upper.begin(), good.upper.end(), problem.upper.begin());
      std::copy(good.supply.begin(), good.supply.end(), problem.supply.begin());
      const MinCostFlowResult again = kept.resolve();
      EXPECT_FALSE(kept.started_warm());
      ASSERT_TRUE(again.optimal());
      EXPECT_EQ(to_string(again.cost), to_string(before.cost));
      EXPECT_TRUE(check_certificate(problem.view(), again.flow, again.potential).ok);
    }
  }
}

// resolve() tests only the arcs that changed and follows the largest |cost| as it changes: when
// the arc that held it gets cheaper, the answer is still the cold one, and a cost past the limit
// that (nodes + 2) |cost| <= 2^60 sets is still caught.
TEST(KeptSolver, FollowsTheLargestCostAsItChanges) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 5, {{"nodes", 300}});
  NetworkSimplex<> kept(problem.view());
  ASSERT_TRUE(kept.run().optimal());
  const auto largest =
      std::max_element(problem.cost.begin(), problem.cost.end()) - problem.cost.begin();
  problem.cost[largest] = 0;
  const MinCostFlowResult cheaper = kept.resolve();
  const MinCostFlowResult cold = solve_min_cost_flow(problem.view(), Algorithm::kNetworkSimplex);
  ASSERT_TRUE(cheaper.optimal());
  EXPECT_TRUE(kept.started_warm());
  EXPECT_EQ(to_string(cheaper.cost), to_string(cold.cost));
  EXPECT_TRUE(check_certificate(problem.view(), cheaper.flow, cheaper.potential).ok);
  const Cost limit = (Cost{1} << 60) / (problem.graph.node_count() + 2);
  problem.cost[largest] = limit + 1;
  const MinCostFlowResult bad = kept.resolve();
  EXPECT_EQ(bad.status, Status::kOverflow);
  EXPECT_EQ(bad.message, check_input(problem.view()).message);
}

// Keeping the solver is for speed: after changing 1% of the costs it needs few of a cold solve's
// pivots.
TEST(KeptSolver, FewPivotsAfterChangingCosts) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 1, {{"nodes", 2048}});
  NetworkSimplex<> kept(problem.view());
  ASSERT_TRUE(kept.run().optimal());
  std::mt19937_64 random(3);
  perturb(problem, Change::kCosts, random);
  const MinCostFlowResult cold = solve_min_cost_flow(problem.view(), Algorithm::kNetworkSimplex);
  const MinCostFlowResult warm = kept.resolve();
  ASSERT_EQ(to_string(warm.cost), to_string(cold.cost));
  EXPECT_LT(warm.iterations * 20, cold.iterations)
      << warm.iterations << " pivots warm, " << cold.iterations << " cold";
}

// Network simplex rebuilds a basis from the answer: from the unchanged problem's own answer no
// pivot is needed, and an answer that is not basic (cost scaling's) is a valid start too.
TEST(WarmStart, NetworkSimplexRestartsFromTheOldBasis) {
  MinCostFlowProblem problem = gen::generate("alloc", "small", 3, {{"groups", 1500}});
  const MinCostFlowResult ns = solve_min_cost_flow(problem.view(), Algorithm::kNetworkSimplex);
  NetworkSimplex<> again(problem.view());
  const MinCostFlowResult same = again.warm_start({ns.flow, ns.potential}).run();
  EXPECT_TRUE(again.started_warm());
  EXPECT_EQ(same.iterations, 0);
  EXPECT_EQ(to_string(same.cost), to_string(ns.cost));

  const MinCostFlowResult cs = solve_min_cost_flow(problem.view(), Algorithm::kCostScaling);
  std::mt19937_64 random(5);
  perturb(problem, Change::kAll, random);
  NetworkSimplex<> from_cs(problem.view());
  const MinCostFlowResult warm = from_cs.warm_start({cs.flow, cs.potential}).run();
  EXPECT_TRUE(from_cs.started_warm());
  const MinCostFlowResult cold = solve_min_cost_flow(problem.view(), Algorithm::kNetworkSimplex);
  EXPECT_EQ(to_string(warm.cost), to_string(cold.cost));
  EXPECT_TRUE(check_certificate(problem.view(), warm.flow, warm.potential).ok);
}

// The point of a warm start is speed: after changing 1% of the costs, the warm network simplex
// needs a small fraction of a cold solve's pivots, whether it starts from its own (basic) answer
// or from cost scaling's, which leaves most groups of an allocation network out of any tree its
// free arcs form, and changed costs split the old tree.
TEST(WarmStart, FewPivotsAfterChangingCosts) {
  for (const Algorithm first : {Algorithm::kNetworkSimplex, Algorithm::kCostScaling}) {
    for (const Case& instance :
         {Case{"alloc", {{"groups", 4000}, {"clinics", 100}}}, Case{"netgen", {{"nodes", 2048}}}}) {
      MinCostFlowProblem problem = gen::generate(instance.family, "small", 1, instance.overrides);
      const MinCostFlowResult before = solve_min_cost_flow(problem.view(), first);
      ASSERT_TRUE(before.optimal()) << before.message;
      std::mt19937_64 random(3);
      perturb(problem, Change::kCosts, random);
      const MinCostFlowResult cold =
          solve_min_cost_flow(problem.view(), Algorithm::kNetworkSimplex);
      const MinCostFlowResult warm =
          resolve_min_cost_flow(problem.view(), before, Algorithm::kNetworkSimplex);
      ASSERT_EQ(to_string(warm.cost), to_string(cold.cost));
      EXPECT_LT(warm.iterations * 20, cold.iterations)
          << instance.family << " from " << algorithm_name(first) << ": " << warm.iterations
          << " pivots warm, " << cold.iterations << " cold";
    }
  }
}

// After supplies move, the tree's flows leave their bounds along the paths between the moved
// supplies; dual pivots bring them back in a few pivots, where parking the imbalances on root arcs
// of cost M took a hundred times more on these networks.
TEST(WarmStart, FewPivotsAfterMovingSupplies) {
  for (const Case& instance : {Case{"grid", {{"height", 60}, {"width", 60}}},
                               Case{"transport", {{"donors", 150}, {"regions", 150}}}}) {
    MinCostFlowProblem problem = gen::generate(instance.family, "small", 1, instance.overrides);
    NetworkSimplex<> kept(problem.view());
    const MinCostFlowResult before = kept.run();
    ASSERT_TRUE(before.optimal()) << before.message;
    std::mt19937_64 random(3);
    perturb(problem, Change::kSupplies, random);
    const MinCostFlowResult cold = solve_min_cost_flow(problem.view(), Algorithm::kNetworkSimplex);
    for (const MinCostFlowResult& warm :
         {resolve_min_cost_flow(problem.view(), before, Algorithm::kNetworkSimplex),
          kept.resolve()}) {
      ASSERT_EQ(to_string(warm.cost), to_string(cold.cost));
      EXPECT_LT(warm.iterations * 100, cold.iterations)
          << instance.family << ": " << warm.iterations << " pivots warm, " << cold.iterations
          << " cold";
    }
  }
}

// A change that leaves no feasible flow is reported as the cold solve reports it.
TEST(WarmStart, AChangeThatMakesTheProblemInfeasible) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 2, {{"nodes", 300}});
  const MinCostFlowResult before = solve_min_cost_flow(problem.view());
  for (ArcId a = 0; a < problem.graph.arc_count(); ++a) problem.upper[a] = 0;
  for (Algorithm algorithm : {Algorithm::kNetworkSimplex, Algorithm::kCostScaling}) {
    EXPECT_EQ(resolve_min_cost_flow(problem.view(), before, algorithm).status, Status::kInfeasible);
  }
}

TEST(WarmStart, AStartThatDoesNotFitIsAColdStart) {
  MinCostFlowProblem problem = gen::generate("netgen", "small", 1, {{"nodes", 256}});
  const MinCostFlowResult cold = solve_min_cost_flow(problem.view());
  MinCostFlowResult wrong = cold;
  wrong.flow.pop_back();  // another graph's answer
  const MinCostFlowResult warm =
      resolve_min_cost_flow(problem.view(), wrong, Algorithm::kCostScaling);
  EXPECT_EQ(to_string(warm.cost), to_string(cold.cost));
  MinCostFlowResult infeasible;  // not optimal: nothing to start from
  EXPECT_EQ(to_string(resolve_min_cost_flow(problem.view(), infeasible).cost),
            to_string(cold.cost));
}

}  // namespace
}  // namespace donorflow
