// The areas of the donorflow._core extension; module.cpp calls each once.
#pragma once

#include <pybind11/pybind11.h>

namespace donorflow::python {

void register_flow(pybind11::module_& m);   // min_cost_flow, check_certificate
void register_model(pybind11::module_& m);  // scenarios, plans, explanations
void register_cli(pybind11::module_& m);    // the donorflow program's commands
void register_sweep(pybind11::module_& m);  // variants of a scenario, re-solved warm

}  // namespace donorflow::python
