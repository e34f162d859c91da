// What a blob is (src/protocol/blobs.hpp): its name's shape, its type by content, sizes for people.
#include "protocol/blobs.hpp"

#include <gtest/gtest.h>

#include <string>

namespace palabre::protocol {
namespace {

using namespace std::string_literals;

TEST(BlobHash, GivenSixtyFourLowerCaseHexCharacters_ThenItIsABlobHashAndNothingElseIs) {
  const std::string hash(64, 'a');
  EXPECT_TRUE(is_blob_hash(hash));
  EXPECT_TRUE(is_blob_hash("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(is_blob_hash(std::string(64, 'A')));  // upper case: another name for the same file
  EXPECT_FALSE(is_blob_hash(std::string(63, 'a')));
  EXPECT_FALSE(is_blob_hash(std::string(65, 'a')));
  EXPECT_FALSE(is_blob_hash(std::string(62, 'a') + ".."));
  EXPECT_FALSE(is_blob_hash(std::string(63, 'a') + "/"));
  EXPECT_FALSE(is_blob_hash(std::string(63, 'a') + "\0"s));
  EXPECT_FALSE(is_blob_hash(""));
}

TEST(BlobType, GivenEachImageFormatsFirstBytes_WhenSniffed_ThenItsType) {
  EXPECT_EQ(sniff_blob_type("\x89PNG\r\n\x1a\n...."s), "image/png");
  EXPECT_EQ(sniff_blob_type("\xff\xd8\xff\xdb"s), "image/jpeg");
  EXPECT_EQ(sniff_blob_type("GIF87a..."), "image/gif");
  EXPECT_EQ(sniff_blob_type("GIF89a..."), "image/gif");
  EXPECT_EQ(sniff_blob_type("RIFF\x10\0\0\0WEBPVP8L"s), "image/webp");
}

TEST(ImageSize, GivenEachFormatsHeader_WhenRead_ThenItsWidthAndHeight) {
  const auto png = image_size("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x07\x80\0\0\x04\x38...."s);
  ASSERT_TRUE(png);
  EXPECT_EQ(png->width, 1920u);
  EXPECT_EQ(png->height, 1080u);
  const auto gif = image_size("GIF89a\x40\x01\xf0\x00"s);
  ASSERT_TRUE(gif);
  EXPECT_EQ(gif->width, 320u);
  EXPECT_EQ(gif->height, 240u);
  // A JPEG: an APP0 segment, then the frame (SOF2, progressive) with 1080 × 1920.
  const auto jpeg = image_size("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xc2\0\x11\x08\x07\x80\x04\x38\x03"s);
  ASSERT_TRUE(jpeg);
  EXPECT_EQ(jpeg->width, 1080u);
  EXPECT_EQ(jpeg->height, 1920u);
  const auto vp8x = image_size("RIFF\x24\0\0\0WEBPVP8X\x0a\0\0\0\x10\0\0\0\x7f\x07\0\x37\x04\0"s);
  ASSERT_TRUE(vp8x);
  EXPECT_EQ(vp8x->width, 1920u);
  EXPECT_EQ(vp8x->height, 1080u);
  const auto vp8l = image_size("RIFF\x24\0\0\0WEBPVP8L\x0a\0\0\0\x2f\x3f\xc0\x03\x00\0"s);  // 64 × 16
  ASSERT_TRUE(vp8l);
  EXPECT_EQ(vp8l->width, 64u);
  EXPECT_EQ(vp8l->height, 16u);
}

TEST(ImageSize, GivenAHeaderThatSaysNothingOrIsCutShort_WhenRead_ThenNoSize) {
  EXPECT_FALSE(image_size("\x89PNG\r\n\x1a\nxxxxxxxxxxxxxxxxxxxx"s));  // no IHDR first
  EXPECT_FALSE(image_size("\xff\xd8\xff\xe0\0\x10JFIF"s));            // no frame before the end
  EXPECT_FALSE(image_size("GIF89a\x40"s));
  EXPECT_FALSE(image_size("PLBRE2E1"s + std::string(40, 'x')));          // sealed: nobody can tell
  // A decompression bomb's header: 30000 × 30000 says it outright.
  const auto bomb = image_size("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x75\x30\0\0\x75\x30"s);
  ASSERT_TRUE(bomb);
  EXPECT_GT(bomb->pixels(), kMaxImagePixels);
}

TEST(BlobType, GivenAnythingElse_WhenSniffed_ThenNoType) {
  EXPECT_FALSE(sniff_blob_type(""));
  EXPECT_FALSE(sniff_blob_type("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"));
  EXPECT_FALSE(sniff_blob_type("<!DOCTYPE html><html>"));
  EXPECT_FALSE(sniff_blob_type("%PDF-1.7"));
  EXPECT_FALSE(sniff_blob_type("\x89PNG\r\n"s));          // cut short
  EXPECT_FALSE(sniff_blob_type("RIFF\x10\0\0\0WAVEfmt "s));  // a RIFF that is not WebP
  EXPECT_FALSE(sniff_blob_type("RIFF\x10\0\0\0WEB"s));
  EXPECT_FALSE(sniff_blob_type("GIF88a"));
}

TEST(BlobType, GivenTheEncryptedMagic_ThenEncryptedOnlyWithAnIvAndATagAtLeast) {
  const std::string magic = "PLBRE2E1";
  EXPECT_EQ(sniff_blob_type(magic + std::string(12 + 16, '\0')), kE2eBlobType);
  EXPECT_EQ(sniff_blob_type(magic + std::string(12 + 1000, 'c')), kE2eBlobType);
  EXPECT_FALSE(sniff_blob_type(magic + std::string(12 + 15, '\0')));
  EXPECT_FALSE(sniff_blob_type("PLBRE2E2" + std::string(100, '\0')));
  EXPECT_EQ(served_blob_type(kE2eBlobType), "application/octet-stream");
  EXPECT_EQ(served_blob_type("image/png"), "image/png");
}

TEST(HumanSize, GivenSizes_ThenMegabytesWithOneDecimalAtMostAndSmallerUnitsBelow) {
  EXPECT_EQ(human_size(4 * 1024 * 1024), "4 MB");
  EXPECT_EQ(human_size(std::size_t(5.2 * 1024 * 1024)), "5.2 MB");
  EXPECT_EQ(human_size(64 * 1024 * 1024), "64 MB");
  EXPECT_EQ(human_size(300 * 1024), "300 KB");
  EXPECT_EQ(human_size(12), "12 bytes");
  EXPECT_EQ(human_size(1), "1 byte");
}

}  // namespace
}  // namespace palabre::protocol
