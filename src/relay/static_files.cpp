#include "static_files.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <utility>

namespace palabre::relay {
namespace fs = std::filesystem;

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return std::nullopt;
    const int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(char(hi * 16 + lo));
    i += 2;
  }
  return out;
}

bool inside(const fs::path& root, const fs::path& file) {
  auto r = root.begin();
  auto f = file.begin();
  for (; r != root.end(); ++r, ++f) {
    if (r->empty()) continue;  // trailing separator of the root
    if (f == file.end() || *r != *f) return false;
  }
  return true;
}

}  // namespace

std::optional<fs::path> resolve_static(const fs::path& root, std::string_view target) {
  if (root.empty()) return std::nullopt;
  target = target.substr(0, target.find_first_of("?#"));
  const auto decoded = percent_decode(target);
  if (!decoded || decoded->empty() || decoded->front() != '/') return std::nullopt;
  if (decoded->find('\0') != std::string::npos || decoded->find('\\') != std::string::npos) return std::nullopt;

  fs::path relative;
  std::size_t start = 1;
  while (start <= decoded->size()) {
    const std::size_t end = std::min(decoded->find('/', start), decoded->size());
    const std::string_view segment = std::string_view(*decoded).substr(start, end - start);
    if (segment == "..") return std::nullopt;
    if (!segment.empty() && segment != ".") relative /= std::string(segment);
    start = end + 1;
  }
  if (decoded->back() == '/') relative /= "index.html";

  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;
  const fs::path file = fs::canonical(canonical_root / relative, ec);
  if (ec || !inside(canonical_root, file) || !fs::is_regular_file(file, ec)) return std::nullopt;
  return file;
}

bool accepts_encoding(std::string_view header, std::string_view coding) {
  bool any = false, named = false, refused = false;
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const auto semicolon = item.find(';');
    std::string_view name = item.substr(0, semicolon);
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    bool zero = false;  // "q=0", "q=0.0", "q=0.000"
    if (semicolon != std::string_view::npos) {
      std::string_view params = item.substr(semicolon + 1);
      const auto q = params.find("q=");
      if (q != std::string_view::npos) {
        std::string_view value = params.substr(q + 2);
        value = value.substr(0, value.find_first_of(" ;\t"));
        zero = !value.empty() && value.find_first_not_of("0.") == std::string_view::npos;
      }
    }
    const bool same = name.size() == coding.size() &&
                      std::equal(name.begin(), name.end(), coding.begin(),
                                 [](char a, char b) { return std::tolower((unsigned char)a) == std::tolower((unsigned char)b); });
    if (same) (zero ? refused : named) = true;
    if (name == "*" && !zero) any = true;
  }
  return named || (any && !refused);
}

StaticVariant static_variant(const fs::path& root, const fs::path& file, std::string_view accept_encoding) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> codings = {{{"br", ".br"}, {"gzip", ".gz"}}};
  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return {file, ""};
  const auto original_time = fs::last_write_time(file, ec);
  if (ec) return {file, ""};
  for (const auto& [coding, suffix] : codings) {
    if (!accepts_encoding(accept_encoding, coding)) continue;
    fs::path copy = file;
    copy += std::string(suffix);
    const fs::path real = fs::canonical(copy, ec);
    if (ec || !inside(canonical_root, real) || !fs::is_regular_file(real, ec)) continue;
    const auto time = fs::last_write_time(real, ec);
    if (ec || time < original_time) continue;  // a stale copy of an older build
    return {real, coding};
  }
  return {file, ""};
}

std::string static_etag(const StaticVariant& variant) {
  std::error_code ec;
  const auto size = fs::file_size(variant.file, ec);
  const auto time = fs::last_write_time(variant.file, ec).time_since_epoch().count();
  char text[80];
  std::snprintf(text, sizeof text, "\"%llx-%llx%s%s\"", static_cast<unsigned long long>(size), static_cast<unsigned long long>(time),
                variant.encoding.empty() ? "" : "-", std::string(variant.encoding).c_str());
  return text;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.find('*') != std::string_view::npos) return true;
  // A list of quoted tags, perhaps weak (W/"…"): weak comparison, as RFC 9110 has for If-None-Match.
  return !etag.empty() && if_none_match.find(etag) != std::string_view::npos;
}

std::string_view content_type(const fs::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> types = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".css", "text/css; charset=utf-8"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".woff2", "font/woff2"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".data", "application/octet-stream"},
  }};
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (const auto& [suffix, type] : types)
    if (ext == suffix) return type;
  return "application/octet-stream";
}

std::span<const std::pair<std::string_view, std::string_view>> security_headers() {
  // script-src keeps 'unsafe-inline' for web/shell.html's loader script and its one inline handler
  // (hashes would break with every edit of the shell); there is no HTML injection point to use it
  // (ImGui draws to a canvas; the DOM mirror sets text, never markup). connect-src allows ws:/wss:
  // because the app may talk to a relay on another host (?relay=, config.json); data: for images
  // inline in old logs (images.cpp reads them with fetch). worker-src 'self': pdf.js's worker, which
  // only the host loads, for a PDF import (uploads.cpp).
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> headers = {{
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; "
       "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
       "connect-src 'self' ws: wss: data:; worker-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  }};
  return headers;
}

}  // namespace palabre::relay
