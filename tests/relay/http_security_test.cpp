// HTTP hardening of `palabre serve`: every response — app files, errors, health, metrics —
// carries the security headers; the Content-Security-Policy lets the WebAssembly app run
// ('wasm-unsafe-eval') and nothing be framed, plugged in or loaded from elsewhere.
#include "relay_harness.hpp"
#include "relay/static_files.hpp"

#include <gtest/gtest.h>

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <fstream>
#include <map>

namespace palabre::relay::testing {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

// Every header of one GET, lower-cased names.
std::map<std::string, std::string> headers_of(unsigned short port, const std::string& target) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, "127.0.0.1");
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  std::map<std::string, std::string> out;
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    out[name] = std::string(field.value());
  }
  out[":status"] = std::to_string(res.result_int());
  return out;
}

class HttpSecurity : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto web = dir.path() / "web";
    std::filesystem::create_directories(web);
    std::ofstream(web / "index.html") << "<!doctype html><title>x</title>";
    std::ofstream(web / "palabre.wasm") << "\0asm";
    Config config = RelayFixture::quiet_config();
    config.web_dir = web;
    relay = std::make_unique<RelayFixture>(dir.path() / "data", config);
  }
  TempDir dir;
  std::unique_ptr<RelayFixture> relay;
};

TEST_F(HttpSecurity, EveryKindOfResponseCarriesTheSecurityHeaders) {
  // Given the app's page, a wasm file, a 404, /healthz and /metrics
  for (const std::string target : {"/", "/palabre.wasm", "/missing.js", "/healthz", "/metrics", "/../etc/passwd"}) {
    // when each is fetched, then each response has every security header with its value
    const auto headers = headers_of(relay->port(), target);
    for (const auto& [name, value] : security_headers()) {
      std::string lower(name);
      for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
      ASSERT_TRUE(headers.count(lower)) << target << " (" << headers.at(":status") << ") lacks " << name;
      EXPECT_EQ(headers.at(lower), value) << target;
    }
  }
}

TEST_F(HttpSecurity, PolicyLetsWebAssemblyRunAndForbidsFramingPluginsAndReferrers) {
  const auto headers = headers_of(relay->port(), "/");
  const std::string csp = headers.at("content-security-policy");
  EXPECT_NE(csp.find("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_NE(csp.find("object-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-eval'"), csp.find("wasm-unsafe-eval'") + 5) << "plain 'unsafe-eval' must not be allowed";
  EXPECT_EQ(headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(headers.at("referrer-policy"), "no-referrer");
  EXPECT_EQ(headers.at("x-frame-options"), "DENY");
}

}  // namespace
}  // namespace palabre::relay::testing
