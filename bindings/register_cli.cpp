// `python -m donorflow`: the donorflow program's own commands, run in process.
#include <pybind11/stl.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "register.hpp"

namespace py = pybind11;

namespace donorflow::python {

void register_cli(py::module_& m) {
  m.def(
      "run_cli",
      [](std::vector<std::string> args) {
        // The commands write to the process's standard output, as the program does. The GIL is
        // released because a solve may be long and touches no Python object.
        py::gil_scoped_release release;
        const int status = cli::run(std::move(args));
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        return status;
      },
      py::arg("args"),
      "Run one donorflow command line (without the program name); returns its exit status.");
}

}  // namespace donorflow::python
