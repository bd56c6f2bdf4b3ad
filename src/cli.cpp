// The donorflow program's commands, shared by the program (src/main.cpp) and by
// `python -m donorflow`, so that both offer exactly the same commands:
//
//   donorflow solve SCENARIO.json [-o DIR] [--algorithm NAME]
//   donorflow demo [-o DIR]
//   donorflow mcf FILE.min [--algorithm NAME] [--flows] [--json]
//   donorflow gen FAMILY [--size small|medium|large] [--seed S] [--KEY VALUE]... [-o FILE]
//
// Exit status: 0 when the answer is optimal (or the command succeeded), 1 when the problem is
// infeasible or unbounded, 2 on bad input or usage, with a message naming the line or argument.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli.hpp"
#include "donorflow/donorflow.hpp"

namespace donorflow {
std::string_view demo_scenario_json();  // generated from data/examples/iraq_free_care.json
}  // namespace donorflow

namespace {

using namespace donorflow;

constexpr const char* kUsage = R"(usage:
  donorflow solve SCENARIO.json [-o DIR] [--algorithm auto|network-simplex|cost-scaling]
      Solve an allocation scenario (docs/scenario-format.md) and write allocations.csv,
      coverage.csv, shadow_prices.csv, explanations.csv and summary.json to DIR (default:
      the scenario's name without .json, plus "-plan"). Exit 0 optimal, 1 infeasible, 2 bad input.
  donorflow demo [-o DIR]
      Solve the embedded example, Iraq's free care for poor families across the 18
      governorates, print a summary and write the same files to DIR (default donorflow-demo).
  donorflow mcf FILE.min [--algorithm auto|network-simplex|cost-scaling] [--flows] [--json]
      Solve a DIMACS min-cost flow file. Prints status, cost, solve_seconds, algorithm, nodes
      and arcs, one per line (or one JSON object with --json); --flows adds the flow on every
      arc, in file order. Exit 0 optimal, 1 infeasible or unbounded, 2 bad input.
  donorflow gen FAMILY [--size small|medium|large] [--seed S] [--KEY VALUE]... [-o FILE]
      Write a benchmark instance in DIMACS format (to standard output unless -o is given).
      Families: alloc, transport, netgen, grid, multiperiod (see docs/benchmarks.md); --KEY
      overrides one parameter of the size preset, e.g. --groups 5000.
  donorflow help | --help
)";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

int run_mcf(const std::vector<std::string>& args) {
  std::optional<std::string> file;
  Algorithm algorithm = Algorithm::kAuto;
  bool flows = false, json = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--flows") {
      flows = true;
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--algorithm" || arg.starts_with("--algorithm=")) {
      std::string name;
      if (arg == "--algorithm") {
        if (i + 1 == args.size()) throw UsageError("--algorithm needs a name");
        name = args[++i];
      } else {
        name = arg.substr(std::string("--algorithm=").size());
      }
      const auto parsed = parse_algorithm(name);
      if (!parsed) throw UsageError("unknown algorithm '" + name + "'");
      algorithm = *parsed;
    } else if (arg.starts_with("-") && arg != "-") {
      throw UsageError("unknown option '" + arg + "' for mcf");
    } else if (file) {
      throw UsageError("mcf takes one file, got '" + *file + "' and '" + arg + "'");
    } else {
      file = arg;
    }
  }
  if (!file) throw UsageError("mcf needs a DIMACS file");

  MinCostFlowProblem problem;
  if (*file == "-") {
    std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    problem = parse_dimacs(text, "<stdin>");
  } else {
    problem = read_dimacs_file(*file);
  }
  const auto start = std::chrono::steady_clock::now();
  const MinCostFlowResult result = solve_min_cost_flow(problem.view(), algorithm);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const bool optimal = result.optimal();
  const std::string status(status_name(result.status));
  const StaticGraph& g = problem.graph;
  std::string out;
  char number[64];
  std::snprintf(number, sizeof number, "%.6f", seconds);
  if (json) {
    out += "{\"status\": \"" + status +
           "\", \"cost\": " + (optimal ? to_string(result.cost) : "null") +
           ", \"solve_seconds\": " + number + ", \"algorithm\": \"" + result.algorithm +
           "\", \"nodes\": " + std::to_string(g.node_count()) +
           ", \"arcs\": " + std::to_string(g.arc_count());
    if (!optimal) out += ", \"message\": \"" + json::escape(result.message) + "\"";
    if (flows && optimal) {
      out += ", \"flows\": [";
      for (ArcId a = 0; a < g.arc_count(); ++a) {
        if (a > 0) out += ", ";
        out += std::to_string(result.flow[a]);
      }
      out += "]";
    }
    out += "}\n";
  } else {
    out += "status " + status + "\n";
    if (optimal) out += "cost " + to_string(result.cost) + "\n";
    out += std::string("solve_seconds ") + number + "\n";
    out += "algorithm " + result.algorithm + "\n";
    out += "nodes " + std::to_string(g.node_count()) + "\n";
    out += "arcs " + std::to_string(g.arc_count()) + "\n";
    if (!optimal) out += "message " + result.message + "\n";
    if (flows && optimal) {
      for (ArcId a = 0; a < g.arc_count(); ++a) {
        out += "f " + std::to_string(g.tail(a) + 1) + " " + std::to_string(g.head(a) + 1) + " " +
               std::to_string(result.flow[a]) + "\n";
      }
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  switch (result.status) {
    case Status::kOptimal:
      return 0;
    case Status::kInfeasible:
    case Status::kUnbounded:
      return 1;
    default:
      std::cerr << "donorflow: " << *file << ": " << result.message << "\n";
      return 2;
  }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Solves a scenario, writes the plan's files and prints what happened; returns the exit status.
int solve_and_write(const model::Scenario& scenario, double read_seconds, const std::string& out,
                    Algorithm algorithm, bool readable) {
  model::SolveOptions options;
  options.algorithm = algorithm;
  const model::Plan plan = model::solve(scenario, options);
  const auto writing = std::chrono::steady_clock::now();
  write_plan_files(out, scenario, plan, read_seconds);
  const double write_seconds = seconds_since(writing);
  if (readable) {
    std::cout << plan_summary_text(scenario, plan);
  } else {
    std::cout << "status " << status_name(plan.status) << "\n";
    if (plan.optimal()) {
      char number[64];
      std::snprintf(number, sizeof number, "%.2f", plan.objective);
      std::cout << "objective " << number << "\n";
      std::cout.precision(15);
      for (std::size_t r = 0; r < scenario.resources.size(); ++r) {
        const auto& t = plan.totals[r];
        std::cout << "resource " << scenario.resources[r].id << " offered " << t.offered
                  << " needed " << t.needed << " met " << t.met << " unmet " << t.unmet << "\n";
      }
    } else {
      std::cout << "message " << plan.message << "\n";
    }
  }
  std::printf("seconds read %.3f compile %.3f solve %.3f explain %.3f write %.3f\n", read_seconds,
              plan.seconds.compile, plan.seconds.solve, plan.seconds.explain, write_seconds);
  std::cout << "wrote " << out << "/{allocations,coverage,shadow_prices,explanations}.csv and "
            << out << "/summary.json\n";
  return plan.optimal() ? 0 : 1;
}

int run_solve(const std::vector<std::string>& args, bool demo) {
  std::optional<std::string> file, out;
  Algorithm algorithm = Algorithm::kAuto;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-o" || arg == "--output") {
      if (i + 1 == args.size()) throw UsageError(arg + " needs a directory");
      out = args[++i];
    } else if (arg == "--algorithm") {
      if (i + 1 == args.size()) throw UsageError("--algorithm needs a name");
      const auto parsed = parse_algorithm(args[++i]);
      if (!parsed) throw UsageError("unknown algorithm '" + args[i] + "'");
      algorithm = *parsed;
    } else if (arg.starts_with("-") || demo || file) {
      throw UsageError("unexpected argument '" + arg + "'");
    } else {
      file = arg;
    }
  }
  const auto reading = std::chrono::steady_clock::now();
  model::Scenario scenario;
  if (demo) {
    scenario = parse_scenario(demo_scenario_json(), "<embedded demo scenario>");
    if (!out) out = "donorflow-demo";
  } else {
    if (!file) throw UsageError("solve needs a scenario file");
    scenario = read_scenario_file(*file);
    if (!out) {
      std::string stem = *file;
      if (stem.ends_with(".json")) stem.resize(stem.size() - 5);
      out = stem + "-plan";
    }
  }
  return solve_and_write(scenario, seconds_since(reading), *out, algorithm, demo);
}

