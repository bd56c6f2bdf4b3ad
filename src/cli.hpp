// The donorflow program's commands (src/cli.cpp), callable from the program and from Python.
#pragma once

#include <string>
#include <vector>

namespace donorflow::cli {

// Runs one command line without the program name, e.g. {"mcf", "file.min", "--json"}, writing to
// standard output and standard error. Returns the exit status the program would return.
int run(std::vector<std::string> args);

}  // namespace donorflow::cli
