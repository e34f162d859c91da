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

namespace {
std::uint32_t be16(std::string_view b, std::size_t at) { return std::uint32_t(std::uint8_t(b[at])) << 8 | std::uint8_t(b[at + 1]); }
std::uint32_t le16(std::string_view b, std::size_t at) { return std::uint8_t(b[at]) | std::uint32_t(std::uint8_t(b[at + 1])) << 8; }
std::uint32_t le24(std::string_view b, std::size_t at) { return le16(b, at) | std::uint32_t(std::uint8_t(b[at + 2])) << 16; }
std::uint32_t be32(std::string_view b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }

std::optional<ImageSize> jpeg_size(std::string_view b) {
  std::size_t at = 2;  // after SOI
  while (at + 4 <= b.size()) {
    if (std::uint8_t(b[at]) != 0xFF) return std::nullopt;
    const std::uint8_t marker = std::uint8_t(b[at + 1]);
    if (marker == 0xFF) { ++at; continue; }  // fill byte
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) { at += 2; continue; }  // no length
    const std::size_t length = be16(b, at + 2);
    const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      if (at + 9 > b.size()) return std::nullopt;
      return ImageSize{be16(b, at + 7), be16(b, at + 5)};
    }
    if (length < 2) return std::nullopt;
    at += 2 + length;
  }
  return std::nullopt;
}
}  // namespace

std::optional<ImageSize> image_size(std::string_view b) {
  const auto type = sniff_blob_type(b);
  if (!type) return std::nullopt;
  if (*type == "image/png") {
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
    return ImageSize{be32(b, 16), be32(b, 20)};
  }
  if (*type == "image/gif") {
    if (b.size() < 10) return std::nullopt;
    return ImageSize{le16(b, 6), le16(b, 8)};
  }
  if (*type == "image/jpeg") return jpeg_size(b);
  if (*type == "image/webp" && b.size() >= 25) {
    const std::string_view chunk = b.substr(12, 4);
    if (chunk == "VP8X" && b.size() >= 30) return ImageSize{le24(b, 24) + 1, le24(b, 27) + 1};
    if (chunk == "VP8 " && b.size() >= 30) return ImageSize{le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF};
    if (chunk == "VP8L" && std::uint8_t(b[20]) == 0x2F) {
      const std::uint32_t bits = std::uint8_t(b[21]) | std::uint32_t(std::uint8_t(b[22])) << 8 |
                                 std::uint32_t(std::uint8_t(b[23])) << 16 | std::uint32_t(std::uint8_t(b[24])) << 24;
      return ImageSize{(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
    }
  }
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
