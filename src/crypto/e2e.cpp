#include "e2e.hpp"

#include "protocol/blobs.hpp"

#include <openssl/evp.h>
#include <sys/random.h>

#include <nlohmann/json.hpp>

#include <memory>
#include <stdexcept>
#include <vector>

namespace palabre::crypto {
namespace {

using Bytes = std::vector<std::uint8_t>;
constexpr std::size_t kTagBytes = 16;
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(const std::uint8_t* data, std::size_t size) {
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  for (std::size_t i = 0; i < size; i += 3) {
    const std::uint32_t n = (std::uint32_t(data[i]) << 16) | (i + 1 < size ? std::uint32_t(data[i + 1]) << 8 : 0) |
                            (i + 2 < size ? data[i + 2] : 0);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    if (i + 1 < size) out.push_back(kAlphabet[(n >> 6) & 63]);
    if (i + 2 < size) out.push_back(kAlphabet[n & 63]);
  }
  return out;  // unpadded, as WebCrypto users usually write it
}

// Accepts base64url and standard base64, padded or not; nullopt on any other character.
std::optional<Bytes> unbase64(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  Bytes out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '-' || c == '+') v = 62;
    else if (c == '_' || c == '/') v = 63;
    else return std::nullopt;
    acc = (acc << 6) | std::uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(std::uint8_t((acc >> bits) & 0xff));
    }
  }
  return out;
}

void random_bytes(std::uint8_t* out, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::getrandom(out, size, 0);
    if (n < 0) throw std::runtime_error("getrandom failed");
    out += n;
    size -= std::size_t(n);
  }
}

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

// AES-256-GCM of `plain` under `key` and `nonce`, with additional data `aad`: ciphertext then tag.
Bytes seal(const RoomKey& key, const std::uint8_t* nonce, std::string_view aad, std::string_view plain) {
  CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  Bytes out(plain.size() + kTagBytes);
  int len = 0, total = 0;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()), int(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), out.data(), &len, reinterpret_cast<const unsigned char*>(plain.data()),
                        int(plain.size())) != 1)
    throw std::runtime_error("AES-GCM encryption failed");
  total = len;
  if (EVP_EncryptFinal_ex(ctx.get(), out.data() + total, &len) != 1) throw std::runtime_error("AES-GCM encryption failed");
  total += len;
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kTagBytes), out.data() + total) != 1)
    throw std::runtime_error("AES-GCM tag failed");
  out.resize(std::size_t(total) + kTagBytes);
  return out;
}

// The plaintext of `sealed` (ciphertext then tag); nullopt unless the tag verifies.
std::optional<std::string> unseal(const RoomKey& key, const std::uint8_t* nonce, std::string_view aad,
                                  const std::uint8_t* sealed, std::size_t sealed_size) {
  if (sealed_size < kTagBytes) return std::nullopt;
  const std::size_t ct_size = sealed_size - kTagBytes;
  Bytes plain(ct_size + 1);
  int len = 0, total = 0;
  CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  Bytes tag(sealed + ct_size, sealed + sealed_size);
  const bool ok =
      ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), nonce) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()), int(aad.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), plain.data(), &len, sealed, int(ct_size)) == 1 &&
      (total = len, EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kTagBytes), tag.data()) == 1) &&
      EVP_DecryptFinal_ex(ctx.get(), plain.data() + total, &len) == 1;
  if (!ok) return std::nullopt;
  total += len;
  return std::string(reinterpret_cast<const char*>(plain.data()), std::size_t(total));
}

}  // namespace

std::optional<RoomKey> parse_room_key(std::string_view text) {
  const auto bytes = unbase64(text);
  if (!bytes || bytes->size() != RoomKey().size()) return std::nullopt;
  RoomKey key;
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return key;
}

std::string room_key_text(const RoomKey& key) { return base64url(key.data(), key.size()); }

std::optional<KeyChain> parse_key_chain(std::string_view text) {
  constexpr std::size_t kKeyChars = 43;
  if (text.empty() || text.size() % kKeyChars != 0) return std::nullopt;
  KeyChain keys;
  for (std::size_t at = 0; at < text.size(); at += kKeyChars) {
    auto key = parse_room_key(text.substr(at, kKeyChars));
    if (!key) return std::nullopt;
    keys.push_back(*key);
  }
  return keys;
}

RoomKey new_room_key() {
  RoomKey key;
  random_bytes(key.data(), key.size());
  return key;
}

Nonce new_nonce() {
  Nonce nonce;
  random_bytes(nonce.data(), nonce.size());
  return nonce;
}

std::string associated_data(std::string_view room, std::string_view vis, std::string_view from, std::string_view pub) {
  std::string aad = "palabre-e2e-v1|";
  aad.append(room).append("|").append(vis).append("|").append(from);
  if (!pub.empty()) aad.append("|").append(pub);
  return aad;
}

std::string encrypt_ev(const RoomKey& key, std::string_view room, std::string_view vis, std::string_view from,
                       std::string_view ev_json, const Nonce& nonce, int epoch, std::string_view pub) {
  const Bytes out = seal(key, nonce.data(), associated_data(room, vis, from, pub), ev_json);
  nlohmann::ordered_json ev{{"e2e", 1}, {"iv", base64url(nonce.data(), nonce.size())}, {"ct", base64url(out.data(), out.size())}};
  if (epoch > 1) ev["k"] = epoch;
  if (!pub.empty()) ev["pub"] = pub;
  return ev.dump();
}

