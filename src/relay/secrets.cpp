#include "secrets.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstdint>
#include <system_error>

namespace palabre::relay {

void random_bytes(void* out, std::size_t size) {
  auto* p = static_cast<std::uint8_t*>(out);
  while (size > 0) {
    const ssize_t got = ::getrandom(p, size, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    p += got;
    size -= std::size_t(got);
  }
}

}  // namespace palabre::relay
