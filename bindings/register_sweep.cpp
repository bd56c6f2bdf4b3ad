// donorflow._core.Sweep: model::Sweep for donorflow.sweep (bindings/python/donorflow/sweep.py).
//
// The base scenario crosses as donorflow-scenario/1 text, like solve_scenario's. Variants cross
// as flat arrays (one row per change, CSR offsets per variant), already resolved to row
// positions by the Python layer, and figures come back as numpy arrays, one row per variant.
// Solving releases the GIL, so Python threads solve variants in parallel.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "donorflow/io/scenario_json.hpp"
#include "donorflow/model/sweep.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace donorflow::python {

namespace {

template <class T>
using Array = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <class T>
std::span<const T> span_of(const Array<T>& a, std::size_t size, const char* name) {
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != size) {
    throw py::value_error(std::string(name) + " must be one-dimensional with " +
                          std::to_string(size) + " entries");
  }
  return {a.data(), size};
}

py::dict figures_dict(const std::vector<model::VariantFigures>& figures, std::size_t regions,
                      std::size_t resources) {
  const auto count = static_cast<py::ssize_t>(figures.size());
  const auto r = static_cast<py::ssize_t>(regions), k = static_cast<py::ssize_t>(resources);
  py::array_t<double> objective(count), lowest(count), gini(count), seconds(count);
  py::array_t<std::int64_t> lowest_region(count);
  py::array_t<bool> warm(count);
  py::array_t<double> share({count, r}), met({count, k}), unmet({count, k});
  py::list status, message;
  auto o = objective.mutable_unchecked<1>(), lo = lowest.mutable_unchecked<1>();
  auto g = gini.mutable_unchecked<1>(), sec = seconds.mutable_unchecked<1>();
  auto lr = lowest_region.mutable_unchecked<1>();
  auto w = warm.mutable_unchecked<1>();
  auto sh = share.mutable_unchecked<2>(), me = met.mutable_unchecked<2>();
  auto un = unmet.mutable_unchecked<2>();
  for (py::ssize_t i = 0; i < count; ++i) {
    const model::VariantFigures& f = figures[static_cast<std::size_t>(i)];
    status.append(std::string(status_name(f.status)));
    message.append(f.message);
    o(i) = f.objective, lo(i) = f.lowest_share, g(i) = f.gini, sec(i) = f.seconds;
    lr(i) = f.lowest_region, w(i) = f.warm;
    for (py::ssize_t j = 0; j < r; ++j) {
      sh(i, j) = f.region_share.empty() ? NAN : f.region_share[static_cast<std::size_t>(j)];
    }
    for (py::ssize_t j = 0; j < k; ++j) {
      me(i, j) = f.met.empty() ? NAN : f.met[static_cast<std::size_t>(j)];
      un(i, j) = f.unmet.empty() ? NAN : f.unmet[static_cast<std::size_t>(j)];
    }
  }
  py::dict out;
  out["status"] = status, out["message"] = message, out["objective"] = objective;
  out["region_share"] = share, out["lowest_share"] = lowest, out["lowest_region"] = lowest_region;
  out["gini"] = gini, out["met"] = met, out["unmet"] = unmet, out["warm"] = warm;
  out["seconds"] = seconds;
  return out;
}

class PySweep {
 public:
  PySweep(const std::string& text, const std::string& source, const std::string& algorithm) {
    const auto chosen = parse_algorithm(algorithm);
    if (!chosen) {
      throw py::value_error("algorithm must be auto, network-simplex or cost-scaling, not '" +
                            algorithm + "'");
    }
    py::gil_scoped_release release;
    sweep_ = std::make_unique<model::Sweep>(parse_scenario(text, source), *chosen);
  }

  py::dict base() const { return figures_dict({sweep_->base_figures()}, regions(), resources()); }

  py::dict solve(const Array<std::int8_t>& kind, const Array<std::int32_t>& index,
                 const Array<std::int32_t>& resource, const Array<std::int32_t>& period,
                 const Array<double>& value, const Array<std::int64_t>& offsets,
                 int threads) const {
    if (offsets.ndim() != 1 || offsets.shape(0) < 1) {
      throw py::value_error("offsets must be one-dimensional with at least one entry");
    }
    const auto variant_count = static_cast<std::size_t>(offsets.shape(0) - 1);
    const std::span<const std::int64_t> at{offsets.data(), variant_count + 1};
    const auto changes = static_cast<std::size_t>(at[variant_count]);
    const auto k = span_of(kind, changes, "kind");
    const auto i = span_of(index, changes, "index");
    const auto r = span_of(resource, changes, "resource");
    const auto p = span_of(period, changes, "period");
    const auto v = span_of(value, changes, "value");
    std::vector<model::Variant> variants(variant_count);
    for (std::size_t n = 0; n < variant_count; ++n) {
      if (at[n] < 0 || at[n] > at[n + 1] || static_cast<std::size_t>(at[n + 1]) > changes) {
        throw py::value_error("offsets must rise from 0 to the number of changes");
      }
      for (auto c = static_cast<std::size_t>(at[n]); c < static_cast<std::size_t>(at[n + 1]); ++c) {
        variants[n].push_back({static_cast<model::ChangeKind>(k[c]), i[c], r[c], p[c], v[c]});
      }
    }
    std::vector<model::VariantFigures> figures;
    {
      py::gil_scoped_release release;
      figures = sweep_->solve_all(variants, threads);
    }
    return figures_dict(figures, regions(), resources());
  }

  std::size_t regions() const { return sweep_->scenario().regions.size(); }
  std::size_t resources() const { return sweep_->scenario().resources.size(); }
  std::int64_t arcs() const { return sweep_->network().problem.graph.arc_count(); }

 private:
  std::unique_ptr<model::Sweep> sweep_;
};

}  // namespace

void register_sweep(py::module_& m) {
  py::class_<PySweep>(m, "Sweep", "A base scenario, solved once, for re-solving variants of it.")
      .def(py::init<const std::string&, const std::string&, const std::string&>(), py::arg("text"),
           py::arg("source"), py::arg("algorithm"))
      .def("base", &PySweep::base, "The base scenario's figures, as one row of solve()'s.")
      .def("solve", &PySweep::solve, py::arg("kind"), py::arg("index"), py::arg("resource"),
           py::arg("period"), py::arg("value"), py::arg("offsets"), py::arg("threads") = 1,
           "Figures of every variant: changes kind/index/resource/period/value, variant v's "
           "being rows offsets[v]..offsets[v+1]-1.")
      .def_property_readonly("arcs", &PySweep::arcs);
}

}  // namespace donorflow::python
