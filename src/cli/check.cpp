// `palabre check PLAN`: validates a session plan (*.palabre.json).
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "commands.hpp"
#include "core/plan.hpp"

namespace palabre::cli {
using namespace palabre::core;

int run_check(int argc, char** argv) {
  CLI::App app{"Validates a session plan: prints a summary and exits 0, or prints the JSON path and\n"
               "reason of the first error and exits 1.",
               "palabre check"};
  std::string path;
  app.add_option("PLAN", path, "the plan (*.palabre.json)")->required();
  if (const auto exit = parse_options(app, argc, argv)) return *exit;
  std::ifstream in(path, std::ios::binary);
  if (!in) { std::fprintf(stderr, "palabre check: cannot open '%s'\n", path.c_str()); return 1; }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto plan = load_plan(text);
  if (!plan) {
    std::fprintf(stderr, "palabre check: %s: %s: %s\n", path.c_str(), plan.error.path.c_str(), plan.error.reason.c_str());
    return 1;
  }
  std::printf("%s: ok — \"%s\", %zu activities\n", path.c_str(), plan.value->info.title.c_str(), plan.value->activities.size());
  for (std::size_t i = 0; i < plan.value->activities.size(); ++i) {
    const auto& a = plan.value->activities[i];
    std::printf("  %2zu. %-12.*s %s\n", i + 1, int(to_string(a.kind).size()), to_string(a.kind).data(), a.title.c_str());
  }
  return 0;
}

}  // namespace palabre::cli
