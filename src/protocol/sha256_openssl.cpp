// Native SHA-256: OpenSSL's libcrypto (protocol/sha256.hpp).
#include "protocol/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace palabre::protocol {

Sha256Digest sha256(std::string_view data) {
  Sha256Digest out{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_sha256(), nullptr) != 1 || size != out.size())
    throw std::runtime_error("OpenSSL SHA-256 failed");  // only on a broken libcrypto
  return out;
}

}  // namespace palabre::protocol
