#pragma once
// End-to-end encryption in the browser (format "palabre-e2e" v1, docs/security.md; the native side is
// src/crypto/e2e.hpp). WebCrypto is asynchronous, so the crypto sits in JavaScript (web/e2e.js,
// fetched only by a route with a key) between the wasm client and the WebSocket, with one promise
// chain per direction: frames reach the socket, and the client, strictly in the order they were
// given. WebAssembly only.
//
// Outgoing `event` frames get their `ev` sealed with additional data "palabre-e2e-v1|ROOM|VIS|FROM"
// (FROM: the member id from `joined`, or its pseudonym for an anonymous event; "|PUB" appended when
// a participant's event carries its public key). Incoming envelopes are opened and handed to the
// client in clear; one that does not authenticate, or a client event in clear, is dropped with a
// console warning. The relay's own envelopes (presence) stay in clear.
//
// The key is a chain, one 43-character key per epoch: a host who removed someone renews it
// (rotate), each remaining member takes the new one from a `session.rekey` event and the app keeps
// the longer chain (palabre_e2e_rekeyed → adopt_key).
//
// Results come back through the exports palabre_e2e_send(gen, frame) (to write to the socket) and
// palabre_e2e_deliver(gen, frame) (to give to the client); `gen` is the generation they were queued
// in: the app ignores what a closed socket or a previous route left in the chains.
#include <string>
#include <string_view>

namespace palabre::app::e2e {

// True when this page can encrypt (WebCrypto is only there in a secure context: https or localhost).
bool available();
// A fresh room key: 32 random bytes (crypto.getRandomValues), base64url without padding.
std::string new_key();

// Encrypts this route's traffic under `key_text` (empty: none, frames pass through untouched).
void use_key(const std::string& key_text);
// The chain web/e2e.js already holds, one key longer after a `session.rekey`: nothing re-imported.
void adopt_key(const std::string& chain);
// The host: a new key for every participant in the JSON array of member ids (those who stay), sent
// as `session.rekey` events through palabre_e2e_rekey_part.
void rotate(const std::string& participant_ids_json);
bool active();
// A new connection (or none): what is still queued in the chains is dropped on arrival.
int next_generation();
int generation();

// Through the chains (only when active()).
void send(std::string_view frame);
void receive(std::string_view frame);

// No key, or the wrong one, in a session whose events are encrypted: the participant sees a notice.
bool locked();
void set_locked();
// Without a key: does this `events` frame hold encrypted events? (cheap text check, no parsing)
bool holds_encrypted_events(std::string_view frame);

}  // namespace palabre::app::e2e
