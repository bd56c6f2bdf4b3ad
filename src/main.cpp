// The donorflow program: one command per job (src/cli.cpp).
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// One command is one short run: reading a file, then solving. glibc serves blocks of 128 KB or
// more with fresh mappings at first (raising that threshold only as such blocks are freed) and
// returns the top of its heap to the system, so a solve that follows the reading faults in the
// pages of its arrays anew, though the reader has just freed memory it could use. Serving blocks
// of up to 32 MB from the heap and not trimming it lets the solve reuse those pages: on transport
// small (90,000 arcs) the process takes 2,240 page faults instead of 3,030 and the solve 7.8 ms
// instead of 8.4 (netgen small 4% less, grid and alloc small unchanged; medians of five
// alternating runs, bench/results/cli-malloc-ab-2026-11-24.txt). bench/lemon_mcf.cpp does the
// same for LEMON, so that the peers' table compares like with like.
void keep_freed_memory() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_memory();
  std::ios::sync_with_stdio(false);
  return donorflow::cli::run(std::vector<std::string>(argv + 1, argv + argc));
}
