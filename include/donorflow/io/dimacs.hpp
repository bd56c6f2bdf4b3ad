// donorflow/io/dimacs.hpp: reading and writing min-cost flow problems in DIMACS `.min` format.
//
// The format (DIMACS implementation challenge, 1991) is line-based:
//   c <text>                       a comment
//   p min <nodes> <arcs>           the problem line, once, before any node or arc line
//   n <id> <supply>                a node's supply (positive) or demand (negative); ids from 1
//   a <tail> <head> <low> <cap> <cost>   an arc with its bounds and unit cost
// Nodes without an `n` line have supply 0. There is no standard way to write an infinite
// capacity; donorflow writes and reads the largest 64-bit integer, 9223372036854775807, for it,
// as LEMON does. The problem read is in SupplyMode::kExact, as the format intends; its `lower` is
// empty when every lower bound is 0 (the solvers then skip the shift of lower bounds).
//
// Reading is strict: a line that does not parse, an id out of range, a second problem line, a
// node given twice, a lower bound above the capacity, or an arc count that differs from the
// problem line throws DimacsError, whose message starts with "FILE:LINE:" and whose line() names
// the offending line. Nothing is returned on error. The reader parses the whole file in memory
// with std::from_chars, so a file of millions of arcs reads in about a second.
#pragma once

#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/problem.hpp"
#include "donorflow/io/source_error.hpp"

namespace donorflow {

class DimacsError : public SourceError {
 public:
  using SourceError::SourceError;
};

// Parses DIMACS text; `source` names it in error messages (a file name, or "<stdin>").
MinCostFlowProblem parse_dimacs(std::string_view text, const std::string& source = "<input>");

// Reads a DIMACS file; a file that cannot be opened throws DimacsError at line 0.
MinCostFlowProblem read_dimacs_file(const std::string& path);

// Writes `problem` in DIMACS format, with `comment` (may hold several lines) as `c` lines first.
// A problem in a relaxed supply mode cannot be expressed in the format: std::invalid_argument.
void write_dimacs(std::ostream& out, const ProblemView& problem, std::string_view comment = {});

}  // namespace donorflow

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/io/dimacs.ipp"
#endif
