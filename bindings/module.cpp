// donorflow._core: the compiled half of the donorflow Python package.
//
// The bindings are thin: every function here hands numpy buffers or scenario text to the C++
// library and hands its answer back. Conversions that need judgement (dtypes, pandas, missing
// values) live in the pure-Python package beside this module, under bindings/python/donorflow.
#include "register.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "The compiled core of donorflow; use the donorflow package, not this module.";
  m.attr("__version__") = DONORFLOW_VERSION;
  donorflow::python::register_flow(m);
  donorflow::python::register_model(m);
  donorflow::python::register_sweep(m);
  donorflow::python::register_cli(m);
}
