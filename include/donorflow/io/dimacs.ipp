// Implementation of donorflow/io/dimacs.hpp.
#pragma once

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <limits>
#include <ostream>
#include <sstream>
#include <vector>

#include "donorflow/io/dimacs.hpp"

namespace donorflow {

namespace detail {

// Splits one line into whitespace-separated fields without allocating.
class DimacsFields {
 public:
  explicit DimacsFields(std::string_view line) : rest_(line) {}

  bool next(std::string_view& field) {
    std::size_t i = 0;
    while (i < rest_.size() && (rest_[i] == ' ' || rest_[i] == '\t' || rest_[i] == '\r')) ++i;
    if (i == rest_.size()) return false;
    std::size_t j = i;
    while (j < rest_.size() && rest_[j] != ' ' && rest_[j] != '\t' && rest_[j] != '\r') ++j;
    field = rest_.substr(i, j - i);
    rest_ = rest_.substr(j);
    return true;
  }

 private:
  std::string_view rest_;
};

}  // namespace detail

DONORFLOW_INLINE MinCostFlowProblem parse_dimacs(std::string_view text, const std::string& source) {
  long line_number = 0;
  auto fail = [&](const std::string& what) -> DimacsError {
    return DimacsError(source, line_number, what);
  };
  std::int64_t node_count = -1, arc_count = -1;
  long problem_line = 0;
  std::vector<NodeId> tails, heads;
  std::vector<Flow> lower, upper, supply;
  std::vector<Cost> cost;
  std::vector<long> supply_line;  // where each node's `n` line was, to report duplicates

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;

    detail::DimacsFields fields(line);
    std::string_view kind;
    if (!fields.next(kind) || kind == "c") continue;
    // Reads the next field as an integer in [lo, hi], naming `what` in the error.
    auto integer = [&](const char* what, std::int64_t lo, std::int64_t hi) {
      std::string_view field;
      if (!fields.next(field)) throw fail(std::string("missing ") + what);
      std::int64_t value = 0;
      const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
      if (ec == std::errc::result_out_of_range) {
        throw fail(std::string(what) + " '" + std::string(field) + "' is out of 64-bit range");
      }
      if (ec != std::errc() || ptr != field.data() + field.size()) {
        throw fail(std::string(what) + " '" + std::string(field) + "' is not an integer");
      }
      if (value < lo || value > hi) {
        throw fail(std::string(what) + " " + std::to_string(value) + " is outside " +
                   std::to_string(lo) + ".." + std::to_string(hi));
      }
      return value;
    };
    auto finish_line = [&] {
      std::string_view extra;
      if (fields.next(extra)) throw fail("unexpected '" + std::string(extra) + "' at end of line");
    };

    if (kind == "p") {
      if (problem_line != 0) {
        throw fail("second problem line (the first is line " + std::to_string(problem_line) + ")");
      }
      std::string_view type;
      if (!fields.next(type)) throw fail("missing problem type");
      if (type != "min") throw fail("problem type '" + std::string(type) + "' is not 'min'");
      node_count = integer("node count", 0, std::numeric_limits<NodeId>::max() - 1);
      arc_count = integer("arc count", 0, std::numeric_limits<ArcId>::max());
      finish_line();
      problem_line = line_number;
      supply.assign(static_cast<std::size_t>(node_count), 0);
      supply_line.assign(static_cast<std::size_t>(node_count), 0);
      tails.reserve(static_cast<std::size_t>(arc_count));
      heads.reserve(static_cast<std::size_t>(arc_count));
      lower.reserve(static_cast<std::size_t>(arc_count));
      upper.reserve(static_cast<std::size_t>(arc_count));
      cost.reserve(static_cast<std::size_t>(arc_count));
    } else if (kind == "n") {
      if (problem_line == 0) throw fail("node line before the problem line");
      const auto id = static_cast<std::size_t>(integer("node id", 1, node_count) - 1);
      const Flow b = integer("supply", -kMaxMagnitude, kMaxMagnitude);
      finish_line();
      if (supply_line[id] != 0) {
        throw fail("node " + std::to_string(id + 1) + " given twice (first on line " +
                   std::to_string(supply_line[id]) + ")");
      }
      supply_line[id] = line_number;
      supply[id] = b;
    } else if (kind == "a") {
      if (problem_line == 0) throw fail("arc line before the problem line");
      if (static_cast<std::int64_t>(tails.size()) == arc_count) {
        throw fail("more arc lines than the " + std::to_string(arc_count) +
                   " the problem line announces");
      }
      const auto tail = static_cast<NodeId>(integer("tail", 1, node_count) - 1);
      const auto head = static_cast<NodeId>(integer("head", 1, node_count) - 1);
      const Flow lo = integer("lower bound", -kMaxMagnitude, kMaxMagnitude);
      Flow cap = integer("capacity", -kMaxMagnitude, kInfiniteCapacity);
      if (cap != kInfiniteCapacity && cap > kMaxMagnitude) {
        throw fail("capacity " + std::to_string(cap) +
                   " is beyond 2^60; write 9223372036854775807 for an infinite capacity");
      }
      const Cost c = integer("cost", -kMaxMagnitude, kMaxMagnitude);
      finish_line();
      if (lo > cap) {
        throw fail(
            "lower bound " + std::to_string(lo) + " exceeds capacity " + std::to_string(cap) +
            " (LEMON reads such a capacity as infinite; write 9223372036854775807 for that)");
      }
      tails.push_back(tail);
      heads.push_back(head);
      lower.push_back(lo);
      upper.push_back(cap);
      cost.push_back(c);
    } else {
      throw fail("unknown line type '" + std::string(kind) + "' (expected c, p, n or a)");
    }
  }
  if (problem_line == 0) throw fail("no problem line 'p min NODES ARCS'");
  if (static_cast<std::int64_t>(tails.size()) != arc_count) {
    line_number = problem_line;
    throw fail("the problem line announces " + std::to_string(arc_count) + " arcs but " +
               std::to_string(tails.size()) + " arc lines follow");
  }
  MinCostFlowProblem problem;
  problem.graph = StaticGraph(static_cast<NodeId>(node_count), tails, heads);
  // All zero, as in most files: no array, which the solvers read as zero and skip.
  if (std::any_of(lower.begin(), lower.end(), [](Flow lo) { return lo != 0; })) {
    problem.lower = std::move(lower);
  }
  problem.upper = std::move(upper);
  problem.cost = std::move(cost);
  problem.supply = std::move(supply);
  return problem;
}

