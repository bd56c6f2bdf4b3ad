// Allocator settings for donorflow's command-line programs (src/main.cpp, bench/lemon_mcf.cpp).
// Standard C++ and glibc only, so that it compiles as C++17 too.
#pragma once

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace donorflow::cli {

// One command is one short run: reading a file, then solving. glibc serves blocks of 128 KB or
// more with fresh mappings at first (raising that threshold only as such blocks are freed) and
// returns the top of its heap to the system, so a solve that follows the reading faults in the
// pages of its arrays anew, though the reader has just freed memory it could use. Serving blocks
// of up to 32 MB from the heap and not trimming it lets the solve reuse those pages: on transport
// small (90,000 arcs) the process takes 2,240 page faults instead of 3,030 and the solve 7.8 ms
// instead of 8.4 (netgen small 4% less, grid and alloc small unchanged; medians of five
// alternating runs, bench/results/cli-malloc-ab-2026-11-24.txt). bench/lemon_mcf.cpp calls it
// too, so that the peers' table compares like with like. A library must not: the settings belong
// to the whole process.
inline void keep_freed_memory() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace donorflow::cli
