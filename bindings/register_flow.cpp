// donorflow._core.min_cost_flow and check_certificate over numpy arrays, and KeptSolver, the core
// of donorflow.MinCostFlowSolver (which holds copies: see there).
//
// Every array arrives as C-contiguous int64 (the Python layer converts anything else once), and
// the solver reads it in place through a std::span: capacities, costs, supplies and lower bounds
// are never copied, and tails and heads are read straight into the solver's graph. The answer's
// flow and potentials are the solver's own vectors, moved into numpy arrays that own them, so they
// stay valid after the solver is gone and are not copied either.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "donorflow/flow/certificate.hpp"
#include "donorflow/flow/min_cost_flow.hpp"
#include "donorflow/flow/network_simplex.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace donorflow::python {

namespace {

using Int64Array = py::array_t<std::int64_t, py::array::c_style>;

std::span<const std::int64_t> span_of(const Int64Array& array, const char* name) {
  if (array.ndim() != 1) {
    throw std::invalid_argument(std::string(name) + " must be one-dimensional, not " +
                                std::to_string(array.ndim()) + "-dimensional");
  }
  return {array.data(), static_cast<std::size_t>(array.size())};
}

std::span<const std::int64_t> span_of(const std::optional<Int64Array>& array, const char* name) {
  return array ? span_of(*array, name) : std::span<const std::int64_t>{};
}

void require_length(std::span<const std::int64_t> values, std::size_t length, const char* name,
                    const char* what) {
  if (values.size() != length) {
    throw std::invalid_argument(std::string(name) + " has " + std::to_string(values.size()) +
                                " entries but there are " + std::to_string(length) + " " + what);
  }
}

SupplyMode parse_supply_mode(const std::string& name) {
  for (SupplyMode mode :
       {SupplyMode::kExact, SupplyMode::kSupplyMayRemain, SupplyMode::kDemandMayRemain}) {
    if (supply_mode_name(mode) == name) return mode;
  }
  throw std::invalid_argument(
      "supply_mode must be exact, supply-may-remain or "
      "demand-may-remain, not '" +
      name + "'");
}

// The arrays as spans, after checking that every array given has one entry per arc (per node
// for supplies): an empty array is not "absent" here, though the library's views read an empty
// span so, because an empty column filtered out of a DataFrame must not silently mean zero costs
// or no capacities.
struct Spans {
  std::span<const std::int64_t> tails, heads, capacities, costs, supplies, lower;
};

Spans checked_spans(const Int64Array& tails, const Int64Array& heads,
                    const std::optional<Int64Array>& capacities, const Int64Array& costs,
                    const Int64Array& supplies, const std::optional<Int64Array>& lower) {
  const Spans spans{span_of(tails, "tails"),           span_of(heads, "heads"),
                    span_of(capacities, "capacities"), span_of(costs, "costs"),
                    span_of(supplies, "supplies"),     span_of(lower, "lower")};
  const std::size_t arcs = spans.tails.size();
  require_length(spans.heads, arcs, "heads", "tails");
  if (capacities) require_length(spans.capacities, arcs, "capacities", "arcs");
  require_length(spans.costs, arcs, "costs", "arcs");
  if (lower) require_length(spans.lower, arcs, "lower", "arcs");
  if (spans.supplies.size() > static_cast<std::size_t>(std::numeric_limits<NodeId>::max())) {
    throw std::invalid_argument("more nodes (supplies) than 32-bit node ids can number");
  }
  return spans;
}

// A graph and a view over the caller's arrays. Building the graph is part of the work the GIL is
// released for, so a Problem is made inside the released section.
struct Problem {
  StaticGraph graph;
  ProblemView view;

