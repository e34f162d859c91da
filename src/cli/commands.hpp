#pragma once
// Subcommands of the `palabre` binary. Each lives in its own .cpp and registers itself with
// PALABRE_COMMAND, so adding one never touches main.cpp.
#include <span>
#include <string_view>

namespace palabre::cli {

using CommandFn = int (*)(std::span<const std::string_view> args);

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `palabre help`
  CommandFn run;
};

bool register_command(const Command& command);

}  // namespace palabre::cli

#define PALABRE_COMMAND(name, summary, fn) \
  static const bool palabre_command_registered_##fn = ::palabre::cli::register_command({name, summary, fn})
