#pragma once
// Fault tests: a relay in a forked child process, so a test can kill it (SIGKILL) or change its
// resource limits from outside (prlimit) while clients of this process talk to it.
#include "relay_harness.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <stdexcept>

namespace palabre::relay::testing {

struct ForkedRelay {
  pid_t pid = -1;
  unsigned short port = 0;

  // `in_child` runs in the child before the relay opens (set limits, signal dispositions).
  ForkedRelay(Config config, const std::function<void()>& in_child = {}) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    pid = fork();
    if (pid == 0) {
      close(fds[0]);
      if (in_child) in_child();
      config.bind = "127.0.0.1";
      config.port = 0;
      Server server(config);
      const unsigned short bound = server.open();
      if (write(fds[1], &bound, sizeof bound) != sizeof bound) _exit(3);
      close(fds[1]);
      server.run();
      _exit(0);
    }
    close(fds[1]);
    if (read(fds[0], &port, sizeof port) != sizeof port) throw std::runtime_error("relay did not start");
    close(fds[0]);
  }
  ForkedRelay(const ForkedRelay&) = delete;
  ForkedRelay& operator=(const ForkedRelay&) = delete;

  void kill_hard() {
    if (pid <= 0) return;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    pid = -1;
  }
  ~ForkedRelay() { kill_hard(); }
};

// A config for fault tests: quiet, no rate limit in the way.
inline Config fault_config(const std::filesystem::path& data) {
  Config config = RelayFixture::quiet_config();
  config.data_dir = data;
  config.messages_per_second = 100000;
  config.message_burst = 100000;
  return config;
}

}  // namespace palabre::relay::testing
