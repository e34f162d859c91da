// palabre — the command-line entry point: dispatches to the registered subcommands.
#include "commands.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace palabre::cli {
namespace {
std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: palabre <command> [options]\n\ncommands:\n");
  auto commands = registry();
  std::sort(commands.begin(), commands.end(), [](auto& a, auto& b) { return a.name < b.name; });
  for (const auto& c : commands)
    std::fprintf(out, "  %-10.*s %.*s\n", int(c.name.size()), c.name.data(), int(c.summary.size()), c.summary.data());
  std::fprintf(out, "\n`palabre <command> --help` tells more.\n");
}
}  // namespace

bool register_command(const Command& command) {
  registry().push_back(command);
  return true;
}
}  // namespace palabre::cli

int main(int argc, char** argv) {
  using namespace palabre::cli;
  if (argc < 2 || std::string_view(argv[1]) == "help" || std::string_view(argv[1]) == "--help") {
    print_usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  const std::string_view name = argv[1];
  std::vector<std::string_view> args(argv + 2, argv + argc);
  for (const auto& c : registry())
    if (c.name == name) return c.run(args);
  std::fprintf(stderr, "palabre: unknown command '%s'\n\n", argv[1]);
  print_usage(stderr);
  return 2;
}
