// The allocation model: validation, the worked examples as a program officer reads them, random
// scenarios whose plans must respect every rule, shadow prices against re-solving, and
// explanations on constructed cases. Every optimal plan's certificate is checked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>

#include "donorflow/flow/certificate.hpp"
#include "donorflow/io/json.hpp"
#include "donorflow/io/scenario_json.hpp"
#include "donorflow/model/geo.hpp"
#include "donorflow/model/plan.hpp"
#include "random_scenario.hpp"

namespace donorflow::model {
namespace {

const std::string kExamples = std::string(DONORFLOW_SOURCE_DIR) + "/data/examples/";

void expect_certified(const Plan& plan) {
  ASSERT_TRUE(plan.optimal()) << plan.message;
  const CertificateCheck check =
      check_certificate(plan.network.problem.view(), plan.flow.flow, plan.flow.potential);
  EXPECT_TRUE(check.ok) << check.failure;
}

int index_of(const std::vector<Need>& needs, const std::string& id) {
  return static_cast<int>(
      std::find_if(needs.begin(), needs.end(), [&](const Need& n) { return n.id == id; }) -
      needs.begin());
}

double met(const Plan& plan, int need) {
  return plan.coverage[static_cast<std::size_t>(need)].met;
}

// --- The rules every plan must respect -----------------------------------------------------------

// Conservation, earmarks, reach, site capacities and region caps, checked from the allocations.
void expect_rules_respected(const Scenario& s, const Plan& plan) {
  std::map<std::string, const Resource*> resource;
  for (const Resource& r : s.resources) resource[r.id] = &r;
  std::map<std::string, const Region*> region;
  for (const Region& r : s.regions) region[r.id] = &r;
  std::vector<double> given(s.offers.size(), 0), received(s.needs.size(), 0);
  std::map<std::tuple<int, std::string, int>, double> at_site;
  std::map<std::pair<int, std::string>, double> to_region;
  for (const Allocation& a : plan.allocations) {
    const Offer& o = s.offers[a.offer];
    const Need& n = s.needs[a.need];
    given[a.offer] += a.amount;
    received[a.need] += a.amount;
    EXPECT_EQ(o.resource, n.resource) << o.id << " -> " << n.id;
    if (!o.allowed_regions.empty()) {
      EXPECT_NE(std::find(o.allowed_regions.begin(), o.allowed_regions.end(), n.region),
                o.allowed_regions.end())
          << "earmark broken: " << o.id << " -> " << n.id;
    }
    if (!o.allowed_purposes.empty()) {
      EXPECT_NE(std::find(o.allowed_purposes.begin(), o.allowed_purposes.end(), n.purpose),
                o.allowed_purposes.end())
          << "purpose broken: " << o.id << " -> " << n.id;
    }
    const Resource& r = *resource[o.resource];
    if (r.kind != ResourceKind::kFunds && a.site >= 0) {
      const double reach = std::isnan(r.max_travel_km) ? s.policy.max_travel_km : r.max_travel_km;
      double lat = region[n.region]->lat, lon = region[n.region]->lon;
      for (const Site& site : s.sites) {
        if (site.id == n.site) lat = site.lat, lon = site.lon;
      }
      const double km = geo::great_circle_km(s.sites[a.site].lat, s.sites[a.site].lon, lat, lon);
      EXPECT_LE(km, reach + 1e-6) << "beyond reach: " << o.id << " -> " << n.id;
    }
    if (a.site >= 0) at_site[{a.site, o.resource, a.period}] += a.amount;
    if (!std::isinf(o.cap_per_region)) to_region[{a.offer, n.region}] += a.amount;
    if (!s.policy.carry_over) {
      EXPECT_EQ(a.periods_carried, 0);
    }
    if (!s.policy.backlog) {
      EXPECT_EQ(a.periods_late, 0);
    }
  }
  for (std::size_t o = 0; o < s.offers.size(); ++o) {
    EXPECT_LE(given[o], s.offers[o].amount + 1e-9) << s.offers[o].id;
  }
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    const NeedCoverage& c = plan.coverage[n];
    EXPECT_NEAR(c.met + c.unmet, s.needs[n].amount, 1e-9) << s.needs[n].id;
    EXPECT_NEAR(received[n], c.met, 1e-9) << "allocations and coverage disagree: " << s.needs[n].id;
    EXPECT_GE(c.met, std::ceil(s.needs[n].min_share * s.needs[n].amount - 1e-9) - 1e-9);
  }
  for (const auto& [key, amount] : at_site) {
    const auto& [site, res, period] = key;
    for (const SiteCapacity& c : s.sites[site].capacity) {
      if (c.resource == res && c.period == period) {
        EXPECT_LE(amount, c.amount + 1e-9) << "capacity broken at " << s.sites[site].id;
      }
    }
  }
  for (const auto& [key, amount] : to_region) {
    EXPECT_LE(amount, s.offers[key.first].cap_per_region + 1e-9) << s.offers[key.first].id;
  }
  for (std::size_t r = 0; r < s.resources.size(); ++r) {
    const ResourceTotals& t = plan.totals[r];
    EXPECT_NEAR(t.allocated + t.unused, t.offered, 1e-6 * std::max(1.0, t.offered));
    EXPECT_NEAR(t.met + t.unmet, t.needed, 1e-6 * std::max(1.0, t.needed));
  }
}

// --- The worked examples -------------------------------------------------------------------------

TEST(WorkedExamples, IraqPoorerGovernoratesComeFirst) {
  const Scenario s = read_scenario_file(kExamples + "iraq_free_care.json");
  ASSERT_EQ(s.regions.size(), 18u);
  const Plan plan = solve(s);
  expect_certified(plan);
  expect_rules_respected(s, plan);
  // Consultations are short overall. The equity tiers give every governorate a good part of
  // its need; beyond that, poorer governorates come first: the poorest is fully served, and the
  // five poorest are served better on average than the five least poor.
  EXPECT_GT(plan.totals[0].unmet, 0);
  std::vector<std::pair<double, double>> by_deprivation;  // deprivation, consultation share
  for (const Region& r : s.regions) {
    const double share = plan.coverage[index_of(s.needs, "consult-" + r.id)].share;
    EXPECT_GE(share, 0.4) << r.id;
    by_deprivation.emplace_back(r.deprivation, share);
  }
  std::sort(by_deprivation.begin(), by_deprivation.end());
  EXPECT_DOUBLE_EQ(by_deprivation.back().second, 1.0);  // Muthanna
  double poorest = 0, least_poor = 0;
  for (int i = 0; i < 5; ++i) {
    least_poor += by_deprivation[static_cast<std::size_t>(i)].second / 5;
    poorest += by_deprivation[by_deprivation.size() - 1 - static_cast<std::size_t>(i)].second / 5;
  }
  EXPECT_GT(poorest, least_poor + 0.1);
  // The southern medicines fund reaches only its five earmarked governorates.
  for (const Allocation& a : plan.allocations) {
    if (s.offers[a.offer].id == "fund-medicines-south") {
      const std::string region = s.needs[a.need].region;
      EXPECT_TRUE(region == "basra" || region == "muthanna" || region == "dhi-qar" ||
                  region == "maysan" || region == "al-qadisiyah")
          << region;
    }
  }
  // Every unmet need is explained.
  std::set<int> explained;
  for (const Explanation& e : plan.explanations) explained.insert(e.need);
  for (const NeedCoverage& c : plan.coverage) {
    if (c.unmet > 0) {
      EXPECT_TRUE(explained.contains(c.need)) << s.needs[c.need].id;
    }
  }
}

TEST(WorkedExamples, SaudiHasanRespectsProviderSlotsAndServesLateNotNever) {
  const Scenario s = read_scenario_file(kExamples + "saudi_hasan.json");
  const Plan plan = solve(s);
  expect_certified(plan);
  expect_rules_respected(s, plan);
  // Each service is met only from its own agreements, and some needs are served in a later
  // half-year when their own is full.
  bool late = false;
  for (const Allocation& a : plan.allocations) late = late || a.periods_late > 0;
  EXPECT_TRUE(late);
  std::set<std::string> providers;
  for (const Offer& o : s.offers) {
    if (!o.site.empty()) providers.insert(o.site);
  }
  EXPECT_EQ(providers.size(), 8u);
}

TEST(WorkedExamples, AlgeriaHubCapacityIsSharedAcrossRemoteSites) {
  const Scenario s = read_scenario_file(kExamples + "algeria_twinning.json");
  const Plan plan = solve(s);
  expect_certified(plan);
  expect_rules_respected(s, plan);
  // Specialist-days are short, every hub is used to its quarterly capacity, and each hub's days
  // go to several remote sites.
  std::map<std::pair<int, int>, double> used;
  std::map<int, std::set<std::string>> served;
  for (const Allocation& a : plan.allocations) {
    used[{a.site, a.period}] += a.amount;
    served[a.site].insert(s.needs[a.need].region);
  }
  for (std::size_t site = 0; site < s.sites.size(); ++site) {
    for (const SiteCapacity& c : s.sites[site].capacity) {
      EXPECT_DOUBLE_EQ((used[{static_cast<int>(site), c.period}]), c.amount) << s.sites[site].id;
    }
    if (!s.sites[site].capacity.empty()) {
      EXPECT_GE(served[static_cast<int>(site)].size(), 2u);
    }
  }
  // With convex tiers no remote site's need is left wholly unmet while another gets all of its.
  double lowest = 1;
  for (const NeedCoverage& c : plan.coverage) lowest = std::min(lowest, c.share);
  EXPECT_GT(lowest, 0.0);
  // Hub capacity has a price: one more specialist-day at a full hub lowers the cost.
  bool priced = false;
  for (const ShadowPrice& p : plan.shadow_prices) {
    if (p.kind == PriceKind::kSiteCapacity) priced = priced || p.one_more < 0;
  }
  EXPECT_TRUE(priced);
}

TEST(WorkedExamples, HomsEarmarksCapsAndNoDuplicatedSupport) {
  const Scenario s = read_scenario_file(kExamples + "homs_partnership.json");
  const Plan plan = solve(s);
  expect_certified(plan);
  expect_rules_respected(s, plan);  // includes: nothing exceeds its assessed need
  for (const NeedCoverage& c : plan.coverage) EXPECT_LE(c.met, c.amount);
  // Half of every centre's staff is vaccinated: the minimum share holds.
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    if (s.needs[n].resource == "vaccine_doses") {
      EXPECT_GE(plan.coverage[n].share, 0.5 - 1e-9);
    }
  }
}

