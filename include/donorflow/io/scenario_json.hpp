// donorflow/io/scenario_json.hpp: scenario files (format "donorflow-scenario/1").
//
// A scenario file is one JSON object with "format": "donorflow-scenario/1", optional "name" and
// "description", the tables "resources", "regions", "sites", "offers" and "needs" (arrays of
// objects whose fields are those of model/scenario.hpp), an optional "policy" object and an
// optional "roads" object with "nodes" and "edges". docs/scenario-format.md documents every
// field. Unknown fields are errors, so a misspelt field never silently falls back to a default.
//
// Every error is a ScenarioError whose message starts with "FILE:LINE:" and names the table,
// the row and the field; reading validates the whole scenario (model::validate) before
// returning, so a scenario that reads is a scenario that compiles.
#pragma once

#include <string>
#include <string_view>

#include "donorflow/detail/config.hpp"
#include "donorflow/model/scenario.hpp"

namespace donorflow {

inline constexpr std::string_view kScenarioFormat = "donorflow-scenario/1";

model::Scenario parse_scenario(std::string_view text, const std::string& source = "<input>");
model::Scenario read_scenario_file(const std::string& path);
std::string scenario_to_json(const model::Scenario& scenario);

}  // namespace donorflow

#ifdef DONORFLOW_HEADER_ONLY
#include "donorflow/io/scenario_json.ipp"
#endif
