// Sweep timing: many variants of one scenario on the C++ thread pool (model/sweep.hpp).
//
//   sweep SCENARIO.json [VARIANTS] [KIND] [THREADS...]
//
// KIND is withdraw (each variant withdraws one offer), double (one offer's amount doubles),
// grow (every need of one region grows by a fifth), draw (every need redrawn, Poisson with the
// need's amount as mean, one seed per variant) or mixed (the four in turn; the default).
// VARIANTS defaults to 1000, THREADS to "1 2". For each thread count, prints the wall time, the
// variants per second, how many re-solved warm, and the speed-up over the first count; then
// whether every figure of every variant was identical across thread counts (exit 1 if not).
//
//   python3 bench/make_scenario.py --groups 10000 --sites 500 --regions 100 -o sweep.json
//   build/bench/sweep sweep.json 1000 mixed 1 2
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "donorflow/io/scenario_json.hpp"
#include "donorflow/model/sweep.hpp"

using namespace donorflow;
using namespace donorflow::model;

namespace {

Variant make_variant(const Scenario& s, const std::string& kind, std::size_t i) {
  static const char* kinds[] = {"withdraw", "double", "grow", "draw"};
  const std::string k = kind == "mixed" ? kinds[i % 4] : kind;
  Variant v;
  if (k == "withdraw") {
    v.push_back({ChangeKind::kOfferAmount, static_cast<int>(i % s.offers.size()), -1, 1, 0.0});
  } else if (k == "double") {
    const int o = static_cast<int>(i % s.offers.size());
    v.push_back({ChangeKind::kOfferAmount, o, -1, 1, 2 * s.offers[o].amount});
  } else if (k == "grow") {
    const std::string& region = s.regions[i % s.regions.size()].id;
    for (std::size_t n = 0; n < s.needs.size(); ++n) {
      if (s.needs[n].region == region) {
        v.push_back({ChangeKind::kNeedAmount, static_cast<int>(n), -1, 1, 1.2 * s.needs[n].amount});
      }
    }
  } else if (k == "draw") {
    std::mt19937_64 random(1000 + i);
    for (std::size_t n = 0; n < s.needs.size(); ++n) {
      std::poisson_distribution<long> draw(s.needs[n].amount);
      v.push_back(
          {ChangeKind::kNeedAmount, static_cast<int>(n), -1, 1, static_cast<double>(draw(random))});
    }
  } else {
    std::fprintf(stderr, "unknown kind '%s'\n", k.c_str());
    std::exit(2);
  }
  return v;
}

bool same(const VariantFigures& a, const VariantFigures& b) {
  auto eq = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
  if (a.status != b.status || !eq(a.objective, b.objective) || !eq(a.gini, b.gini) ||
      !eq(a.lowest_share, b.lowest_share) || a.region_share.size() != b.region_share.size()) {
    return false;
  }
  for (std::size_t r = 0; r < a.region_share.size(); ++r) {
    if (!eq(a.region_share[r], b.region_share[r])) return false;
  }
  return a.met == b.met && a.unmet == b.unmet;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: sweep SCENARIO.json [VARIANTS] [KIND] [THREADS...]\n");
    return 2;
  }
  const std::size_t count = argc > 2 ? std::stoul(argv[2]) : 1000;
  const std::string kind = argc > 3 ? argv[3] : "mixed";
  std::vector<int> thread_counts;
  for (int a = 4; a < argc; ++a) thread_counts.push_back(std::stoi(argv[a]));
  if (thread_counts.empty()) thread_counts = {1, 2};

  auto started = std::chrono::steady_clock::now();
  const Sweep sweep(read_scenario_file(argv[1]));
  const double setup =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::vector<Variant> variants;
  for (std::size_t i = 0; i < count; ++i)
    variants.push_back(make_variant(sweep.scenario(), kind, i));
  std::printf("%s: %d arcs, base solved in %.2f s (read, compile, solve); %zu %s variants\n",
              argv[1], sweep.network().problem.graph.arc_count(), setup, count, kind.c_str());

  std::vector<std::vector<VariantFigures>> runs;
  double first = 0;
  for (int threads : thread_counts) {
    started = std::chrono::steady_clock::now();
    runs.push_back(sweep.solve_all(variants, threads));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (runs.size() == 1) first = seconds;
    std::size_t warm = 0, optimal = 0;
    for (const VariantFigures& f : runs.back()) {
      warm += f.warm ? 1 : 0;
      optimal += f.status == Status::kOptimal ? 1 : 0;
    }
    std::printf("threads %d: %.2f s, %.1f variants/s, %zu warm, %zu optimal, speed-up %.2f\n",
                threads, seconds, static_cast<double>(count) / seconds, warm, optimal,
                first / seconds);
  }
  bool identical = true;
  for (std::size_t r = 1; r < runs.size(); ++r) {
    for (std::size_t i = 0; i < count; ++i) identical = identical && same(runs[0][i], runs[r][i]);
  }
  std::printf("figures identical across thread counts: %s\n", identical ? "yes" : "NO");
  return identical ? 0 : 1;
}
