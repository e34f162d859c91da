#pragma once
// Report renderers: one self-contained HTML file, Markdown, CSV, JSON. Pure functions of the model:
// no I/O, no clock, no exceptions (the app calls them in the browser to offer downloads).
#include <optional>
#include <string>
#include <string_view>

#include "report/model.hpp"

namespace palabre::report {

enum class Format { html, markdown, csv, json };

// "html", "md" (or "markdown"), "csv", "json" → format; nullopt otherwise.
std::optional<Format> format_from_string(std::string_view name);
std::string_view file_extension(Format format);  // "html", "md", "csv", "json"
std::string_view mime_type(Format format);       // "text/html; charset=utf-8", …

std::string render(const Report& report, Format format);

// One HTML file: inline CSS and SVG, no script, no external URL; phone-friendly; print CSS.
std::string render_html(const Report& report);
// The same content in CommonMark (GitHub flavour tables); its images are files beside it, named by
// image_file_name (`palabre report --format md` writes them).
std::string render_markdown(const Report& report);
// "images/<ref>.png": where the Markdown report expects an image.
std::string image_file_name(std::string_view ref, std::string_view mime);
// RFC 4180, UTF-8, CRLF; columns in docs/report.md: one row per attempt/answer/idea/vote/message.
std::string render_csv(const Report& report);
// The model itself, schema "palabre-report" version kReportSchemaVersion (docs/report.md).
std::string render_json(const Report& report);

}  // namespace palabre::report
