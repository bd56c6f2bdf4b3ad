#!/usr/bin/env python3
"""What solving from Python costs over solving in C++, and whether two Python threads solve at once.

    python3 bench/python_overhead.py --repeat 5 --extension-mcf   # netgen, 65,536 nodes x 28 = 1.8M arcs
    python3 bench/python_overhead.py --family transport --size small --donors 1342 --regions 1342
    python3 bench/python_overhead.py --repeat 5 --algorithm cost-scaling

One instance of about 1.8M arcs is written with ``donorflow gen`` and parsed once into numpy int64
arrays (setup, not timed; its time is printed). Then, ``--repeat`` times, in an order that rotates
from one repetition to the next:

  cxx          ``donorflow mcf FILE --json --algorithm A``: its ``solve_seconds``. That clock starts
               after the file is read *and the graph is built* (read_dimacs_file builds it), so it
               covers input check + solve only.
  cxx-arrays   a small C++ program (compiled here against build/libdonorflow.a, the library the
               program links) doing what the binding does: StaticGraph::from_endpoints over int64
               arrays, then solve_min_cost_flow. Reports build, solve and their sum: the C++ figure
               that covers the same work as the Python call. Skipped with --no-cxx-arrays.
  python       wall time around ``donorflow.min_cost_flow(tails, heads, caps, costs, supplies,
               algorithm=A)``: argument checks (no conversion: the arrays are C-contiguous int64),
               graph build, input check, solve, wrapping the answer. Also the result's own
               ``solve_seconds`` (build + solve, timed in C++ with the GIL released).
  python-2thr  two threads (ThreadPoolExecutor(2), started together by a barrier), each solving its
               own copy of the arrays; wall time until both are done.
  cxx-2proc    two ``donorflow mcf`` processes at once on the same file (a control: if they also
               slow down, the cause is the two cores sharing caches and memory, not the GIL).
  ext-mcf      with --extension-mcf, ``python -m donorflow mcf FILE --json``: the program's command
               line run by the extension's own build of the library, to tell a slower build of the
               solver apart from overhead of the binding.

The machine is shared: a measurement during which other processes used more than --max-other-cpu
CPU seconds (from /proc/stat, less this process and its children) is discarded and repeated after
--settle seconds, at most --retries times; the report counts such runs.

Every answer's cost is checked against the first C++ cost. The medians are compared:

  Python / C++ (strict)        python / cxx, the issue's figure (target <= 1.10). Python's time
                               includes the graph build and C++'s does not.
  Python / C++ (like for like) python / cxx-arrays total.
  two threads / one            python-2thr / python (target < 1.6).

Results go to bench/results/python_overhead.csv (one row per measurement, seconds per run).
"""

from __future__ import annotations

import argparse
import atexit
import concurrent.futures
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

import donorflow

ROOT = Path(__file__).resolve().parent.parent

# What the binding does (bindings/register_flow.cpp), in plain C++: build the graph from int64
# endpoint arrays read in place, then solve over spans of the other arrays.
HELPER_SOURCE = r"""
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include "donorflow/flow/min_cost_flow.hpp"

using namespace donorflow;

static std::vector<std::int64_t> load(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  const auto bytes = static_cast<std::size_t>(in.tellg());
  std::vector<std::int64_t> values(bytes / sizeof(std::int64_t));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(values.data()), static_cast<std::streamsize>(bytes));
  return values;
}

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  const std::string dir = argv[1];
  const auto algorithm = parse_algorithm(argv[2]);
  if (!algorithm) return 2;
  const auto tails = load(dir + "/tails.bin"), heads = load(dir + "/heads.bin");
  const auto caps = load(dir + "/caps.bin"), costs = load(dir + "/costs.bin");
  const auto supplies = load(dir + "/supplies.bin");
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const StaticGraph graph = StaticGraph::from_endpoints(
      static_cast<NodeId>(supplies.size()), std::span<const std::int64_t>(tails),
      std::span<const std::int64_t>(heads));
  const ProblemView view{&graph, {}, caps, costs, supplies, SupplyMode::kExact};
  const auto built = clock::now();
  const MinCostFlowResult result = solve_min_cost_flow(view, *algorithm);
  const auto done = clock::now();
  const double build = std::chrono::duration<double>(built - start).count();
  const double solve = std::chrono::duration<double>(done - built).count();
  std::printf("{\"status\": \"%s\", \"cost\": \"%s\", \"build_seconds\": %.6f, "
              "\"solve_seconds\": %.6f, \"algorithm\": \"%s\"}\n",
              std::string(status_name(result.status)).c_str(), to_string(result.cost).c_str(),
              build, solve, result.algorithm.c_str());
  return result.optimal() ? 0 : 1;
}
"""

