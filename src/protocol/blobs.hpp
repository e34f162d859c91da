#pragma once
// What a blob is (docs/protocol.md "Blobs"): an image a host attaches to an activity, stored once
// per room under the SHA-256 of its bytes, which events carry instead of the bytes. Its type is
// told by its content, never by a name or a Content-Type. Pure, so that the browser can check a
// file the same way before uploading it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace palabre::protocol {

// An end-to-end-encrypted blob: this magic, a 12-byte AES-GCM IV, then ciphertext and its 16-byte
// tag (at least the tag). The relay cannot read it: it checks the magic and the length only.
inline constexpr std::string_view kE2eBlobMagic = "PLBRE2E1";
inline constexpr std::size_t kE2eBlobIvBytes = 12;
inline constexpr std::size_t kE2eBlobMinCiphertextBytes = 16;
inline constexpr std::string_view kE2eBlobType = "application/x-palabre-e2e";

// True for a blob's name: 64 lower-case hex characters (a SHA-256).
bool is_blob_hash(std::string_view text);

// The blob's type by its first bytes: image/png, image/jpeg, image/gif, image/webp, or
// kE2eBlobType; nullopt for anything else.
std::optional<std::string_view> sniff_blob_type(std::string_view bytes);

// An image's size in pixels, read from its header (PNG IHDR, GIF screen, JPEG SOFn, WebP VP8, VP8L
// or VP8X); nullopt when the header does not say it. A small file can claim a huge picture (a
// decompression bomb): what a phone would have to decode is checked before anyone decodes it.
struct ImageSize {
  std::uint32_t width = 0, height = 0;
  std::uint64_t pixels() const { return std::uint64_t(width) * height; }
};
std::optional<ImageSize> image_size(std::string_view bytes);
// The most pixels an image may have: 4096 × 4096 (64 MiB once decoded; the app sends at most
// 1920 px on the longer side).
inline constexpr std::uint64_t kMaxImagePixels = 4096ull * 4096ull;

// The Content-Type a blob of `type` is served with: an encrypted blob is opaque bytes.
std::string_view served_blob_type(std::string_view type);

// A size for people: "5.2 MB", "4 MB", "300 KB", "12 bytes" (1 MB = 1,048,576 bytes).
std::string human_size(std::size_t bytes);

}  // namespace palabre::protocol
