#pragma once
// The subcommands of the `palabre` binary: one .cpp each, listed in main.cpp's command table.
// Each reads its options with CLI11 through parse_options, so that every command has the same
// --help and the same errors (exit 2, "palabre NAME: what", then the usage line).
#include <optional>

#include <CLI/CLI.hpp>

namespace palabre::cli {

// argv[0] is the command's name ("serve"), then its arguments; the result is the exit code.
int run_check(int argc, char** argv);
int run_decrypt(int argc, char** argv);
int run_loadgen(int argc, char** argv);
int run_replay(int argc, char** argv);
int run_report(int argc, char** argv);
int run_serve(int argc, char** argv);

// Parses argv into `app`'s options: nothing when the command should go on, else its exit code
// (0 after printing --help, 2 after a bad or missing argument).
std::optional<int> parse_options(CLI::App& app, int argc, char** argv);

}  // namespace palabre::cli
