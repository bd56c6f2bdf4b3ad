// boost_ssp: solve a DIMACS min-cost flow file with Boost.Graph's
// successive_shortest_path_nonnegative_weights, the peers driver's (bench/peers) independent
// oracle.
//
//   boost_ssp FILE.min
//
// Boost.Graph solves min-cost *max* flow from one source s to one sink t, so the file's supplies
// become arcs from a super source (capacity = supply, cost 0) and its demands arcs to a super
// sink; the balanced problem is feasible exactly when the maximum flow saturates every supply arc,
// and its min-cost max flow is then the min-cost flow. Each augmentation runs Dijkstra with node
// potentials (Edmonds-Karp / Tomizawa), which needs non-negative costs, and pushes the bottleneck
// of one path: O(U (m + n log n)) for a total supply U, pseudo-polynomial, so large supplies are
// slow. Lower bounds are shifted out (flow l on the arc, l taken off the tail's supply and added to
// the head's); a negative cost is refused (exit 2), since the algorithm cannot take it.
//
// Prints one JSON object like `donorflow mcf --json`: {"status", "cost", "solve_seconds",
// "algorithm", "read_seconds", "nodes", "arcs"}. read_seconds covers reading the file and building
// Boost's graph with its reverse arcs (which the algorithm requires the caller to supply);
// solve_seconds covers the call alone. Exit 0 optimal, 1 infeasible, 2 bad input.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using Value = long long;
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, Value,
        boost::property<boost::edge_residual_capacity_t, Value,
                        boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                        boost::property<boost::edge_weight_t, Value>>>>>;
using Edge = Graph::edge_descriptor;

struct Arc {
  long tail, head;
  Value lower, upper, cost;
};

struct Problem {
  long nodes = 0;
  std::vector<Value> supply;
  std::vector<Arc> arcs;
};

[[noreturn]] void fail(const std::string& message) {
  std::cerr << "boost_ssp: " << message << "\n";
  std::exit(2);
}

Problem read_dimacs(const char* path) {
  std::ifstream in(path);
  if (!in) fail(std::string("cannot open ") + path);
  Problem p;
  long declared_arcs = -1;
  std::string line;
  for (long number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == 'c') continue;
    std::istringstream fields(line.substr(1));
    const auto where = std::string(path) + ":" + std::to_string(number);
    if (line[0] == 'p') {
      std::string kind;
      if (!(fields >> kind >> p.nodes >> declared_arcs) || kind != "min")
        fail(where + ": bad p line");
      p.supply.assign(p.nodes, 0);
      p.arcs.reserve(declared_arcs);
    } else if (line[0] == 'n') {
      long id;
      Value supply;
      if (!(fields >> id >> supply) || id < 1 || id > p.nodes) fail(where + ": bad n line");
      p.supply[id - 1] += supply;
    } else if (line[0] == 'a') {
      Arc a;
      if (!(fields >> a.tail >> a.head >> a.lower >> a.upper >> a.cost) || a.tail < 1 ||
          a.tail > p.nodes || a.head < 1 || a.head > p.nodes || a.lower > a.upper) {
        fail(where + ": bad a line");
      }
      if (a.cost < 0) fail(where + ": negative cost; successive shortest paths needs costs >= 0");
      --a.tail;
      --a.head;
      p.arcs.push_back(a);
    } else {
      fail(where + ": unknown line");
    }
  }
  if (declared_arcs < 0 || static_cast<long>(p.arcs.size()) != declared_arcs) {
    fail(std::string(path) + ": arc count differs from the p line");
  }
  return p;
}

std::string to_string(__int128 value) {
  if (value == 0) return "0";
  const bool negative = value < 0;
  std::string digits;
  for (; value != 0; value /= 10) {
    const int digit = static_cast<int>(value % 10);
    digits.insert(digits.begin(), static_cast<char>('0' + (negative ? -digit : digit)));
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: boost_ssp FILE.min\n";
    return 2;
  }
  using clock = std::chrono::steady_clock;
  const auto reading = clock::now();
  const Problem p = read_dimacs(argv[1]);

  // Shift lower bounds out; their cost is paid whatever the rest of the flow does.
  std::vector<Value> supply = p.supply;
  __int128 fixed_cost = 0;
  for (const Arc& a : p.arcs) {
    supply[a.tail] -= a.lower;
    supply[a.head] += a.lower;
    fixed_cost += static_cast<__int128>(a.lower) * a.cost;
  }

  const long source = p.nodes, sink = p.nodes + 1;
  Graph g(p.nodes + 2);
  auto capacity = boost::get(boost::edge_capacity, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  auto weight = boost::get(boost::edge_weight, g);
  auto add = [&](long tail, long head, Value cap, Value cost) {
    const Edge forward = boost::add_edge(tail, head, g).first;
    const Edge backward = boost::add_edge(head, tail, g).first;
    capacity[forward] = cap;
    capacity[backward] = 0;
    weight[forward] = cost;
    weight[backward] = -cost;
    reverse[forward] = backward;
    reverse[backward] = forward;
    return forward;
  };
  std::vector<Edge> arc_edges;
  arc_edges.reserve(p.arcs.size());
  for (const Arc& a : p.arcs) arc_edges.push_back(add(a.tail, a.head, a.upper - a.lower, a.cost));
  __int128 total_supply = 0, total_demand = 0;
  std::vector<Edge> supply_edges;
  for (long v = 0; v < p.nodes; ++v) {
    if (supply[v] > 0) {
      supply_edges.push_back(add(source, v, supply[v], 0));
      total_supply += supply[v];
    } else if (supply[v] < 0) {
      add(v, sink, -supply[v], 0);
      total_demand -= supply[v];
    }
  }
  const double read_seconds = std::chrono::duration<double>(clock::now() - reading).count();

  const auto start = clock::now();
  boost::successive_shortest_path_nonnegative_weights(g, source, sink);
  const double solve_seconds = std::chrono::duration<double>(clock::now() - start).count();

  auto residual = boost::get(boost::edge_residual_capacity, g);
  __int128 shipped = 0;
  for (const Edge& e : supply_edges) shipped += capacity[e] - residual[e];
  const bool optimal = total_supply == total_demand && shipped == total_supply;
  std::string cost = "null";
  if (optimal) {
    __int128 sum = fixed_cost;
    for (std::size_t i = 0; i < arc_edges.size(); ++i) {
      const Edge e = arc_edges[i];
      sum += static_cast<__int128>(p.arcs[i].cost) * (capacity[e] - residual[e]);
    }
    cost = to_string(sum);
  }
  std::printf(
      "{\"status\": \"%s\", \"cost\": %s, \"solve_seconds\": %.6f, \"algorithm\": "
      "\"boost-successive-shortest-path\", \"read_seconds\": %.6f, \"nodes\": %ld, \"arcs\": "
      "%zu}\n",
      optimal ? "OPTIMAL" : "INFEASIBLE", cost.c_str(), solve_seconds, read_seconds, p.nodes,
      p.arcs.size());
  return optimal ? 0 : 1;
}
