#include "relay/blobs.hpp"

#include <cctype>
#include <variant>

#include <nlohmann/json.hpp>

#include "protocol/blobs.hpp"
#include "protocol/sha256.hpp"
#include "protocol/tokens.hpp"
#include "relay/state.hpp"

namespace palabre::relay {

namespace {

using protocol::human_size;

constexpr std::string_view kPrefix = "/blob/";

BlobAnswer refusal(http::status status, std::string_view code, const std::string& message) {
  return {status, "application/json", json{{"error", code}, {"message", message}}.dump(), {}, {}};
}

BlobAnswer no_blob() { return refusal(http::status::not_found, "no_blob", "this room has no image with this hash"); }
BlobAnswer no_room() { return refusal(http::status::not_found, "no_room", "no room with this code"); }

// "/blob/<ROOM>/<hash>": the room code normalized (codes are case-insensitive, as in join) and
// the hash, which is never changed: only lower-case hex names a blob, so no path escapes its room.
struct BlobAddress {
  std::string room, hash;
};

std::variant<BlobAddress, BlobAnswer> parse_blob_path(std::string_view path) {
  if (!path.starts_with(kPrefix)) return no_blob();
  path.remove_prefix(kPrefix.size());
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return no_blob();
  BlobAddress address{std::string(path.substr(0, slash)), std::string(path.substr(slash + 1))};
  if (!protocol::normalize_room_code(address.room)) return no_room();
  if (!protocol::is_blob_hash(address.hash))
    return refusal(http::status::bad_request, "bad_hash",
                   "a blob is named by the SHA-256 of its bytes: 64 lower-case hex characters");
  return address;
}

BlobAnswer too_big(std::optional<std::uint64_t> size, std::size_t limit) {
  std::string message;
  if (!size) message = "the image is larger than " + human_size(limit) + ", the limit";
  else if (human_size(*size) == human_size(limit))  // just over: rounding would show the same figure
    message = "the image is " + std::to_string(*size) + " bytes; the limit is " + std::to_string(limit) + " bytes";
  else message = "the image is " + human_size(*size) + "; the limit is " + human_size(limit);
  return refusal(http::status::payload_too_large, "too_big", message);
}

// The host token of "Authorization: Bearer <token>" (the scheme's case does not matter).
std::string_view bearer_token(std::string_view authorization) {
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size()) return {};
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (char(std::tolower(static_cast<unsigned char>(authorization[i]))) != scheme[i]) return {};
  authorization.remove_prefix(scheme.size());
  while (authorization.starts_with(' ')) authorization.remove_prefix(1);
  return authorization;
}

bool opens_host(const Room& room, std::string_view token) {
  if (token.empty()) return false;
  // The join's lookup, by the token's hash: only the host token opens the host.
  const auto member = room.state.member_for_token(token);
  const auto* id = std::get_if<std::string>(&member);
  return id && room.roster().at(*id).role == protocol::Role::host;
}

// The room and blob a PUT names, once its header passed every check.
struct CheckedPut {
  BlobAddress address;
  std::shared_ptr<Room> room;
};

std::variant<CheckedPut, BlobAnswer> check_put(State& state, std::string_view path, std::string_view authorization,
                                               std::optional<std::uint64_t> content_length) {
  auto parsed = parse_blob_path(path);
  if (auto* answer = std::get_if<BlobAnswer>(&parsed)) return std::move(*answer);
  auto& address = std::get<BlobAddress>(parsed);
  auto room = state.room_for(address.room);
  if (!room) return no_room();
  if (!opens_host(*room, bearer_token(authorization)))
    return refusal(http::status::unauthorized, "bad_token",
                   "only the room's host may add images: send its host token as \"Authorization: Bearer <token>\"");
  if (content_length && *content_length > state.config.max_blob_bytes)
    return too_big(content_length, state.config.max_blob_bytes);
  return CheckedPut{std::move(address), std::move(room)};
}

}  // namespace

bool is_blob_path(std::string_view path) { return path == "/blob" || path.starts_with(kPrefix); }

std::optional<BlobAnswer> check_blob_put(State& state, std::string_view path, std::string_view authorization,
                                         std::optional<std::uint64_t> content_length) {
  auto checked = check_put(state, path, authorization, content_length);
  if (auto* answer = std::get_if<BlobAnswer>(&checked)) return std::move(*answer);
  return std::nullopt;
}

