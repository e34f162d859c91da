// Encrypted blobs (docs/protocol.md "Blobs"): an image of an encrypted session is sealed with the
// room key before it is uploaded. Must hold: only the key and the room open it; any changed byte
// is rejected; the relay stores the ciphertext as sent and none of the image.
#include "blob_client.hpp"
#include "crypto/e2e.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace palabre::crypto {
namespace {

using namespace relay::testing;

const std::string kSlide = png(4000, 's') + "speaker notes: announce the merger on Friday";

TEST(E2eBlob, GivenAnImage_WhenSealedAndOpenedWithTheRoomKey_ThenTheSameBytesComeBack) {
  const RoomKey key = new_room_key();
  const std::string blob = seal_blob(key, "ABC234", kSlide, new_nonce());
  EXPECT_TRUE(blob.starts_with("PLBRE2E1"));
  EXPECT_EQ(blob.size(), 8 + 12 + kSlide.size() + 16);
  EXPECT_EQ(blob.find("merger"), std::string::npos);
  EXPECT_EQ(open_blob(key, "ABC234", blob), kSlide);
}

TEST(E2eBlob, GivenASealedImage_WhenAnyByteChangesOrItIsMovedOrOpenedWithAnotherKey_ThenRejected) {
  const RoomKey key = new_room_key();
  const std::string blob = seal_blob(key, "ABC234", kSlide, new_nonce());
  for (const std::size_t at : {std::size_t(0), std::size_t(9), std::size_t(25), blob.size() - 1}) {
    std::string tampered = blob;
    tampered[at] = char(tampered[at] ^ 1);
    EXPECT_FALSE(open_blob(key, "ABC234", tampered).has_value()) << "byte " << at;
  }
  EXPECT_FALSE(open_blob(key, "XYZ789", blob).has_value());
  EXPECT_FALSE(open_blob(new_room_key(), "ABC234", blob).has_value());
  EXPECT_FALSE(open_blob(key, "ABC234", blob.substr(0, 8 + 12 + 15)).has_value());
}

TEST(E2eBlob, GivenAnImageSealedWithTheRoomKey_WhenPutThroughTheRelay_ThenItStoresTheCiphertextOnlyWhichOpensBack) {
  TempDir dir;
  RelayFixture relay(dir.path(), RelayFixture::quiet_config());
  const auto room = create_room(relay.port());
  const RoomKey key = new_room_key();
  const std::string blob = seal_blob(key, room.code, kSlide, new_nonce());
  const auto stored = put_blob(relay.port(), room, blob);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(json::parse(stored.body)["type"], "application/x-palabre-e2e");
  std::ifstream file(dir.path() / (room.code + ".blobs") / protocol::sha256_hex(blob), std::ios::binary);
  std::stringstream on_disk;
  on_disk << file.rdbuf();
  EXPECT_EQ(on_disk.str(), blob);
  EXPECT_EQ(on_disk.str().find("merger"), std::string::npos);
  EXPECT_EQ(on_disk.str().find(kPngMagic), std::string::npos);
  const auto served = get_blob(relay.port(), room.code, blob);
  EXPECT_EQ(served.content_type, "application/octet-stream");
  EXPECT_EQ(open_blob(key, room.code, served.body), kSlide);
}

}  // namespace
}  // namespace palabre::crypto