FAMILY_DEFAULTS = {
    # About 1.8M arcs each, chosen so that one solve takes seconds, not minutes, on a 2-core EPYC.
    "netgen": ("medium", {"nodes": 65536, "density": 28}, "network-simplex"),  # 1,835,008 arcs, ~6 s
    "transport": ("small", {"donors": 1342, "regions": 1342}, "network-simplex"),  # 1,800,964, ~0.5 s
    "alloc": ("medium", {"groups": 110000, "clinics": 5000, "nearest": 15}, "network-simplex"),  # 1,853,115, ~21 s
}


def parse_dimacs(path: Path):
    """The arrays of a DIMACS min-cost flow file, 0-based, as int64 numpy arrays."""
    data = path.read_bytes()
    lines = data.split(b"\n")
    problem = next(line for line in lines if line.startswith(b"p "))
    _, _, n, m = problem.split()
    n, m = int(n), int(m)
    arcs = np.fromstring(b" ".join(line[2:] for line in lines if line.startswith(b"a ")).decode(),
                         dtype=np.int64, sep=" ").reshape(-1, 5)
    if arcs.shape[0] != m:
        raise SystemExit(f"{path}: {arcs.shape[0]} arc lines, the p line says {m}")
    supplies = np.zeros(n, dtype=np.int64)
    node_lines = [line[2:] for line in lines if line.startswith(b"n ")]
    if node_lines:
        nodes = np.fromstring(b" ".join(node_lines).decode(), dtype=np.int64, sep=" ").reshape(-1, 2)
        supplies[nodes[:, 0] - 1] = nodes[:, 1]
    if arcs[:, 2].any():
        raise SystemExit(f"{path}: lower bounds are not supported by this benchmark")
    return dict(tails=np.ascontiguousarray(arcs[:, 0] - 1), heads=np.ascontiguousarray(arcs[:, 1] - 1),
                capacities=np.ascontiguousarray(arcs[:, 3]), costs=np.ascontiguousarray(arcs[:, 4]),
                supplies=supplies)


def copy_of(problem):
    return {key: value.copy() for key, value in problem.items()}


def run_cxx(program, file: Path, algorithm: str):
    out = subprocess.run([*map(str, program), "mcf", str(file), "--json", "--algorithm", algorithm],
                         check=True, capture_output=True, text=True).stdout
    answer = json.loads(out)
    return int(answer["cost"]), answer["solve_seconds"], answer["algorithm"]