BlobAnswer put_blob(State& state, std::string_view path, std::string_view authorization, std::string_view body) {
  auto checked = check_put(state, path, authorization, body.size());
  if (auto* answer = std::get_if<BlobAnswer>(&checked)) return std::move(*answer);
  auto& [address, room] = std::get<CheckedPut>(checked);
  if (protocol::sha256_hex(body) != address.hash)
    return refusal(http::status::bad_request, "bad_hash",
                   "the SHA-256 of the bytes sent is not the hash in the path; the upload was damaged or misnamed");
  const auto type = protocol::sniff_blob_type(body);
  if (!type) {
    if (body.starts_with(protocol::kE2eBlobMagic))
      return refusal(http::status::unsupported_media_type, "bad_type",
                     "an encrypted image needs its 12-byte IV and at least 16 bytes of ciphertext after the magic");
    return refusal(http::status::unsupported_media_type, "bad_type", "not a PNG, JPEG, GIF or WebP image");
  }
  // A few KB can claim a picture no phone can decode: the size its header gives is checked first.
  if (*type != protocol::kE2eBlobType) {
    const auto size = protocol::image_size(body);
    if (!size) return refusal(http::status::unsupported_media_type, "bad_type", "the image's header does not give its size");
    if (size->pixels() > protocol::kMaxImagePixels)
      return refusal(http::status::payload_too_large, "too_big",
                     "the image is " + std::to_string(size->width) + " × " + std::to_string(size->height) +
                         " pixels; the limit is 4096 × 4096 (16.7 million pixels)");
  }

  const BlobQuota quota{state.config.max_room_blobs, state.config.max_room_blob_bytes};
  const auto stored = state.store->put_blob(address.room, address.hash, body, quota);
  if (const auto* error = std::get_if<StorageError>(&stored)) {
    state.log({{"event", "storage_error"}, {"room", address.room}, {"error", error->message}});
    return refusal(http::status::service_unavailable, "unavailable",
                   "the relay could not store the image now; nothing was stored, try again");
  }
  const json done{{"hash", address.hash}, {"bytes", body.size()}, {"type", *type}};
  switch (std::get<BlobPut>(stored)) {
    case BlobPut::stored:
      room->last_activity = state.steady_now();  // a host preparing slides is using the room
      // Never the hash: it is what opens the image (docs/security.md).
      state.log({{"event", "blob_stored"}, {"room", address.room}, {"bytes", body.size()}});
      return {http::status::created, "application/json", done.dump(), {}, {}};
    case BlobPut::already_there: return {http::status::ok, "application/json", done.dump(), {}, {}};
    case BlobPut::too_many_blobs:
      return refusal(http::status::conflict, "too_many_blobs",
                     "this room already holds " + std::to_string(quota.max_blobs) + " images, the limit");
    case BlobPut::too_many_bytes:
      return refusal(http::status::conflict, "too_many_blobs",
                     "this image would take the room's images over " + human_size(quota.max_bytes) + ", the limit");
    case BlobPut::no_room: break;
  }
  return no_room();
}

BlobAnswer blob_body_too_big(const State& state) { return too_big(std::nullopt, state.config.max_blob_bytes); }

BlobAnswer get_blob(State& state, std::string_view path, std::string_view if_none_match) {
  auto parsed = parse_blob_path(path);
  if (auto* answer = std::get_if<BlobAnswer>(&parsed)) return std::move(*answer);
  const auto& address = std::get<BlobAddress>(parsed);
  if (!state.room_for(address.room)) return no_blob();
  auto& being_sent = state.blobs_being_sent[address.room + "/" + address.hash];
  std::shared_ptr<const std::string> bytes = being_sent.lock();
  if (!bytes) {
    auto read = state.store->get_blob(address.room, address.hash);
    if (const auto* error = std::get_if<StorageError>(&read)) {
      state.log({{"event", "storage_error"}, {"room", address.room}, {"error", error->message}});
      return refusal(http::status::service_unavailable, "unavailable", "the relay cannot read this image now; try again");
    }
    auto& stored = std::get<std::optional<std::string>>(read);
    if (!stored) return no_blob();
    bytes = std::make_shared<const std::string>(std::move(*stored));
    being_sent = bytes;
    std::erase_if(state.blobs_being_sent, [](const auto& entry) { return entry.second.expired(); });
  }
  const std::string etag = "\"" + address.hash + "\"";
  // If-None-Match: a list of entity tags, weak (W/) or not, or *.
  for (std::size_t start = 0; start < if_none_match.size();) {
    std::size_t end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view tag = if_none_match.substr(start, end - start);
    while (tag.starts_with(' ')) tag.remove_prefix(1);
    while (tag.ends_with(' ')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag || tag == "*") return {http::status::not_modified, {}, {}, etag, {}};
    start = end + 1;
  }
  const auto type = protocol::sniff_blob_type(*bytes);
  const std::string_view served = type ? protocol::served_blob_type(*type) : "application/octet-stream";
  return {http::status::ok, std::string(served), {}, etag, std::move(bytes)};
}

BlobAnswer blob_method_not_allowed() {
  return refusal(http::status::method_not_allowed, "bad_method", "blobs take PUT, GET, HEAD and OPTIONS only");
}

BlobAnswer blob_origin_refused() {
  return refusal(http::status::forbidden, "bad_origin",
                 "this relay takes images only from the origins it was told (--allow-origin)");
}

}  // namespace palabre::relay
