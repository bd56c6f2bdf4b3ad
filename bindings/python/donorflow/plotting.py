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


def plot_sweep_quantiles(result, q=(0.05, 0.5, 0.95), ax=None):
    """Share met per region across a sweep's variants (see SweepResult.plot_quantiles)."""
    import matplotlib.pyplot as plt

    if len(q) != 3:
        raise ValueError("q must hold three quantiles: low, middle, high")
    table = result.quantiles(q).join(result.regions).sort_values("deprivation")
    ax = _axes(ax, (7, 0.3 * len(table) + 1.5))
    y = np.arange(len(table))
    low, mid, high = (table[c].to_numpy() for c in table.columns[:3])
    colours = plt.get_cmap("Reds")(0.25 + 0.75 * table["deprivation"].to_numpy())
    ax.hlines(y, low, high, color=colours, linewidth=4, alpha=0.8,
              label=f"{q[0]:.0%} to {q[2]:.0%} of variants")
    ax.scatter(mid, y, color="black", s=14, zorder=3, label=f"{q[1]:.0%} (median)")
    base = result.base_region_shares.reindex(table.index).to_numpy()
    ax.scatter(base, y, marker="x", color="tab:blue", s=22, zorder=4, label="base plan")
    names = table["name"]
    labels = [str(i) if r else str(n)
              for i, n, r in zip(table.index, names, names.duplicated(keep=False))]
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1.02)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of needs met (priority-weighted)")
    ax.set_title(f"Coverage across {int(result.optimal.sum())} variants, most deprived at the top")
    ax.legend(loc="lower left", fontsize="small")
    return ax


def plot_sweep_distribution(result, figure="objective", ax=None):
    """Histogram of one figure over a sweep's variants (see SweepResult.plot_distribution)."""
    if figure in result.table.columns:
        values, base, label = result.table[figure], result.base.get(figure), figure
    elif figure in result.region_shares.columns:
        values = result.region_shares[figure]
        base = result.base_region_shares.get(figure)
        label = f"share met, {result.regions.loc[figure, 'name']}"
    else:
        raise KeyError(f"{figure!r} is neither a figure of the sweep's table nor a region id")
    values = values[result.optimal].astype(float).dropna()
    ax = _axes(ax, (7, 3.5))
    ax.hist(values, bins=min(40, max(5, len(values) // 10)), color="tab:grey", edgecolor="white")
    if base is not None and np.isfinite(float(base)):
        ax.axvline(float(base), color="tab:blue", label="base plan")
        ax.legend(fontsize="small")
    ax.set_xlabel(label)
    ax.set_ylabel("variants")
    ax.set_title(f"{label} over {len(values)} variants")
    return ax
