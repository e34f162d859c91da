#pragma once
// The rooms' blobs over HTTP (docs/protocol.md "Blobs"): PUT /blob/<ROOM>/<hash> by the room's
// host, GET and HEAD by anyone who knows the hash. What to answer, not how: HttpSession turns a
// BlobAnswer into a response (headers, CORS), and the bytes are the store's (RoomStore::put_blob,
// get_blob), whichever store it is.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "relay/net.hpp"

namespace palabre::relay {

struct State;

// True for a path the blob handlers answer: /blob and everything under /blob/.
bool is_blob_path(std::string_view path);

struct BlobAnswer {
  http::status status = http::status::ok;
  std::string content_type = "application/json";
  std::string body;  // JSON: {"hash",…} or {"error",…}
  std::string etag;  // with a blob's bytes (200, 304): its hash, quoted
  // The blob's bytes (200): one copy shared by every connection sending them at once, so a room
  // of thousands opening the same slide holds it once in memory and reads it once from the store.
  std::shared_ptr<const std::string> bytes;
};

// What a PUT's header lets the relay decide before reading the body: the path, the room, the host
// token (`authorization`: the Authorization header), the announced size (Content-Length, if any).
// nullopt: read the body, up to Config::max_blob_bytes, then call put_blob.
std::optional<BlobAnswer> check_blob_put(State& state, std::string_view path, std::string_view authorization,
                                         std::optional<std::uint64_t> content_length);
// A whole PUT: check_blob_put's checks, then the body's hash and type, the room's limits, the store.
BlobAnswer put_blob(State& state, std::string_view path, std::string_view authorization, std::string_view body);
// The refusal of a body that grew past Config::max_blob_bytes while read (no Content-Length).
BlobAnswer blob_body_too_big(const State& state);
// GET or HEAD (the session leaves a HEAD answer's body out): the blob's bytes, or 304 when
// `if_none_match` (the If-None-Match header) names it already.
BlobAnswer get_blob(State& state, std::string_view path, std::string_view if_none_match);
// Any other method on a blob path.
BlobAnswer blob_method_not_allowed();
// A PUT or preflight from an Origin not among --allow-origin.
BlobAnswer blob_origin_refused();

}  // namespace palabre::relay
