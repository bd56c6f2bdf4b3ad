// donorflow/graph/static_graph.hpp: a compact, immutable directed graph in CSR form.
//
// Nodes are 0..node_count()-1 and arcs 0..arc_count()-1, both as 32-bit ids. An arc keeps the id
// the caller gave it (its position in the tail and head arrays), so flows, costs and capacities
// are plain arrays indexed by that id and live outside the graph: one graph serves many cost or
// capacity vectors. Parallel arcs and self-loops are allowed.
//
// Besides tail[a] and head[a] the graph stores two compressed-sparse-row indexes, one for the
// arcs leaving each node and one for the arcs entering it, built by a counting sort in O(n + m)
// time. Within a node the arcs appear in increasing id order, so iteration is deterministic.
// Memory: 4 * (4m + 2n) bytes.
#pragma once

#include <concepts>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "donorflow/flow/types.hpp"

namespace donorflow {

class StaticGraph {
 public:
  StaticGraph() = default;

  // Builds the graph from arc endpoints: arc a goes from tails[a] to heads[a]. Throws
  // std::invalid_argument naming the arc if an endpoint is outside [0, node_count) or the two
  // arrays differ in length.
  StaticGraph(NodeId node_count, std::span<const NodeId> tails, std::span<const NodeId> heads) {
    assign(node_count, tails, heads);
  }

  // The same from endpoints of any integer type, read in place: 64-bit ids, as numpy gives them,
  // are checked and narrowed while the graph is built, never copied to a 32-bit array first.
  template <std::integral Index>
  static StaticGraph from_endpoints(NodeId node_count, std::span<const Index> tails,
                                    std::span<const Index> heads) {
    StaticGraph graph;
    graph.assign(node_count, tails, heads);
    return graph;
  }

  NodeId node_count() const { return node_count_; }
  ArcId arc_count() const { return static_cast<ArcId>(tail_.size()); }

  NodeId tail(ArcId a) const { return tail_[a]; }
  NodeId head(ArcId a) const { return head_[a]; }
  std::span<const NodeId> tails() const { return tail_; }
  std::span<const NodeId> heads() const { return head_; }

  // Arcs leaving / entering node u, in increasing id order.
  std::span<const ArcId> out_arcs(NodeId u) const {
    return {out_arcs_.data() + first_out_[u], out_arcs_.data() + first_out_[u + 1]};
  }
  std::span<const ArcId> in_arcs(NodeId u) const {
    return {in_arcs_.data() + first_in_[u], in_arcs_.data() + first_in_[u + 1]};
  }
  ArcId out_degree(NodeId u) const { return first_out_[u + 1] - first_out_[u]; }
  ArcId in_degree(NodeId u) const { return first_in_[u + 1] - first_in_[u]; }

 private:
  template <std::integral Index>
  void assign(NodeId node_count, std::span<const Index> tails, std::span<const Index> heads) {
    if (node_count < 0) throw std::invalid_argument("graph: negative node count");
    if (tails.size() != heads.size()) {
      throw std::invalid_argument("graph: " + std::to_string(tails.size()) + " tails but " +
                                  std::to_string(heads.size()) + " heads");
    }
    if (tails.size() > static_cast<std::size_t>(std::numeric_limits<ArcId>::max())) {
      throw std::invalid_argument("graph: more arcs than 32-bit arc ids can number");
    }
    for (std::size_t a = 0; a < tails.size(); ++a) {
      if (tails[a] < 0 || tails[a] >= node_count || heads[a] < 0 || heads[a] >= node_count) {
        throw std::invalid_argument("graph: arc " + std::to_string(a) + " (" +
                                    std::to_string(tails[a]) + " -> " + std::to_string(heads[a]) +
                                    ") names a node outside 0.." + std::to_string(node_count - 1));
      }
    }
    node_count_ = node_count;
    tail_.assign(tails.begin(), tails.end());
    head_.assign(heads.begin(), heads.end());
    build_index(tail_, first_out_, out_arcs_);
    build_index(head_, first_in_, in_arcs_);
  }

  // Counting sort of arc ids by `key` (tail or head) into CSR form.
  void build_index(const std::vector<NodeId>& key, std::vector<ArcId>& first,
                   std::vector<ArcId>& arcs) const {
    first.assign(static_cast<std::size_t>(node_count_) + 1, 0);
    for (NodeId u : key) ++first[u + 1];
    for (NodeId u = 0; u < node_count_; ++u) first[u + 1] += first[u];
    arcs.resize(key.size());
    std::vector<ArcId> next(first.begin(), first.end() - 1);
    for (std::size_t a = 0; a < key.size(); ++a) arcs[next[key[a]]++] = static_cast<ArcId>(a);
  }

  NodeId node_count_ = 0;
  std::vector<NodeId> tail_;
  std::vector<NodeId> head_;
  std::vector<ArcId> first_out_{0};
  std::vector<ArcId> out_arcs_;
  std::vector<ArcId> first_in_{0};
  std::vector<ArcId> in_arcs_;
};

}  // namespace donorflow
