// `palabre report LOG [--format html|md|csv|json] [--lang fr|en] [-o FILE]`: replays a session log
// and writes its report. The format defaults to the output file's extension, else HTML. Images
// come from the room's blobs beside the log (`ROOM.blobs/`, as `palabre serve --data` keeps them,
// or --blobs DIR): the HTML embeds them, the Markdown gets them as files in images/ beside it.
#include <cstdio>
#include <filesystem>
#include <map>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "commands.hpp"
#include "core/log.hpp"
#include "core/plan.hpp"
#include "report/from_session.hpp"
#include "report/render.hpp"

namespace palabre::cli {
namespace {

int fail(const std::string& message, int code) {
  std::fprintf(stderr, "palabre report: %s\n", message.c_str());
  return code;
}

std::optional<report::Format> format_of_path(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return report::format_from_string(path.substr(dot + 1));
}

}  // namespace

int run_report(int argc, char** argv) {
  CLI::App app{"Replays the session log and writes its report (docs/report.md):\n"
               "  html  one self-contained page (inline CSS and SVG charts), phone-ready, printable\n"
               "  md    the same content in Markdown\n"
               "  csv   one row per attempt, answer, idea, like, vote, question and message\n"
               "  json  the report model (schema palabre-report, versioned)\n"
               "Exit 1 on an unreadable log or an unwritable output, 2 on bad arguments.",
               "palabre report"};
  std::string log_path, out_path;
  std::optional<report::Format> format;
  std::optional<report::Lang> lang;
  app.add_option("LOG", log_path, "the session log (*.palabre.jsonl)")->required();
  app.add_option_function<std::string>(
         "-f,--format", [&](const std::string& text) { format = report::format_from_string(text); },
         "html, md, csv or json (default: the -o file's extension, else html)")
      ->check(CLI::Validator(
          [](std::string& text) {
            return report::format_from_string(text) ? std::string() : "unknown format '" + text + "' (html, md, csv or json)";
          },
          "html|md|csv|json"));
  app.add_option_function<std::string>(
         "-l,--lang", [&](const std::string& text) { lang = report::lang_from_string(text); },
         "fr or en (default: the session's locale)")
      ->check(CLI::Validator(
          [](std::string& text) { return report::lang_from_string(text) ? std::string() : "unknown language '" + text + "' (fr or en)"; },
          "fr|en"));
  app.add_option("-o,--output", out_path, "where to write the report (default: standard output)");
  std::string blobs_dir;
  app.add_option("--blobs", blobs_dir, "the room's images (default: ROOM.blobs/ beside the log)");
  if (const auto exit = parse_options(app, argc, argv)) return *exit;
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
  if (blobs_dir.empty()) {
    const std::string suffix = ".palabre.jsonl";
    blobs_dir = (log_path.ends_with(suffix) ? log_path.substr(0, log_path.size() - suffix.size()) : log_path) + ".blobs";
  }
  std::map<std::string, std::string> image_bytes;  // ref → bytes, for the Markdown's images/ folder
  const report::ImageSource images = [&](const std::string& ref) -> std::optional<report::EmbeddedImage> {
    if (!core::is_image_ref(ref)) return std::nullopt;
    std::ifstream blob(std::filesystem::path(blobs_dir) / ref, std::ios::binary);
    if (!blob) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(blob)), std::istreambuf_iterator<char>());
    const std::string mime(report::image_mime_of(bytes));
    if (mime.empty()) return std::nullopt;  // an encrypted room's blob: `palabre decrypt` first
    report::EmbeddedImage image{ref, mime, report::to_base64(bytes)};
    image_bytes[ref] = std::move(bytes);
    return image;
  };
  report::Report model = report::build_report(replayed.session, lang, images);
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
  if (format.value_or(report::Format::html) == report::Format::markdown && !image_bytes.empty()) {
    std::error_code ec;
    const auto beside = std::filesystem::path(out_path).parent_path();
    std::filesystem::create_directories(beside / "images", ec);
    for (const auto& [ref, bytes] : image_bytes) {
      std::ofstream file(beside / report::image_file_name(ref, report::image_mime_of(bytes)), std::ios::binary | std::ios::trunc);
      file.write(bytes.data(), std::streamsize(bytes.size()));
      if (!file) return fail("cannot write the images beside '" + out_path + "'", 1);
    }
  }
  return 0;
}

}  // namespace palabre::cli
