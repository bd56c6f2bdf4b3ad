// donorflow/model/compile.hpp: from a scenario to a min-cost flow network.
//
// The network (docs/model.md gives the mathematics):
//
//   offer --supply--> pool --serve--> need
//     ^                 |               ^
//     supply = amount   +--unused--> DRAIN        SHORTFALL --tier 1..k--> need
//                                                 SHORTFALL --surplus--> DRAIN
//
// - Every offer is a supply node holding its amount. Its `supply` arc, costed by the offer's
//   handling cost, leads to a pool: offers that are interchangeable (same site, resource, period
//   and earmarks) share one pool, so that eligibility is decided once per pool, not per offer.
// - A pool delivered at a site whose capacity for the resource and period is given has two
//   nodes joined by a `site_capacity` arc carrying that capacity. Two pools with different
//   earmarks cannot share one site capacity in a network flow (that is a multi-commodity
//   constraint); compile() rejects it, naming the offers.
// - A pool reaches a need over a `serve` arc only where the resource matches, the period matches
//   (or the need is served late, see backlog), the need's region is in the offer's allowed
//   regions, its purpose is in the allowed purposes, and the need is within reach: great-circle
//   km (geo.hpp) or road minutes (roads.hpp) from the site, for services and staff. The arc costs
//   the travel. `policy.nearest_sites` keeps only the nearest eligible sites per need.
// - An offer with a cap per region passes through one `region_cap` arc per region.
// - Every need draws what is not met from the shortfall source over tiered `shortfall` arcs:
//   tier k holds its share of the need and costs priority x weight_k x unmet cost per unit, with
//   weights falling from the first units to the last. Shortfall fills the cheapest tiers (the
//   last units) first, so the penalty is convex; the costliest tier has no bound (it is never used
//   beyond its share, since a need draws exactly its amount), so one unit more of a need is
//   always priced. A minimum share becomes the lower bound of a `min_share` arc through which
//   every served unit passes.
// - Multi-period: unused funds pass from a pool to the same pool of the next period over `carry`
//   arcs (policy.carry_over), and a need may be served in a later period through a chain of
//   `backlog` arcs (policy.backlog), each costed per period.
// - Unused supply drains to DRAIN at no cost; SHORTFALL sends what no need draws to DRAIN.
//
// Amounts become integer units of their resource's resolution, and costs integers in units of
// policy.cost_resolution (rounded to nearest); the objective of the network is therefore the
// plan's cost in those units, exactly. Every arc carries an ArcInfo that maps it back to the
// domain.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "donorflow/detail/config.hpp"
#include "donorflow/flow/problem.hpp"
#include "donorflow/model/scenario.hpp"

namespace donorflow::model {

enum class ArcKind : std::uint8_t {
  kSupply,        // offer -> pool
  kSiteCapacity,  // pool in -> pool out
  kRegionCap,     // pool out -> (pool, region)
  kServe,         // pool out or region node -> need (or a late copy of it)
  kCarry,         // pool in period t -> the same pool in period t + 1
  kBacklog,       // need copy in period t + 1 -> need copy in period t
  kMinShare,      // need in -> need (lower bound: the minimum met)
  kShortfall,     // SHORTFALL -> need, one per tier
  kUnused,        // pool -> DRAIN
  kSurplus,       // SHORTFALL -> DRAIN
};

std::string_view arc_kind_name(ArcKind kind);

// What an arc means in the scenario; -1 where a field does not apply.
struct ArcInfo {
  ArcKind kind = ArcKind::kSupply;
  std::int32_t pool = -1;
  std::int32_t offer = -1;
  std::int32_t need = -1;
  std::int32_t region = -1;
  std::int16_t tier = -1;
  std::int16_t period = 0;  // the period the arc delivers in (serve), or leaves (carry, backlog)
  float km = 0;             // travel distance of a serve arc
};

// Offers that share a delivery site, resource, period and earmarks.
struct Pool {
  std::int32_t site = -1;  // index into Scenario::sites, or -1
  std::int32_t resource = -1;
  std::int32_t period = 0;
  std::int32_t earmark_offer = -1;  // an offer whose earmarks the pool has
  std::vector<std::int32_t> offers;
  NodeId in = -1, out = -1;  // equal unless the pool has a site capacity
  ArcId capacity_arc = -1;
  ArcId unused_arc = -1;
  ArcId carry_arc = -1;
  std::int32_t next = -1;  // the pool of the next period on the carry chain
  std::int32_t previous = -1;
};

struct CompileOptions {
  // One tier of weight 1 instead of the policy's equity tiers: the plan without equity, for the
  // price of fairness.
  bool flat_tiers = false;
  // Minimum shares become penalised arcs instead of bounds, with every other cost zero: the
  // phase that finds which minimum shares cannot be met.
  bool minimum_share_violations = false;
  // Every equity tier gets its shortfall arc, even where its share of a need rounds to no unit,
  // so that a need's amount can change later without changing the network (model/sweep.hpp).
  bool keep_empty_tiers = false;
};

struct CompiledNetwork {
  MinCostFlowProblem problem;
  std::vector<ArcInfo> arcs;
  std::vector<Pool> pools;
  NodeId shortfall_source = -1, drain = -1;
  std::vector<NodeId> offer_node;    // per offer
  std::vector<NodeId> need_node;     // per need: where its demand sits
  std::vector<NodeId> need_in;       // per need: where serve arcs arrive (== need_node w/o min)
  std::vector<ArcId> min_share_arc;  // per need, or -1
  std::vector<ArcId> violation_arc;  // per need, in minimum_share_violations mode, or -1
  std::vector<Flow> offer_units, need_units;
  std::vector<Flow> min_units;                     // per need: the units its minimum share requires
  std::vector<std::vector<ArcId>> shortfall_arcs;  // per need, tier order (first units first)
  std::vector<double> resolution;                  // per resource
  double cost_resolution = 1;
  int last_period = 0;
  double compile_seconds = 0;
};

// Compiles a validated scenario (call validate() first; the JSON reader does).
CompiledNetwork compile(const Scenario& scenario, const CompileOptions& options = {});

// How compile() turns numbers into the network's integers; a sweep (model/sweep.hpp) changes
// amounts and costs in a compiled network through the same functions, so that a variant's network
// is exactly the one compile() would build for it.
//   amount_units: an amount in a resource's unit, as whole steps of its resolution (rounded).
Flow amount_units(double amount, double resolution);
//   cost_units: a cost per unit of a resource, in cost_resolution units per step of the resource's
//   resolution (rounded); throws ScenarioError naming `field` of the policy when too large.
Cost cost_units(double per_resource_unit, double resolution, double cost_resolution,
                const char* field);
//   tier_capacities: the capacity of each equity tier's shortfall arc for a need of `units`: the
//   tiers' cumulative shares of it, rounded; the first tier unbounded (see the top of this file).
void tier_capacities(const std::vector<EquityTier>& tiers, Flow units, std::vector<Flow>& capacity);

}  // namespace donorflow::model

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/model/compile.ipp"
#endif
