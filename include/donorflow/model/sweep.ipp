// Implementation of donorflow/model/sweep.hpp.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "donorflow/model/plan.hpp"
#include "donorflow/model/sweep.hpp"

namespace donorflow::model {

namespace internal {

// A variant's figures from its network and answer; each need's units are read off its node's
// supply.
inline VariantFigures read_figures(const Scenario& s, const CompiledNetwork& net,
                                   const MinCostFlowResult& result, std::span<const Flow> supply,
                                   std::span<const int> need_region,
                                   std::span<const int> need_resource) {
  VariantFigures f;
  f.status = result.status;
  f.message = result.message;
  if (!result.optimal()) return f;
  f.objective = static_cast<double>(result.cost) * net.cost_resolution;
  const std::size_t needs = s.needs.size();
  std::vector<double> amount(needs), share(needs);
  f.met.assign(s.resources.size(), 0);
  f.unmet.assign(s.resources.size(), 0);
  for (std::size_t n = 0; n < needs; ++n) {
    const Flow units = -supply[net.need_node[n]];
    Flow short_units = 0;
    for (ArcId a : net.shortfall_arcs[n]) short_units += result.flow[a];
    const double resolution = net.resolution[need_resource[n]];
    amount[n] = static_cast<double>(units) * resolution;
    share[n] =
        units > 0 ? static_cast<double>(units - short_units) / static_cast<double>(units) : 1.0;
    f.met[need_resource[n]] += static_cast<double>(units - short_units) * resolution;
    f.unmet[need_resource[n]] += static_cast<double>(short_units) * resolution;
  }
  Equity equity = equity_of(s, need_region, amount, share);
  f.region_share = std::move(equity.region_share);
  f.lowest_share = equity.lowest_share;
  f.lowest_region = equity.lowest_region;
  f.gini = equity.gini;
  return f;
}

}  // namespace internal

DONORFLOW_INLINE Sweep::Sweep(Scenario base, Algorithm algorithm)
    : base_(std::move(base)), algorithm_(algorithm) {
  validate(base_);
  CompileOptions options;
  options.keep_empty_tiers = true;  // so that need amounts can change in place
  net_ = compile(base_, options);
  answer_ = solve_min_cost_flow(net_.problem.view(), algorithm_);

  std::unordered_map<std::string, int> resource_of, region_of;
  for (int i = 0; i < static_cast<int>(base_.resources.size()); ++i)
    resource_of[base_.resources[i].id] = i;
  for (int i = 0; i < static_cast<int>(base_.regions.size()); ++i)
    region_of[base_.regions[i].id] = i;
  for (const Need& need : base_.needs) {
    need_region_.push_back(region_of.at(need.region));
    need_resource_.push_back(resource_of.at(need.resource));
  }
  for (const Offer& offer : base_.offers) offer_resource_.push_back(resource_of.at(offer.resource));
  base_figures_ = internal::read_figures(base_, net_, answer_, net_.problem.supply, need_region_,
                                         need_resource_);
}

DONORFLOW_INLINE void Sweep::check(const Variant& variant) const {
  for (std::size_t k = 0; k < variant.size(); ++k) {
    const Change& c = variant[k];
    auto fail = [&](const std::string& what) {
      throw std::invalid_argument("change " + std::to_string(k) + ": " + what);
    };
    auto in_range = [&](int index, std::size_t size, const char* table) {
      if (index < 0 || static_cast<std::size_t>(index) >= size) {
        fail(std::string(table) + " " + std::to_string(index) +
             " does not exist (the scenario has " + std::to_string(size) + ")");
      }
    };
    if (!std::isfinite(c.value)) fail("the value is not a finite number");
    switch (c.kind) {
      case ChangeKind::kOfferAmount:
      case ChangeKind::kOfferUnitCost:
        in_range(c.index, base_.offers.size(), "offer");
        break;
      case ChangeKind::kNeedAmount:
        in_range(c.index, base_.needs.size(), "need");
        break;
      case ChangeKind::kSiteCapacity:
        in_range(c.index, base_.sites.size(), "site");
        in_range(c.resource, base_.resources.size(), "resource");
        break;
      default:
        fail("unknown kind of change " + std::to_string(static_cast<int>(c.kind)));
    }
    if (c.kind != ChangeKind::kOfferUnitCost && c.value < 0) {
      fail("an amount or capacity cannot be negative (" + std::to_string(c.value) + ")");
    }
  }
}

// The variant's numbers in the base network; false when the base network cannot express it.
DONORFLOW_INLINE bool Sweep::apply(const Variant& variant, Numbers& numbers) const {
  const MinCostFlowProblem& base = net_.problem;
  numbers.lower = base.lower, numbers.upper = base.upper, numbers.supply = base.supply;
  numbers.cost = base.cost;
  std::vector<Flow> tiers;
  for (const Change& c : variant) {
    switch (c.kind) {
      case ChangeKind::kOfferAmount: {
        const Flow units = amount_units(c.value, net_.resolution[offer_resource_[c.index]]);
        Flow& supply = numbers.supply[net_.offer_node[c.index]];
        numbers.supply[net_.drain] -= units - supply;  // the drain takes every unit offered
        supply = units;
        break;
      }
      case ChangeKind::kOfferUnitCost: {
        const Cost cost = cost_units(c.value, net_.resolution[offer_resource_[c.index]],
                                     net_.cost_resolution, "offers.unit_cost");
        for (ArcId a : base.graph.out_arcs(net_.offer_node[c.index])) {
          if (net_.arcs[a].kind == ArcKind::kSupply) numbers.cost[a] = cost;
        }
        break;
      }
      case ChangeKind::kNeedAmount: {
        const int n = c.index;
        const Flow units = amount_units(c.value, net_.resolution[need_resource_[n]]);
        Flow& supply = numbers.supply[net_.need_node[n]];
        numbers.supply[net_.shortfall_source] += units + supply;  // it offers every unit needed
        supply = -units;
        tier_capacities(base_.policy.equity_tiers, units, tiers);
        if (tiers.size() != net_.shortfall_arcs[n].size()) return false;
        for (std::size_t k = 0; k < tiers.size(); ++k) {
          numbers.upper[net_.shortfall_arcs[n][k]] = tiers[k];
        }
        const auto minimum = static_cast<Flow>(
            std::ceil(base_.needs[n].min_share * static_cast<double>(units) - 1e-9));
        if (net_.min_share_arc[n] >= 0) {
          numbers.lower[net_.min_share_arc[n]] = minimum;
        } else if (minimum > 0) {
          return false;
        }
        break;
      }
      case ChangeKind::kSiteCapacity: {
        bool found = false;
        for (const Pool& pool : net_.pools) {
          if (pool.site != c.index || pool.resource != c.resource || pool.period != c.period ||
              pool.capacity_arc < 0) {
            continue;
          }
          numbers.upper[pool.capacity_arc] = amount_units(c.value, net_.resolution[c.resource]);
          found = true;
        }
        if (!found) return false;
        break;
      }
    }
  }
  return true;
}

// A variant the base network cannot express: the changed scenario, compiled and solved cold.
DONORFLOW_INLINE VariantFigures Sweep::solve_compiled(const Variant& variant) const {
  Scenario s = base_;
  auto rounded = [](double value, double resolution) {
    return static_cast<double>(amount_units(value, resolution)) * resolution;
  };
  for (const Change& c : variant) {
    switch (c.kind) {
      case ChangeKind::kOfferAmount:
        s.offers[c.index].amount = rounded(c.value, net_.resolution[offer_resource_[c.index]]);
        break;
      case ChangeKind::kOfferUnitCost:
        s.offers[c.index].unit_cost = c.value;
        break;
      case ChangeKind::kNeedAmount:
        s.needs[c.index].amount = rounded(c.value, net_.resolution[need_resource_[c.index]]);
        break;
      case ChangeKind::kSiteCapacity: {
        const double amount = rounded(c.value, net_.resolution[c.resource]);
        std::vector<SiteCapacity>& capacity = s.sites[c.index].capacity;
        const std::string& resource = base_.resources[c.resource].id;
        auto it = std::find_if(capacity.begin(), capacity.end(), [&](const SiteCapacity& k) {
          return k.resource == resource && k.period == c.period;
        });
        if (it == capacity.end()) {
          capacity.push_back({resource, c.period, amount});
        } else {
          it->amount = amount;
        }
        break;
      }
    }
  }
  CompileOptions options;
  options.keep_empty_tiers = true;
  const CompiledNetwork net = compile(s, options);
  const MinCostFlowResult result = solve_min_cost_flow(net.problem.view(), algorithm_);
  return internal::read_figures(s, net, result, net.problem.supply, need_region_, need_resource_);
}

DONORFLOW_INLINE VariantFigures Sweep::solve(const Variant& variant) const {
  check(variant);
  return solve_checked(variant);
}

DONORFLOW_INLINE VariantFigures Sweep::solve_checked(const Variant& variant) const {
  const auto started = std::chrono::steady_clock::now();
  Numbers numbers;
  VariantFigures f;
  if (apply(variant, numbers)) {
    ProblemView view = net_.problem.view();
    view.lower = numbers.lower, view.upper = numbers.upper, view.supply = numbers.supply;
    view.cost = numbers.cost;
    const MinCostFlowResult result = resolve_min_cost_flow(view, answer_, algorithm_);
    f = internal::read_figures(base_, net_, result, numbers.supply, need_region_, need_resource_);
    f.warm = answer_.optimal();
  } else {
    f = solve_compiled(variant);
  }
  f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return f;
}

DONORFLOW_INLINE std::vector<VariantFigures> Sweep::solve_all(
    std::span<const Variant> variants, int threads,
    const std::function<void(std::size_t)>& progress) const {
  for (const Variant& v : variants) check(v);
  std::vector<VariantFigures> out(variants.size());
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads),
                                                   std::max<std::size_t>(1, variants.size())));
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex mutex;
  std::exception_ptr error;
  auto work = [&] {
    for (std::size_t i; (i = next++) < variants.size();) {
      try {
        out[i] = solve_checked(variants[i]);
      } catch (...) {
        const std::lock_guard lock(mutex);
        if (!error) error = std::current_exception();
        next = variants.size();  // stop handing out variants
        return;
      }
      if (progress) {
        const std::lock_guard lock(mutex);
        progress(++done);
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }
  if (error) std::rethrow_exception(error);
  return out;
}

DONORFLOW_INLINE MinCostFlowProblem Sweep::network_of(const Variant& variant) const {
  check(variant);
  Numbers numbers;
  MinCostFlowProblem problem;
  if (!apply(variant, numbers)) return problem;
  problem.graph = net_.problem.graph;
  problem.lower = std::move(numbers.lower);
  problem.upper = std::move(numbers.upper);
  problem.cost = std::move(numbers.cost);
  problem.supply = std::move(numbers.supply);
  problem.supply_mode = net_.problem.supply_mode;
  return problem;
}

}  // namespace donorflow::model
