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
