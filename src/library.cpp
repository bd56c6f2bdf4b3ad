// The compiled part of donorflow: every non-template implementation, once, and the explicit
// instantiations the headers declare `extern`. Kept in one translation unit because builds on
// small machines are dominated by template-heavy headers.
#include "donorflow/flow/certificate.ipp"
#include "donorflow/flow/cost_scaling.ipp"
#include "donorflow/flow/network_simplex.hpp"
#include "donorflow/flow/problem.ipp"
#include "donorflow/gen/families.ipp"
#include "donorflow/io/dimacs.ipp"

namespace donorflow {
template class NetworkSimplex<BlockSearchPivot>;
template class CostScaling<std::int32_t>;
template class CostScaling<std::int64_t>;
}  // namespace donorflow
