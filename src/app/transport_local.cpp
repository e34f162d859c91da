// The no-relay transport (transport.hpp). Compiled into each module (src/app/CMakeLists.txt): only
// host tabs keep a room, so in the participant module the keeper's code folds away (and the
// LocalRelay with it: nothing references it any more).
#ifndef PALABRE_HOST_TOOLS
#define PALABRE_HOST_TOOLS 1
#endif
#include <emscripten.h>
#include <emscripten/html5.h>

#include <nlohmann/json.hpp>

#include "app/glyphs.hpp"
#include "app/js_bridge.hpp"
#include "app/local_channel.hpp"
#include "app/platform_web.hpp"
#include "app/transport.hpp"

namespace palabre::app {
namespace {

constexpr bool kCanKeep = PALABRE_HOST_TOOLS;

std::string fresh_token() { return local_channel::random_hex(); }
std::int64_t now() { return static_cast<std::int64_t>(js::epoch_ms()); }
std::string channel_message(const char* key, const std::string& id, const std::string& frame) {
  return nlohmann::json{{key, id}, {"f", frame}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void LocalTransport::close() {
  if (channel_open_) local_channel::close();
  if (relay_) local_channel::release();
  if (retry_timer_) emscripten_clear_timeout(retry_timer_);
  retry_timer_ = 0;
  channel_open_ = false;
  claim_ = Claim::none;
  relay_.reset();
}

void LocalTransport::flush() {
  // The keeper answers its own client at once, which may queue more (resent pending actions).
  for (auto frames = client_.take_outgoing(); !frames.empty(); frames = client_.take_outgoing())
    for (const std::string& frame : frames) {
      glyphs::note(frame);  // our own events show at once, as pending
      send(frame);
    }
}

// The keeper stores before it delivers, as the relay writes its log before sending a batch.
void LocalTransport::deliver(std::vector<LocalRelay::Delivery> deliveries) {
  if (deliveries.empty()) return;
  if (!local_channel::save(*relay_)) js::log("the browser refused to store the room (storage full?)");
  if (relay_->closed()) local_channel::forget(relay_->room());
  const std::string& self = local_channel::connection_id();
  for (const LocalRelay::Delivery& d : deliveries) {
    if (d.to == self) {
      glyphs::note(d.frame);
      client_.on_frame(d.frame, now());
    } else {
      local_channel::post(channel_message("to", d.to, d.frame));
    }
  }
  events_.notices();
  platform::request_frames();
}

void LocalTransport::send(const std::string& frame) {
  if (kCanKeep && relay_) deliver(relay_->receive(local_channel::connection_id(), frame, now(), fresh_token));
  else if (channel_open_) local_channel::post(channel_message("c", local_channel::connection_id(), frame));
}

// A tab that is not the keeper knocks again until the keeper answers (it may be loading, or reloading).
void LocalTransport::knock_later() {
  if (retry_timer_) return;
  retry_timer_ = emscripten_set_timeout([](void* self) {
    auto* t = static_cast<LocalTransport*>(self);
    t->retry_timer_ = 0;
    if (t->relay_ || !t->channel_open_) return;
    if (t->client_.link() != Link::in_room && t->client_.intent() != Intent::none) {
      t->client_.on_close();
      t->client_.on_open();
      t->flush();
    }
    t->knock_later();
  }, 1500, this);
}

void LocalTransport::connect() {
  if (route_.room.empty() || relay_) return;
  if (!channel_open_) {
    local_channel::open(route_.room);
    channel_open_ = true;
  }
  if (route_.view == View::host && claim_ == Claim::none) {
    claim_ = Claim::waiting;  // on_claimed decides: the room's keeper, or a co-host
    local_channel::claim(route_.room);
    return;
  }
  if (claim_ == Claim::waiting || retry_timer_) return;
  client_.on_open();
  flush();
  knock_later();
}

// Becomes the keeper of `relay`: serves the other tabs and joins it as its own first member.
void LocalTransport::keep(LocalRelay relay) {
  relay_ = std::move(relay);
  local_channel::save(*relay_);
  local_channel::post(R"({"up":1})");
  client_.on_open();
  flush();
}

void LocalTransport::create_room(const LocalRelay::Secrets& secrets) {
  if constexpr (kCanKeep) {
    local_channel::open(secrets.room);
    channel_open_ = true;
    claim_ = Claim::keeper;  // held from now on: a second host tab becomes a co-host, not a second keeper
    local_channel::claim(secrets.room);
    keep(LocalRelay::create(secrets, now()));
  }
}

void LocalTransport::on_message(const char* text) {
  const auto msg = nlohmann::json::parse(text ? text : "", nullptr, false);
  if (!msg.is_object() || !route_.local) return;
  auto field = [&](const char* key) {
    const auto it = msg.find(key);
    return it != msg.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (kCanKeep && relay_) {
    const std::string conn = field("c");
    if (conn.empty()) return;
    if (msg.contains("bye")) deliver(relay_->disconnect(conn, now()));
    else deliver(relay_->receive(conn, field("f"), now(), fresh_token));
    flush();
    return;
  }
  if (msg.contains("up")) {  // the keeper (re)started: join again from what we saw
    client_.on_close();
    client_.on_open();
  } else if (field("to") == local_channel::connection_id()) {
    const std::string frame = field("f");
    glyphs::note(frame);
    client_.on_frame(frame, now());
    events_.notices();
  }
  flush();
  platform::request_frames();
}

bool LocalTransport::on_claimed(bool granted) {
  if (!kCanKeep || !route_.local || claim_ != Claim::waiting) return true;
  bool found = true;
  if (granted) {
    if (auto relay = local_channel::load(route_.room)) {
      claim_ = Claim::keeper;
      keep(std::move(*relay));
    } else {
      claim_ = Claim::guest;
      local_channel::release();
      found = false;
    }
  } else {
    claim_ = Claim::guest;
    connect();  // another tab keeps the room: this one is a co-host through the channel
  }
  platform::request_frames();
  return found;
}

}  // namespace palabre::app
