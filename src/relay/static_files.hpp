#pragma once
// The app's static files: safe mapping from a request target to a file under the web root, and
// the Content-Type of each kind of file the app ships.
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace palabre::relay {

// The file a request target names under `root`, or nullopt if there is none or the target tries to
// leave the root (`..`, encoded or not; backslashes; NUL; symlinks out of the root). `/` and any
// path ending in `/` mean that directory's index.html. Query strings are ignored.
std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root, std::string_view target);

// What to send for `file` (from resolve_static) to a browser whose request says `accept_encoding`:
// FILE.br or FILE.gz when it takes that coding and the compressed copy the build made beside the
// file (src/app/tools/precompress.cjs) is there, inside the root and not older; else the file
// itself. Brotli first: smaller by a sixth on the app's files.
struct StaticVariant {
  std::filesystem::path file;
  std::string_view encoding;  // "br", "gzip", or "" (the file as it is)
};
StaticVariant static_variant(const std::filesystem::path& root, const std::filesystem::path& file,
                             std::string_view accept_encoding);
// Whether an Accept-Encoding header takes `coding` (a q-value of 0 refuses it; `*` takes any).
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);
// A strong validator of what is sent: the variant's size and modification time, and its coding.
std::string static_etag(const StaticVariant& variant);
// Whether an If-None-Match header names `etag` (or is `*`): the browser's copy is still good.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

// The Content-Type for a file name (by extension); application/octet-stream if unknown.
std::string_view content_type(const std::filesystem::path& file);

// Headers every HTTP response of the relay carries (docs/security.md "HTTP hardening"): a
// Content-Security-Policy the WebAssembly app runs under ('wasm-unsafe-eval', no plugins, no
// framing, no foreign scripts), nosniff, no referrer (room links carry codes), no cross-origin
// opener. Name/value pairs, in a fixed order.
std::span<const std::pair<std::string_view, std::string_view>> security_headers();

}  // namespace palabre::relay