Opened decrypt_ev(const RoomKey& key, std::string_view room, std::string_view vis, std::string_view from,
                  std::string_view ev_object_text) {
  return decrypt_ev(KeyChain{key}, room, vis, from, ev_object_text);
}

Opened decrypt_ev(const KeyChain& keys, std::string_view room, std::string_view vis, std::string_view from,
                  std::string_view ev_object_text) {
  const auto ev = nlohmann::json::parse(ev_object_text, nullptr, false);
  if (ev.is_discarded() || !ev.is_object() || ev.value("e2e", 0) != 1 || !ev.contains("iv") || !ev["iv"].is_string() ||
      !ev.contains("ct") || !ev["ct"].is_string())
    return {std::nullopt, "not an encrypted event (expected {\"e2e\":1,\"iv\":…,\"ct\":…})"};
  const auto iv = unbase64(ev["iv"].get_ref<const std::string&>());
  const auto sealed = unbase64(ev["ct"].get_ref<const std::string&>());
  if (!iv || iv->size() != Nonce().size() || !sealed || sealed->size() < kTagBytes)
    return {std::nullopt, "malformed iv or ciphertext"};
  const auto k = ev.find("k");
  const std::int64_t epoch = k == ev.end() ? 1 : k->is_number_integer() ? k->get<std::int64_t>() : 0;
  if (epoch < 1 || epoch > static_cast<std::int64_t>(keys.size()))
    return {std::nullopt, "sealed under the key of epoch " + (k == ev.end() ? std::string("1") : k->dump()) + ", which this chain of " +
                              std::to_string(keys.size()) + " does not hold"};
  const auto pub = ev.find("pub");
  if (pub != ev.end() && !pub->is_string()) return {std::nullopt, "malformed public key"};
  auto opened = unseal(keys[static_cast<std::size_t>(epoch - 1)], iv->data(),
                       associated_data(room, vis, from, pub == ev.end() ? std::string_view() : pub->get_ref<const std::string&>()),
                       sealed->data(), sealed->size());
  if (!opened) return {std::nullopt, "authentication failed (tampered, moved, or another key)"};
  std::string text = std::move(*opened);
  const auto inner = nlohmann::json::parse(text, nullptr, false);
  if (inner.is_discarded() || !inner.is_object()) return {std::nullopt, "decrypted text is not a JSON object"};
  if (text.find_first_of("\r\n") != std::string::npos) text = inner.dump();  // keep one envelope a line
  return {std::move(text), {}};
}

std::string blob_associated_data(std::string_view room) {
  return "palabre-e2e-blob-v1|" + std::string(room);
}

std::string seal_blob(const RoomKey& key, std::string_view room, std::string_view bytes, const Nonce& nonce) {
  const Bytes sealed = seal(key, nonce.data(), blob_associated_data(room), bytes);
  std::string blob(protocol::kE2eBlobMagic);
  blob.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
  blob.append(reinterpret_cast<const char*>(sealed.data()), sealed.size());
  return blob;
}

std::optional<std::string> open_blob(const RoomKey& key, std::string_view room, std::string_view blob) {
  constexpr std::size_t kHeader = protocol::kE2eBlobMagic.size() + Nonce().size();
  if (!blob.starts_with(protocol::kE2eBlobMagic) || blob.size() < kHeader + kTagBytes) return std::nullopt;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(blob.data());
  return unseal(key, bytes + protocol::kE2eBlobMagic.size(), blob_associated_data(room), bytes + kHeader,
              blob.size() - kHeader);
}

DecryptedLog decrypt_log(std::string_view log_text, const KeyChain& keys) {
  DecryptedLog result;
  std::string out;
  std::string room;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < log_text.size();) {
    const std::size_t newline = log_text.find('\n', start);
    if (newline == std::string_view::npos) break;  // torn last line: dropped, as read_log does
    std::string_view line = log_text.substr(start, newline - start);
    start = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto fail = [&](std::string why) {
      result.line = line_number;
      result.error = std::move(why);
      return result;
    };
    const auto parsed = nlohmann::ordered_json::parse(line, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) return fail("not a JSON object");
    if (line_number == 1) {
      if (parsed.value("format", "") != "palabre-log" || !parsed.contains("room") || !parsed["room"].is_string())
        return fail("not a palabre log header");
      room = parsed["room"].get<std::string>();
      out.append(line).push_back('\n');
      continue;
    }
    const auto text_of = [&](const char* field) {
      const auto it = parsed.find(field);
      return it != parsed.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string from = text_of("from"), role = text_of("role"), vis = text_of("vis");
    if (from.empty() || role.empty() || vis.empty() || !parsed.contains("ev") || !parsed.contains("seq") ||
        !parsed.contains("at"))
      return fail("not an envelope");
    if (role == "relay") {  // presence: the relay's own, never encrypted
      out.append(line).push_back('\n');
      continue;
    }
    const auto opened = decrypt_ev(keys, room, vis, from, parsed["ev"].dump());
    if (!opened.ev_json) {
      result.rejected.push_back({line_number, opened.error});
      continue;
    }
    nlohmann::ordered_json head = parsed;
    head.erase("ev");
    std::string rebuilt = head.dump();
    rebuilt.pop_back();  // '}'
    rebuilt.append(",\"ev\":").append(*opened.ev_json).append("}");
    out.append(rebuilt).push_back('\n');
  }
  if (line_number == 0) {
    result.line = 1;
    result.error = "empty log";
    return result;
  }
  result.text = std::move(out);
  return result;
}

}  // namespace palabre::crypto