TEST(WorkedExamples, IranRetentionFundsReachTheMostDeprivedFirst) {
  const Scenario s = read_scenario_file(kExamples + "iran_retention.json");
  const Plan plan = solve(s);
  expect_certified(plan);
  expect_rules_respected(s, plan);
  // Retention funds are short; every province more deprived than one that got anything is met
  // at least as well.
  std::vector<std::pair<double, double>> deprivation_share;
  for (std::size_t n = 0; n < s.needs.size(); ++n) {
    if (s.needs[n].resource != "retention_fund") continue;
    const auto region = std::find_if(s.regions.begin(), s.regions.end(),
                                     [&](const Region& r) { return r.id == s.needs[n].region; });
    deprivation_share.emplace_back(region->deprivation, plan.coverage[n].share);
  }
  std::sort(deprivation_share.begin(), deprivation_share.end());
  double best_share_below = 0;
  for (const auto& [deprivation, share] : deprivation_share) {
    EXPECT_GE(share + 1e-9, std::min(1.0, best_share_below)) << "deprivation " << deprivation;
    best_share_below = std::max(best_share_below, share > 0 ? share : 0.0);
    (void)deprivation;
  }
  EXPECT_GT(plan.totals[0].unmet, 0);
  EXPECT_DOUBLE_EQ(deprivation_share.back().second, 1.0);  // Sistan and Baluchestan
}

