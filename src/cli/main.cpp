// palabre — the command-line entry point: the command table, and the one way commands read options.
#include "commands.hpp"

#include <cctype>
#include <cstdio>
#include <iostream>
#include <string_view>

namespace palabre::cli {
namespace {

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `palabre help`
  int (*run)(int argc, char** argv);
};

constexpr Command commands[] = {
    {"check", "validate a session plan (*.palabre.json)", run_check},
    {"decrypt", "decrypt the log of an end-to-end encrypted session (--key from its link)", run_decrypt},
    {"loadgen", "simulate N participants against a relay; latency, traffic, CPU, memory", run_loadgen},
    {"replay", "print the final state of a session log as canonical JSON", run_replay},
    {"report", "write the report of a session log (html, md, csv, json; fr or en)", run_report},
    {"serve", "run the relay: the app, /ws, /healthz, /metrics", run_serve},
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: palabre <command> [options]\n\ncommands:\n");
  for (const Command& c : commands)
    std::fprintf(out, "  %-10.*s %.*s\n", int(c.name.size()), c.name.data(), int(c.summary.size()), c.summary.data());
  std::fprintf(out, "\n`palabre <command> --help` tells more.\n");
}

}  // namespace

std::optional<int> parse_options(CLI::App& app, int argc, char** argv) {
  try {
    app.parse(argc, argv);
    return std::nullopt;
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::string usage = "usage";
    if (auto formatter = std::dynamic_pointer_cast<CLI::Formatter>(app.get_formatter()))
      usage = formatter->make_usage(&app, app.get_name());  // "Usage: palabre report [OPTIONS] LOG\n"
    if (!usage.empty()) usage[0] = char(std::tolower(static_cast<unsigned char>(usage[0])));
    std::fprintf(stderr, "%s: %s\n%s(%s --help tells more)\n", app.get_name().c_str(), e.what(), usage.c_str(),
                 app.get_name().c_str());
    return 2;
  }
}

}  // namespace palabre::cli

int main(int argc, char** argv) {
  using namespace palabre::cli;
  if (argc < 2 || std::string_view(argv[1]) == "help" || std::string_view(argv[1]) == "--help") {
    print_usage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  for (const Command& c : commands)
    if (c.name == argv[1]) return c.run(argc - 1, argv + 1);
  std::fprintf(stderr, "palabre: unknown command '%s'\n\n", argv[1]);
  print_usage(stderr);
  return 2;
}
