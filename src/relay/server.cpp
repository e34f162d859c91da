// The relay (`palabre serve`), shaped like Boost.Beast's example/websocket/server/chat-multi on a
// single event-loop thread: listener.cpp → http_session.cpp (static files, /healthz, /metrics,
// upgrade) → ws_session.cpp; state.hpp holds the rooms (room.hpp) and the protocol handlers
// (handlers.cpp, rooms.cpp) around src/protocol; metrics.cpp the Prometheus text.
#include "server.hpp"

#include <thread>

#include "relay/listener.hpp"
#include "relay/state.hpp"

namespace palabre::relay {

struct Server::Impl {
  explicit Impl(Config config) : state(std::make_shared<State>(ioc, std::move(config))) {}
  net::io_context ioc{1};
  std::shared_ptr<State> state;
  std::shared_ptr<Listener> listener;
  std::thread thread;
  unsigned short port = 0;
  bool opened = false, stopped = false;
};

Server::Server(Config config) : impl_(std::make_unique<Impl>(std::move(config))) {}

Server::~Server() {
  stop();
  // Handlers still queued own sessions; destroy them while the state they point to is alive.
  impl_->listener.reset();
}

unsigned short Server::open() {
  impl_->state->load();
  impl_->listener = std::make_shared<Listener>(impl_->ioc, impl_->state);
  impl_->port = impl_->listener->open(impl_->state->config.bind, impl_->state->config.port);
  impl_->listener->run();
  impl_->state->start_timers();
  impl_->opened = true;
  return impl_->port;
}

void Server::run() {
  net::signal_set signals(impl_->ioc, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code ec, int) {
    if (ec) return;
    impl_->listener->close();
    impl_->state->stop_everything();
    impl_->ioc.stop();
  });
  impl_->ioc.run();
}

void Server::start() {
  impl_->thread = std::thread([this] { impl_->ioc.run(); });
}

void Server::stop() {
  if (!impl_->opened || impl_->stopped) return;
  impl_->stopped = true;
  if (impl_->thread.joinable()) {
    net::post(impl_->ioc, [this] {
      impl_->listener->close();
      impl_->state->stop_everything();
      impl_->ioc.stop();
    });
    impl_->thread.join();
  } else {
    impl_->listener->close();
    impl_->state->stop_everything();
    impl_->ioc.stop();
  }
}

unsigned short Server::port() const { return impl_->port; }
const std::vector<std::string>& Server::load_warnings() const { return impl_->state->load_warnings; }

}  // namespace palabre::relay