TEST(WorkedExamples, JsonRoundTripGivesTheSamePlan) {
  for (const char* name : {"iraq_free_care", "saudi_hasan", "algeria_twinning", "homs_partnership",
                           "iran_retention"}) {
    const Scenario s = read_scenario_file(kExamples + name + ".json");
    const Scenario again = parse_scenario(scenario_to_json(s), name);
    SolveOptions fast;
    fast.shadow_prices = false;
    fast.price_of_fairness = false;
    EXPECT_EQ(to_string(solve(s, fast).objective_units),
              to_string(solve(again, fast).objective_units))
        << name;
  }
}

// --- Random scenarios ----------------------------------------------------------------------------

using testing::RandomScenario;

TEST(RandomScenarios, PlansRespectEveryRuleAndAreCertified) {
  RandomScenario gen(11);
  int with_unmet = 0;
  for (int i = 0; i < 300; ++i) {
    const Scenario s = gen.make(i % 2 == 0, false, 1 + i % 3);
    SCOPED_TRACE("scenario " + std::to_string(i));
    const Plan plan = solve(s);
    expect_certified(plan);
    expect_rules_respected(s, plan);
    with_unmet += !plan.explanations.empty();
    for (const Explanation& e : plan.explanations) {
      EXPECT_FALSE(e.reason.empty());
      EXPECT_NE(e.detail.find("unmet"), std::string::npos);
    }
  }
  EXPECT_GT(with_unmet, 50);
}

