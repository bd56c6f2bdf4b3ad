// Implementation of donorflow/model/roads.hpp.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <unordered_map>

#include "donorflow/model/roads.hpp"

namespace donorflow::model {

DONORFLOW_INLINE RoadNetwork::RoadNetwork(const std::vector<RoadNode>& nodes,
                                          const std::vector<RoadEdge>& edges)
    : node_count_(static_cast<int>(nodes.size())) {
  std::unordered_map<std::string, int> id;
  std::vector<double> lats, lons;
  for (const RoadNode& n : nodes) {
    id.emplace(n.id, static_cast<int>(lats.size()));
    lats.push_back(n.lat);
    lons.push_back(n.lon);
  }
  for (const RoadEdge& e : edges) {
    const int a = id.at(e.from), b = id.at(e.to);
    tails_.push_back(a), heads_.push_back(b), minutes_.push_back(e.minutes);
    if (e.two_way) tails_.push_back(b), heads_.push_back(a), minutes_.push_back(e.minutes);
  }
  index_ = geo::PointIndex(lats, lons);
}

DONORFLOW_INLINE int RoadNetwork::snap(double lat, double lon) const {
  const auto nearest = index_.nearest(lat, lon, 1, geo::kEarthRadiusKm * 4);
  return nearest.empty() ? -1 : nearest.front().first;
}

DONORFLOW_INLINE std::vector<double> RoadNetwork::minutes_from(int from) const {
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                            boost::property<boost::edge_weight_t, double>>;
  Graph g(static_cast<std::size_t>(node_count_));
  for (std::size_t e = 0; e < tails_.size(); ++e)
    boost::add_edge(tails_[e], heads_[e], minutes_[e], g);
  std::vector<double> minutes(static_cast<std::size_t>(node_count_));
  boost::dijkstra_shortest_paths(
      g, static_cast<std::size_t>(from),
      boost::distance_map(
          boost::make_iterator_property_map(minutes.begin(), boost::get(boost::vertex_index, g)))
          .distance_inf(std::numeric_limits<double>::infinity()));
  return minutes;
}

}  // namespace donorflow::model