int run_gen(const std::vector<std::string>& args) {
  if (args.empty()) throw UsageError("gen needs a family");
  const std::string family = args[0];
  std::string size = "small";
  std::uint64_t seed = 1;
  std::optional<std::string> output;
  std::map<std::string, std::int64_t> overrides;
  auto integer = [](const std::string& option, const std::string& text) {
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) {
      throw UsageError(option + " needs an integer, got '" + text + "'");
    }
    return value;
  };
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("-")) throw UsageError("unexpected argument '" + arg + "'");
    if (i + 1 == args.size()) throw UsageError(arg + " needs a value");
    const std::string& value = args[++i];
    if (arg == "--size") {
      size = value;
    } else if (arg == "--seed") {
      seed = static_cast<std::uint64_t>(integer(arg, value));
    } else if (arg == "-o" || arg == "--output") {
      output = value;
    } else if (arg.starts_with("--")) {
      overrides[arg.substr(2)] = integer(arg, value);
    } else {
      throw UsageError("unknown option '" + arg + "'");
    }
  }
  MinCostFlowProblem problem;
  try {
    problem = gen::generate(family, size, seed, overrides);
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());
  }
  // The comment records the whole command, overrides included, so the file can be remade.
  std::string comment =
      "donorflow gen " + family + " --size " + size + " --seed " + std::to_string(seed);
  for (const auto& [key, value] : overrides) comment += " --" + key + " " + std::to_string(value);
  comment += "\nnodes " + std::to_string(problem.graph.node_count()) + ", arcs " +
             std::to_string(problem.graph.arc_count());
  if (output) {
    std::ofstream file(*output, std::ios::binary);
    if (!file) throw UsageError("cannot write '" + *output + "'");
    write_dimacs(file, problem.view(), comment);
    if (!file) throw UsageError("writing '" + *output + "' failed");
  } else {
    write_dimacs(std::cout, problem.view(), comment);
  }
  return 0;
}

}  // namespace

namespace donorflow::cli {

int run(std::vector<std::string> args) {
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "solve") return run_solve(args, false);
    if (command == "demo") return run_solve(args, true);
    if (command == "mcf") return run_mcf(args);
    if (command == "gen") return run_gen(args);
    throw UsageError("unknown command '" + command + "'");
  } catch (const UsageError& error) {
    std::cerr << "donorflow: " << error.what() << "\n\n" << kUsage;
    return 2;
  } catch (const model::ScenarioError& error) {
    std::cerr << "donorflow: " << error.what() << "\n";
    return 2;
  } catch (const json::JsonError& error) {
    std::cerr << "donorflow: " << error.what() << "\n";
    return 2;
  } catch (const DimacsError& error) {
    std::cerr << "donorflow: " << error.what() << "\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "donorflow: " << error.what() << "\n";
    return 2;
  }
}

}  // namespace donorflow::cli
