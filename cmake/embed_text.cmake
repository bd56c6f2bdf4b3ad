# Writes INPUT (a text file) into OUTPUT as the C++ string donorflow::demo_scenario_json().
file(READ "${INPUT}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${content}")
file(WRITE "${OUTPUT}"
  "// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace donorflow {\n"
  "static const char kDemoScenario[] = {${bytes} 0};\n"
  "std::string_view demo_scenario_json() { return {kDemoScenario, sizeof kDemoScenario - 1}; }\n"
  "}  // namespace donorflow\n")
