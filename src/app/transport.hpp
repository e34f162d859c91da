#pragma once
// How the client's frames reach the room and the room's reach the client (WebAssembly only): a
// WebSocket to a relay (transport_ws.cpp), or in the no-relay mode the room's BroadcastChannel
// between the tabs of one browser, one of which keeps the room (transport_local.cpp). The client
// (client.hpp) holds the protocol; a transport only carries its frames.
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "app/client.hpp"
#include "app/local_relay.hpp"
#include "app/route.hpp"

namespace palabre::app {

// What a transport tells the app: frames were given to the client (its notices are to be read, the
// host's duties done, what the client queued sent, a frame drawn).
struct TransportEvents {
  std::function<void()> received;
  std::function<void()> notices;  // only the client's notices (the no-relay keeper's own frames)
  std::function<bool()> wanted;   // whether the app still wants a connection (to reconnect)
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Opens the connection, or knocks again, as the client's intent asks.
  virtual void connect() = 0;
  // Carries what the client queued.
  virtual void flush() = 0;
  // Ends the connection (a new route): nothing reconnects until connect().
  virtual void close() = 0;
  // A connection is being made or open (the status pill says "connecting" before the room answers).
  virtual bool connecting() const = 0;
};

// To the relay over a WebSocket, with exponential backoff on reconnection; end-to-end encryption
// (e2e_web.hpp) seals and opens frames on the way when the route has a key.
class WebSocketTransport final : public Transport {
 public:
  WebSocketTransport(Client& client, TransportEvents events) : client_(client), events_(std::move(events)) {}
  void connect() override;
  void flush() override;
  void close() override;
  bool connecting() const override { return socket_ > 0; }

  // The relay's URL, once config.json answered (connect() waits for it).
  void set_relay(std::string url);
  const std::string& relay() const { return relay_; }
  // A frame sealed by the e2e chain, for the socket; a frame opened by it, for the client.
  void send_sealed(const char* frame);
  void deliver(std::string_view frame);
  // Pings every 25 s while open: keeps the connection warm through proxies, notices a dead link sooner.
  void keep_alive();
  // The room answered (created or joined): the next reconnection starts from the shortest delay.
  void reset_backoff() { reconnect_attempt_ = 0; }

 private:
  void schedule_reconnect();
  void on_open();
  void on_message(std::string_view text);
  void on_close();

  Client& client_;
  TransportEvents events_;
  std::string relay_;
  bool relay_resolved_ = false;
  int socket_ = 0;  // EMSCRIPTEN_WEBSOCKET_T
  bool open_ = false;
  int reconnect_attempt_ = 0;
  long reconnect_timer_ = 0;
  std::minstd_rand jitter_{12345};
};

// The no-relay mode: the room's frames over the tabs' BroadcastChannel (local_channel.hpp). The host
// tab that created or reloaded the room keeps it (a LocalRelay); other tabs are guests.
class LocalTransport final : public Transport {
 public:
  LocalTransport(Client& client, const Route& route, TransportEvents events)
      : client_(client), route_(route), events_(std::move(events)) {}
  void connect() override;
  void flush() override;
  void close() override;
  bool connecting() const override { return false; }

  // Makes a new room in this tab and keeps it; the client enters it as its host.
  void create_room(const LocalRelay::Secrets& secrets);
  // A message on the channel; the answer to a claim (false: this tab should keep a room it cannot find).
  void on_message(const char* text);
  bool on_claimed(bool granted);
  bool keeper() const { return relay_.has_value(); }

 private:
  enum class Claim { none, waiting, keeper, guest };  // host tabs: who keeps the room
  void keep(LocalRelay relay);
  void send(const std::string& frame);
  void deliver(std::vector<LocalRelay::Delivery> deliveries);
  void knock_later();

  Client& client_;
  const Route& route_;
  TransportEvents events_;
  bool channel_open_ = false;
  Claim claim_ = Claim::none;
  std::optional<LocalRelay> relay_;
  long retry_timer_ = 0;
};

}  // namespace palabre::app
