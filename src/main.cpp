// The donorflow program: one command per job (src/cli.cpp).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "keep_freed_memory.hpp"

int main(int argc, char** argv) {
  donorflow::cli::keep_freed_memory();
  std::ios::sync_with_stdio(false);
  return donorflow::cli::run(std::vector<std::string>(argv + 1, argv + argc));
}
