// End-to-end encryption in the browser: see e2e_web.hpp. The crypto is web/e2e.js (WebCrypto's
// AES-GCM, ECDH and HKDF); below is the stub that fetches it and hands it frames in order.
// [SECTION] JavaScript  [SECTION] state
#include "app/e2e_web.hpp"

#include <emscripten.h>

#include <cstdlib>

// [SECTION] JavaScript
// Module.palabreE2e: the generation, one promise chain per direction, and `keys` (a promise of the
// room's CryptoKeys, one per epoch, or null). The crypto itself is web/e2e.js, fetched the first
// time a route has a key: a room in clear never downloads it. No backslashes in here: EM_JS
// passes the code through the C preprocessor as a string.
EM_JS(void, js_e2e_init, (), {
  if (Module.palabreE2e) return;
  const E = {gen: 0, keys: null, outbound: Promise.resolve(), inbound: Promise.resolve()};
  E.call = (name, gen, text) => {
    const p = stringToNewUTF8(text);
    Module[name](gen, p);
    _free(p);
  };
  E.ready = () => E.loaded || (E.loaded = new Promise((ok, no) => {
    const s = document.createElement('script');
    s.src = 'e2e.js';
    s.onload = ok;
    s.onerror = () => no(new Error('e2e.js did not load'));
    document.head.appendChild(s);
  }).then(() => palabreE2eInstall(E)));
  E.warn = (e) => console.warn('[palabre] end-to-end encryption: ' + e);
  Module.palabreE2e = E;
});

EM_JS(int, js_e2e_available, (), { return typeof crypto === 'object' && crypto.subtle ? 1 : 0; });

EM_JS(char*, js_e2e_new_key, (), {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return stringToNewUTF8(btoa(s).replaceAll('+', '-').replaceAll('/', '_').split('=')[0]);
});

EM_JS(void, js_e2e_use_key, (const char* key_text), {
  const E = Module.palabreE2e, text = UTF8ToString(key_text);
  E.keys = null;
  if (!text) return;
  if (!crypto.subtle) {
    E.warn('this page cannot decrypt (WebCrypto needs https)');
    E.keys = Promise.resolve(null);
    return;
  }
  E.keys = E.ready().then(() => E.useKey(text));
  E.keys.catch(E.warn);
});

// A new generation: fresh chains; what the old ones still hold is delivered with the old number.
EM_JS(void, js_e2e_generation, (int gen), {
  const E = Module.palabreE2e;
  E.gen = gen;
  E.room = E.you = E.anon = E.role = E.token = "";
  E.told = false;
  E.outbound = Promise.resolve();
  E.inbound = Promise.resolve();
});

EM_JS(void, js_e2e_send, (const char* frame), {
  const E = Module.palabreE2e, text = UTF8ToString(frame), gen = E.gen;
  E.outbound = E.outbound.then(E.ready).then(() => E.outgoing(text)).then((out) => { if (out !== null) E.call('_palabre_e2e_send', gen, out); })
               .catch(E.warn);
});

EM_JS(void, js_e2e_receive, (const char* frame), {
  const E = Module.palabreE2e, text = UTF8ToString(frame), gen = E.gen;
  E.inbound = E.inbound.then(E.ready).then(() => E.incoming(text)).then((out) => E.call('_palabre_e2e_deliver', gen, out))
             .catch(E.warn);
});

EM_JS(void, js_e2e_rotate, (const char* ids_json), {
  const E = Module.palabreE2e, ids = JSON.parse(UTF8ToString(ids_json));
  E.ready().then(() => E.rotate(ids)).then((left) => { if (left) E.warn(left + ' participant(s) never sent a public key: they keep the old key only'); })
    .catch((e) => E.warn('the key was not renewed: ' + e));
});

namespace palabre::app::e2e {
namespace {

// [SECTION] state
struct State {
  std::string key;
  int generation = 1;
  bool locked = false;
  bool initialised = false;
};
State state;

void init() {
  if (state.initialised) return;
  js_e2e_init();
  state.initialised = true;
}

}  // namespace

bool available() { return js_e2e_available() != 0; }

std::string new_key() {
  char* raw = js_e2e_new_key();
  std::string key = raw ? raw : "";
  std::free(raw);
  return key;
}

void use_key(const std::string& key_text) {
  init();
  state.locked = false;
  if (key_text == state.key) return;  // a reconnection keeps the imported key
  state.key = key_text;
  js_e2e_use_key(key_text.c_str());
}

void adopt_key(const std::string& chain) { state.key = chain; }

void rotate(const std::string& participant_ids_json) { js_e2e_rotate(participant_ids_json.c_str()); }

bool active() { return !state.key.empty(); }

int next_generation() {
  init();
  ++state.generation;
  js_e2e_generation(state.generation);
  return state.generation;
}

int generation() { return state.generation; }

void send(std::string_view frame) { js_e2e_send(std::string(frame).c_str()); }
void receive(std::string_view frame) { js_e2e_receive(std::string(frame).c_str()); }

bool locked() { return state.locked; }
void set_locked() { state.locked = true; }

bool holds_encrypted_events(std::string_view frame) {
  // The relay keeps `ev` bytes as sent, and the browser writes them {"e2e":1,...}; inside a string
  // (a chat message quoting this) the quotes would be escaped, so this cannot be typed in clear.
  return frame.starts_with(R"({"t":"events")") && frame.find(R"("ev":{"e2e":1)") != std::string_view::npos;
}

}  // namespace palabre::app::e2e
