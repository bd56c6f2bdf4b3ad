#!/usr/bin/env python3
"""Ratios of donorflow to LEMON from a Google Benchmark CSV written by mcf_benchmark.

    build/bench/mcf_benchmark --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \
        --benchmark_out=run.csv --benchmark_out_format=csv
    python3 bench/ratios.py run.csv

Prints a Markdown table: family/size, median seconds per engine, and donorflow's time divided by
each LEMON solver's and by the better of the two. Medians of the repetitions are used, never a
single time.
"""

import csv
import statistics
import sys
from collections import defaultdict


def main(path: str) -> None:
    with open(path, newline="") as f:
        rows = [line for line in f if not line.startswith("#")]
    header = next(i for i, line in enumerate(rows) if line.startswith("name,"))
    times = defaultdict(list)
    for row in csv.DictReader(rows[header:]):
        if row.get("error_occurred") == "true":
            sys.exit(f"{row['name']}: {row['error_message']}")
        if row.get("run_type", "iteration") != "iteration":
            continue
        family, size, engine = row["name"].split("/")[:3]
        engine = engine.split("/")[0]
        seconds = float(row["real_time"]) * {"ms": 1e-3, "us": 1e-6, "ns": 1e-9, "s": 1.0}[row["time_unit"]]
        times[(family, size)].append((engine, seconds))
    print("| instance | donorflow NS (s) | donorflow CS (s) | LEMON NS (s) | LEMON CS (s) "
          "| NS ÷ LEMON NS | better donorflow ÷ better LEMON |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for (family, size), runs in times.items():
        med = {}
        for engine in {e for e, _ in runs}:
            med[engine] = statistics.median(s for e, s in runs if e == engine)
        ours = med["donorflow-network-simplex"]
        ours_cs = med.get("donorflow-cost-scaling")
        ns, cs = med.get("lemon-network-simplex"), med.get("lemon-cost-scaling")
        best = min(t for t in (ns, cs) if t is not None)
        ours_best = min(t for t in (ours, ours_cs) if t is not None)
        fmt = lambda t: f"{t:.4f}" if t is not None else "–"
        print(f"| {family} {size} | {fmt(ours)} | {fmt(ours_cs)} | {fmt(ns)} | {fmt(cs)} | "
              f"{ours / ns:.2f} | {ours_best / best:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1])