  Problem(const Spans& s, SupplyMode mode)
      : graph(
            StaticGraph::from_endpoints(static_cast<NodeId>(s.supplies.size()), s.tails, s.heads)),
        view{&graph, s.lower, s.capacities, s.costs, s.supplies, mode} {}
};

// A numpy array that owns `values`: the vector moves to the heap and a capsule frees it.
py::array_t<std::int64_t> to_numpy(std::vector<std::int64_t>&& values) {
  auto* owned = new std::vector<std::int64_t>(std::move(values));
  py::capsule free_when_done(owned,
                             [](void* p) { delete static_cast<std::vector<std::int64_t>*>(p); });
  return py::array_t<std::int64_t>(static_cast<py::ssize_t>(owned->size()), owned->data(),
                                   free_when_done);
}

py::int_ to_python(WideCost value) {
  return py::reinterpret_steal<py::int_>(PyLong_FromString(to_string(value).c_str(), nullptr, 10));
}

// A solver's answer as the dict the Python layer reads; flow and potentials move into numpy.
py::dict answer_of(MinCostFlowResult&& result, double seconds) {
  py::dict answer;
  answer["status"] = std::string(status_name(result.status));
  answer["message"] = result.message;
  answer["cost"] = result.optimal() ? py::object(to_python(result.cost)) : py::none();
  answer["flow"] = to_numpy(std::move(result.flow));
  answer["potentials"] = to_numpy(std::move(result.potential));
  answer["algorithm"] = result.algorithm;
  answer["iterations"] = result.iterations;
  answer["solve_seconds"] = seconds;
  return answer;
}

py::dict min_cost_flow(const Int64Array& tails_array, const Int64Array& heads_array,
                       const std::optional<Int64Array>& capacities_array,
                       const Int64Array& costs_array, const Int64Array& supplies_array,
                       const std::optional<Int64Array>& lower_array,
                       const std::string& algorithm_name, const std::string& supply_mode_name,
                       const std::optional<Int64Array>& warm_flow,
                       const std::optional<Int64Array>& warm_potentials) {
  const Spans spans = checked_spans(tails_array, heads_array, capacities_array, costs_array,
                                    supplies_array, lower_array);
  const std::optional<Algorithm> algorithm = parse_algorithm(algorithm_name);
  if (!algorithm) {
    throw std::invalid_argument("algorithm must be auto, network-simplex or cost-scaling, not '" +
                                algorithm_name + "'");
  }
  const SupplyMode mode = parse_supply_mode(supply_mode_name);

  MinCostFlowResult result;
  double seconds = 0;
  {
    // Safe without the GIL: the solver reads only the arrays' buffers, which the caller's
    // argument references keep alive until this function returns, and touches no Python object.
    py::gil_scoped_release release;
    const auto start = std::chrono::steady_clock::now();
    const Problem problem(spans, mode);
    result = warm_flow && warm_potentials
                 ? resolve_min_cost_flow(problem.view,
                                         WarmStart{span_of(*warm_flow, "warm flow"),
                                                   span_of(*warm_potentials, "warm potentials")},
                                         *algorithm)
                 : solve_min_cost_flow(problem.view, *algorithm);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return answer_of(std::move(result), seconds);
}

py::dict certificate(const Int64Array& tails_array, const Int64Array& heads_array,
                     const std::optional<Int64Array>& capacities_array,
                     const Int64Array& costs_array, const Int64Array& supplies_array,
                     const std::optional<Int64Array>& lower_array,
                     const std::string& supply_mode_name, const Int64Array& flow_array,
                     const Int64Array& potentials_array) {
  const Spans spans = checked_spans(tails_array, heads_array, capacities_array, costs_array,
                                    supplies_array, lower_array);
  const auto flow = span_of(flow_array, "flow");
  const auto potentials = span_of(potentials_array, "potentials");
  if (flow.size() != spans.tails.size()) {
    throw std::invalid_argument("flow has " + std::to_string(flow.size()) +
                                " entries but there are " + std::to_string(spans.tails.size()) +
                                " arcs");
  }
  if (potentials.size() != spans.supplies.size()) {
    throw std::invalid_argument("potentials has " + std::to_string(potentials.size()) +
                                " entries but there are " + std::to_string(spans.supplies.size()) +
                                " nodes");
  }
  CertificateCheck check;
  {
    py::gil_scoped_release release;  // reads only the buffers, as in min_cost_flow
    const Problem problem(spans, parse_supply_mode(supply_mode_name));
    check = check_certificate(problem.view, flow, potentials);
  }
  py::dict answer;
  answer["ok"] = check.ok;
  answer["failure"] = check.failure;
  answer["primal_cost"] = to_python(check.primal_cost);
  answer["dual_objective"] = to_python(check.dual_objective);
  return answer;
}

// donorflow.MinCostFlowSolver's core: a network simplex solver kept between solves, over its own
// copies of the capacities (infinite where none were given), costs, supplies and lower bounds (0
// where none were given). Python changes their values in place through the arrays this hands
// out, which share the copies' memory; every solve after the first re-solves from the basis the
// last one ended with (NetworkSimplex::resolve()). The graph and the arrays are members, so the
// view the solver keeps points into this object, which pybind11 never moves.
class KeptSolver {
 public:
  KeptSolver(const Int64Array& tails, const Int64Array& heads,
             const std::optional<Int64Array>& capacities, const Int64Array& costs,
             const Int64Array& supplies, const std::optional<Int64Array>& lower,
             const std::string& supply_mode)
      : KeptSolver(checked_spans(tails, heads, capacities, costs, supplies, lower),
                   parse_supply_mode(supply_mode)) {}

  // `changed_arcs`, when given, lists the arcs whose cost or bounds changed since the last solve:
  // a re-solve reads only those (NetworkSimplex::resolve(changed_arcs)).
  py::dict solve(const std::optional<Int64Array>& changed_arcs) {
    std::vector<ArcId> changed;
    if (changed_arcs) {
      const std::span<const std::int64_t> ids = span_of(*changed_arcs, "changed_arcs");
      const auto m = static_cast<std::int64_t>(graph_.arc_count());
      changed.reserve(ids.size());
      for (std::size_t k = 0; k < ids.size(); ++k) {
        if (ids[k] < 0 || ids[k] >= m) {
          throw std::invalid_argument(
              "changed_arcs[" + std::to_string(k) + "] = " + std::to_string(ids[k]) +
              " is not an arc of the graph (0.." + std::to_string(m - 1) + ")");
        }
        changed.push_back(static_cast<ArcId>(ids[k]));
      }
    }
    MinCostFlowResult result;
    double seconds = 0;
    {
      // Without the GIL, as min_cost_flow; Python must not change the arrays meanwhile.
      py::gil_scoped_release release;
      const auto start = std::chrono::steady_clock::now();
      result = !solved_       ? solver_.run()
               : changed_arcs ? solver_.resolve(std::span<const ArcId>(changed))
                              : solver_.resolve();
      seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    solved_ = true;
    py::dict answer = answer_of(std::move(result), seconds);
    answer["warm"] = solver_.started_warm();
    return answer;
  }

  Int64Array capacities() const { return upper_; }
  Int64Array costs() const { return cost_; }
  Int64Array supplies() const { return supply_; }
  Int64Array lower() const { return lower_; }

 private:
  KeptSolver(const Spans& s, SupplyMode mode)
      : graph_(
            StaticGraph::from_endpoints(static_cast<NodeId>(s.supplies.size()), s.tails, s.heads)),
        upper_(copy_of(s.capacities, s.tails.size(), kInfiniteCapacity)),
        cost_(copy_of(s.costs, s.tails.size(), 0)),
        supply_(copy_of(s.supplies, s.supplies.size(), 0)),
        lower_(copy_of(s.lower, s.tails.size(), 0)),
        solver_(ProblemView{&graph_, span_of(lower_, "lower"), span_of(upper_, "capacities"),
                            span_of(cost_, "costs"), span_of(supply_, "supplies"), mode}) {}

  // A new array of `size` entries: `values` if given, else `fill` everywhere.
  static Int64Array copy_of(std::span<const std::int64_t> values, std::size_t size,
                            std::int64_t fill) {
    Int64Array array(static_cast<py::ssize_t>(size));
    std::int64_t* out = array.mutable_data();
    if (values.empty()) {
      std::fill(out, out + size, fill);
    } else {
      std::copy(values.begin(), values.end(), out);
    }
    return array;
  }

  StaticGraph graph_;
  Int64Array upper_, cost_, supply_, lower_;
  NetworkSimplex<> solver_;
  bool solved_ = false;
};

}  // namespace

void register_flow(py::module_& m) {
  m.attr("INFINITE_CAPACITY") = kInfiniteCapacity;
  m.def("min_cost_flow", &min_cost_flow, py::arg("tails").noconvert(), py::arg("heads").noconvert(),
        py::arg("capacities").noconvert(), py::arg("costs").noconvert(),
        py::arg("supplies").noconvert(), py::arg("lower").noconvert(), py::arg("algorithm"),
        py::arg("supply_mode"), py::arg("warm_flow").noconvert() = py::none(),
        py::arg("warm_potentials").noconvert() = py::none(),
        "Solve a min-cost flow problem given as C-contiguous int64 arrays, read in place; from "
        "a previous answer's flow and potentials when both are given.");
  m.def("check_certificate", &certificate, py::arg("tails").noconvert(),
        py::arg("heads").noconvert(), py::arg("capacities").noconvert(),
        py::arg("costs").noconvert(), py::arg("supplies").noconvert(), py::arg("lower").noconvert(),
        py::arg("supply_mode"), py::arg("flow").noconvert(), py::arg("potentials").noconvert(),
        "Check that a flow and potentials prove each other optimal; arrays as for min_cost_flow.");
  py::class_<KeptSolver>(m, "KeptSolver",
                         "Network simplex kept between solves over its own copies of the arrays.")
      .def(py::init<const Int64Array&, const Int64Array&, const std::optional<Int64Array>&,
                    const Int64Array&, const Int64Array&, const std::optional<Int64Array>&,
                    const std::string&>(),
           py::arg("tails").noconvert(), py::arg("heads").noconvert(),
           py::arg("capacities").noconvert(), py::arg("costs").noconvert(),
           py::arg("supplies").noconvert(), py::arg("lower").noconvert(), py::arg("supply_mode"))
      .def("solve", &KeptSolver::solve, py::arg("changed_arcs").noconvert() = py::none(),
           "Solve; after the first solve, from the basis the last one ended with, reading only "
           "the changed arcs when they are listed.")
      .def_property_readonly("capacities", &KeptSolver::capacities)
      .def_property_readonly("costs", &KeptSolver::costs)
      .def_property_readonly("supplies", &KeptSolver::supplies)
      .def_property_readonly("lower", &KeptSolver::lower);
}

}  // namespace donorflow::python
