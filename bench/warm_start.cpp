// Warm-start timing: a cold solve, a change of about 1% of supplies or costs, then the re-solve
// cold (both algorithms) and warm-started from the first answer (resolve_min_cost_flow).
//
//   warm_start FAMILY SIZE supplies|costs [SEED] [--json]
//
// Prints one line: the cold times after the change, the warm times of both algorithms (network
// simplex also with its solver object kept from a solve before the change) and of the automatic
// choice, each over the better cold one (BENCHMARKS.md's target is 0.1), and whether the costs
// agree; with --json, one JSON object with the same figures, solve_seconds being the automatic
// choice's warm solve (bench/peers reads it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "donorflow/donorflow.hpp"

using namespace donorflow;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// About 1% of the costs moved by -10..10, or supply moved between 1% of the sources and sinks.
// Returns the arcs whose cost it set (none for supplies).
std::vector<ArcId> change(MinCostFlowProblem& p, const std::string& what, std::mt19937_64& random) {
  const ArcId m = p.graph.arc_count();
  std::vector<ArcId> changed;
  if (what == "costs") {
    for (ArcId k = 0; k < m / 100; ++k) {
      const ArcId a = static_cast<ArcId>(random() % static_cast<std::uint64_t>(m));
      p.cost[a] = std::max<Cost>(0, p.cost[a] + static_cast<Cost>(random() % 21) - 10);
      changed.push_back(a);
    }
    return changed;
  }
  std::vector<NodeId> sources, sinks;
  for (NodeId v = 0; v < p.graph.node_count(); ++v) {
    if (p.supply[v] > 0) sources.push_back(v);
    if (p.supply[v] < 0) sinks.push_back(v);
  }
  const std::size_t moves = std::max<std::size_t>(1, (sources.size() + sinks.size()) / 100);
  for (std::size_t k = 0; k < moves; ++k) {
    const NodeId s = sources[random() % sources.size()], t = sinks[random() % sinks.size()];
    const Flow units = std::min<Flow>({p.supply[s], -p.supply[t], 3});
    p.supply[s] -= units;
    p.supply[t] += units;
  }
  return changed;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool json = std::erase(args, std::string("--json")) > 0;
  if (args.size() < 3 || args.size() > 4) {
    std::fprintf(stderr, "usage: warm_start FAMILY SIZE supplies|costs [SEED] [--json]\n");
    return 2;
  }
  const std::string family = args[0], size = args[1], what = args[2];
  const std::uint64_t seed = args.size() > 3 ? std::stoull(args[3]) : 1;
  MinCostFlowProblem problem = gen::generate(family, size, seed, {});
  const MinCostFlowResult before = solve_min_cost_flow(problem.view());
  // A C++ caller may keep its solver between solves and re-solve from its last basis
  // (network_simplex.hpp, "Re-solve"). This one solves once before the change, as such a caller's
  // would have; change() writes into the arrays its view borrows.
  NetworkSimplex<> kept(problem.view());
  kept.run();
  NetworkSimplex<> kept_told(problem.view());  // told which arcs changed
  kept_told.run();
  std::mt19937_64 random(seed);
  const std::vector<ArcId> changed = change(problem, what, random);
  auto timed = [](auto solve) {
    const auto start = std::chrono::steady_clock::now();
    MinCostFlowResult result = solve();
    return std::pair{std::move(result), seconds_since(start)};
  };
  const ProblemView view = problem.view();
  const auto [ns, ns_seconds] =
      timed([&] { return solve_min_cost_flow(view, Algorithm::kNetworkSimplex); });
  const auto [cs, cs_seconds] =
      timed([&] { return solve_min_cost_flow(view, Algorithm::kCostScaling); });
  const auto [warm_ns, warm_ns_seconds] =
      timed([&] { return resolve_min_cost_flow(view, before, Algorithm::kNetworkSimplex); });
  const auto [warm_cs, warm_cs_seconds] =
      timed([&] { return resolve_min_cost_flow(view, before, Algorithm::kCostScaling); });
  const auto [warm_kept, warm_kept_seconds] = timed([&] { return kept.resolve(); });
  const auto [warm_told, warm_told_seconds] = timed([&] { return kept_told.resolve(changed); });
  // What a caller gets: the automatic choice's rule (resolve_min_cost_flow) picks one of the two.
  const bool auto_cs = prefers_warm_cost_scaling(view, {before.flow, before.potential});
  const MinCostFlowResult& warm_auto = auto_cs ? warm_cs : warm_ns;
  const double warm_auto_seconds = auto_cs ? warm_cs_seconds : warm_ns_seconds;
  const std::string cost = to_string(ns.cost);
  const bool agree = to_string(cs.cost) == cost && to_string(warm_ns.cost) == cost &&
                     to_string(warm_cs.cost) == cost && to_string(warm_kept.cost) == cost &&
                     to_string(warm_told.cost) == cost;
  const double cold = std::min(ns_seconds, cs_seconds);
  if (json) {
    std::printf(
        "{\"family\": \"%s\", \"size\": \"%s\", \"change\": \"%s\", \"seed\": %llu, "
        "\"arcs\": %d, \"cold_ns_seconds\": %.6f, \"cold_cs_seconds\": %.6f, "
        "\"warm_ns_seconds\": %.6f, \"warm_cs_seconds\": %.6f, \"warm_kept_ns_seconds\": %.6f, "
        "\"warm_kept_told_ns_seconds\": %.6f, "
        "\"warm_auto_seconds\": %.6f, "
        "\"warm_auto_algorithm\": \"%s\", \"cold_pivots\": %lld, \"warm_pivots\": %lld, "
        "\"cost\": %s, \"costs_agree\": %s, \"status\": \"%s\", \"solve_seconds\": %.6f}\n",
        family.c_str(), size.c_str(), what.c_str(), static_cast<unsigned long long>(seed),
        problem.graph.arc_count(), ns_seconds, cs_seconds, warm_ns_seconds, warm_cs_seconds,
        warm_kept_seconds, warm_told_seconds, warm_auto_seconds, warm_auto.algorithm.c_str(),
        static_cast<long long>(ns.iterations), static_cast<long long>(warm_ns.iterations),
        cost.c_str(), agree ? "true" : "false", std::string(status_name(warm_auto.status)).c_str(),
        warm_auto_seconds);
    return agree ? 0 : 1;
  }
  std::printf(
      "%s %s %s arcs %d: cold network simplex %.4f s, cold cost scaling %.4f s, warm network "
      "simplex %.4f s (%.3f of the better cold), warm cost scaling %.4f s (%.3f), warm network "
      "simplex with its solver kept %.4f s (%.3f), kept and told which arcs changed %.4f s "
      "(%.3f), warm auto (%s) %.4f s (%.3f), costs %s\n",
      family.c_str(), size.c_str(), what.c_str(), problem.graph.arc_count(), ns_seconds, cs_seconds,
      warm_ns_seconds, warm_ns_seconds / cold, warm_cs_seconds, warm_cs_seconds / cold,
      warm_kept_seconds, warm_kept_seconds / cold, warm_told_seconds, warm_told_seconds / cold,
      warm_auto.algorithm.c_str(), warm_auto_seconds, warm_auto_seconds / cold,
      agree ? "agree" : "DIFFER");
  std::printf("pivots: cold %lld, warm %lld\n", static_cast<long long>(ns.iterations),
              static_cast<long long>(warm_ns.iterations));
  return agree ? 0 : 1;
}