DONORFLOW_INLINE MinCostFlowProblem read_dimacs_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw DimacsError(path, 0, "cannot open the file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_dimacs(text, path);
}

DONORFLOW_INLINE void write_dimacs(std::ostream& out, const ProblemView& problem,
                                   std::string_view comment) {
  if (problem.supply_mode != SupplyMode::kExact) {
    throw std::invalid_argument("DIMACS min format holds only exact supplies, not " +
                                std::string(supply_mode_name(problem.supply_mode)));
  }
  const StaticGraph& g = *problem.graph;
  // Formatting with to_chars into one buffer keeps writing millions of arcs fast.
  std::string buffer;
  buffer.reserve(1 << 20);
  auto number = [&buffer](std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    buffer.push_back(' ');
    buffer.append(digits, end);
  };
  auto flush_if_full = [&] {
    if (buffer.size() > (1 << 20) - 128) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  };
  std::size_t start = 0;
  while (start < comment.size()) {
    std::size_t end = comment.find('\n', start);
    if (end == std::string_view::npos) end = comment.size();
    buffer += "c ";
    buffer.append(comment.substr(start, end - start));
    buffer.push_back('\n');
    start = end + 1;
  }
  buffer += "p min";
  number(g.node_count());
  number(g.arc_count());
  buffer.push_back('\n');
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (problem.supply_of(v) == 0) continue;
    buffer.push_back('n');
    number(v + 1);
    number(problem.supply_of(v));
    buffer.push_back('\n');
    flush_if_full();
  }
  for (ArcId a = 0; a < g.arc_count(); ++a) {
    buffer.push_back('a');
    number(g.tail(a) + 1);
    number(g.head(a) + 1);
    number(problem.lower_of(a));
    number(problem.upper_of(a));
    number(problem.cost_of(a));
    buffer.push_back('\n');
    flush_if_full();
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace donorflow
