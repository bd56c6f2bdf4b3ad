// At least 1,000 random instances of assorted shapes, each solved by every algorithm, its
// certificate checked, and its optimal cost compared with Boost.Graph's successive shortest
// paths, an implementation that shares nothing with donorflow.
//
// Boost's solver needs non-negative costs, no lower bounds and one source and sink, so the
// oracle transforms the problem by textbook reductions of its own: lower bounds are shifted out,
// an arc of negative cost is replaced by its reverse at the saturated flow, and a super source
// and sink carry the supplies. Then the problem is feasible exactly when the maximum flow carries
// every unit that the supply mode requires, and the minimum cost of a maximum flow is the
// optimal cost.
#include <gtest/gtest.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>
// find_flow_cost.hpp relies on the header above being included first.
#include <boost/graph/find_flow_cost.hpp>

#include <random>
#include <vector>

#include "solve_and_check.hpp"

namespace donorflow {
namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using OracleGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, long>>>>>;

struct OracleAnswer {
  bool feasible = false;
  WideCost cost = 0;
};

// The oracle handles finite capacities only; the random instances below respect that.
OracleAnswer boost_oracle(const MinCostFlowProblem& p) {
  const NodeId n = p.graph.node_count();
  std::vector<WideCost> supply(p.supply.begin(), p.supply.end());
  supply.resize(static_cast<std::size_t>(n), 0);
  WideCost constant = 0;
  OracleGraph g(static_cast<std::size_t>(n) + 2);
  auto capacity = boost::get(boost::edge_capacity, g);
  auto weight = boost::get(boost::edge_weight, g);
  auto reverse = boost::get(boost::edge_reverse, g);
  auto add = [&](int u, int v, long cap, long w) {
    const auto e = boost::add_edge(u, v, g).first;
    const auto r = boost::add_edge(v, u, g).first;
    capacity[e] = cap;
    capacity[r] = 0;
    weight[e] = w;
    weight[r] = -w;
    reverse[e] = r;
    reverse[r] = e;
  };
  for (ArcId a = 0; a < p.graph.arc_count(); ++a) {
    const NodeId u = p.graph.tail(a), v = p.graph.head(a);
    const Flow lo = p.lower.empty() ? 0 : p.lower[a];
    const Flow hi = p.upper[a];
    const Cost c = p.cost[a];
    // x = lo + y with 0 <= y <= hi - lo.
    constant += static_cast<WideCost>(c) * lo;
    supply[u] -= lo;
    supply[v] += lo;
    const Flow room = hi - lo;
    if (u == v) {
      if (c < 0) constant += static_cast<WideCost>(c) * room;  // a loop pays only if saturated
      continue;
    }
    if (c >= 0) {
      add(u, v, room, c);
    } else {
      // Saturate, then let the reverse arc undo it at cost -c: y = room - z.
      constant += static_cast<WideCost>(c) * room;
      supply[u] -= room;
      supply[v] += room;
      add(v, u, room, -c);
    }
  }
  const int s = n, t = n + 1;
  WideCost required = 0;
  WideCost total_supply = 0, total_demand = 0;
  for (NodeId v = 0; v < n; ++v) {
    if (supply[v] > 0) add(s, v, static_cast<long>(supply[v]), 0), total_supply += supply[v];
    if (supply[v] < 0) add(v, t, static_cast<long>(-supply[v]), 0), total_demand -= supply[v];
  }
  switch (p.supply_mode) {
    case SupplyMode::kExact:
      required = total_supply;  // equal to total_demand: the problem is balanced
      break;
    case SupplyMode::kSupplyMayRemain:
      required = total_demand;
      break;
    case SupplyMode::kDemandMayRemain:
      required = total_supply;
      break;
  }
  boost::successive_shortest_path_nonnegative_weights(g, s, t);
  auto residual = boost::get(boost::edge_residual_capacity, g);
  WideCost shipped = 0;
  for (auto [e, end] = boost::out_edges(s, g); e != end; ++e)
    shipped += capacity[*e] - residual[*e];
  OracleAnswer answer;
  answer.feasible = shipped == required;
  answer.cost = constant + boost::find_flow_cost(g);
  return answer;
}

// Random instances of several shapes, all with finite capacities. Shape 4 is dense, the others
// have at most 24 nodes.
MinCostFlowProblem random_instance(std::mt19937_64& rng, int shape) {
  auto uniform = [&rng](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const NodeId n = static_cast<NodeId>(shape == 4 ? uniform(130, 150) : uniform(1, 24));
  std::vector<NodeId> tails, heads;
  switch (shape) {
    case 0: {  // sparse random, with parallel arcs and self-loops
      const int m = static_cast<int>(uniform(0, 3 * n));
      for (int i = 0; i < m; ++i) {
        tails.push_back(static_cast<NodeId>(uniform(0, n - 1)));
        heads.push_back(static_cast<NodeId>(uniform(0, n - 1)));
      }
      break;
    }
    case 1: {  // bipartite transport: every left node to every right node
      const NodeId left = n / 2;
      for (NodeId u = 0; u < left; ++u)
        for (NodeId v = left; v < n; ++v) tails.push_back(u), heads.push_back(v);
      break;
    }
    case 2: {  // a path with shortcuts: long cycles through the tree
      for (NodeId u = 0; u + 1 < n; ++u) tails.push_back(u), heads.push_back(u + 1);
      for (int i = 0; i < n; ++i) {
        tails.push_back(static_cast<NodeId>(uniform(0, n - 1)));
        heads.push_back(static_cast<NodeId>(uniform(0, n - 1)));
      }
      break;
    }
    case 4: {  // dense: every left node to every right node (some pairs twice), a few arcs back,
               // and the last nodes with only a few arcs, so that network simplex prices from
               // shortlists of each node's cheapest arcs and some nodes have fewer than those
      const NodeId left = n / 2, sparse = 8;
      for (NodeId u = 0; u < left; ++u) {
        for (NodeId v = left; v < n - sparse; ++v) {
          tails.push_back(u), heads.push_back(v);
          if (uniform(0, 9) == 0) tails.push_back(u), heads.push_back(v);
        }
      }
      for (int i = 0; i < 4 * n; ++i) {
        const auto u = static_cast<NodeId>(uniform(0, n - 1)),
                   v = static_cast<NodeId>(uniform(0, n - 1));
        tails.push_back(u), heads.push_back(v);
      }
      break;
    }
    default: {  // a square-ish grid with arcs both ways
      const NodeId w = std::max<NodeId>(1, static_cast<NodeId>(std::sqrt(n)));
      for (NodeId u = 0; u < n; ++u) {
        if ((u + 1) % w != 0 && u + 1 < n)
          tails.insert(tails.end(), {u, u + 1}), heads.insert(heads.end(), {u + 1, u});
        if (u + w < n) tails.insert(tails.end(), {u, u + w}), heads.insert(heads.end(), {u + w, u});
      }
      break;
    }
  }
  MinCostFlowProblem p;
  p.graph = StaticGraph(n, tails, heads);
  const auto m = tails.size();
  const bool negative_costs = uniform(0, 2) == 0;
  const bool lower_bounds = uniform(0, 3) == 0;
  for (std::size_t a = 0; a < m; ++a) {
    const Flow lo = lower_bounds ? uniform(0, 3) : 0;
    p.lower.push_back(lo);
    p.upper.push_back(lo + uniform(0, 15));
    p.cost.push_back(uniform(negative_costs ? -20 : 0, 50));
  }
  // Supplies: the net outflow of a random flow within the bounds, so that most instances are
  // feasible; a quarter of them then get random transfers, which usually make them infeasible.
  p.supply.assign(static_cast<std::size_t>(n), 0);
  for (std::size_t a = 0; a < m; ++a) {
    const Flow x = uniform(p.lower[a], p.upper[a]);
    p.supply[static_cast<std::size_t>(tails[a])] += x;
    p.supply[static_cast<std::size_t>(heads[a])] -= x;
  }
  if (uniform(0, 3) == 0) {
    const int transfers = static_cast<int>(uniform(1, n));
    for (int i = 0; i < transfers; ++i) {
      const Flow amount = uniform(1, 12);
      p.supply[static_cast<std::size_t>(uniform(0, n - 1))] += amount;
      p.supply[static_cast<std::size_t>(uniform(0, n - 1))] -= amount;
    }
  }
  const int mode = static_cast<int>(uniform(0, 3));
  p.supply_mode = mode == 2   ? SupplyMode::kSupplyMayRemain
                  : mode == 3 ? SupplyMode::kDemandMayRemain
                              : SupplyMode::kExact;
  // Unbalance the relaxed modes, mostly in the direction each allows, sometimes the other way.
  if (p.supply_mode != SupplyMode::kExact) {
    const Flow slack = uniform(-3, 10);
    p.supply[static_cast<std::size_t>(uniform(0, n - 1))] +=
        p.supply_mode == SupplyMode::kSupplyMayRemain ? slack : -slack;
  }
  return p;
}

// Solves instance `i` with every algorithm, checking each certificate, and compares the outcome
// with the oracle's; `feasible` is the oracle's verdict.
void expect_oracle_outcome(const MinCostFlowProblem& p, int i, bool& feasible) {
  const OracleAnswer oracle = boost_oracle(p);
  feasible = oracle.feasible;
  for (Algorithm algorithm : testing::kAllAlgorithms) {
    const MinCostFlowResult r = testing::solve_checked(p.view(), algorithm);
    SCOPED_TRACE("instance " + std::to_string(i) + ", " + std::string(algorithm_name(algorithm)));
    if (oracle.feasible) {
      ASSERT_EQ(r.status, Status::kOptimal) << r.message;
      ASSERT_EQ(to_string(r.cost), to_string(oracle.cost));
    } else {
      ASSERT_EQ(r.status, Status::kInfeasible) << r.message;
    }
  }
}

TEST(RandomOracle, MatchesBoostSuccessiveShortestPathOnAThousandInstances) {
  std::mt19937_64 rng(20261122);
  int optimal = 0, infeasible = 0;
  for (int i = 0; i < 1200; ++i) {
    bool feasible = false;
    ASSERT_NO_FATAL_FAILURE(expect_oracle_outcome(random_instance(rng, i % 4), i, feasible));
    (feasible ? optimal : infeasible) += 1;
  }
  // The generator must exercise both outcomes substantially, or the test proves little.
  EXPECT_GT(optimal, 600);
  EXPECT_GT(infeasible, 100);
}

// Dense networks, where network simplex first prices each node's cheapest arcs
// (network_simplex.hpp, BlockSearchPivot): at least 32 arcs per node.
TEST(RandomOracle, MatchesBoostOnDenseNetworks) {
  std::mt19937_64 rng(20261124);
  int optimal = 0;
  for (int i = 0; i < 40; ++i) {
    const MinCostFlowProblem p = random_instance(rng, 4);
    ASSERT_GE(p.graph.arc_count(), 32 * p.graph.node_count());
    bool feasible = false;
    ASSERT_NO_FATAL_FAILURE(expect_oracle_outcome(p, i, feasible));
    optimal += feasible ? 1 : 0;
  }
  EXPECT_GT(optimal, 20);
}

}  // namespace
}  // namespace donorflow
