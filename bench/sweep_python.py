#!/usr/bin/env python3
"""donorflow.sweep from Python: the same variants as bench/sweep.cpp, on 1 and N threads.

    python3 bench/make_scenario.py --groups 10000 --sites 500 --regions 100 -o sweep.json
    python3 bench/sweep_python.py sweep.json --variants 1000 --kind mixed --threads 1,2

Kinds: withdraw (one offer each), double (one offer's amount), grow (one region's needs +20%),
draw (every need, Poisson), mixed (the four in turn). Prints, per thread count, the wall time of
donorflow.sweep (resolving the changes, solving, building the result; the base is solved once
beforehand and cached, as a repeated sweep would find it), and whether the results agree.
"""

import argparse
import time
from concurrent.futures import ThreadPoolExecutor

import donorflow


def variants(scenario, count, kind):
    offers = list(scenario.offers["id"])
    regions = list(scenario.regions["id"])
    amounts = dict(zip(scenario.offers["id"], scenario.offers["amount"]))
    out = {}
    for i in range(count):
        k = ["withdraw", "double", "grow", "draw"][i % 4] if kind == "mixed" else kind
        if k == "withdraw":
            out[f"{i} withdraw"] = donorflow.Withdraw(offer=offers[i % len(offers)])
        elif k == "double":
            offer = offers[i % len(offers)]
            out[f"{i} double"] = donorflow.ScaleOffers(2, offer=offer)
            assert amounts[offer] >= 0
        elif k == "grow":
            out[f"{i} grow"] = donorflow.ScaleNeeds(1.2, region=regions[i % len(regions)])
        else:
            out[f"{i} draw"] = donorflow.DrawNeeds(seed=(1000, i))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--variants", type=int, default=1000)
    parser.add_argument("--kind", default="mixed")
    parser.add_argument("--threads", default="1,2")
    args = parser.parse_args()
    scenario = donorflow.Scenario.from_json(args.scenario)
    chosen = variants(scenario, args.variants, args.kind)
    started = time.perf_counter()
    donorflow.sweep(scenario, {}, progress=False)  # solves and caches the base
    print(f"{args.scenario}: base solved in {time.perf_counter() - started:.2f} s; "
          f"{len(chosen)} {args.kind} variants")
    results, first = [], None
    for threads in [int(t) for t in args.threads.split(",")]:
        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            result = donorflow.sweep(scenario, chosen, pool, progress=False)
        seconds = time.perf_counter() - started
        first = first or seconds
        results.append(result)
        print(f"threads {threads}: {seconds:.2f} s, {len(chosen) / seconds:.1f} variants/s, "
              f"{int(result.table['warm'].sum())} warm, {int(result.optimal.sum())} optimal, "
              f"speed-up {first / seconds:.2f}")
    same = all(r.table.drop(columns="seconds").equals(results[0].table.drop(columns="seconds"))
               and r.region_shares.equals(results[0].region_shares) for r in results)
    print(f"results identical across thread counts: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
