// DIMACS reading and writing: files with known optima, a round trip, and malformed input whose
// error names the line.
#include <gtest/gtest.h>

#include <sstream>

#include "donorflow/io/dimacs.hpp"
#include "solve_and_check.hpp"

namespace donorflow {
namespace {

const std::string kSmall = R"(c a small transport problem, written by hand
c
p min 4 5
n 1 4
n 4 -4
a 1 2 0 4 2
a 1 3 0 2 2
a 2 3 0 2 1
a 2 4 0 3 3
a 3 4 0 5 1
)";

TEST(Dimacs, ReadsTheKnownOptimum) {
  const MinCostFlowProblem p = parse_dimacs(kSmall);
  EXPECT_EQ(p.graph.node_count(), 4);
  EXPECT_EQ(p.graph.arc_count(), 5);
  EXPECT_EQ(p.supply, (std::vector<Flow>{4, 0, 0, -4}));
  const auto r = testing::solve_checked(p.view(), Algorithm::kNetworkSimplex);
  ASSERT_TRUE(r.optimal()) << r.message;
  EXPECT_EQ(r.cost, 14);  // 2 units 1-3-4 (cost 3 each), 2 units 1-2-3-4 (cost 4 each)
}

TEST(Dimacs, ToleratesBlankLinesTabsAndCarriageReturns) {
  const MinCostFlowProblem p =
      parse_dimacs("c x\r\n\np\tmin 2 1\r\n\n  n 1 3\nn 2 -3\na 1 2 0 5 7\r\n");
  EXPECT_EQ(p.graph.arc_count(), 1);
  EXPECT_EQ(p.supply, (std::vector<Flow>{3, -3}));
}

TEST(Dimacs, RoundTripsThroughTheWriter) {
  const MinCostFlowProblem p = parse_dimacs(kSmall);
  std::ostringstream out;
  write_dimacs(out, p.view(), "written by the test\nsecond line");
  const MinCostFlowProblem q = parse_dimacs(out.str());
  EXPECT_EQ(q.graph.tails().size(), p.graph.tails().size());
  EXPECT_TRUE(std::equal(q.graph.tails().begin(), q.graph.tails().end(), p.graph.tails().begin()));
  EXPECT_TRUE(std::equal(q.graph.heads().begin(), q.graph.heads().end(), p.graph.heads().begin()));
  EXPECT_EQ(q.lower, p.lower);
  EXPECT_EQ(q.upper, p.upper);
  EXPECT_EQ(q.cost, p.cost);
  EXPECT_EQ(q.supply, p.supply);
  EXPECT_EQ(out.str().rfind("c written by the test\nc second line\np min 4 5\n", 0), 0u);
}

// Lower bounds that are all 0 need no array (the solvers skip their shift); one that is not keeps
// every arc's.
TEST(Dimacs, LowerBoundsAreKeptOnlyWhenOneIsNotZero) {
  EXPECT_TRUE(parse_dimacs(kSmall).lower.empty());
  const MinCostFlowProblem p = parse_dimacs("p min 3 2\nn 1 2\nn 3 -2\na 1 2 0 5 1\na 2 3 1 5 1\n");
  EXPECT_EQ(p.lower, (std::vector<Flow>{0, 1}));
  const auto r = testing::solve_checked(p.view(), Algorithm::kNetworkSimplex);
  ASSERT_TRUE(r.optimal()) << r.message;
  EXPECT_EQ(r.flow, (std::vector<Flow>{2, 2}));
}

TEST(Dimacs, InfiniteCapacityIsTheLargestInteger) {
  const MinCostFlowProblem p = parse_dimacs("p min 2 1\na 1 2 0 9223372036854775807 1\n");
  EXPECT_EQ(p.upper[0], kInfiniteCapacity);
}

struct Malformed {
  const char* text;
  long line;
  const char* says;
};

class DimacsMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(DimacsMalformed, NamesTheLine) {
  const Malformed& m = GetParam();
  try {
    parse_dimacs(m.text, "bad.min");
    FAIL() << "no error for: " << m.text;
  } catch (const DimacsError& error) {
    EXPECT_EQ(error.line(), m.line) << error.what();
    const std::string what = error.what();
    EXPECT_EQ(what.rfind("bad.min:" + std::to_string(m.line) + ": ", 0), 0u) << what;
    EXPECT_NE(what.find(m.says), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Dimacs, DimacsMalformed,
    ::testing::Values(Malformed{"", 0, "no problem line"},
                      Malformed{"c only a comment\n", 1, "no problem line"},
                      Malformed{"a 1 2 0 1 1\n", 1, "before the problem line"},
                      Malformed{"p max 2 1\n", 1, "is not 'min'"},
                      Malformed{"p min 2\n", 1, "missing arc count"},
                      Malformed{"p min 2 1\np min 2 1\n", 2, "second problem line"},
                      Malformed{"p min 2 1\na 1 3 0 1 1\n", 2, "head 3 is outside 1..2"},
                      Malformed{"p min 2 1\na 1 2 0 x 1\n", 2, "capacity 'x' is not an integer"},
                      Malformed{"p min 2 1\na 1 2 0 1 1.5\n", 2, "cost '1.5' is not an integer"},
                      Malformed{"p min 2 1\na 1 2 5 1 1\n", 2, "lower bound 5 exceeds capacity 1"},
                      Malformed{"p min 2 1\na 1 2 0 1 1 9\n", 2, "unexpected '9'"},
                      Malformed{"p min 2 1\nn 1 99999999999999999999\n", 2, "out of 64-bit range"},
                      Malformed{"p min 2 1\nn 1 3\nn 1 4\n", 3, "given twice (first on line 2)"},
                      Malformed{"p min 2 2\na 1 2 0 1 1\n", 1, "announces 2 arcs but 1"},
                      Malformed{"p min 2 1\na 1 2 0 1 1\na 2 1 0 1 1\n", 3, "more arc lines"},
                      Malformed{"p min 2 1\nx 1\n", 2, "unknown line type 'x'"},
                      Malformed{"p min 2 1\na 1 2 0 2000000000000000000 1\n", 2, "beyond 2^60"}),
    [](const ::testing::TestParamInfo<Malformed>& info) {
      return "case" + std::to_string(info.index) + "_line" + std::to_string(info.param.line);
    });

TEST(Dimacs, MissingFileIsAnError) {
  EXPECT_THROW(read_dimacs_file("/nonexistent/donorflow.min"), DimacsError);
}

TEST(Dimacs, WriterRefusesRelaxedSupplyModes) {
  MinCostFlowProblem p = parse_dimacs(kSmall);
  p.supply_mode = SupplyMode::kSupplyMayRemain;
  std::ostringstream out;
  EXPECT_THROW(write_dimacs(out, p.view()), std::invalid_argument);
}

}  // namespace
}  // namespace donorflow
