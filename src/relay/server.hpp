#pragma once
// palabre's relay: HTTP (static app, /healthz, /metrics) and the WebSocket protocol of
// docs/protocol.md on one port. One event loop thread; rooms, members and logs live in it.
#include "config.hpp"

#include <memory>
#include <string>
#include <vector>

namespace palabre::relay {

class Server {
 public:
  explicit Server(Config config);
  ~Server();  // stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the rooms of the data directory, then binds and listens. Throws std::runtime_error with
  // a readable message if the address cannot be bound. Returns the port (useful with port 0).
  unsigned short open();
  // Runs the event loop in this thread until SIGINT/SIGTERM or stop(). Call after open().
  void run();
  // Runs the event loop in a background thread (tests, loadgen). Call after open().
  void start();
  // Sends out and writes every pending envelope, closes every connection and the listener, ends
  // the loop and joins the background thread. Idempotent.
  void stop();

  unsigned short port() const;
  // What loading the data directory reported (torn lines dropped, files skipped).
  const std::vector<std::string>& load_warnings() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace palabre::relay
