// donorflow/model/roads.hpp: travel times over a road network the user supplies.
//
// When a scenario has a road network (roads.nodes with positions, roads.edges with minutes),
// reach is decided by travel time instead of straight-line distance: every site and every need
// location is snapped to its nearest road node, and the travel time from a site to a need is the
// shortest path between their road nodes. Shortest paths are Boost.Graph's Dijkstra, one search
// per site that delivers something, each O((V + E) log V).
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/model/geo.hpp"
#include "donorflow/model/scenario.hpp"

namespace donorflow::model {

class RoadNetwork {
 public:
  RoadNetwork() = default;
  RoadNetwork(const std::vector<RoadNode>& nodes, const std::vector<RoadEdge>& edges);

  bool empty() const { return node_count_ == 0; }
  // The road node nearest to a position (degrees).
  int snap(double lat, double lon) const;
  // Minutes from road node `from` to every road node; infinity where there is no road.
  std::vector<double> minutes_from(int from) const;

 private:
  int node_count_ = 0;
  std::vector<int> tails_, heads_;
  std::vector<double> minutes_;
  geo::PointIndex index_;
};

}  // namespace donorflow::model

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/model/roads.ipp"
#endif
