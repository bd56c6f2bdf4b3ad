// donorflow/model/geo.hpp: great-circle distances and a spatial index over points on the globe.
//
// Reach in the allocation model is the great-circle (haversine) distance between where a
// resource is delivered and where the need is, on a sphere of radius 6371.0088 km (the mean
// Earth radius). Distances from one point to many are computed at once over coordinate arrays
// with Eigen, which vectorises the trigonometry.
//
// `PointIndex` answers "the points within R km" and "the K nearest points" for many queries
// without comparing every pair: points are bucketed into cells of a latitude-longitude grid, and
// a query visits only the cells that a circle of the search radius can touch. The cells are
// about `cell_km` on a side at the points' mean latitude; near the poles, where a degree of
// longitude shrinks, the query widens its window accordingly, so results are exact everywhere
// (ties in distance are broken by point index).
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <utility>
#include <vector>

namespace donorflow::geo {

inline constexpr double kEarthRadiusKm = 6371.0088;

inline double radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}

// Great-circle distance in km between two points given in degrees.
inline double great_circle_km(double lat1, double lon1, double lat2, double lon2) {
  const double p1 = radians(lat1), p2 = radians(lat2);
  const double dp = p2 - p1, dl = radians(lon2 - lon1);
  const double h = std::sin(dp / 2) * std::sin(dp / 2) +
                   std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// Distances in km from one point to many (coordinates in radians, as arrays).
inline Eigen::ArrayXd great_circle_km(double lat_rad, double lon_rad, const Eigen::ArrayXd& lats,
                                      const Eigen::ArrayXd& lons) {
  const Eigen::ArrayXd half_dlat = (lats - lat_rad) / 2;
  const Eigen::ArrayXd half_dlon = (lons - lon_rad) / 2;
  const Eigen::ArrayXd h =
      half_dlat.sin().square() + std::cos(lat_rad) * lats.cos() * half_dlon.sin().square();
  return 2 * kEarthRadiusKm * h.sqrt().min(1.0).asin();
}

class PointIndex {
 public:
  PointIndex() = default;

  // Points in degrees. `cell_km` trades cell visits against points per cell.
  PointIndex(const std::vector<double>& lats, const std::vector<double>& lons, double cell_km = 25)
      : lat_(Eigen::Map<const Eigen::ArrayXd>(lats.data(), static_cast<Eigen::Index>(lats.size()))),
        lon_(
            Eigen::Map<const Eigen::ArrayXd>(lons.data(), static_cast<Eigen::Index>(lons.size()))) {
    lat_rad_ = lat_ * (std::numbers::pi / 180.0);
    lon_rad_ = lon_ * (std::numbers::pi / 180.0);
    cell_deg_ = cell_km / 111.195;  // km per degree of latitude on the mean sphere
    rows_ = static_cast<int>(std::ceil(180.0 / cell_deg_)) + 1;
    cols_ = static_cast<int>(std::ceil(360.0 / cell_deg_)) + 1;
    std::vector<std::pair<long, int>> keyed(lats.size());
    for (std::size_t i = 0; i < lats.size(); ++i)
      keyed[i] = {cell_of(lats[i], lons[i]), static_cast<int>(i)};
    std::sort(keyed.begin(), keyed.end());
    for (const auto& [cell, point] : keyed) {
      if (cells_.empty() || cells_.back().first != cell) cells_.push_back({cell, {}});
      cells_.back().second.push_back(point);
    }
  }

  std::size_t size() const { return static_cast<std::size_t>(lat_.size()); }

  // Points within `radius_km` of (lat, lon), nearest first, each with its distance.
  std::vector<std::pair<int, double>> within(double lat, double lon, double radius_km) const {
    std::vector<std::pair<int, double>> found;
    if (size() == 0) return found;
    if (!std::isfinite(radius_km) || radius_km >= 20000) {
      collect_all(lat, lon, found);
    } else {
      collect_window(lat, lon, radius_km, found);
      std::erase_if(found, [radius_km](const auto& p) { return p.second > radius_km; });
    }
    std::sort(found.begin(), found.end(), closer);
    return found;
  }

  // The `k` nearest points within `radius_km` (may be infinite), nearest first.
  std::vector<std::pair<int, double>> nearest(double lat, double lon, int k,
                                              double radius_km) const {
    std::vector<std::pair<int, double>> found;
    if (size() == 0 || k <= 0) return found;
    // Widen the window until it holds k points whose distance the window guarantees.
    for (double window = 2 * cell_deg_ * 111.195;; window *= 2) {
      const double limit = std::min(window, radius_km);
      found.clear();
      if (limit >= 20000) {
        collect_all(lat, lon, found);
      } else {
        collect_window(lat, lon, limit, found);
      }
      std::erase_if(found, [limit](const auto& p) { return p.second > limit; });
      if (static_cast<int>(found.size()) >= k || limit >= radius_km || limit >= 20000) break;
    }
    std::sort(found.begin(), found.end(), closer);
    if (static_cast<int>(found.size()) > k) found.resize(static_cast<std::size_t>(k));
    return found;
  }

 private:
  static bool closer(const std::pair<int, double>& a, const std::pair<int, double>& b) {
    return a.second != b.second ? a.second < b.second : a.first < b.first;
  }

  long cell_of(double lat, double lon) const {
    const int row = std::clamp(static_cast<int>((lat + 90) / cell_deg_), 0, rows_ - 1);
    const int col = std::clamp(static_cast<int>((lon + 180) / cell_deg_), 0, cols_ - 1);
    return static_cast<long>(row) * cols_ + col;
  }

  void collect_all(double lat, double lon, std::vector<std::pair<int, double>>& found) const {
    const Eigen::ArrayXd d = great_circle_km(radians(lat), radians(lon), lat_rad_, lon_rad_);
    for (Eigen::Index i = 0; i < d.size(); ++i) found.emplace_back(static_cast<int>(i), d[i]);
  }

  // Every point in the cells a circle of `radius_km` can touch, with its distance.
  void collect_window(double lat, double lon, double radius_km,
                      std::vector<std::pair<int, double>>& found) const {
    const double dlat = radius_km / 111.195;
    const double lat_lo = std::max(-90.0, lat - dlat), lat_hi = std::min(90.0, lat + dlat);
    const double widest = std::max(std::abs(lat_lo), std::abs(lat_hi));
    const double cos_lat = std::cos(radians(std::min(widest, 89.999)));
    const double dlon = (lat_hi >= 90 || lat_lo <= -90) ? 180 : std::min(180.0, dlat / cos_lat);
    const int row_lo = std::clamp(static_cast<int>((lat_lo + 90) / cell_deg_), 0, rows_ - 1);
    const int row_hi = std::clamp(static_cast<int>((lat_hi + 90) / cell_deg_), 0, rows_ - 1);
    std::vector<int> candidates;
    auto add_columns = [&](int row, double lon_lo, double lon_hi) {
      const int col_lo = std::clamp(static_cast<int>((lon_lo + 180) / cell_deg_), 0, cols_ - 1);
      const int col_hi = std::clamp(static_cast<int>((lon_hi + 180) / cell_deg_), 0, cols_ - 1);
      const long first = static_cast<long>(row) * cols_ + col_lo;
      const long last = static_cast<long>(row) * cols_ + col_hi;
      auto it = std::lower_bound(cells_.begin(), cells_.end(), first,
                                 [](const auto& cell, long key) { return cell.first < key; });
      for (; it != cells_.end() && it->first <= last; ++it) {
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
    };
    for (int row = row_lo; row <= row_hi; ++row) {
      if (dlon >= 180) {
        add_columns(row, -180, 180);
      } else {
        double lo = lon - dlon, hi = lon + dlon;
        if (lo < -180) {  // the window wraps around the antimeridian
          add_columns(row, lo + 360, 180);
          lo = -180;
        }
        if (hi > 180) {
          add_columns(row, -180, hi - 360);
          hi = 180;
        }
        add_columns(row, lo, hi);
      }
    }
    if (candidates.empty()) return;
    Eigen::ArrayXd lats(static_cast<Eigen::Index>(candidates.size()));
    Eigen::ArrayXd lons(static_cast<Eigen::Index>(candidates.size()));
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      lats[static_cast<Eigen::Index>(i)] = lat_rad_[candidates[i]];
      lons[static_cast<Eigen::Index>(i)] = lon_rad_[candidates[i]];
    }
    const Eigen::ArrayXd d = great_circle_km(radians(lat), radians(lon), lats, lons);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      found.emplace_back(candidates[i], d[static_cast<Eigen::Index>(i)]);
    }
  }

  Eigen::ArrayXd lat_, lon_, lat_rad_, lon_rad_;
  double cell_deg_ = 1;
  int rows_ = 1, cols_ = 1;
  std::vector<std::pair<long, std::vector<int>>> cells_;  // sorted by cell key
};

}  // namespace donorflow::geo
