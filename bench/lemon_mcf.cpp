// lemon_mcf: solve a DIMACS file with LEMON alone, reading it with LEMON's own DIMACS reader.
//
//   lemon_mcf FILE.min [network-simplex|cost-scaling]
//
// Prints one JSON object {"status", "cost", "solve_seconds", "algorithm", "read_seconds", "nodes",
// "arcs"} like `donorflow mcf --json`, so tests and the peers' driver (bench/peers) can compare the
// two on files neither wrote for the other. solve_seconds covers what a caller holding the graph
// pays: constructing the algorithm (which builds its own arrays from the graph), setting its maps,
// run(). read_seconds covers reading the file into the graph and maps, which solve_seconds does
// not.
#include <lemon/cost_scaling.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "donorflow/flow/types.hpp"  // standard C++ only, so it compiles as C++17 too
#include "keep_freed_memory.hpp"     // src/: the donorflow program's allocator settings

namespace {

using Graph = lemon::SmartDigraph;
using Value = long long;

template <class Algorithm>
int solve(const Graph& g, const Graph::ArcMap<Value>& lower, const Graph::ArcMap<Value>& upper,
          const Graph::ArcMap<Value>& cost, const Graph::NodeMap<Value>& supply, const char* name,
          double read_seconds) {
  const auto start = std::chrono::steady_clock::now();
  Algorithm solver(g);
  solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
  const auto type = solver.run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const char* status = type == Algorithm::OPTIMAL      ? "OPTIMAL"
                       : type == Algorithm::INFEASIBLE ? "INFEASIBLE"
                                                       : "UNBOUNDED";
  std::string total = "null";
  if (type == Algorithm::OPTIMAL) {
    __int128 sum = 0;
    for (Graph::ArcIt a(g); a != lemon::INVALID; ++a)
      sum += static_cast<__int128>(cost[a]) * solver.flow(a);
    total = donorflow::to_string(sum);
  }
  std::printf(
      "{\"status\": \"%s\", \"cost\": %s, \"solve_seconds\": %.6f, \"algorithm\": \"lemon-%s\", "
      "\"read_seconds\": %.6f, \"nodes\": %d, \"arcs\": %d}\n",
      status, total.c_str(), seconds, name, read_seconds, lemon::countNodes(g),
      lemon::countArcs(g));
  return type == Algorithm::OPTIMAL ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: lemon_mcf FILE.min [network-simplex|cost-scaling]\n";
    return 2;
  }
  const std::string algorithm = argc == 3 ? argv[2] : "network-simplex";
  donorflow::cli::keep_freed_memory();  // as the donorflow program does
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "lemon_mcf: cannot open " << argv[1] << "\n";
    return 2;
  }
  Graph g;
  Graph::ArcMap<Value> lower(g), upper(g), cost(g);
  Graph::NodeMap<Value> supply(g);
  const auto reading = std::chrono::steady_clock::now();
  lemon::readDimacsMin(in, g, lower, upper, cost, supply);
  const double read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - reading).count();
  if (algorithm == "network-simplex") {
    return solve<lemon::NetworkSimplex<Graph, Value, Value>>(g, lower, upper, cost, supply,
                                                             "network-simplex", read_seconds);
  }
  if (algorithm == "cost-scaling") {
    return solve<lemon::CostScaling<Graph, Value, Value>>(g, lower, upper, cost, supply,
                                                          "cost-scaling", read_seconds);
  }
  std::cerr << "lemon_mcf: unknown algorithm " << algorithm << "\n";
  return 2;
}
