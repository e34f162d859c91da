// Format names and the dispatch to each renderer.
#include "report/render.hpp"

namespace palabre::report {

std::optional<Format> format_from_string(std::string_view name) {
  if (name == "html" || name == "htm") return Format::html;
  if (name == "md" || name == "markdown") return Format::markdown;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  return std::nullopt;
}

std::string_view file_extension(Format format) {
  switch (format) {
    case Format::html: return "html";
    case Format::markdown: return "md";
    case Format::csv: return "csv";
    case Format::json: return "json";
  }
  return "txt";
}

std::string_view mime_type(Format format) {
  switch (format) {
    case Format::html: return "text/html; charset=utf-8";
    case Format::markdown: return "text/markdown; charset=utf-8";
    case Format::csv: return "text/csv; charset=utf-8";
    case Format::json: return "application/json";
  }
  return "text/plain";
}

std::string render(const Report& report, Format format) {
  switch (format) {
    case Format::html: return render_html(report);
    case Format::markdown: return render_markdown(report);
    case Format::csv: return render_csv(report);
    case Format::json: return render_json(report);
  }
  return {};
}

}  // namespace palabre::report
