"""Pictures of a plan with matplotlib: coverage by region, donor-to-region flows, a map.

Each function draws on ``ax`` (a new figure when it is None) and returns the axes, so that a
notebook shows it and a script can save it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import numpy as np

if TYPE_CHECKING:
    import matplotlib.axes

    from .plan import Plan


def _axes(ax, size):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=size)[1]


def _region_labels(shares) -> list:
    """Regions' names, or their ids where two regions share a name."""
    names = shares["name"]
    repeated = names.duplicated(keep=False)
    return [str(i) if r else str(n) for i, n, r in zip(shares.index, names, repeated)]


def plot_coverage(plan: "Plan", ax: "Optional[matplotlib.axes.Axes]" = None
                  ) -> "matplotlib.axes.Axes":
    """Horizontal bars: share of needs met in each region, most deprived at the top, bars
    coloured by deprivation (darker is poorer)."""
    import matplotlib.pyplot as plt

    shares = plan.region_shares.sort_values("deprivation")
    ax = _axes(ax, (7, 0.3 * len(shares) + 1.5))
    colours = plt.get_cmap("Reds")(0.25 + 0.75 * shares["deprivation"].to_numpy())
    labels = _region_labels(shares)
    ax.barh(range(len(shares)), shares["share_met"], color=colours, edgecolor="grey")
    ax.set_yticks(range(len(shares)), labels)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of needs met (priority-weighted)")
    ax.set_title("Coverage by region, most deprived at the top")
    ax.axvline(1.0, color="black", linewidth=0.5)
    return ax


def plot_flows(plan: "Plan", resource: Optional[str] = None,
               ax: "Optional[matplotlib.axes.Axes]" = None) -> "matplotlib.axes.Axes":
    """Heat map of what each donor gives each region.

    With ``resource``, cells are amounts of that resource; without, each donor's row shows the
    share of everything it gives that goes to each region, so resources in different units can
    share one picture.
    """
    import matplotlib.pyplot as plt

    allocations = plan.allocations
    if resource is not None:
        allocations = allocations[allocations["resource"] == resource]
        if allocations.empty:
            raise ValueError(f"the plan allocates nothing of resource {resource!r}")
    allocations = allocations.astype({"amount": float})
    table = allocations.pivot_table(index="donor", columns="region", values="amount",
                                    aggfunc="sum", fill_value=0.0)
    if resource is None:
        # Shares per donor and resource, summed over resources and renormalised per donor.
        by_resource = allocations.pivot_table(index=["donor", "resource"], columns="region",
                                              values="amount", aggfunc="sum", fill_value=0.0)
        shares = by_resource.div(by_resource.sum(axis=1), axis=0).groupby(level="donor").sum()
        table = shares.div(shares.sum(axis=1), axis=0)
    ax = _axes(ax, (0.45 * max(len(table.columns), 4) + 3, 0.4 * max(len(table), 3) + 2))
    image = ax.imshow(np.ma.masked_equal(table.to_numpy(), 0.0), cmap="viridis", aspect="auto")
    names = dict(zip(plan.region_shares.index, _region_labels(plan.region_shares)))
    ax.set_xticks(range(len(table.columns)), [names.get(r, r) for r in table.columns],
                  rotation=60, ha="right")
    ax.set_yticks(range(len(table.index)), table.index)
    ax.set_xlabel("region")
    ax.set_ylabel("donor")
    label = f"{resource} given" if resource else "share of the donor's giving"
    ax.figure.colorbar(image, ax=ax, label=label)
    ax.set_title("Flows from donors to regions" + (f": {resource}" if resource else ""))
    return ax


def plot_map(plan: "Plan", ax: "Optional[matplotlib.axes.Axes]" = None
             ) -> "matplotlib.axes.Axes":
    """Regions placed by longitude and latitude, sized by population, coloured by share met
    (red is little, green is all); sites as small black marks."""
    import matplotlib.pyplot as plt

    shares = plan.region_shares
    ax = _axes(ax, (7, 6))
    population = shares["population"].to_numpy(dtype=float)
    largest = population.max(initial=0.0)
    sizes = 60 + 600 * np.sqrt(population / largest) if largest > 0 else 120
    points = ax.scatter(shares["lon"], shares["lat"], s=sizes, c=shares["share_met"],
                        cmap="RdYlGn", vmin=0, vmax=1, edgecolors="black", linewidths=0.5,
                        zorder=3)
    for label, (_, region) in zip(_region_labels(shares), shares.iterrows()):
        ax.annotate(label, (region["lon"], region["lat"]), fontsize=8,
                    xytext=(4, 4), textcoords="offset points")
    sites = plan.scenario.sites
    if len(sites) and {"lat", "lon"} <= set(sites.columns):
        ax.scatter(sites["lon"], sites["lat"], s=10, marker="s", color="black", zorder=4,
                   label="sites")
        ax.legend(loc="best", fontsize=8)
    ax.figure.colorbar(points, ax=ax, label="share of needs met", shrink=0.8,
                       format=plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_aspect(1 / np.cos(np.radians(shares["lat"].mean())) if len(shares) else 1)
    ax.set_title("Share of needs met by region")
    return ax


__all__ = ["plot_coverage", "plot_flows", "plot_map"]
