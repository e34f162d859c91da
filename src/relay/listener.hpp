#pragma once
// Accepts TCP connections (Beast chat-multi's listener) and hands each to an HTTP session, up to
// the relay's connection limit.
#include <memory>
#include <string>

#include "relay/net.hpp"

namespace palabre::relay {

struct State;

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, std::shared_ptr<State> state) : ioc_(ioc), acceptor_(ioc), state_(std::move(state)) {}

  unsigned short open(const std::string& bind, unsigned short port);

  void run() { do_accept(); }
  void close() {
    beast::error_code ec;
    acceptor_.close(ec);
  }

 private:
  void do_accept() {
    acceptor_.async_accept(beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket);

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  std::shared_ptr<State> state_;
};

}  // namespace palabre::relay
