// Sweeps: a variant's figures are those of the changed scenario solved from scratch, its network
// is certified, and results do not depend on the number of threads.
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "donorflow/flow/certificate.hpp"
#include "donorflow/io/scenario_json.hpp"
#include "donorflow/model/plan.hpp"
#include "donorflow/model/sweep.hpp"
#include "random_scenario.hpp"

namespace donorflow::model {
namespace {

const std::string kExamples = std::string(DONORFLOW_SOURCE_DIR) + "/data/examples/";

// The scenario a variant describes, built by editing the tables.
Scenario changed(Scenario s, const Variant& variant) {
  for (const Change& c : variant) {
    switch (c.kind) {
      case ChangeKind::kOfferAmount:
        s.offers[c.index].amount = c.value;
        break;
      case ChangeKind::kOfferUnitCost:
        s.offers[c.index].unit_cost = c.value;
        break;
      case ChangeKind::kNeedAmount:
        s.needs[c.index].amount = c.value;
        break;
      case ChangeKind::kSiteCapacity: {
        bool found = false;
        for (SiteCapacity& k : s.sites[c.index].capacity) {
          if (k.resource == s.resources[c.resource].id && k.period == c.period) {
            k.amount = c.value, found = true;
          }
        }
        if (!found)
          s.sites[c.index].capacity.push_back({s.resources[c.resource].id, c.period, c.value});
        break;
      }
    }
  }
  return s;
}

double plain_objective(const Scenario& s) {
  SolveOptions options;
  options.shadow_prices = false;
  options.price_of_fairness = false;
  const Plan plan = solve(s, options);
  return plan.optimal() ? plan.objective : NAN;
}

// A few variants of every kind, with whole amounts (no rounding to the resolution).
std::vector<Variant> variants_of(const Scenario& s, std::mt19937_64& random) {
  std::vector<Variant> out;
  auto pick = [&](std::size_t size) { return static_cast<int>(random() % size); };
  if (!s.offers.empty()) {
    const int o = pick(s.offers.size());
    out.push_back({{ChangeKind::kOfferAmount, o, -1, 1, 0.0}});
    out.push_back({{ChangeKind::kOfferAmount, o, -1, 1, 2 * s.offers[o].amount}});
    out.push_back({{ChangeKind::kOfferUnitCost, pick(s.offers.size()), -1, 1, 7.5}});
  }
  Variant needs;
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    needs.push_back(
        {ChangeKind::kNeedAmount, static_cast<int>(n), -1, 1,
         std::round(s.needs[n].amount * (0.5 + static_cast<double>(random() % 100) / 100))});
  }
  out.push_back(needs);
  if (!s.sites.empty()) {
    // Sometimes a capacity the site has, sometimes one it lacks (the recompiled path).
    out.push_back({{ChangeKind::kSiteCapacity, pick(s.sites.size()), pick(s.resources.size()),
                    1 + pick(2), static_cast<double>(pick(30))}});
  }
  Variant all = out.front();
  all.insert(all.end(), needs.begin(), needs.end());
  out.push_back(all);
  return out;
}

TEST(Sweep, EveryVariantEqualsItsScenarioSolvedFromScratch) {
  testing::RandomScenario gen(23);
  std::mt19937_64 random(4);
  int compared = 0, warm = 0, recompiled = 0;
  for (int trial = 0; trial < 60; ++trial) {
    const Scenario base = gen.make(trial % 3 == 0, false, 1 + trial % 2);
    const Sweep sweep(base);
    ASSERT_TRUE(sweep.base_figures().status == Status::kOptimal ||
                sweep.base_figures().status == Status::kInfeasible);
    for (const Variant& v : variants_of(base, random)) {
      const VariantFigures f = sweep.solve(v);
      const double expected = plain_objective(changed(base, v));
      ASSERT_EQ(std::isnan(expected), f.status != Status::kOptimal) << "trial " << trial;
      if (std::isnan(expected)) continue;
      EXPECT_EQ(f.objective, expected) << "trial " << trial;
      ++compared;
      (f.warm ? warm : recompiled) += 1;
      // The network solve() used is certified by a cold solve of the same network.
      const MinCostFlowProblem problem = sweep.network_of(v);
      if (problem.graph.node_count() == 0) continue;
      const MinCostFlowResult cold = solve_min_cost_flow(problem.view());
      EXPECT_EQ(static_cast<double>(cold.cost) * sweep.network().cost_resolution, f.objective);
      EXPECT_TRUE(check_certificate(problem.view(), cold.flow, cold.potential).ok);
    }
  }
  EXPECT_GT(compared, 200);
  EXPECT_GT(warm, 150);
  EXPECT_GT(recompiled, 5);  // both paths were exercised
}

TEST(Sweep, FiguresDoNotDependOnTheNumberOfThreads) {
  const Sweep sweep(read_scenario_file(kExamples + "iraq_free_care.json"));
  const Scenario& s = sweep.scenario();
  std::vector<Variant> variants;
  std::mt19937_64 random(9);
  for (int i = 0; i < 40; ++i) {
    Variant v;
    for (std::size_t n = 0; n < s.needs.size(); ++n) {
      std::poisson_distribution<long> draw(s.needs[n].amount);
      v.push_back(
          {ChangeKind::kNeedAmount, static_cast<int>(n), -1, 1, static_cast<double>(draw(random))});
    }
    v.push_back({ChangeKind::kOfferAmount, i % static_cast<int>(s.offers.size()), -1, 1, 0.0});
    variants.push_back(v);
  }
  std::size_t calls = 0;
  const auto one = sweep.solve_all(variants, 1, [&](std::size_t done) { calls = done; });
  EXPECT_EQ(calls, variants.size());
  for (int threads : {2, 3, 8}) {
    const auto many = sweep.solve_all(variants, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].status, one[i].status);
      EXPECT_EQ(many[i].objective, one[i].objective) << i;
      EXPECT_EQ(many[i].region_share.size(), one[i].region_share.size());
      for (std::size_t r = 0; r < one[i].region_share.size(); ++r) {
        const double a = one[i].region_share[r], b = many[i].region_share[r];
        EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << i << " region " << r;
      }
      EXPECT_EQ(many[i].met, one[i].met);
      EXPECT_EQ(many[i].gini, one[i].gini);
    }
  }
}

TEST(Sweep, ABadChangeIsNamed) {
  const Sweep sweep(read_scenario_file(kExamples + "iraq_free_care.json"));
  const int offers = static_cast<int>(sweep.scenario().offers.size());
  try {
    sweep.check(
        {{ChangeKind::kOfferAmount, 0, -1, 1, 5}, {ChangeKind::kOfferAmount, offers, -1, 1, 5}});
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("change 1: offer " + std::to_string(offers)),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(sweep.check({{ChangeKind::kNeedAmount, 0, -1, 1, -3}}), std::invalid_argument);
  EXPECT_THROW(sweep.check({{ChangeKind::kNeedAmount, 0, -1, 1, NAN}}), std::invalid_argument);
  const std::vector<Variant> bad{{{ChangeKind::kSiteCapacity, 0, 99, 1, 3}}};
  EXPECT_THROW(sweep.solve_all(bad, 2), std::invalid_argument);
}

}  // namespace
}  // namespace donorflow::model
