#include "protocol/blobs.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace palabre::protocol {

namespace {
// (string_view::starts_with, spelled out for every toolchain that builds this, emscripten's too)
bool begins_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
}  // namespace

bool is_blob_hash(std::string_view text) {
  if (text.size() != 64) return false;
  for (const char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::optional<std::string_view> sniff_blob_type(std::string_view bytes) {
  using namespace std::string_view_literals;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kPrefixes = {{
      {"\x89PNG\r\n\x1a\n"sv, "image/png"sv},
      {"\xff\xd8\xff"sv, "image/jpeg"sv},
      {"GIF87a"sv, "image/gif"sv},
      {"GIF89a"sv, "image/gif"sv},
  }};
  for (const auto& [prefix, type] : kPrefixes)
    if (begins_with(bytes, prefix)) return type;
  // RIFF, four bytes of size, WEBP.
  if (bytes.size() >= 12 && begins_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") return "image/webp";
  if (begins_with(bytes, kE2eBlobMagic) &&
      bytes.size() >= kE2eBlobMagic.size() + kE2eBlobIvBytes + kE2eBlobMinCiphertextBytes)
    return kE2eBlobType;
  return std::nullopt;
}

std::string_view served_blob_type(std::string_view type) {
  return type == kE2eBlobType ? "application/octet-stream" : type;
}

std::string human_size(std::size_t bytes) {
  constexpr double kKiB = 1024.0, kMiB = 1024.0 * 1024.0;
  const auto one_decimal = [](double value, const char* unit) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    std::string out = text;
    if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);  // "4 MB", not "4.0 MB"
    return out + " " + unit;
  };
  if (bytes >= kMiB) return one_decimal(double(bytes) / kMiB, "MB");
  if (bytes >= kKiB) return one_decimal(double(bytes) / kKiB, "KB");
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

}  // namespace palabre::protocol
