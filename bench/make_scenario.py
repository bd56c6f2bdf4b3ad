#!/usr/bin/env python3
"""Writes a large allocation scenario for timing `donorflow solve` end to end.

    python3 bench/make_scenario.py --groups 200000 --sites 5000 --nearest 8 -o big.json
    build/donorflow solve big.json -o big-plan
    python3 bench/make_scenario.py --groups 10000 --sites 500 --regions 100 -o sweep.json

Beneficiary groups are villages (one region and one consultation need each) scattered over a
country-sized box; clinics offer free consultation slots with a capacity per period; every group
may use its `nearest` nearest clinics within reach. Every group is its own region, unless
--regions R groups them into R districts: each village is then a location (a site without
capacity) where its need sits, in the district whose centre is nearest. Deterministic for a given
--seed.
"""

import argparse
import json
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", type=int, default=200000)
    parser.add_argument("--sites", type=int, default=5000)
    parser.add_argument("--nearest", type=int, default=8)
    parser.add_argument("--regions", type=int, default=0,
                        help="group the villages into this many districts (0: one region each)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lat0, lat1, lon0, lon1 = 29.0, 37.0, 39.0, 48.5  # about Iraq's extent

    regions, needs = [], []
    total_need = 0
    locations = []
    for g in range(args.groups):
        region = f"v{g}"
        deprivation = round(rng.random(), 3)
        regions.append({"id": region, "lat": round(rng.uniform(lat0, lat1), 5),
                        "lon": round(rng.uniform(lon0, lon1), 5),
                        "population": rng.randint(200, 5000), "deprivation": deprivation})
        amount = rng.randint(1, 40)
        total_need += amount
        needs.append({"id": f"g{g}", "region": region, "resource": "consultation", "amount": amount,
                      "priority": round(1 + 4 * deprivation, 2)})
    if args.regions > 0:
        # Villages become locations of their needs, in the district with the nearest centre.
        districts = [{"id": f"d{r}", "lat": round(rng.uniform(lat0, lat1), 5),
                      "lon": round(rng.uniform(lon0, lon1), 5), "population": 0,
                      "deprivation": round(rng.random(), 3)} for r in range(args.regions)]
        for village, need in zip(regions, needs):
            nearest = min(districts, key=lambda d: (d["lat"] - village["lat"]) ** 2
                          + (d["lon"] - village["lon"]) ** 2)
            nearest["population"] += village["population"]
            locations.append({"id": f"at-{need['id']}", "region": nearest["id"],
                              "lat": village["lat"], "lon": village["lon"]})
            need["region"], need["site"] = nearest["id"], f"at-{need['id']}"
            need["priority"] = round(1 + 4 * nearest["deprivation"], 2)
        regions = districts
    sites, offers = [], []
    mean_capacity = 0.85 * total_need / args.sites
    for s in range(args.sites):
        capacity = max(1, int(mean_capacity * rng.uniform(0.3, 1.7)))
        site = f"c{s}"
        sites.append({"id": site, "region": rng.choice(regions)["id"],
                      "lat": round(rng.uniform(lat0, lat1), 5), "lon": round(rng.uniform(lon0, lon1), 5),
                      "capacity": [{"resource": "consultation", "period": 1, "amount": capacity}]})
        offers.append({"id": f"slots-{site}", "donor": f"donor-{s % 40}", "resource": "consultation",
                       "amount": capacity, "site": site})
    scenario = {
        "format": "donorflow-scenario/1",
        "name": f"{args.groups} beneficiary groups, {args.sites} clinics, {args.nearest} candidates each",
        "resources": [{"id": "consultation", "unit": "consultation", "kind": "service"}],
        "regions": regions, "sites": sites + locations, "offers": offers, "needs": needs,
        "policy": {"equity_tiers": [{"share": 0.5, "weight": 2}, {"share": 0.5, "weight": 1}],
                   "unmet_cost": 500, "travel_cost_per_km": 1, "max_travel_km": 400,
                   "nearest_sites": args.nearest, "cost_resolution": 0.01},
    }
    with open(args.output, "w") as f:
        json.dump(scenario, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
