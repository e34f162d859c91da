// End-to-end encryption in the browser: see e2e_web.hpp. The JavaScript below is the only AES-GCM
// code of the app (WebCrypto's); it must produce and accept exactly what src/crypto/e2e.cpp does.
// [SECTION] JavaScript  [SECTION] state
#include "app/e2e_web.hpp"

#include <emscripten.h>

#include <cstdlib>

// [SECTION] JavaScript
// Module.palabreE2e: the key (a promise of a CryptoKey, or null), the member we are (from `joined`,
// for the additional data of what we send), and one promise chain per direction. No backslashes in
// here: EM_JS passes the code through the C preprocessor as a string.
EM_JS(void, js_e2e_init, (), {
  if (Module.palabreE2e) return;
  const enc = new TextEncoder();
  const dec = new TextDecoder('utf-8', {fatal: true});
  const E = {key: null, gen: 0, room: "", you: "", anon: "", opened: 0, outbound: Promise.resolve(), inbound: Promise.resolve()};
  E.b64 = (bytes) => {
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replaceAll('+', '-').replaceAll('/', '_').split('=')[0];
  };
  E.unb64 = (text) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
  E.ad = (vis, from) => enc.encode('palabre-e2e-v1|' + E.room + '|' + vis + '|' + from);
  E.call = (name, gen, text) => {
    const p = stringToNewUTF8(text);
    Module[name](gen, p);
    _free(p);
  };
  E.warn = (what) => console.warn('[palabre] end-to-end encryption: ' + what);
  // One envelope in clear as JSON text, or null when it must not reach the engine.
  E.open = async (key, env) => {
    if (!env || typeof env !== 'object') return null;
    if (env.role === 'relay') return JSON.stringify(env);
    const ev = env.ev;
    const where = '(seq ' + env.seq + ', from ' + env.from + ')';
    if (!ev || ev.e2e !== 1 || typeof ev.iv !== 'string' || typeof ev.ct !== 'string') {
      E.warn('dropped an event sent in clear in an encrypted session ' + where);
      return null;
    }
    let plain;
    try {
      if (!key) throw new Error('no key');
      const bytes = await crypto.subtle.decrypt({name: 'AES-GCM', iv: E.unb64(ev.iv), additionalData: E.ad(env.vis, env.from)},
                                                key, E.unb64(ev.ct));
      plain = dec.decode(bytes);
      const inner = JSON.parse(plain);
      if (!inner || typeof inner !== 'object' || Array.isArray(inner)) throw new Error('not a JSON object');
    } catch (e) {
      E.warn('dropped an event that does not authenticate ' + where + ': ' + (e && e.name === 'OperationError' ? 'tampered, moved, or another key' : e));
      if (E.opened === 0) Module._palabre_e2e_locked(E.gen);
      return null;
    }
    E.opened++;
    const head = Object.assign({}, env);
    delete head.ev;
    return JSON.stringify(head).slice(0, -1) + ',"ev":' + plain + '}';
  };
  // A frame from the relay, in clear for the client.
  E.incoming = async (text) => {
    let frame = null;
    try { frame = JSON.parse(text); } catch (e) { return text; }
    if (!frame || typeof frame !== 'object') return text;
    if (frame.t === 'joined' || frame.t === 'created') {
      E.room = String(frame.room || "");
      E.you = String(frame.you || "");
      E.anon = String(frame.anon || "");
    }
    if (frame.t !== 'events' || !Array.isArray(frame.envs)) return text;
    let key = null;
    try { key = await E.key; } catch (e) { key = null; }
    const opened = await Promise.all(frame.envs.map((env) => E.open(key, env)));
    const rest = Object.assign({}, frame);
    delete rest.envs;
    return JSON.stringify(rest).slice(0, -1) + ',"envs":[' + opened.filter((t) => t !== null).join(',') + ']}';
  };
  // A frame for the relay, its `ev` sealed when it is an event; null: not sent.
  E.outgoing = async (text) => {
    let msg = null;
    try { msg = JSON.parse(text); } catch (e) { return text; }
    if (!msg || msg.t !== 'event' || !msg.ev || typeof msg.ev !== 'object') return text;
    try {
      const key = await E.key;
      if (!key) throw new Error('no key');
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const from = msg.anon === true ? E.anon : E.you;
      const sealed = await crypto.subtle.encrypt({name: 'AES-GCM', iv: iv, additionalData: E.ad(String(msg.vis), from)},
                                                 key, enc.encode(JSON.stringify(msg.ev)));
      msg.ev = {e2e: 1, iv: E.b64(iv), ct: E.b64(new Uint8Array(sealed))};
      return JSON.stringify(msg);
    } catch (e) {
      E.warn('an event could not be encrypted and was not sent: ' + e);
      return null;
    }
  };
  Module.palabreE2e = E;
});

EM_JS(int, js_e2e_available, (), { return typeof crypto === 'object' && crypto.subtle ? 1 : 0; });

EM_JS(char*, js_e2e_new_key, (), {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  const key = btoa(s).replaceAll('+', '-').replaceAll('/', '_').split('=')[0];
  return stringToNewUTF8(key);
});

EM_JS(void, js_e2e_use_key, (const char* key_text), {
  const E = Module.palabreE2e;
  const text = UTF8ToString(key_text);
  E.opened = 0;
  E.key = null;
  if (!text) return;
  let raw = null;
  try { raw = E.unb64(text); } catch (e) { raw = null; }
  if (!raw || raw.length !== 32 || !crypto.subtle) {
    E.warn(raw && raw.length === 32 ? 'this page cannot decrypt (WebCrypto needs https)' : 'the link holds no valid key');
    E.key = Promise.resolve(null);
    return;
  }
  E.key = crypto.subtle.importKey('raw', raw, {name: 'AES-GCM'}, false, ['encrypt', 'decrypt']);
  E.key.catch((e) => E.warn('the key was refused: ' + e));
});

// A new generation: fresh chains; what the old ones still hold is delivered with the old number.
EM_JS(void, js_e2e_generation, (int gen), {
  const E = Module.palabreE2e;
  E.gen = gen;
  E.room = E.you = E.anon = "";
  E.outbound = Promise.resolve();
  E.inbound = Promise.resolve();
});

EM_JS(void, js_e2e_send, (const char* frame), {
  const E = Module.palabreE2e;
  const text = UTF8ToString(frame);
  const gen = E.gen;
  E.outbound = E.outbound.then(() => E.outgoing(text)).then((out) => { if (out !== null) E.call('_palabre_e2e_send', gen, out); })
               .catch((e) => E.warn('send: ' + e));
});

EM_JS(void, js_e2e_receive, (const char* frame), {
  const E = Module.palabreE2e;
  const text = UTF8ToString(frame);
  const gen = E.gen;
  E.inbound = E.inbound.then(() => E.incoming(text)).then((out) => E.call('_palabre_e2e_deliver', gen, out))
             .catch((e) => E.warn('receive: ' + e));
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
