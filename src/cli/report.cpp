// `palabre report LOG [--format html|md|csv|json] [--lang fr|en] [-o FILE]`: replays a session log
// and writes its report. The format defaults to the output file's extension, else HTML.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "commands.hpp"
#include "core/log.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"

namespace {
using namespace palabre;

constexpr const char* kUsage =
    "usage: palabre report LOG.palabre.jsonl [--format html|md|csv|json] [--lang fr|en] [-o FILE]\n";

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "palabre report: %s\n", message.c_str());
  return code;
}

std::optional<report::Format> format_of_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return report::format_from_string(path.substr(dot + 1));
}

int run_report(std::span<const std::string_view> args) {
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    std::printf("%s\n"
                "Replays the session log and writes its report (docs/report.md):\n"
                "  html  one self-contained page (inline CSS and SVG charts), phone-ready, printable\n"
                "  md    the same content in Markdown\n"
                "  csv   one row per attempt, answer, idea, like, vote, question and message\n"
                "  json  the report model (schema palabre-report, versioned)\n"
                "--format defaults to the -o file's extension, else html. --lang defaults to the\n"
                "session's locale. Without -o the report goes to standard output.\n"
                "Exit 1 on an unreadable log or an unwritable output, 2 on bad arguments.\n",
                kUsage);
    return 0;
  }
  std::string log_path, out_path;
  std::optional<report::Format> format;
  std::optional<report::Lang> lang;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    const bool has_value = i + 1 < args.size();
    if (arg == "--format" || arg == "-f") {
      if (!has_value) return fail("--format needs a value (html, md, csv or json)", 2);
      format = report::format_from_string(args[++i]);
      if (!format) return fail("unknown format '" + std::string(args[i]) + "' (html, md, csv or json)", 2);
    } else if (arg == "--lang" || arg == "-l") {
      if (!has_value) return fail("--lang needs a value (fr or en)", 2);
      lang = report::lang_from_string(args[++i]);
      if (!lang) return fail("unknown language '" + std::string(args[i]) + "' (fr or en)", 2);
    } else if (arg == "-o" || arg == "--output") {
      if (!has_value) return fail("-o needs a file name", 2);
      out_path = std::string(args[++i]);
    } else if (log_path.empty() && !arg.starts_with("-")) {
      log_path = std::string(arg);
    } else {
      std::fputs(kUsage, stderr);
      return fail("unexpected argument '" + std::string(arg) + "'", 2);
    }
  }
  if (log_path.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  if (!format && !out_path.empty()) format = format_of_path(out_path);

  std::ifstream in(log_path, std::ios::binary);
  if (!in) return fail("cannot open '" + log_path + "'", 1);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const core::LogContents log = core::read_log(text);
  if (!log.ok()) {
    const std::size_t line = log.fatal ? log.fatal->line : 1;
    const std::string reason = log.fatal ? log.fatal->reason : "not a palabre log";
    return fail(log_path + ":" + std::to_string(line) + ": " + reason, 1);
  }
  if (log.torn_tail)
    std::fprintf(stderr, "palabre report: warning: %s:%zu: %s (last line dropped)\n", log_path.c_str(),
                 log.torn_tail->line, log.torn_tail->reason.c_str());

  // One participant's malformed event must not cost the report: it is left out, said, and listed.
  for (const core::LogProblem& bad : log.skipped)
    std::fprintf(stderr, "palabre report: warning: %s:%zu: seq %lld left out: %s\n", log_path.c_str(), bad.line,
                 static_cast<long long>(bad.seq), bad.reason.c_str());
  if (!log.skipped.empty())
    std::fprintf(stderr, "palabre report: %zu event(s) left out (listed at the end of the report)\n", log.skipped.size());
  const core::Replay replayed = core::replay(log.envelopes);
  report::Report model = report::build_report(replayed.session, lang);
  for (const core::LogProblem& bad : log.skipped) model.left_out.push_back({bad.line, bad.seq, bad.reason});
  const std::string output = report::render(model, format.value_or(report::Format::html));

  if (out_path.empty() || out_path == "-") {
    std::fwrite(output.data(), 1, output.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : fail("cannot write to standard output", 1);
  }
  // Write beside the target, then rename: a failed run never leaves half a report behind.
  const std::string partial = out_path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return fail("cannot write '" + out_path + "'", 1);
    out.write(output.data(), std::streamsize(output.size()));
    out.close();
    if (!out) {
      std::remove(partial.c_str());
      return fail("cannot write '" + out_path + "'", 1);
    }
  }
  if (std::rename(partial.c_str(), out_path.c_str()) != 0) {
    std::remove(partial.c_str());
    return fail("cannot write '" + out_path + "'", 1);
  }
  return 0;
}
}  // namespace

PALABRE_COMMAND("report", "write the report of a session log (html, md, csv, json; fr or en)", run_report);