// Needs that compete: same resource, region and purpose, so the same eligible offers at the same
// cost. Returns groups of need indices.
std::vector<std::vector<int>> competing_groups(const Scenario& s) {
  std::map<std::tuple<std::string, std::string, std::string, int>, std::vector<int>> groups;
  for (int n = 0; n < static_cast<int>(s.needs.size()); ++n) {
    const Need& x = s.needs[n];
    groups[{x.resource, x.region, x.purpose, x.period}].push_back(n);
  }
  std::vector<std::vector<int>> out;
  for (auto& [key, members] : groups) {
    if (members.size() > 1) out.push_back(members);
  }
  return out;
}

TEST(RandomScenarios, HigherPriorityIsNeverShortWhileLowerPriorityIsServed) {
  RandomScenario gen(23);
  int compared = 0;
  for (int i = 0; i < 300; ++i) {
    Scenario s = gen.make(/*flat_tiers=*/true, false, 1);
    s.policy.backlog = s.policy.carry_over = false;
    const Plan plan = solve(s);
    expect_certified(plan);
    for (const auto& group : competing_groups(s)) {
      for (int a : group) {
        for (int b : group) {
          if (s.needs[a].priority <= s.needs[b].priority) continue;
          ++compared;
          if (plan.coverage[a].unmet > 0) {
            EXPECT_EQ(met(plan, b), 0)
                << "scenario " << i << ": " << s.needs[a].id << " (priority " << s.needs[a].priority
                << ") short while " << s.needs[b].id << " served";
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 100);
}

TEST(RandomScenarios, ConvexTiersSpreadCoverageAcrossEqualNeeds) {
  RandomScenario gen(37);
  int compared = 0;
  for (int i = 0; i < 300; ++i) {
    Scenario s = gen.make(/*flat_tiers=*/false, /*equal_priorities=*/true, 1);
    const Plan plan = solve(s);
    expect_certified(plan);
    const double first = s.policy.equity_tiers.front().share;
    for (const auto& group : competing_groups(s)) {
      for (int a : group) {
        for (int b : group) {
          if (a == b) continue;
          ++compared;
          // The first tier is the first `first` share of a need, rounded to whole units.
          const double tier_a = std::round(first * s.needs[a].amount);
          const double tier_b = std::round(first * s.needs[b].amount);
          if (met(plan, a) < tier_a) {
            EXPECT_LE(met(plan, b), tier_b)
                << "scenario " << i << ": " << s.needs[a].id << " below its first tier while "
                << s.needs[b].id << " is above its own";
          }
        }
      }
    }
  }
  EXPECT_GT(compared, 100);
}

// Re-solving with one unit more or less moves the objective by exactly the shadow price.
TEST(RandomScenarios, ShadowPricesEqualTheChangeWhenResolved) {
  RandomScenario gen(41);
  SolveOptions fast;
  fast.price_of_fairness = false;
  int checked = 0;
  auto objective = [&](const Scenario& s) {
    SolveOptions o = fast;
    o.shadow_prices = false;
    const Plan p = solve(s, o);
    return p.optimal() ? p.objective : NAN;
  };
  for (int i = 0; i < 60; ++i) {
    const Scenario s = gen.make(i % 2 == 0, false, 1 + i % 2);
    const Plan plan = solve(s, fast);
    ASSERT_TRUE(plan.optimal());
    for (const ShadowPrice& p : plan.shadow_prices) {
      for (int delta : {+1, -1}) {
        const double expected = delta > 0 ? p.one_more : p.one_less;
        Scenario changed = s;
        if (p.kind == PriceKind::kOffer) {
          changed.offers[p.index].amount += delta;
          if (changed.offers[p.index].amount < 0) continue;
        } else if (p.kind == PriceKind::kSiteCapacity) {
          bool done = false;
          for (SiteCapacity& c : changed.sites[p.index].capacity) {
            if (s.resources[p.resource].id == c.resource && c.period == p.period) {
              c.amount += delta;
              done = c.amount >= 0;
            }
          }
          if (!done) continue;
        } else {
          Need& need = changed.needs[p.index];
          need.amount += delta;
          if (need.amount < 0) continue;
          // The price holds the bounded tiers fixed (the first, costliest tier is unbounded);
          // compare only where re-solving keeps them too.
          const CompiledNetwork before = compile(s), after = compile(changed);
          bool same_tiers =
              before.shortfall_arcs[p.index].size() == after.shortfall_arcs[p.index].size();
          for (std::size_t k = 1; same_tiers && k < before.shortfall_arcs[p.index].size(); ++k) {
            const ArcId x = before.shortfall_arcs[p.index][k], y = after.shortfall_arcs[p.index][k];
            same_tiers = before.problem.upper[x] == after.problem.upper[y] &&
                         before.problem.cost[x] == after.problem.cost[y];
          }
          if (!same_tiers) continue;
        }
        const double resolved = objective(changed) - plan.objective;

        if (std::isnan(expected)) {
          EXPECT_TRUE(std::isnan(objective(changed))) << price_kind_name(p.kind) << " " << p.index;
        } else {
          EXPECT_NEAR(resolved, expected, 1e-6 * std::max(1.0, std::abs(expected)))
              << "scenario " << i << ", " << price_kind_name(p.kind) << " " << p.index
              << (delta > 0 ? " one more" : " one less");
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 300);
}

// --- Explanations on constructed cases -----------------------------------------------------------

Scenario two_regions() {
  Scenario s;
  s.resources = {{"fund", "USD", ResourceKind::kFunds, 1, NAN, NAN},
                 {"slot", "visit", ResourceKind::kService, 1, NAN, NAN},
                 {"vaccine", "dose", ResourceKind::kService, 1, NAN, NAN}};
  s.regions = {{"north", "North", 36.0, 43.0, 1000, 0.2},
               {"south", "South", 30.5, 47.8, 1000, 0.9}};
  s.sites = {{"clinic-north", "", "north", 36.0, 43.0, {{"slot", 1, 10}}}};
  s.policy.max_travel_km = 100;
  s.policy.equity_tiers = {{1, 1}};
  return s;
}

const Explanation& explanation_of(const Plan& plan, const Scenario& s, const std::string& need) {
  const int n = index_of(s.needs, need);
  for (const Explanation& e : plan.explanations) {
    if (e.need == n) return e;
  }
  throw std::runtime_error("no explanation for " + need);
}

TEST(Explanations, NamesTheRuleOrTheCompetitor) {
  Scenario s = two_regions();
  s.offers = {
      {"north-fund", "A", "fund", 50, 1, "", {"north"}, {}, kUnlimited, 0},
      {"clinic-slots", "B", "slot", 30, 1, "clinic-north", {}, {}, kUnlimited, 0},
      {"capped", "C", "fund", 40, 1, "", {}, {"surgery"}, 5, 0},
  };
  s.needs = {
      {"vaccines-south", "south", "", "vaccine", "", 5, 1, 1, 0},     // nobody offers vaccines
      {"slots-south", "south", "", "slot", "", 5, 1, 1, 0},           // beyond reach (~590 km)
      {"fund-south", "south", "", "fund", "medicines", 8, 1, 1, 0},   // earmarked elsewhere
      {"slots-north-high", "north", "", "slot", "", 8, 1, 5, 0},      // served first
      {"slots-north-low", "north", "", "slot", "", 8, 1, 1, 0},       // site full after the above
      {"surgery-south", "south", "", "fund", "surgery", 9, 1, 1, 0},  // capped at 5 per region
  };
  const Plan plan = solve(s);
  expect_certified(plan);
  EXPECT_EQ(explanation_of(plan, s, "vaccines-south").reason, "no_offer");
  const Explanation& reach = explanation_of(plan, s, "slots-south");
  EXPECT_EQ(reach.reason, "excluded");
  EXPECT_NE(reach.detail.find("beyond reach"), std::string::npos) << reach.detail;
  const Explanation& earmark = explanation_of(plan, s, "fund-south");
  EXPECT_EQ(earmark.reason, "excluded");
  EXPECT_NE(earmark.detail.find("earmarked for other regions: \"north-fund\""), std::string::npos)
      << earmark.detail;
  EXPECT_NE(earmark.detail.find("earmarked for other purposes: \"capped\""), std::string::npos)
      << earmark.detail;
  const Explanation& full = explanation_of(plan, s, "slots-north-low");
  EXPECT_TRUE(full.reason == "higher_priority" || full.reason == "site_at_capacity") << full.reason;
  EXPECT_NE(full.detail.find("slots-north-high"), std::string::npos) << full.detail;
  EXPECT_DOUBLE_EQ(met(plan, index_of(s.needs, "slots-north-high")), 8);
  EXPECT_EQ(explanation_of(plan, s, "surgery-south").reason, "region_cap");
  EXPECT_DOUBLE_EQ(met(plan, index_of(s.needs, "surgery-south")), 5);
  EXPECT_NE(explain(s, plan, index_of(s.needs, "surgery-south")).find("\"surgery-south\""),
            std::string::npos);
  EXPECT_EQ(explain(s, plan, index_of(s.needs, "slots-north-high")),
            "Need \"slots-north-high\" is fully met.");
}

TEST(Explanations, SiteAtCapacityNamesTheSite) {
  Scenario s = two_regions();
  s.offers = {{"clinic-slots", "B", "slot", 30, 1, "clinic-north", {}, {}, kUnlimited, 0}};
  s.needs = {{"a", "north", "", "slot", "", 8, 1, 2, 0},
             {"b", "north", "", "slot", "", 8, 1, 2, 0}};
  const Plan plan = solve(s);
  expect_certified(plan);
  // Capacity 10 for 16 units of need: the offer has 30, the site limits it.
  EXPECT_DOUBLE_EQ(plan.totals[1].met, 10);
  const Explanation& e = plan.explanations.front();
  EXPECT_EQ(e.reason, "site_at_capacity");
  EXPECT_NE(e.detail.find("\"clinic-north\""), std::string::npos) << e.detail;
}

TEST(Reach, RoadTravelTimeDecidesReachWhenARoadNetworkIsGiven) {
  // Two clinics at the same straight-line distance from the village: the road to one is fast,
  // to the other a long detour. With a 60-minute limit only the first may serve.
  Scenario s;
  s.resources = {{"slot", "visit", ResourceKind::kService, 1, NAN, NAN}};
  s.regions = {{"village", "Village", 33.0, 44.0, 1000, 0.5}};
  s.sites = {{"east", "", "village", 33.0, 44.3, {}}, {"west", "", "village", 33.0, 43.7, {}}};
  s.offers = {{"east-slots", "A", "slot", 5, 1, "east", {}, {}, kUnlimited, 0},
              {"west-slots", "B", "slot", 5, 1, "west", {}, {}, kUnlimited, 0}};
  s.needs = {{"visits", "village", "", "slot", "", 8, 1, 1, 0}};
  s.road_nodes = {{"v", 33.0, 44.0}, {"e", 33.0, 44.3}, {"w", 33.0, 43.7}, {"far", 34.0, 44.0}};
  s.road_edges = {{"v", "e", 30, true}, {"v", "far", 80, true}, {"far", "w", 80, true}};
  s.policy.max_travel_minutes = 60;
  s.policy.equity_tiers = {{1, 1}};
  const Plan plan = solve(s);
  expect_certified(plan);
  EXPECT_DOUBLE_EQ(plan.coverage[0].met, 5);
  for (const Allocation& a : plan.allocations) EXPECT_EQ(s.offers[a.offer].id, "east-slots");
  EXPECT_EQ(plan.explanations.front().reason, "used_up");
  EXPECT_NE(plan.explanations.front().detail.find("east-slots"), std::string::npos);
  // Without the time limit both clinics serve.
  s.policy.max_travel_minutes = kUnlimited;
  EXPECT_DOUBLE_EQ(solve(s).coverage[0].met, 8);
}

TEST(MinimumShares, InfeasibleMinimumsNameTheNeeds) {
  Scenario s = two_regions();
  s.offers = {{"fund", "A", "fund", 10, 1, "", {}, {}, kUnlimited, 0}};
  s.needs = {{"a", "north", "", "fund", "", 10, 1, 1, 0.8},
             {"b", "south", "", "fund", "", 10, 1, 1, 0.8}};
  const Plan plan = solve(s);
  EXPECT_EQ(plan.status, Status::kInfeasible);
  double lacking = 0;
  for (const auto& [need, units] : plan.unmet_minimums) lacking += units;
  EXPECT_DOUBLE_EQ(lacking, 6);  // 16 units of minimum, 10 offered
  EXPECT_NE(plan.message.find("lacks"), std::string::npos) << plan.message;
  // With enough supply the minimum shares bind: each gets at least 8.
  s.offers[0].amount = 17;
  const Plan fed = solve(s);
  expect_certified(fed);
  EXPECT_GE(met(fed, 0), 8);
  EXPECT_GE(met(fed, 1), 8);
}

// --- Validation ----------------------------------------------------------------------------------

struct BadScenario {
  std::string replace, with, says;
};

class ScenarioValidation : public ::testing::TestWithParam<BadScenario> {};

const std::string kGood = R"({
  "format": "donorflow-scenario/1",
  "resources": [{"id": "slot", "unit": "visit", "kind": "service"}],
  "regions": [{"id": "r1", "lat": 33.3, "lon": 44.4, "population": 1000, "deprivation": 0.5}],
  "sites": [{"id": "s1", "region": "r1", "lat": 33.3, "lon": 44.4,
             "capacity": [{"resource": "slot", "period": 1, "amount": 5}]}],
  "offers": [{"id": "o1", "donor": "D", "resource": "slot", "amount": 10, "site": "s1"}],
  "needs": [{"id": "n1", "region": "r1", "resource": "slot", "amount": 7, "priority": 2}],
  "policy": {"max_travel_km": 50}
})";

TEST(ScenarioValidationGood, ReadsAndSolves) {
  const Scenario s = parse_scenario(kGood, "good.json");
  const Plan plan = solve(s);
  expect_certified(plan);
  EXPECT_DOUBLE_EQ(plan.coverage[0].met, 5);
}

TEST_P(ScenarioValidation, NamesTableRowFieldAndLine) {
  const BadScenario& bad = GetParam();
  std::string text = kGood;
  const auto at = text.find(bad.replace);
  ASSERT_NE(at, std::string::npos) << bad.replace;
  text.replace(at, bad.replace.size(), bad.with);
  try {
    parse_scenario(text, "bad.json");
    FAIL() << "accepted: " << bad.with;
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find(bad.says), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("bad.json:", 0), 0u) << e.what();
  } catch (const donorflow::json::JsonError& e) {
    EXPECT_NE(std::string(e.what()).find(bad.says), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Scenario, ScenarioValidation,
    ::testing::Values(
        BadScenario{"\"amount\": 10", "\"amount\": -10",
                    "bad.json:7: offers row 0 (id \"o1\"), field \"amount\": is negative"},
        BadScenario{"\"amount\": 7", "\"amount\": 7.5",
                    "needs row 0 (id \"n1\"), field \"amount\""},
        BadScenario{"\"region\": \"r1\", \"resource\"", "\"region\": \"r9\", \"resource\"",
                    "needs row 0 (id \"n1\"), field \"region\": names region \"r9\""},
        BadScenario{"\"id\": \"n1\"", "\"id\": \"o1\", \"x\": 1", "field \"x\": is not a field"},
        BadScenario{"\"deprivation\": 0.5", "\"deprivation\": 1.5",
                    "regions row 0 (id \"r1\"), field \"deprivation\""},
        BadScenario{"\"kind\": \"service\"", "\"kind\": \"money\"", "field \"kind\""},
        BadScenario{"\"priority\": 2", "\"priority\": 0", "field \"priority\""},
        BadScenario{"donorflow-scenario/1", "donorflow-scenario/9", "field \"format\""},
        BadScenario{"\"amount\": 10", "\"amount\": \"ten\"", "must be a number, not a string"},
        BadScenario{"\"site\": \"s1\"}", "\"site\": \"s2\"}", "names site \"s2\""},
        BadScenario{"\"id\": \"n1\", \"region\": \"r1\",",
                    "\"id\": \"n1\", \"region\": \"r1\", \"site\": \"s1\", \"x\": 0,",
                    "field \"x\": is not a field"},
        BadScenario{"\"policy\": {\"max_travel_km\": 50}",
                    "\"policy\": {\"equity_tiers\": [{\"share\": 0.5, \"weight\": 1}]}",
                    "shares sum to 0.5"},
        BadScenario{"\"needs\": [", "\"needs\": [{\"id\": \"n1\"", "bad.json:8:"},
        BadScenario{"\"offers\": [{\"id\": \"o1\"",
                    "\"offers\": [{\"id\": \"o1\"}, {\"id\": \"o1\"",
                    "field \"donor\": is missing"}));

TEST(MinimumShares, DiagnosisIgnoresSmallNeedsWithoutMinimum) {
  // A need of one unit, which no tier slice covers once rounded, must not hide the diagnosis.
  Scenario s = two_regions();
  s.offers = {{"fund", "A", "fund", 1, 1, "", {}, {}, kUnlimited, 0}};
  s.needs = {{"small", "north", "", "vaccine", "", 1, 1, 1, 0},
             {"big", "north", "", "fund", "", 10, 1, 1, 1.0}};
  const Plan plan = solve(s);
  EXPECT_EQ(plan.status, Status::kInfeasible);
  ASSERT_EQ(plan.unmet_minimums.size(), 1u);
  EXPECT_EQ(plan.unmet_minimums[0].first, 1);
  EXPECT_DOUBLE_EQ(plan.unmet_minimums[0].second, 9);
}

TEST(ScenarioValidationRows, PeriodsAreBounded) {
  Scenario s = two_regions();
  s.offers = {{"far", "A", "fund", 10, 1000000, "", {}, {}, kUnlimited, 0}};
  try {
    validate(s);
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.table(), "offers");
    EXPECT_EQ(e.field(), "period");
  }
}

TEST(ScenarioValidationRows, CarriedFundsMeetingADifferentlyEarmarkedCapacityAreRefused) {
  // Funds carried into period 2 at a site whose period-2 capacity another offer shares: refused
  // with the offers named, not crashed.
  Scenario s = two_regions();
  s.sites = {{"clinic-north", "", "north", 36.0, 43.0, {{"fund", 2, 5}}}};
  s.policy.carry_over = true;
  s.offers = {{"a", "D", "fund", 10, 1, "clinic-north", {"north"}, {}, kUnlimited, 0},
              {"b", "D", "fund", 10, 2, "clinic-north", {}, {}, kUnlimited, 0}};
  s.needs = {{"n", "north", "", "fund", "", 10, 2, 1, 0}};
  try {
    solve(s);
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("different earmarks"), std::string::npos) << e.what();
  }
}

TEST(ScenarioValidationRows, DuplicateIdsNameBothRows) {
  Scenario s = two_regions();
  s.needs = {{"a", "north", "", "slot", "", 1, 1, 1, 0},
             {"a", "south", "", "slot", "", 1, 1, 1, 0}};
  try {
    validate(s);
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.table(), "needs");
    EXPECT_EQ(e.row(), 1);
    EXPECT_EQ(e.field(), "id");
    EXPECT_NE(std::string(e.what()).find("duplicates the id of row 0"), std::string::npos);
  }
}

TEST(Geo, GreatCircleDistancesAndNearestPoints) {
  // Baghdad to Basra is about 449 km.
  EXPECT_NEAR(geo::great_circle_km(33.3406, 44.4009, 30.5085, 47.7804), 449, 5);
  std::vector<double> lats, lons;
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> lat(-60, 60), lon(-179, 179);
  for (int i = 0; i < 500; ++i) lats.push_back(lat(rng)), lons.push_back(lon(rng));
  const geo::PointIndex index(lats, lons, 200);
  for (int q = 0; q < 50; ++q) {
    const double qa = lat(rng), qo = lon(rng);
    std::vector<std::pair<double, int>> brute;
    for (int i = 0; i < 500; ++i)
      brute.emplace_back(geo::great_circle_km(qa, qo, lats[i], lons[i]), i);
    std::sort(brute.begin(), brute.end());
    const auto near = index.nearest(qa, qo, 5, kUnlimited);
    ASSERT_EQ(near.size(), 5u);
    for (int k = 0; k < 5; ++k) EXPECT_EQ(near[k].first, brute[k].second);
    const auto within = index.within(qa, qo, 1500);
    const auto expected =
        std::count_if(brute.begin(), brute.end(), [](auto& b) { return b.first <= 1500; });
    EXPECT_EQ(static_cast<long>(within.size()), expected);
  }
}

}  // namespace
}  // namespace donorflow::model
