// The compiled part of donorflow's allocation model: scenario validation, compilation to a
// network, the plan and its explanations, scenario JSON and plan files. A translation unit of its
// own so that it builds in parallel with the flow solvers in library.cpp.
#include "donorflow/io/json.ipp"
#include "donorflow/io/plan_files.ipp"
#include "donorflow/io/scenario_json.ipp"
#include "donorflow/model/compile.ipp"
#include "donorflow/model/plan.ipp"
#include "donorflow/model/roads.ipp"
#include "donorflow/model/scenario.ipp"
#include "donorflow/model/sweep.ipp"
