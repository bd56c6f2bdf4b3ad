// donorflow._core.solve_scenario and the Solution it returns: a scenario and its plan.
//
// A scenario crosses from Python as donorflow-scenario/1 JSON text, so that a scenario built from
// DataFrames is read, validated and solved by exactly the code that `donorflow solve` runs. The
// plan's tables come back as the same CSV text `donorflow solve` writes (plan_tables_csv), which
// the Python layer reads into DataFrames: the program and the package cannot disagree.
#include <pybind11/stl.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "donorflow/flow/certificate.hpp"
#include "donorflow/io/json.hpp"
#include "donorflow/io/plan_files.hpp"
#include "donorflow/io/scenario_json.hpp"
#include "donorflow/model/plan.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace donorflow::python {

namespace {

struct Solution {
  model::Scenario scenario;
  model::Plan plan;
  double read_seconds = 0;

  int need_index(const std::string& id) const {
    for (std::size_t i = 0; i < scenario.needs.size(); ++i) {
      if (scenario.needs[i].id == id) return static_cast<int>(i);
    }
    throw py::key_error("no need has id '" + id + "'");
  }
};

Solution solve_scenario(const std::string& text, const std::string& source,
                        const std::string& algorithm, bool shadow_prices, bool price_of_fairness) {
  model::SolveOptions options;
  const auto chosen = parse_algorithm(algorithm);
  if (!chosen) {
    throw py::value_error("algorithm must be auto, network-simplex or cost-scaling, not '" +
                          algorithm + "'");
  }
  options.algorithm = *chosen;
  options.shadow_prices = shadow_prices;
  options.price_of_fairness = price_of_fairness;
  Solution solution;
  // Safe without the GIL: parsing and solving work on C++ copies of the text and touch no
  // Python object; errors are C++ exceptions, translated once the GIL is held again.
  py::gil_scoped_release release;
  const auto start = std::chrono::steady_clock::now();
  solution.scenario = parse_scenario(text, source);
  solution.read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  solution.plan = model::solve(solution.scenario, options);
  return solution;
}

}  // namespace

void register_model(py::module_& m) {
  // Scenario errors become donorflow.ScenarioError, which keeps table, row, id and field.
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const model::ScenarioError& e) {
      py::object type = py::module_::import("donorflow._errors").attr("ScenarioError");
      py::object value = type(e.what(), e.table(), e.row(), e.id(), e.field(), e.message());
      PyErr_SetObject(type.ptr(), value.ptr());
    } catch (const std::filesystem::filesystem_error& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    } catch (const json::JsonError& e) {
      py::object type = py::module_::import("donorflow._errors").attr("ScenarioError");
      py::object value = type(e.what(), "scenario", -1, "", "", e.what());
      PyErr_SetObject(type.ptr(), value.ptr());
    }
  });

  py::class_<Solution>(m, "Solution", "A scenario as the library read it, and its plan.")
      .def_property_readonly(
          "status", [](const Solution& s) { return std::string(status_name(s.plan.status)); })
      .def_property_readonly("message", [](const Solution& s) { return s.plan.message; })
      .def_property_readonly(
          "objective", [](const Solution& s) { return s.plan.optimal() ? s.plan.objective : NAN; })
      .def_property_readonly(
          "arcs", [](const Solution& s) { return s.plan.network.problem.graph.arc_count(); })
      .def_property_readonly(
          "nodes", [](const Solution& s) { return s.plan.network.problem.graph.node_count(); })
      .def(
          "tables",
          [](const Solution& s) {
            std::vector<std::pair<std::string, std::string>> tables;
            for (PlanTable& t : plan_tables_csv(s.scenario, s.plan)) {
              tables.emplace_back(std::move(t.name), std::move(t.csv));
            }
            return tables;
          },
          "The plan's four tables as (name, CSV text), exactly as `donorflow solve` writes them.")
      .def("summary_json",
           [](const Solution& s) { return plan_summary_json(s.scenario, s.plan, s.read_seconds); })
      .def("summary_text", [](const Solution& s) { return plan_summary_text(s.scenario, s.plan); })
      .def(
          "explain",
          [](const Solution& s, const std::string& need) {
            return model::explain(s.scenario, s.plan, s.need_index(need));
          },
          py::arg("need_id"))
      .def(
          "write",
          [](const Solution& s, const std::string& directory) {
            write_plan_files(directory, s.scenario, s.plan, s.read_seconds);
          },
          py::arg("directory"))
      .def(
          "check_certificate",
          [](const Solution& s) {
            if (!s.plan.optimal()) return std::make_pair(false, std::string("not optimal"));
            const CertificateCheck check = check_certificate(
                s.plan.network.problem.view(), s.plan.flow.flow, s.plan.flow.potential);
            return std::make_pair(check.ok, check.failure);
          },
          "(ok, failure): whether the plan's network flow and potentials prove it optimal.");

  m.def("solve_scenario", &solve_scenario, py::arg("text"), py::arg("source"), py::arg("algorithm"),
        py::arg("shadow_prices"), py::arg("price_of_fairness"),
        "Read donorflow-scenario/1 JSON text, validate it and solve it.");
  m.def(
      "validate_scenario",
      [](const std::string& text, const std::string& source) {
        parse_scenario(text, source);  // reading validates every table
      },
      py::arg("text"), py::arg("source"), "Raise ScenarioError if the scenario is not valid.");
}

}  // namespace donorflow::python
