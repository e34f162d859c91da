// Blobs (docs/protocol.md "Blobs"): images a host uploads to its room over HTTP, checked by
// content, bounded per blob and per room, served to anyone who knows their hash with headers that
// keep them from ever running as a page, deleted with the room.
#include "blob_client.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <thread>

namespace palabre::relay::testing {
namespace {

using protocol::sha256_hex;

std::string jpeg() { return image(std::string("\xff\xd8\xff\xc0\x00\x11\x08\x00\x30\x00\x40", 11)); }
std::string gif() { return image(std::string("GIF89a\x40\x00\x30\x00", 10)); }
std::string webp() { return image(std::string("RIFF\x24\x01\x00\x00WEBPVP8 \x18\x01\x00\x00\x00\x00\x00\x9d\x01\x2a\x40\x00\x30\x00", 30)); }

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 3s) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(10ms);
  }
  return condition();
}

class Blobs : public ::testing::Test {
 protected:
  void start(Config config = RelayFixture::quiet_config()) {
    relay = std::make_unique<RelayFixture>(dir.path(), config);
  }
  unsigned short port() const { return relay->port(); }
  std::filesystem::path blobs_dir(const std::string& room) const { return dir.path() / (room + ".blobs"); }

  // PUT then GET: stored (201, its hash, size and type), served back byte for byte with the
  // sniffed Content-Type and the headers of an immutable, inert download.
  void expect_round_trip(const std::string& bytes, const std::string& type) {
    start();
    const auto room = create_room(port());
    const auto stored = put_blob(port(), room, bytes);
    ASSERT_EQ(stored.status, 201) << stored.body;
    EXPECT_EQ(stored.content_type, "application/json");
    EXPECT_EQ(json::parse(stored.body),
              (json{{"hash", sha256_hex(bytes)}, {"bytes", bytes.size()}, {"type", type}}));
    const auto served = get_blob(port(), room.code, bytes);
    ASSERT_EQ(served.status, 200);
    EXPECT_EQ(served.body, bytes);
    EXPECT_EQ(served.content_type, type);
    EXPECT_EQ(served.header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(served.header("etag"), "\"" + sha256_hex(bytes) + "\"");
    EXPECT_EQ(served.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(served.header("content-security-policy"), "default-src 'none'; sandbox");
    EXPECT_EQ(served.header("access-control-allow-origin"), "*");
    EXPECT_EQ(file_text(blobs_dir(room.code) / sha256_hex(bytes)), bytes);
  }

  TempDir dir;
  std::unique_ptr<RelayFixture> relay;
};

TEST_F(Blobs, GivenAPng_WhenTheHostPutsIt_ThenItIsServedBackByteForByteAsImagePng) {
  expect_round_trip(png(), "image/png");
}

TEST_F(Blobs, GivenAJpeg_WhenTheHostPutsIt_ThenItIsServedBackByteForByteAsImageJpeg) {
  expect_round_trip(jpeg(), "image/jpeg");
}

TEST_F(Blobs, GivenAGif_WhenTheHostPutsIt_ThenItIsServedBackByteForByteAsImageGif) {
  expect_round_trip(gif(), "image/gif");
}

TEST_F(Blobs, GivenAWebp_WhenTheHostPutsIt_ThenItIsServedBackByteForByteAsImageWebp) {
  expect_round_trip(webp(), "image/webp");
}

TEST_F(Blobs, GivenAnImageOfExactlyTheLimit_WhenPut_ThenStoredAndServedBackWhole) {
  start();
  const auto room = create_room(port());
  std::string bytes = png(4 * 1024 * 1024);
  for (std::size_t i = kPngHeader.size(); i < bytes.size(); i += 4093) bytes[i] = char(i);
  const auto stored = put_blob(port(), room, bytes);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(json::parse(stored.body)["bytes"], 4 * 1024 * 1024);
  EXPECT_EQ(get_blob(port(), room.code, bytes).body, bytes);
  EXPECT_EQ(put_blob(port(), room, bytes + "x").status, 413);
}

TEST_F(Blobs, GivenARoomOpeningTheSameSlideAtOnce_WhenManyReadersGetIt_ThenEachGetsItWhole) {
  start();
  const auto room = create_room(port());
  std::string bytes = png(2 * 1024 * 1024);
  for (std::size_t i = kPngHeader.size(); i < bytes.size(); i += 997) bytes[i] = char(i);
  ASSERT_EQ(put_blob(port(), room, bytes).status, 201);
  // (the relay sends them all from one copy: blobs_being_sent)
  std::vector<std::string> received(24);
  std::vector<std::thread> readers;
  for (auto& body : received) readers.emplace_back([&] { body = get_blob(port(), room.code, bytes).body; });
  for (auto& reader : readers) reader.join();
  for (const auto& body : received) EXPECT_TRUE(body == bytes);
  EXPECT_EQ(http_request(port(), "HEAD", "/blob/" + room.code + "/" + sha256_hex(bytes)).header("content-length"),
            std::to_string(bytes.size()));
}

TEST_F(Blobs, GivenAStoredBlob_WhenAskedWithItsETag_ThenNotModifiedWithoutTheBytes) {
  start();
  const auto room = create_room(port());
  ASSERT_EQ(put_blob(port(), room, png()).status, 201);
  const auto again = get_blob(port(), room.code, png(), {{"If-None-Match", "\"" + sha256_hex(png()) + "\""}});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(again.header("etag"), "\"" + sha256_hex(png()) + "\"");
}

TEST_F(Blobs, GivenAStoredBlob_WhenAskedWithHead_ThenItsTypeAndLengthWithoutTheBytes) {
  start();
  const auto room = create_room(port());
  ASSERT_EQ(put_blob(port(), room, gif()).status, 201);
  const auto head = http_request(port(), "HEAD", "/blob/" + room.code + "/" + sha256_hex(gif()));
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.content_type, "image/gif");
  EXPECT_EQ(head.header("content-length"), std::to_string(gif().size()));
  EXPECT_EQ(head.body, "");
}

TEST_F(Blobs, GivenALowerCaseRoomCode_WhenPutAndGot_ThenItIsTheSameRoom) {
  start();
  const auto room = create_room(port());
  std::string lower = room.code;
  for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_EQ(put_blob(port(), lower, room.host_token, png(), sha256_hex(png())).status, 201);
  EXPECT_EQ(get_blob(port(), room.code, png()).body, png());
  EXPECT_EQ(get_blob(port(), lower, png()).body, png());
}

TEST_F(Blobs, GivenAPngWhoseHeaderClaimsThirtyThousandPixelsSquare_WhenPut_ThenRefused413BeforeAnyoneDecodesIt) {
  start();
  const auto room = create_room(port());
  const std::string bomb = image(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x75\x30\0\0\x75\x30", 24), 2000);
  const auto reply = put_blob(port(), room, bomb);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(error_of(reply), "too_big");
  EXPECT_EQ(json::parse(reply.body)["message"], "the image is 30000 × 30000 pixels; the limit is 4096 × 4096 (16.7 million pixels)");
  EXPECT_EQ(get_blob(port(), room.code, bomb).status, 404);
}

TEST_F(Blobs, GivenATextFileNamedPng_WhenPut_ThenRefused415BadType) {
  start();
  const auto room = create_room(port());
  const std::string text = "<html><script>alert(document.cookie)</script></html>";
  const auto reply = put_blob(port(), room.code, room.host_token, text, sha256_hex(text),
                         {{"Content-Type", "image/png"}, {"Content-Disposition", "attachment; filename=\"slide.png\""}});
  EXPECT_EQ(reply.status, 415);
  EXPECT_EQ(error_of(reply), "bad_type");
  EXPECT_EQ(json::parse(reply.body)["message"], "not a PNG, JPEG, GIF or WebP image");
  EXPECT_FALSE(std::filesystem::exists(blobs_dir(room.code) / sha256_hex(text)));
  EXPECT_EQ(get_blob(port(), room.code, text).status, 404);
}

TEST_F(Blobs, GivenABodyWhoseHashDiffersFromThePath_WhenPut_ThenRefused400BadHash) {
  start();
  const auto room = create_room(port());
  const auto reply = put_blob(port(), room.code, room.host_token, png(300, 'a'), sha256_hex(png(300, 'b')));
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(error_of(reply), "bad_hash");
  EXPECT_EQ(get_blob(port(), room.code, png(300, 'b')).status, 404);
  EXPECT_EQ(get_blob(port(), room.code, png(300, 'a')).status, 404);
}

TEST_F(Blobs, GivenNoTokenOrAnyTokenButTheHosts_WhenPut_ThenRefused401BadToken) {
  start();
  const auto room = create_room(port());
  Client participant(port());
  const std::string participant_token = participant.join(room.code)["token"];
  for (const std::string& token : {std::string(), std::string("0123456789abcdef0123456789abcdef"), room.kiosk_token,
                                   participant_token}) {
    const auto reply = put_blob(port(), room.code, token, png(), sha256_hex(png()));
    EXPECT_EQ(reply.status, 401) << token;
    EXPECT_EQ(error_of(reply), "bad_token") << token;
    EXPECT_EQ(reply.header("access-control-allow-origin"), "*");
  }
  const auto basic = put_blob(port(), room.code, "", png(), sha256_hex(png()), {{"Authorization", "Basic " + room.host_token}});
  EXPECT_EQ(basic.status, 401);
  EXPECT_FALSE(std::filesystem::exists(blobs_dir(room.code)));
}

TEST_F(Blobs, GivenAnUnknownRoom_WhenPut_ThenRefused404NoRoom) {
  start();
  const auto room = create_room(port());
  const auto reply = put_blob(port(), "ZZZZZZ", room.host_token, png(), sha256_hex(png()));
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(error_of(reply), "no_room");
}

TEST_F(Blobs, GivenAContentLengthOverTheLimit_WhenPut_ThenRefused413AtOnceWithoutReadingTheBody) {
  start();
  const auto room = create_room(port());
  // 5.2 MB announced and none of it sent: an answer that waited for the body would never come.
  const std::size_t announced = std::size_t(5.2 * 1024 * 1024);
  const auto reply = http_raw(port(), "PUT /blob/" + room.code + "/" + sha256_hex("x") +
                                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + room.host_token +
                                          "\r\nContent-Type: image/png\r\nContent-Length: " +
                                          std::to_string(announced) + "\r\n\r\n",
                              2s);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(error_of(reply), "too_big");
  EXPECT_EQ(json::parse(reply.body)["message"], "the image is 5.2 MB; the limit is 4 MB");
  EXPECT_EQ(reply.header("connection"), "close");
}

TEST_F(Blobs, GivenAClientThatWaitsForContinue_WhenItsHeaderPasses_ThenTheRelayAsksForTheBody) {
  start();
  const auto room = create_room(port());
  // curl sends large bodies only after "100 Continue" (or a second's wait)
  const auto reply = http_raw(port(), "PUT /blob/" + room.code + "/" + sha256_hex(png()) +
                                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + room.host_token +
                                          "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(png().size()) +
                                          "\r\n\r\n",
                              2s);
  EXPECT_EQ(reply.status, 100);
}

TEST_F(Blobs, GivenABodyOverTheLimitWithoutContentLength_WhenPut_ThenRefused413) {
  Config config = RelayFixture::quiet_config();
  config.max_blob_bytes = 1000;
  start(config);
  const auto room = create_room(port());
  const std::string bytes = png(5000);
  std::ostringstream chunk;
  chunk << std::hex << bytes.size() << "\r\n" << bytes << "\r\n0\r\n\r\n";
  const auto reply = http_raw(port(), "PUT /blob/" + room.code + "/" + sha256_hex(bytes) +
                                          " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + room.host_token +
                                          "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk.str());
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(error_of(reply), "too_big");
  EXPECT_FALSE(std::filesystem::exists(blobs_dir(room.code) / sha256_hex(bytes)));
}

TEST_F(Blobs, GivenARoomWithItsMaximumOfBlobs_WhenOneMoreIsPut_ThenRefused409AndNotStored) {
  Config config = RelayFixture::quiet_config();
  config.max_room_blobs = 3;
  start(config);
  const auto room = create_room(port());
  for (char fill : {'a', 'b', 'c'}) ASSERT_EQ(put_blob(port(), room, png(300, fill)).status, 201);
  const auto reply = put_blob(port(), room, png(300, 'd'));
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(error_of(reply), "too_many_blobs");
  EXPECT_EQ(get_blob(port(), room.code, png(300, 'd')).status, 404);
  // and another room has its own count
  const auto other = create_room(port());
  EXPECT_EQ(put_blob(port(), other, png(300, 'd')).status, 201);
}

TEST_F(Blobs, GivenARoomNearItsTotalBytes_WhenABlobWouldPassIt_ThenRefused409AndASmallerOneStillFits) {
  Config config = RelayFixture::quiet_config();
  config.max_room_blob_bytes = 1000;
  start(config);
  const auto room = create_room(port());
  ASSERT_EQ(put_blob(port(), room, png(600, 'a')).status, 201);
  const auto reply = put_blob(port(), room, png(500, 'b'));
  EXPECT_EQ(reply.status, 409);
  EXPECT_EQ(error_of(reply), "too_many_blobs");
  EXPECT_EQ(put_blob(port(), room, png(400, 'c')).status, 201);
}

TEST_F(Blobs, GivenTheSameBlobTwice_WhenPut_ThenStoredAndCountedOnce) {
  Config config = RelayFixture::quiet_config();
  config.max_room_blobs = 2;
  start(config);
  const auto room = create_room(port());
  EXPECT_EQ(put_blob(port(), room, png(300, 'a')).status, 201);
  const auto again = put_blob(port(), room, png(300, 'a'));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(json::parse(again.body)["hash"], sha256_hex(png(300, 'a')));
  EXPECT_EQ(put_blob(port(), room, png(300, 'b')).status, 201);  // the second of two: the first counted once
  EXPECT_EQ(put_blob(port(), room, png(300, 'c')).status, 409);
}

TEST_F(Blobs, GivenARoomWithBlobs_WhenTheHostClosesIt_ThenTheBlobsAreDeleted) {
  start();
  Client host(port());
  const json created = host.create();
  const CreatedRoom room{created["room"], created["host_token"], created["kiosk_token"]};
  ASSERT_EQ(put_blob(port(), room, png()).status, 201);
  ASSERT_TRUE(std::filesystem::exists(blobs_dir(room.code)));
  host.send(R"({"t":"close"})");
  ASSERT_TRUE(host.next_of("closed").has_value());
  EXPECT_FALSE(std::filesystem::exists(blobs_dir(room.code)));
  const auto after = get_blob(port(), room.code, png());
  EXPECT_EQ(after.status, 404);
  EXPECT_EQ(error_of(after), "no_blob");
}

TEST_F(Blobs, GivenARoomWithBlobs_WhenItExpires_ThenTheBlobsAreDeleted) {
  Config config = RelayFixture::quiet_config();
  config.room_expiry = std::chrono::seconds(1);
  config.expiry_check_every = 50ms;
  start(config);
  const auto room = create_room(port());
  ASSERT_EQ(put_blob(port(), room, png()).status, 201);
  EXPECT_TRUE(eventually([&] { return !std::filesystem::exists(blobs_dir(room.code)); }, 5s));
  EXPECT_EQ(get_blob(port(), room.code, png()).status, 404);
}

TEST_F(Blobs, GivenARoomWithBlobs_WhenTheRelayRestarts_ThenTheyAreServedAndStillCounted) {
  Config config = RelayFixture::quiet_config();
  config.max_room_blobs = 2;
  start(config);
  const auto room = create_room(port());
  ASSERT_EQ(put_blob(port(), room, png(300, 'a')).status, 201);
  ASSERT_EQ(put_blob(port(), room, jpeg()).status, 201);
  relay.reset();
  // A write a crash cut short leaves a temporary file: never counted, cleaned at start.
  std::ofstream(blobs_dir(room.code) / (sha256_hex("torn") + ".tmp")) << "torn";
  start(config);
  EXPECT_EQ(get_blob(port(), room.code, png(300, 'a')).body, png(300, 'a'));
  EXPECT_EQ(get_blob(port(), room.code, jpeg()).content_type, "image/jpeg");
  EXPECT_EQ(put_blob(port(), room, png(300, 'a')).status, 200);
  EXPECT_EQ(put_blob(port(), room, png(300, 'b')).status, 409);
  EXPECT_FALSE(std::filesystem::exists(blobs_dir(room.code) / (sha256_hex("torn") + ".tmp")));
}

TEST_F(Blobs, GivenAnEncryptedBlob_WhenPut_ThenStoredByteForByteAsCiphertextAndServedAsOpaqueBytes) {
  start();
  const auto room = create_room(port());
  // PLBRE2E1 | iv (12) | ciphertext + tag: what the browser sends; the relay has no key.
  std::string sealed = "PLBRE2E1";
  for (int i = 0; i < 12; ++i) sealed.push_back(char(0xa0 + i));
  const std::string plaintext = png(200, 'p') + "speaker notes: the budget is secret";
  for (std::size_t i = 0; i < plaintext.size() + 16; ++i) sealed.push_back(char((i * 131 + 7) & 0xff));
  const auto stored = put_blob(port(), room, sealed);
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(json::parse(stored.body)["type"], "application/x-palabre-e2e");
  const std::string on_disk = file_text(blobs_dir(room.code) / sha256_hex(sealed));
  EXPECT_EQ(on_disk, sealed);
  EXPECT_EQ(on_disk.find("budget"), std::string::npos);
  EXPECT_EQ(on_disk.find(kPngMagic), std::string::npos);
  const auto served = get_blob(port(), room.code, sealed);
  EXPECT_EQ(served.body, sealed);
  EXPECT_EQ(served.content_type, "application/octet-stream");
}

TEST_F(Blobs, GivenAnEncryptedBlobShorterThanIvAndTag_WhenPut_ThenRefused415) {
  start();
  const auto room = create_room(port());
  const std::string too_short = "PLBRE2E1" + std::string(12 + 15, '\x01');
  const auto reply = put_blob(port(), room, too_short);
  EXPECT_EQ(reply.status, 415);
  EXPECT_EQ(error_of(reply), "bad_type");
}

TEST_F(Blobs, GivenMalformedPaths_WhenPutOrGot_ThenRefused400Or404AndNothingIsWrittenOutsideTheBlobs) {
  start();
  const auto room = create_room(port());
  ASSERT_EQ(put_blob(port(), room, png()).status, 201);
  const auto listing = [&] {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path()))
      names.insert(std::filesystem::relative(entry.path(), dir.path()).string());
    return names;
  };
  const auto before = listing();
  const std::string hash = sha256_hex(png());
  std::string upper = hash;
  for (auto& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
  const std::vector<std::string> targets = {
      "/blob",
      "/blob/",
      "/blob/" + room.code,
      "/blob/" + room.code + "/",
      "/blob/" + room.code + "/../x",
      "/blob/" + room.code + "/../../" + room.code + ".palabre.jsonl",
      "/blob/" + room.code + "/" + upper,
      "/blob/" + room.code + "/" + hash.substr(1),
      "/blob/" + room.code + "/" + hash + "/x",
      "/blob/" + room.code + "/" + hash + ".tmp",
      "/blob/" + room.code + "/%2e%2e%2f" + hash.substr(9),
      "/blob/../" + room.code + "/" + hash,
      "/blob/..%2f..%2fetc/" + hash,
      "/blob/" + room.code + "/" + hash.substr(0, 63) + "%00",
      "/blob//" + hash,
  };
  for (const auto& target : targets) {
    for (const char* method : {"GET", "PUT"}) {
      const auto reply = http_request(port(), method, target, {{"Authorization", "Bearer " + room.host_token}}, png());
      EXPECT_TRUE(reply.status == 400 || reply.status == 404) << method << " " << target << ": " << reply.status;
      EXPECT_NE(reply.body.find("\"error\""), std::string::npos) << method << " " << target;
    }
  }
  EXPECT_EQ(listing(), before);
}

TEST_F(Blobs, GivenABrowserOnAnotherOrigin_WhenItAsksBeforePutting_ThenThePreflightAllowsPutWithAuthorization) {
  start();
  const auto room = create_room(port());
  const auto preflight = http_request(port(), "OPTIONS", "/blob/" + room.code + "/" + sha256_hex(png()),
                                      {{"Origin", "https://slides.example"},
                                       {"Access-Control-Request-Method", "PUT"},
                                       {"Access-Control-Request-Headers", "authorization,content-type"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.header("content-length"), "");  // a 204 has no body, and says none
  EXPECT_EQ(preflight.header("access-control-allow-origin"), "*");
  EXPECT_EQ(preflight.header("access-control-allow-methods"), "PUT, GET, HEAD");
  EXPECT_EQ(preflight.header("access-control-allow-headers"), "Authorization, Content-Type");
  const auto stored = put_blob(port(), room.code, room.host_token, png(), sha256_hex(png()), {{"Origin", "https://slides.example"}});
  EXPECT_EQ(stored.status, 201);
  EXPECT_EQ(stored.header("access-control-allow-origin"), "*");
}

TEST_F(Blobs, GivenAllowedOrigins_WhenAnotherOriginAsksOrPuts_ThenRefused403AndTheAllowedOneIsNamed) {
  Config config = RelayFixture::quiet_config();
  config.allowed_origins = {"https://palabre.example"};
  start(config);
  const auto room = create_room(port());
  const std::string target = "/blob/" + room.code + "/" + sha256_hex(png());
  const auto foreign = http_request(port(), "OPTIONS", target, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.header("access-control-allow-origin"), "");
  EXPECT_EQ(put_blob(port(), room.code, room.host_token, png(), sha256_hex(png()), {{"Origin", "https://evil.example"}}).status,
            403);
  const auto allowed = http_request(port(), "OPTIONS", target, {{"Origin", "https://palabre.example"}});
  EXPECT_EQ(allowed.status, 204);
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://palabre.example");
  const auto stored = put_blob(port(), room.code, room.host_token, png(), sha256_hex(png()), {{"Origin", "https://palabre.example"}});
  EXPECT_EQ(stored.status, 201);
  EXPECT_EQ(stored.header("access-control-allow-origin"), "https://palabre.example");
  // and anyone may still read it: the hash is the capability
  EXPECT_EQ(get_blob(port(), room.code, png(), {{"Origin", "https://elsewhere.example"}}).header("access-control-allow-origin"), "*");
}

TEST_F(Blobs, GivenABlobPath_WhenAskedWithAnotherMethod_ThenRefused405) {
  start();
  const auto room = create_room(port());
  const auto reply = http_request(port(), "DELETE", "/blob/" + room.code + "/" + sha256_hex(png()));
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(error_of(reply), "bad_method");
}

TEST_F(Blobs, GivenAnHttpRequestElsewhere_WhenItsBodyPassesSixteenKiB_ThenTheBlobLimitDoesNotApply) {
  start();
  // Only a PUT to /blob/ gets the blob limit: a large body anywhere else still ends the connection.
  const auto reply = http_raw(port(), "PUT /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 20480\r\n\r\n" +
                                          std::string(20 * 1024, 'x'));
  EXPECT_EQ(reply.status, 0);  // no answer: the connection was closed
}

}  // namespace
}  // namespace palabre::relay::testing
