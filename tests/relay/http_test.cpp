// HTTP: the app's static files with their types, no way out of the web root, /healthz, /metrics.
#include "relay_harness.hpp"

#include "relay/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace palabre::relay::testing {
namespace {

class Http : public ::testing::Test {
 protected:
  Http() {
    web = dir.path() / "web";
    std::filesystem::create_directories(web / "assets");
    for (const char* name : {"index.html", "palabre.js", "palabre.wasm", "assets/font.ttf", "config.json",
                             "assets/logo.png", "assets/icon.svg", "style.css"})
      std::ofstream(web / name) << "content of " << name;
    std::ofstream(dir.path() / "secret.txt") << "outside the web root";
    Config config = RelayFixture::quiet_config();
    config.web_dir = web;
    relay = std::make_unique<RelayFixture>(dir.path() / "data", config);
  }
  TempDir dir;
  std::filesystem::path web;
  std::unique_ptr<RelayFixture> relay;
};

TEST_F(Http, RootServesIndexHtml) {
  // Given a web root, when / is requested, then index.html comes back as HTML
  const auto reply = http_get(relay->port(), "/");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(reply.body, "content of index.html");
}

TEST_F(Http, EachKindOfFileHasItsContentType) {
  // Given the app's files, when each is requested, then each has the type browsers need
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"/palabre.js", "text/javascript; charset=utf-8"}, {"/palabre.wasm", "application/wasm"},
      {"/assets/font.ttf", "font/ttf"},                  {"/config.json", "application/json"},
      {"/assets/logo.png", "image/png"},                 {"/assets/icon.svg", "image/svg+xml"},
      {"/style.css", "text/css; charset=utf-8"},         {"/index.html?v=3", "text/html; charset=utf-8"}};
  for (const auto& [target, type] : expected) {
    const auto reply = http_get(relay->port(), target);
    EXPECT_EQ(reply.status, 200) << target;
    EXPECT_EQ(reply.content_type, type) << target;
  }
  EXPECT_EQ(http_get(relay->port(), "/palabre.wasm").body, "content of palabre.wasm");
}

TEST_F(Http, PathTraversalNeverLeavesTheWebRoot) {
  // Given secret.txt beside the web root, when a request tries every way out, then 404 each time
  for (const char* target : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                             "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/assets/..%5c..%5csecret.txt",
                             "/..\\secret.txt", "/%00index.html", "//etc/passwd", "/assets/%2e%2e/%2e%2e/secret.txt"}) {
    const auto reply = http_get(relay->port(), target);
    EXPECT_EQ(reply.status, 404) << target;
    EXPECT_EQ(reply.body.find("outside"), std::string::npos) << target;
  }
}

TEST_F(Http, SymlinkOutOfTheRootIsNotFollowed) {
  // Given a link inside the web root pointing outside, when requested, then 404
  std::filesystem::create_symlink(dir.path() / "secret.txt", web / "link.txt");
  EXPECT_EQ(http_get(relay->port(), "/link.txt").status, 404);
}

// Compressed copies as the build makes them (src/app/tools/precompress.cjs), written after the file.
void write_copies(const std::filesystem::path& web, const std::string& name) {
  std::ofstream(web / (name + ".gz"), std::ios::binary) << "gzip bytes of " << name;
  std::ofstream(web / (name + ".br"), std::ios::binary) << "brotli bytes of " << name;
}

