#pragma once
// The carrier of the no-relay mode (WebAssembly only): the protocol's frames over a BroadcastChannel
// named after the room, between the tabs of one browser, and the host tab's copy of the room in
// localStorage. Messages on the channel (JSON):
//   {"c":CONN,"f":FRAME}   a tab's frame to the room's relay tab (CONN: the sender tab's random id)
//   {"c":CONN,"bye":1}     that tab is going away (presence: offline)
//   {"to":CONN,"f":FRAME}  the relay tab's frame for one tab
//   {"up":1}               a relay tab (re)started: every tab joins again with `since`
// Everything received arrives in palabre_local_message(text) (exports.cpp, then LocalTransport).
#include <cstddef>
#include <optional>
#include <string>

#include "app/local_relay.hpp"

namespace palabre::app::local_channel {

// This tab's connection id (random, fixed for the page's life).
const std::string& connection_id();
// Listens on the room's channel (closing any previous one).
void open(const std::string& room);
void close();
void post(const std::string& message);
// Asks to be the room's relay tab (Web Locks, so two host tabs never both stamp `seq`); the answer
// comes in palabre_local_claimed(1|0). Without Web Locks the answer is yes.
void claim(const std::string& room);
void release();

// crypto.getRandomValues, as protocol::RandomBytes (event ids, room codes).
void random_bytes(void* out, std::size_t size);
// 32 hex characters of crypto.getRandomValues (tokens, room secrets).
std::string random_hex(int bytes = 16);
// A fresh room code in the relay's alphabet that names no room stored in this browser.
std::string new_room_code();

// localStorage copy of a room: the sidecar and the log in chunks of lines, rewritten only where
// they changed. Returns false when the browser refused to store (quota, private mode).
bool save(const LocalRelay& relay);
std::optional<LocalRelay> load(const std::string& room);
void forget(const std::string& room);

}  // namespace palabre::app::local_channel