def run_cxx_two_processes(program: Path, file: Path, algorithm: str):
    start = time.perf_counter()
    procs = [subprocess.Popen([str(program), "mcf", str(file), "--json", "--algorithm", algorithm],
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate()[0] for p in procs]
    wall = time.perf_counter() - start
    answers = [json.loads(o) for o in outs]
    return [int(a["cost"]) for a in answers], wall, [a["solve_seconds"] for a in answers]


def run_cxx_arrays(helper: Path, array_dir: Path, algorithm: str):
    out = subprocess.run([str(helper), str(array_dir), algorithm], check=True, capture_output=True,
                         text=True).stdout
    answer = json.loads(out)
    return int(answer["cost"]), answer["build_seconds"], answer["solve_seconds"]


def run_python(problem, algorithm: str):
    start = time.perf_counter()
    result = donorflow.min_cost_flow(problem["tails"], problem["heads"], problem["capacities"],
                                     problem["costs"], problem["supplies"], algorithm=algorithm)
    wall = time.perf_counter() - start
    if not result.optimal:
        raise SystemExit(f"python: {result.status} {result.message}")
    return result.cost, wall, result.solve_seconds


def run_python_threads(problems, algorithm: str):
    barrier = threading.Barrier(len(problems) + 1)

    def solve(problem):
        barrier.wait()
        return run_python(problem, algorithm)

    with concurrent.futures.ThreadPoolExecutor(len(problems)) as pool:
        futures = [pool.submit(solve, p) for p in problems]
        barrier.wait()
        start = time.perf_counter()
        answers = [f.result() for f in futures]
        wall = time.perf_counter() - start
    return [a[0] for a in answers], wall, [a[1] for a in answers]


def machine_busy_seconds() -> float:
    """CPU seconds all processes (and the hypervisor, as steal) have used, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have finished."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def build_helper(work: Path, library: Path) -> Path | None:
    compiler = shutil.which(os.environ.get("CXX", "c++"))
    if compiler is None or not library.exists():
        print(f"cxx-arrays skipped: no C++ compiler or no {library}", file=sys.stderr)
        return None
    source = work / "python_overhead_helper.cpp"
    source.write_text(HELPER_SOURCE)
    helper = work / "python_overhead_helper"
    # The library's own Release flags (build/CMakeCache.txt: -O3 -DNDEBUG).
    subprocess.run([compiler, "-std=c++20", "-O3", "-DNDEBUG", f"-I{ROOT / 'include'}",
                    str(source), str(library), "-o", str(helper)], check=True)
    return helper


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Any other --KEY VALUE is a family parameter for donorflow gen (e.g. --nodes 131072); "
               "see include/donorflow/gen/families.hpp. Without --size, they update the family's "
               "~1.8M-arc defaults; with it, they apply to the preset.")
    parser.add_argument("--family", default="netgen", choices=sorted(FAMILY_DEFAULTS))
    parser.add_argument("--size", help="preset passed to donorflow gen (default: per family)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--algorithm", choices=["network-simplex", "cost-scaling"],
                        help="passed explicitly to both (default: per family, network-simplex)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--program", type=Path, default=ROOT / "build" / "donorflow")
    parser.add_argument("--library", type=Path, default=ROOT / "build" / "libdonorflow.a")
    parser.add_argument("--no-cxx-arrays", action="store_true",
                        help="skip the C++ program that builds the graph from arrays as Python does")
    parser.add_argument("--no-threads", action="store_true")
    parser.add_argument("--max-other-cpu", type=float, default=0.5, metavar="SECONDS",
                        help="repeat a measurement during which other processes used more CPU "
                             "time than this (default 0.5 s; the machine is shared)")
    parser.add_argument("--retries", type=int, default=3)
    parser.add_argument("--settle", type=float, default=20.0,
                        help="seconds to wait before repeating a disturbed measurement")
    parser.add_argument("--extension-mcf", action="store_true",
                        help="also time `python -m donorflow mcf`: the extension's build of the "
                             "solver behind the program's command line")
    parser.add_argument("--csv", type=Path, default=ROOT / "bench" / "results" / "python_overhead.csv")
    parser.add_argument("--keep", type=Path, help="directory for the instance (default: a temporary one)")
    args, rest = parser.parse_known_args()

    size, overrides, algorithm = FAMILY_DEFAULTS[args.family]
    # With --size, only the overrides given here apply; without it, the family's ~1.8M-arc
    # defaults, updated by any given here.
    overrides = {} if args.size else dict(overrides)
    size = args.size or size
    algorithm = args.algorithm or algorithm
    # Any --KEY VALUE left over is a family parameter for donorflow gen (e.g. --nodes 131072).
    if len(rest) % 2 or any(not k.startswith("--") for k in rest[::2]):
        parser.error(f"family overrides must be --KEY VALUE pairs, got {rest}")
    for key, value in zip(rest[::2], rest[1::2]):
        overrides[key[2:]] = int(value)

    work = args.keep or Path(tempfile.mkdtemp(prefix="python_overhead-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.keep is None:
        atexit.register(shutil.rmtree, work, True)
    # A private copy of the program, so that a rebuild of build/ during the run cannot mix builds.
    program = work / "donorflow"
    shutil.copy2(args.program, program)
    file = work / f"{args.family}.min"
    gen = [str(program), "gen", args.family, "--size", size, "--seed", str(args.seed)]
    for key, value in overrides.items():
        gen += [f"--{key}", str(value)]
    t = time.perf_counter()
    subprocess.run(gen + ["-o", str(file)], check=True)
    gen_seconds = time.perf_counter() - t

    t = time.perf_counter()
    problem = parse_dimacs(file)
    parse_seconds = time.perf_counter() - t
    arcs, nodes = problem["tails"].size, problem["supplies"].size
    twins = [copy_of(problem), copy_of(problem)]
    print(f"instance: {' '.join(gen[1:])}: {nodes:,} nodes, {arcs:,} arcs, {file.stat().st_size / 1e6:.0f} MB")
    print(f"setup (not timed): donorflow gen {gen_seconds:.2f} s, parsing DIMACS into numpy {parse_seconds:.2f} s")

    helper = None
    if not args.no_cxx_arrays:
        helper = build_helper(work, args.library)
        for key, value in problem.items():
            value.tofile(work / f"{key.replace('capacities', 'caps')}.bin")

    load_before = os.getloadavg()
    runs: dict[str, list[float]] = {}
    other_cpu: dict[str, list[float]] = {}
    pending: list[tuple[str, float]] = []
    expected = None
    disturbed = []

    def record(what, seconds, costs):
        nonlocal expected
        for cost in costs:
            if expected is None:
                expected = cost
            elif cost != expected:
                raise SystemExit(f"{what}: cost {cost} differs from {expected}")
        pending.append((what, seconds))

    def measured(step):
        """Runs `step` until no other process took more than --max-other-cpu CPU seconds meanwhile
        (at most --retries extra times), then keeps its times."""
        for attempt in range(args.retries + 1):
            pending.clear()
            busy, ours = machine_busy_seconds(), own_cpu_seconds()
            step()
            other = (machine_busy_seconds() - busy) - (own_cpu_seconds() - ours)
            if other <= args.max_other_cpu:
                break
            disturbed.append(f"{step.__name__}: other processes took {other:.2f} CPU s"
                             + ("; repeated" if attempt < args.retries else "; kept"))
            print(disturbed[-1], file=sys.stderr)
            if attempt < args.retries:
                time.sleep(args.settle)
        for what, seconds in pending:
            runs.setdefault(what, []).append(seconds)
            other_cpu.setdefault(what, []).append(max(other, 0.0))

    def cxx():
        cost, seconds, ran = run_cxx([program], file, algorithm)
        assert ran == algorithm, ran
        record("cxx mcf solve_seconds (check + solve)", seconds, [cost])

    def extension_mcf():
        # The same command line run by the extension's own copy of the library, in a Python
        # process: tells a slower build of the solver apart from overhead of the binding.
        cost, seconds, _ = run_cxx([sys.executable, "-m", "donorflow"], file, algorithm)
        record("python -m donorflow mcf solve_seconds (check + solve)", seconds, [cost])

    def cxx_arrays():
        cost, build, solve = run_cxx_arrays(helper, work, algorithm)
        record("cxx from arrays: graph build", build, [cost])
        record("cxx from arrays: check + solve", solve, [])
        record("cxx from arrays: build + check + solve", build + solve, [])

    def python():
        cost, wall, inner = run_python(problem, algorithm)
        record("python min_cost_flow wall", wall, [cost])
        record("python result.solve_seconds (build + check + solve)", inner, [])

    def python_threads():
        costs, wall, each = run_python_threads(twins, algorithm)
        record("python 2 threads wall", wall, costs)
        record("python 2 threads: slower thread's own wall", max(each), [])

    def cxx_two():
        costs, wall, inner = run_cxx_two_processes(program, file, algorithm)
        record("cxx 2 processes: slower solve_seconds", max(inner), costs)

    steps = [cxx, python] + ([cxx_arrays] if helper else [])
    if args.extension_mcf:
        steps.append(extension_mcf)
    if not args.no_threads:
        steps += [python_threads, cxx_two]
    for r in range(args.repeat):
        order = steps[r % len(steps):] + steps[:r % len(steps)]
        for step in order:
            measured(step)
        print(f"repetition {r + 1}/{args.repeat} done", file=sys.stderr)

    load_after = os.getloadavg()
    load = (f"load average (1, 5, 15 min) {', '.join(f'{x:.2f}' for x in load_before)} before, "
            f"{', '.join(f'{x:.2f}' for x in load_after)} after")
    print(load)
    med = {what: statistics.median(values) for what, values in runs.items()}
    width = max(len(w) for w in runs)
    print(f"\nalgorithm {algorithm}, median of {args.repeat} (seconds per run)")
    for what, values in runs.items():
        print(f"  {what:<{width}}  {med[what]:8.3f}   [{', '.join(f'{v:.3f}' for v in values)}]")
    print(f"  (CPU seconds other processes used during each kept run: max "
          f"{max(max(v) for v in other_cpu.values()):.2f}; disturbed runs: {len(disturbed)})")
    for line in disturbed:
        print(f"    {line}")
    py = med["python min_cost_flow wall"]
    cxx_solve = med["cxx mcf solve_seconds (check + solve)"]
    print(f"\n  Python / C++, strict (python wall / mcf solve_seconds):        {py / cxx_solve:.3f}  (target <= 1.10)")
    if helper:
        like = med["cxx from arrays: build + check + solve"]
        print(f"  Python / C++, like for like (python wall / cxx build + solve): {py / like:.3f}")
    print(f"  Python wall - result.solve_seconds (binding overhead):         "
          f"{py - med['python result.solve_seconds (build + check + solve)']:.4f} s")
    if not args.no_threads:
        print(f"  two threads / one thread (python):                             "
              f"{med['python 2 threads wall'] / py:.3f}  (target < 1.6)")
        print(f"  two C++ processes / one (control):                             "
              f"{med['cxx 2 processes: slower solve_seconds'] / cxx_solve:.3f}")

    args.csv.parent.mkdir(parents=True, exist_ok=True)
    with open(args.csv, "w", newline="") as f:
        f.write(f"# {cpu_model()}, {os.cpu_count()} cores; "
                f"command: python3 bench/python_overhead.py {' '.join(sys.argv[1:])}; "
                f"instance: {' '.join(gen[1:])}; parse {parse_seconds:.2f} s; {load}; "
                f"disturbed runs repeated: {len(disturbed)}\n")
        writer = csv.writer(f)
        writer.writerow(["what", "arcs", "algorithm", "median_seconds"]
                        + [f"run_{i + 1}" for i in range(args.repeat)])
        for what, values in runs.items():
            writer.writerow([what, arcs, algorithm, f"{med[what]:.6f}"] + [f"{v:.6f}" for v in values])
    print(f"\nwrote {args.csv}")


if __name__ == "__main__":
    main()
