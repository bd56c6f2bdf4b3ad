// Random allocation scenarios for tests: small, varied, and valid by construction.
#pragma once

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "donorflow/model/scenario.hpp"

namespace donorflow::model::testing {

struct RandomScenario {
  std::mt19937_64 rng;
  explicit RandomScenario(std::uint64_t seed) : rng(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  double real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

  // Two resources (funds and a service), a few regions and sites within some 300 km, offers
  // with random earmarks, caps and sites, needs with random priorities.
  Scenario make(bool flat_tiers, bool equal_priorities, int periods) {
    Scenario s;
    s.name = "random";
    s.resources = {{"fund", "USD", ResourceKind::kFunds, 1, NAN, NAN},
                   {"slot", "visit", ResourceKind::kService, 1, NAN, NAN}};
    const int regions = uniform(2, 5), sites = uniform(1, 4);
    for (int r = 0; r < regions; ++r) {
      s.regions.push_back({"r" + std::to_string(r), "Region " + std::to_string(r), 33 + real(0, 2),
                           44 + real(0, 2), static_cast<double>(uniform(1000, 90000)), real(0, 1)});
    }
    for (int i = 0; i < sites; ++i) {
      Site site{"s" + std::to_string(i),
                "",
                "r" + std::to_string(uniform(0, regions - 1)),
                33 + real(0, 2),
                44 + real(0, 2),
                {}};
      for (int t = 1; t <= periods; ++t) {
        if (uniform(0, 2) > 0)
          site.capacity.push_back({"slot", t, static_cast<double>(uniform(0, 40))});
      }
      s.sites.push_back(site);
    }
    const std::vector<std::string> purposes{"medicines", "surgery"};
    const int offers = uniform(1, 7);
    for (int i = 0; i < offers; ++i) {
      Offer o;
      o.id = "o" + std::to_string(i);
      o.donor = "d" + std::to_string(uniform(0, 2));
      o.period = uniform(1, periods);
      o.amount = uniform(0, 60);
      o.unit_cost = uniform(0, 3);
      if (uniform(0, 1) == 0) {
        o.resource = "fund";
        if (uniform(0, 2) == 0) o.allowed_regions = {"r" + std::to_string(uniform(0, regions - 1))};
        if (uniform(0, 2) == 0) o.allowed_purposes = {purposes[uniform(0, 1)]};
        if (uniform(0, 3) == 0) o.cap_per_region = uniform(1, 20);
      } else {
        o.resource = "slot";  // site-bound, no earmarks, so that site capacities can be shared
        o.site = "s" + std::to_string(uniform(0, sites - 1));
      }
      s.offers.push_back(o);
    }
    const int needs = uniform(1, 9);
    for (int i = 0; i < needs; ++i) {
      Need n;
      n.id = "n" + std::to_string(i);
      n.region = "r" + std::to_string(uniform(0, regions - 1));
      n.resource = uniform(0, 1) == 0 ? "fund" : "slot";
      n.purpose = purposes[uniform(0, 1)];
      n.amount = uniform(0, 50);
      n.period = uniform(1, periods);
      n.priority = equal_priorities ? 2 : uniform(1, 5);
      s.needs.push_back(n);
    }
    s.policy.unmet_cost = 400;
    s.policy.travel_cost_per_km = 0.5;
    s.policy.max_travel_km = uniform(0, 1) ? 150 : kUnlimited;
    s.policy.cost_resolution = 0.5;
    s.policy.carry_over = periods > 1 && uniform(0, 1) == 0;
    s.policy.carry_over_cost = 1;
    s.policy.backlog = periods > 1 && uniform(0, 1) == 0;
    s.policy.backlog_cost = 2;
    if (flat_tiers) s.policy.equity_tiers = {{1, 1}};
    return s;
  }
};

}  // namespace donorflow::model::testing
