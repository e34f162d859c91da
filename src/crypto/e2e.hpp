#pragma once
// End-to-end encryption of events (format "palabre-e2e" v1, docs/security.md): every `ev` of an
// encrypted session travels and is stored as
//   {"e2e":1,"iv":"<base64url, 12 bytes>","ct":"<base64url, ciphertext + 16-byte tag>"}
// AES-256-GCM under the room key (32 bytes, base64url in the links' URL fragment, never sent to
// the relay), with additional data "palabre-e2e-v1|ROOM|VIS|FROM" so a ciphertext cannot be moved
// to another room, visibility or author. The relay's own envelopes (role "relay") stay in clear.
// After a host renews the key, the room has a chain of keys, one per epoch (the links carry them
// all, 43 characters each, oldest first); an `ev` sealed under epoch n > 1 says "k":n. A
// participant's event may carry its ECDH public key, "pub", then appended to the additional data
// ("|PUB") so nobody can swap it. This native side decrypts logs for `palabre decrypt` and encrypts
// for tests and tools; the browser's side is web/e2e.js.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palabre::crypto {

using RoomKey = std::array<std::uint8_t, 32>;
using Nonce = std::array<std::uint8_t, 12>;

// The key from its base64url text (43 characters, padding optional); nullopt if malformed.
std::optional<RoomKey> parse_room_key(std::string_view text);
std::string room_key_text(const RoomKey& key);
// Keys of epochs 1, 2, … (index 0 is epoch 1).
using KeyChain = std::vector<RoomKey>;
// A chain from the links' text: one or more 43-character keys end to end; nullopt if malformed.
std::optional<KeyChain> parse_key_chain(std::string_view text);
// A fresh random key / nonce (getrandom).
RoomKey new_room_key();
Nonce new_nonce();

// The additional authenticated data binding a ciphertext to its place (and to the public key the
// event carries, if any).
std::string associated_data(std::string_view room, std::string_view vis, std::string_view from, std::string_view pub = {});

// The encrypted `ev` object text for the plaintext event JSON `ev_json`; `epoch` > 1 is written as
// "k", a non-empty `pub` travels beside the ciphertext, authenticated.
std::string encrypt_ev(const RoomKey& key, std::string_view room, std::string_view vis, std::string_view from,
                       std::string_view ev_json, const Nonce& nonce, int epoch = 1, std::string_view pub = {});

struct Opened {
  std::optional<std::string> ev_json;  // the plaintext event JSON text
  std::string error;                   // why not, when !ev_json
};
// Decrypts and authenticates an `ev` (its JSON text). Fails on anything but a well-formed
// encrypted ev whose tag verifies with this key and place.
Opened decrypt_ev(const RoomKey& key, std::string_view room, std::string_view vis, std::string_view from,
                  std::string_view ev_object_text);
// The same with the key of the epoch the ev names ("k", 1 when absent) taken from `keys`.
Opened decrypt_ev(const KeyChain& keys, std::string_view room, std::string_view vis, std::string_view from,
                  std::string_view ev_object_text);

// An encrypted blob (an image of an encrypted session; docs/protocol.md "Blobs"):
//   "PLBRE2E1" | iv (12 bytes) | AES-256-GCM ciphertext + 16-byte tag
// under the room key, with additional data "palabre-e2e-blob-v1|ROOM" (room code, upper case), so
// a blob cannot be moved to another room. The relay stores it as given; browsers seal and open it
// with WebCrypto the same way.
std::string blob_associated_data(std::string_view room);
std::string seal_blob(const RoomKey& key, std::string_view room, std::string_view bytes, const Nonce& nonce);
// The bytes sealed in `blob`; nullopt unless it is well formed and authenticates with this key and room.
std::optional<std::string> open_blob(const RoomKey& key, std::string_view room, std::string_view blob);

struct Unopened {
  std::size_t line = 0;  // 1-based
  std::string reason;
};
struct DecryptedLog {
  std::optional<std::string> text;  // the log with every `ev` in clear, same envelopes otherwise
  std::size_t line = 0;             // when !text: 1-based line of the fatal problem
  std::string error;
  std::vector<Unopened> rejected;   // envelopes that did not authenticate, left out of `text`
};
// Decrypts a whole log (*.palabre.jsonl). An envelope that does not decrypt (tampered, wrong key,
// sent in clear by someone without the key) is left out and listed in `rejected`, as every client
// rejected it live; the relay's own envelopes pass as they are. A line that is not an envelope, or
// a bad header, is fatal. A torn last line (no final newline) is dropped, as read_log does.
DecryptedLog decrypt_log(std::string_view log_text, const KeyChain& keys);
inline DecryptedLog decrypt_log(std::string_view log_text, const RoomKey& key) { return decrypt_log(log_text, KeyChain{key}); }

}  // namespace palabre::crypto
