// LEMON's side of bench/lemon_adapter.hpp, compiled as C++17.
#include "lemon_adapter.hpp"

#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>

namespace donorflow::bench {

struct LemonProblem::Impl {
  using Graph = lemon::SmartDigraph;
  using Value = long long;
  Graph graph;
  Graph::ArcMap<Value> lower{graph}, upper{graph}, cost{graph};
  Graph::NodeMap<Value> supply{graph};

  template <class Algorithm>
  PeerRun run() const {
    PeerRun out;
    const auto start = std::chrono::steady_clock::now();
    Algorithm solver(graph);
    solver.lowerMap(lower).upperMap(upper).costMap(cost).supplyMap(supply);
    const auto type = solver.run();
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (type == Algorithm::OPTIMAL) {
      out.outcome = PeerRun::Outcome::kOptimal;
      for (Graph::ArcIt a(graph); a != lemon::INVALID; ++a) {
        out.cost += static_cast<__int128>(cost[a]) * solver.flow(a);
      }
    } else {
      out.outcome = type == Algorithm::INFEASIBLE ? PeerRun::Outcome::kInfeasible
                                                  : PeerRun::Outcome::kUnbounded;
    }
    return out;
  }
};

LemonProblem::LemonProblem(std::int32_t nodes, std::int32_t arcs, const std::int32_t* tails,
                           const std::int32_t* heads, const std::int64_t* lower,
                           const std::int64_t* upper, const std::int64_t* cost,
                           const std::int64_t* supply)
    : impl_(std::make_unique<Impl>()) {
  auto& g = impl_->graph;
  g.reserveNode(nodes);
  g.reserveArc(arcs);
  for (std::int32_t v = 0; v < nodes; ++v) impl_->supply.set(g.addNode(), supply ? supply[v] : 0);
  for (std::int32_t a = 0; a < arcs; ++a) {
    const auto arc = g.addArc(g.nodeFromId(tails[a]), g.nodeFromId(heads[a]));
    impl_->lower.set(arc, lower ? lower[a] : 0);
    impl_->upper.set(arc, upper[a]);  // LEMON reads the largest value as infinite, as donorflow
    impl_->cost.set(arc, cost[a]);
  }
}

LemonProblem::~LemonProblem() = default;

PeerRun LemonProblem::network_simplex() const {
  return impl_->run<lemon::NetworkSimplex<Impl::Graph, Impl::Value, Impl::Value>>();
}

PeerRun LemonProblem::cost_scaling() const {
  return impl_->run<lemon::CostScaling<Impl::Graph, Impl::Value, Impl::Value>>();
}

}  // namespace donorflow::bench
