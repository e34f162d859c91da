#include "relay/listener.hpp"

#include <stdexcept>

#include "relay/http_session.hpp"
#include "relay/state.hpp"

namespace palabre::relay {

unsigned short Listener::open(const std::string& bind, unsigned short port) {
  beast::error_code ec;
  const auto address = net::ip::make_address(bind, ec);
  if (ec) throw std::runtime_error("bad --bind address '" + bind + "': " + ec.message());
  const tcp::endpoint endpoint{address, port};
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("cannot listen on " + bind + ":" + std::to_string(port) + ": " + ec.message());
  return acceptor_.local_endpoint().port();
}

void Listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || state_->stopping) return;
  if (!ec) {
    if (std::size_t(state_->metrics.sockets_open) >= state_->config.max_connections) {
      socket.close(ec);  // over the relay's connection limit
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      std::make_shared<HttpSession>(std::move(socket), state_)->run();
    }
  } else if (ec == net::error::no_descriptors) {
    // Out of file descriptors: wait a little rather than spin.
    auto timer = std::make_shared<net::steady_timer>(ioc_, std::chrono::milliseconds(100));
    timer->async_wait([self = shared_from_this(), timer](beast::error_code) { self->do_accept(); });
    return;
  }
  do_accept();
}

}  // namespace palabre::relay
