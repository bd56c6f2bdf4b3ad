// donorflow/donorflow.hpp: the whole library.
#pragma once

#include "donorflow/flow/certificate.hpp"
#include "donorflow/flow/min_cost_flow.hpp"
#include "donorflow/flow/network_simplex.hpp"
#include "donorflow/flow/problem.hpp"
#include "donorflow/flow/types.hpp"
#include "donorflow/gen/families.hpp"
#include "donorflow/graph/static_graph.hpp"
#include "donorflow/io/dimacs.hpp"
#include "donorflow/io/json.hpp"
#include "donorflow/io/plan_files.hpp"
#include "donorflow/io/scenario_json.hpp"
#include "donorflow/model/compile.hpp"
#include "donorflow/model/plan.hpp"
#include "donorflow/model/scenario.hpp"
#include "donorflow/model/sweep.hpp"
