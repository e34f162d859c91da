#pragma once
// The app's static files: safe mapping from a request target to a file under the web root, and
// the Content-Type of each kind of file the app ships.
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace palabre::relay {

// The file a request target names under `root`, or nullopt if there is none or the target tries to
// leave the root (`..`, encoded or not; backslashes; NUL; symlinks out of the root). `/` and any
// path ending in `/` mean that directory's index.html. Query strings are ignored.
std::optional<std::filesystem::path> resolve_static(const std::filesystem::path& root, std::string_view target);

// The Content-Type for a file name (by extension); application/octet-stream if unknown.
std::string_view content_type(const std::filesystem::path& file);

// Headers every HTTP response of the relay carries (docs/security.md "HTTP hardening"): a
// Content-Security-Policy the WebAssembly app runs under ('wasm-unsafe-eval', no plugins, no
// framing, no foreign scripts), nosniff, no referrer (room links carry codes), no cross-origin
// opener. Name/value pairs, in a fixed order.
std::span<const std::pair<std::string_view, std::string_view>> security_headers();

}  // namespace palabre::relay