TEST_F(Http, GivenCompressedCopies_WhenABrowserTakesThem_ThenTheSmallestItTakesIsSentWithItsCodingAndValidator) {
  write_copies(web, "palabre.wasm");
  write_copies(web, "index.html");
  const auto get = [&](const std::string& target, const std::string& accept) {
    return http_request(relay->port(), "GET", target, accept.empty() ? std::vector<std::pair<std::string, std::string>>{}
                                                                     : std::vector<std::pair<std::string, std::string>>{{"Accept-Encoding", accept}});
  };
  // a browser (Chromium sends "gzip, deflate, br, zstd") gets brotli, with the file's own type
  auto reply = get("/palabre.wasm", "gzip, deflate, br, zstd");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-encoding"), "br");
  EXPECT_EQ(reply.body, "brotli bytes of palabre.wasm");
  EXPECT_EQ(reply.content_type, "application/wasm");
  EXPECT_EQ(reply.header("vary"), "Accept-Encoding");
  EXPECT_EQ(reply.header("cache-control"), "no-cache");
  const std::string br_tag = reply.header("etag");
  EXPECT_FALSE(br_tag.empty());
  // one that takes gzip only, or refuses brotli with q=0, gets gzip; "/" is index.html's
  reply = get("/", "gzip");
  EXPECT_EQ(reply.header("content-encoding"), "gzip");
  EXPECT_EQ(reply.body, "gzip bytes of index.html");
  EXPECT_EQ(get("/palabre.wasm", "br;q=0, gzip;q=0.5").header("content-encoding"), "gzip");
  EXPECT_EQ(get("/palabre.wasm", "*").header("content-encoding"), "br");
  // one that says nothing, or refuses both, gets the file as it is
  reply = get("/palabre.wasm", "");
  EXPECT_EQ(reply.header("content-encoding"), "");
  EXPECT_EQ(reply.body, "content of palabre.wasm");
  EXPECT_EQ(get("/palabre.wasm", "identity, br;q=0.0, gzip;q=0").header("content-encoding"), "");
  EXPECT_NE(reply.header("etag"), br_tag) << "each coding is its own representation";
  // and a second visit that brings the validator gets 304 and no body
  const auto again = http_request(relay->port(), "GET", "/palabre.wasm", {{"Accept-Encoding", "br"}, {"If-None-Match", br_tag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), br_tag);
  EXPECT_EQ(http_request(relay->port(), "GET", "/palabre.wasm", {{"Accept-Encoding", "br"}, {"If-None-Match", "\"other\""}}).status, 200);
}

TEST_F(Http, GivenACompressedCopyOlderThanItsFileOrOutsideTheRoot_WhenAsked_ThenTheFileItselfIsSent) {
  write_copies(web, "palabre.js");
  // a copy left by an older build
  const auto now = std::filesystem::last_write_time(web / "palabre.js");
  std::filesystem::last_write_time(web / "palabre.js.br", now - std::chrono::hours(1));
  std::filesystem::last_write_time(web / "palabre.js.gz", now - std::chrono::hours(1));
  auto reply = http_request(relay->port(), "GET", "/palabre.js", {{"Accept-Encoding", "gzip, br"}});
  EXPECT_EQ(reply.header("content-encoding"), "");
  EXPECT_EQ(reply.body, "content of palabre.js");
  // a "copy" that is a link out of the web root
  std::filesystem::create_symlink(dir.path() / "secret.txt", web / "config.json.br");
  reply = http_request(relay->port(), "GET", "/config.json", {{"Accept-Encoding", "br"}});
  EXPECT_EQ(reply.header("content-encoding"), "");
  EXPECT_EQ(reply.body, "content of config.json");
}

TEST(StaticFiles, AcceptEncodingIsReadWithItsQualities) {
  EXPECT_TRUE(accepts_encoding("gzip, deflate, br", "br"));
  EXPECT_TRUE(accepts_encoding("GZIP", "gzip"));
  EXPECT_TRUE(accepts_encoding(" br ; q=0.8 ,gzip", "br"));
  EXPECT_FALSE(accepts_encoding("br;q=0", "br"));
  EXPECT_FALSE(accepts_encoding("br;q=0.000", "br"));
  EXPECT_TRUE(accepts_encoding("br;q=0.001", "br"));
  EXPECT_FALSE(accepts_encoding("", "br"));
  EXPECT_FALSE(accepts_encoding("gzip", "br"));
  EXPECT_FALSE(accepts_encoding("brotli", "br"));
  EXPECT_TRUE(accepts_encoding("*", "gzip"));
  EXPECT_FALSE(accepts_encoding("*, gzip;q=0", "gzip"));
}

TEST_F(Http, MissingFileIs404) { EXPECT_EQ(http_get(relay->port(), "/nope.js").status, 404); }

TEST_F(Http, HealthzAnswersOk) {
  const auto reply = http_get(relay->port(), "/healthz");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "ok\n");
}

TEST_F(Http, MetricsCountConnectionsEventsAndRejectsInPrometheusText) {
  // Given a host that sent one event and one bad message
  Client host(relay->port());
  host.create();
  host.event("public", {{"n", 1}});
  host.next_of("ack");
  host.send("not json");
  host.next_of("error");
  // when /metrics is read, then it reports them in Prometheus text format
  const auto reply = http_get(relay->port(), "/metrics");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.content_type, "text/plain; version=0.0.4");
  EXPECT_NE(reply.body.find("palabre_connections 1\n"), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find("palabre_rooms 1\n"), std::string::npos);
  EXPECT_NE(reply.body.find("palabre_events_in_total 2\n"), std::string::npos);  // presence + event
  EXPECT_NE(reply.body.find("palabre_rejects_total{code=\"bad_json\"} 1\n"), std::string::npos);
  EXPECT_NE(reply.body.find("palabre_fanout_seconds_count 2\n"), std::string::npos);
  EXPECT_NE(reply.body.find("# TYPE palabre_fanout_seconds histogram"), std::string::npos);
}

TEST_F(Http, OtherMethodsAreRefused) { EXPECT_EQ(http_get(relay->port(), "/", "POST").status, 405); }

TEST(StaticFiles, UnknownExtensionIsOctetStream) {
  EXPECT_EQ(content_type("file.xyz"), "application/octet-stream");
  EXPECT_EQ(content_type("APP.WASM"), "application/wasm");
}

}  // namespace
}  // namespace palabre::relay::testing
