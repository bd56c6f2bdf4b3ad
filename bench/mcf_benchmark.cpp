// The min-cost flow benchmark suite: every family of docs/benchmarks.md, built in memory, solved
// by donorflow and by LEMON's two solvers in the same run.
//
//   build/bench/mcf_benchmark                                  small sizes, every engine
//   DONORFLOW_BENCH_SIZES=small,medium build/bench/mcf_benchmark --benchmark_filter=netgen
//
// Instances are generated once, outside the timed loop, and every engine's answer is checked
// before it is timed: donorflow's certificate must hold and every cost must equal donorflow's, or
// the benchmark reports an error instead of a time. Runs are named family/size/engine and report
// arcs per second. Large sizes run only when asked for by DONORFLOW_BENCH_SIZES.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "donorflow/donorflow.hpp"
#include "lemon_adapter.hpp"

namespace {

using namespace donorflow;

struct Instance {
  MinCostFlowProblem problem;
  std::unique_ptr<bench::LemonProblem> lemon;
  WideCost optimum = 0;
  std::string error;  // set when the reference solve failed its checks
};

// Generated on first use and kept for the whole run, so each instance is built once.
Instance& instance(const std::string& family, const std::string& size) {
  static std::map<std::string, std::unique_ptr<Instance>> cache;
  auto& slot = cache[family + "/" + size];
  if (!slot) {
    slot = std::make_unique<Instance>();
    slot->problem = gen::generate(family, size, 1);
    const MinCostFlowProblem& p = slot->problem;
    slot->lemon = std::make_unique<bench::LemonProblem>(
        p.graph.node_count(), p.graph.arc_count(), p.graph.tails().data(), p.graph.heads().data(),
        p.lower.empty() ? nullptr : p.lower.data(), p.upper.data(), p.cost.data(), p.supply.data());
    const MinCostFlowResult r = solve_min_cost_flow(slot->problem.view());
    const CertificateCheck check = check_certificate(slot->problem.view(), r.flow, r.potential);
    if (!r.optimal()) {
      slot->error = "donorflow: " + std::string(status_name(r.status)) + " " + r.message;
    } else if (!check.ok) {
      slot->error = "certificate: " + check.failure;
    }
    slot->optimum = r.cost;
  }
  return *slot;
}

void report(benchmark::State& state, const Instance& inst) {
  const double arcs = inst.problem.graph.arc_count();
  state.counters["arcs"] = arcs;
  state.counters["arcs_per_second"] = benchmark::Counter(
      arcs * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void run_donorflow(benchmark::State& state, const std::string& family, const std::string& size,
                   Algorithm algorithm) {
  Instance& inst = instance(family, size);
  if (!inst.error.empty()) return state.SkipWithError(inst.error.c_str());
  for (auto _ : state) {
    MinCostFlowResult r = solve_min_cost_flow(inst.problem.view(), algorithm);
    benchmark::DoNotOptimize(r.cost);
    if (r.cost != inst.optimum) return state.SkipWithError("cost changed between runs");
  }
  report(state, inst);
}

void run_lemon(benchmark::State& state, const std::string& family, const std::string& size,
               bool cost_scaling) {
  Instance& inst = instance(family, size);
  if (!inst.error.empty()) return state.SkipWithError(inst.error.c_str());
  for (auto _ : state) {
    const bench::PeerRun r =
        cost_scaling ? inst.lemon->cost_scaling() : inst.lemon->network_simplex();
    if (r.outcome != bench::PeerRun::Outcome::kOptimal || r.cost != inst.optimum) {
      const std::string why =
          "MISMATCH: LEMON cost " + to_string(r.cost) + ", donorflow " + to_string(inst.optimum);
      return state.SkipWithError(why.c_str());
    }
    state.SetIterationTime(r.seconds);
  }
  report(state, inst);
}

}  // namespace

int main(int argc, char** argv) {
  std::string sizes = "small";
  if (const char* env = std::getenv("DONORFLOW_BENCH_SIZES")) sizes = env;
  std::stringstream list(sizes);
  for (std::string size; std::getline(list, size, ',');) {
    for (std::string_view family_name : gen::family_names()) {
      const std::string family(family_name);
      const std::string prefix = family + "/" + size + "/";
      for (Algorithm algorithm : {Algorithm::kNetworkSimplex, Algorithm::kCostScaling}) {
        benchmark::RegisterBenchmark(
            (prefix + "donorflow-" + std::string(algorithm_name(algorithm))).c_str(), run_donorflow,
            family, size, algorithm)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime();
      }
      benchmark::RegisterBenchmark((prefix + "lemon-network-simplex").c_str(), run_lemon, family,
                                   size, false)
          ->Unit(benchmark::kMillisecond)
          ->UseManualTime();
      benchmark::RegisterBenchmark((prefix + "lemon-cost-scaling").c_str(), run_lemon, family, size,
                                   true)
          ->Unit(benchmark::kMillisecond)
          ->UseManualTime();
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
