// The WebSocket transport (transport.hpp).
#include <emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/websocket.h>

#include <algorithm>
#include <cmath>

#include "app/e2e_web.hpp"
#include "app/glyphs.hpp"
#include "app/js_bridge.hpp"
#include "app/platform_web.hpp"
#include "app/transport.hpp"

namespace palabre::app {

void WebSocketTransport::set_relay(std::string url) {
  relay_ = std::move(url);
  relay_resolved_ = true;
}

void WebSocketTransport::connect() {
  if (!relay_resolved_ || socket_ > 0) return;
  EmscriptenWebSocketCreateAttributes attrs;
  emscripten_websocket_init_create_attributes(&attrs);
  attrs.url = relay_.c_str();
  attrs.protocols = nullptr;
  attrs.createOnMainThread = EM_TRUE;
  const EMSCRIPTEN_WEBSOCKET_T socket = emscripten_websocket_new(&attrs);
  if (socket <= 0) {
    schedule_reconnect();
    return;
  }
  socket_ = socket;
  emscripten_websocket_set_onopen_callback(socket, this, [](int, const EmscriptenWebSocketOpenEvent*, void* self) {
    static_cast<WebSocketTransport*>(self)->on_open();
    return EM_TRUE;
  });
  emscripten_websocket_set_onmessage_callback(socket, this, [](int, const EmscriptenWebSocketMessageEvent* e, void* self) {
    if (e->isText && e->data)
      static_cast<WebSocketTransport*>(self)->on_message(
          std::string_view(reinterpret_cast<const char*>(e->data), e->numBytes > 0 ? e->numBytes - 1 : 0));
    return EM_TRUE;
  });
  emscripten_websocket_set_onclose_callback(socket, this, [](int, const EmscriptenWebSocketCloseEvent*, void* self) {
    static_cast<WebSocketTransport*>(self)->on_close();
    return EM_TRUE;
  });
  // An error is followed by a close.
  emscripten_websocket_set_onerror_callback(socket, this, [](int, const EmscriptenWebSocketErrorEvent*, void*) { return EM_TRUE; });
}

void WebSocketTransport::flush() {
  for (const std::string& frame : client_.take_outgoing()) {
    glyphs::note(frame);  // our own events show at once, as pending
    if (!open_) break;    // the client resends what matters after reconnecting
    // An encrypted room and no key: nothing we type (our name first) may reach it in clear.
    if (e2e::locked() && !e2e::active() && frame.rfind(R"({"t":"event")", 0) == 0) continue;
    if (e2e::active()) e2e::send(frame);  // sealed in order, then palabre_e2e_send
    else emscripten_websocket_send_utf8_text(socket_, frame.c_str());
  }
}

void WebSocketTransport::close() {
  if (socket_ > 0) {
    emscripten_websocket_close(socket_, 1000, "bye");
    emscripten_websocket_delete(socket_);
  }
  socket_ = 0;
  open_ = false;
  e2e::next_generation();  // frames still being encrypted or decrypted belonged to that socket
  if (reconnect_timer_) {
    emscripten_clear_timeout(reconnect_timer_);
    reconnect_timer_ = 0;
  }
}

void WebSocketTransport::send_sealed(const char* frame) {
  if (open_ && frame) emscripten_websocket_send_utf8_text(socket_, frame);
}

void WebSocketTransport::deliver(std::string_view frame) {
  glyphs::note(frame);  // names, ideas, questions: characters the atlas may lack are drawn next frame
  client_.on_frame(frame, static_cast<std::int64_t>(js::epoch_ms()));
  events_.received();
}

void WebSocketTransport::keep_alive() {
  emscripten_set_interval([](void* self) {
    auto* t = static_cast<WebSocketTransport*>(self);
    if (t->open_) emscripten_websocket_send_utf8_text(t->socket_, R"({"t":"ping"})");
  }, 25000, this);
}

void WebSocketTransport::schedule_reconnect() {
  if (!events_.wanted() || reconnect_timer_) return;
  // Exponential backoff with jitter: a restarted relay is not hit by every client at once.
  const double base = std::min(15000.0, 400.0 * std::pow(2.0, std::min(reconnect_attempt_, 6)));
  const double delay = base * (0.7 + 0.6 * (static_cast<double>(jitter_() % 1000) / 1000.0));
  ++reconnect_attempt_;
  reconnect_timer_ = emscripten_set_timeout([](void* self) {
    auto* t = static_cast<WebSocketTransport*>(self);
    t->reconnect_timer_ = 0;
    t->connect();
  }, delay, this);
}

void WebSocketTransport::on_open() {
  open_ = true;
  client_.on_open();
  flush();
  platform::request_frames();
}

void WebSocketTransport::on_message(std::string_view text) {
  if (e2e::active()) {
    e2e::receive(text);  // decrypted in order, then palabre_e2e_deliver
    return;
  }
  if (e2e::holds_encrypted_events(text)) e2e::set_locked();  // encrypted, and we have no key
  deliver(text);
}

void WebSocketTransport::on_close() {
  if (socket_ > 0) emscripten_websocket_delete(socket_);
  socket_ = 0;
  open_ = false;
  e2e::next_generation();
  client_.on_close();
  schedule_reconnect();
  platform::request_frames();
}

}  // namespace palabre::app
