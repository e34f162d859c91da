// End-to-end encryption in the browser (docs/security.md, "End-to-end encryption"): the WebCrypto
// side of src/app/e2e_web.cpp, fetched the first time a room has a key — a room in clear never
// downloads it. It must produce and accept exactly what src/crypto/e2e.cpp does.
//
// E (Module.palabreE2e) is made by the loader's stub: the generation, the two promise chains,
// call() back into the wasm module, and what the relay's `joined` said. This file gives it:
//   useKey(chain)    the room's keys, one per epoch: 43 base64url characters each, oldest first
//   incoming(text)   a frame from the relay, its envelopes opened (null: dropped, with a warning)
//   outgoing(text)   a frame for the relay, its event sealed
//   sealBlob / openBlob   a picture of the room ("PLBRE2E1" | iv | ciphertext)
//   rotate(ids)      the host's new key, wrapped for each participant who stays (docs/security.md)
'use strict';
window.palabreE2eInstall = (E) => {
  const enc = new TextEncoder(), dec = new TextDecoder('utf-8', {fatal: true}), subtle = crypto.subtle;
  const ECDH = {name: 'ECDH', namedCurve: 'P-256'};
  const b64 = (bytes) => {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replaceAll('+', '-').replaceAll('/', '_').split('=')[0];
  };
  const unb64 = (text) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
  const cat = (...parts) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  };
  const random = (n) => crypto.getRandomValues(new Uint8Array(n));
  const aesKey = (raw) => subtle.importKey('raw', raw, {name: 'AES-GCM'}, false, ['encrypt', 'decrypt']);
  const seal = async (key, plain, ad) => {
    const iv = random(12);
    const params = ad ? {name: 'AES-GCM', iv, additionalData: ad} : {name: 'AES-GCM', iv};  // (undefined is refused)
    return {iv, ct: new Uint8Array(await subtle.encrypt(params, key, plain))};
  };
  const warn = (what) => console.warn('[palabre] end-to-end encryption: ' + what);
  // "palabre-e2e-v1|ROOM|VIS|FROM", and "|PUB" when the event carries its sender's public key.
  const ad = (vis, from, pub) => enc.encode('palabre-e2e-v1|' + E.room + '|' + vis + '|' + from + (pub ? '|' + pub : ''));

  // [SECTION] keys: raw[i] and keys[i] are epoch i + 1's; `out` is the epoch we send under.
  E.useKey = async (chain) => {
    E.opened = 0;
    E.raw = [];
    E.pubs = {};
    const raw = [];
    for (let i = 0; i < chain.length; i += 43) {
      try { raw.push(unb64(chain.slice(i, i + 43))); } catch (e) { raw.push(null); }
    }
    if (!raw.length || raw.some((r) => !r || r.length !== 32)) {
      warn('the link holds no valid key');
      return null;
    }
    E.raw = raw;
    E.out = raw.length;
    return (E.ks = await Promise.all(raw.map(aesKey)));
  };
  const chainText = () => E.raw.map(b64).join('');

  // This browser's ECDH pair for the room (a participant's): kept beside the room key, so that a
  // reload still opens the new key a host sends it. Its public half travels with our first event.
  const pairs = {};
  const pair = () => pairs[E.room] || (pairs[E.room] = (async () => {
    const name = 'palabre.e2e.pair.' + E.room;
    let jwk = null, priv = null;
    try { jwk = JSON.parse(localStorage.getItem(name)); } catch (e) { jwk = null; }
    if (jwk) priv = await subtle.importKey('jwk', jwk, ECDH, false, ['deriveBits']).catch(() => null);
    if (!priv) {
      const made = await subtle.generateKey(ECDH, true, ['deriveBits']);
      jwk = await subtle.exportKey('jwk', made.privateKey);
      try { localStorage.setItem(name, JSON.stringify(jwk)); } catch (e) { warn('this browser keeps no key pair: ' + e); }
      priv = made.privateKey;
    }
    return {priv, pub: b64(cat(new Uint8Array([4]), unb64(jwk.x), unb64(jwk.y)))};
  })());
  const agree = async (priv, pub) =>
    new Uint8Array(await subtle.deriveBits({name: 'ECDH', public: await subtle.importKey('raw', unb64(pub), ECDH, false, [])}, priv, 256));
  // The key that wraps epoch `epoch`'s for one holder: HKDF-SHA-256 of the previous room key and a
  // secret the removed person lacks (an ECDH agreement with the participant's public key, or the
  // host's or kiosk's token), for this room, epoch and holder.
  const wrapKey = async (secret, epoch, holder) => subtle.deriveKey(
    {name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: enc.encode('palabre-e2e-rekey-v1|' + E.room + '|' + epoch + '|' + holder)},
    await subtle.importKey('raw', cat(E.raw[epoch - 2], secret), 'HKDF', false, ['deriveKey']),
    {name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']);

  // [SECTION] a new key from the host (`session.rekey`, sealed under the epoch before its own)
  const rekeyed = async (inner, sealedUnder) => {
    const epoch = inner.epoch;
    let p = null;
    try { p = JSON.parse(inner.keys); } catch (e) { p = null; }
    if (epoch !== sealedUnder + 1 || !p || typeof p !== 'object') return;
    if (E.raw.length === epoch - 1) {
      const holder = E.role === 'participant' ? E.you : E.role;
      const mine = E.role === 'participant' ? p.to && p.to[holder] : p[holder];
      if (typeof mine !== 'string') return;  // not in this part: perhaps the next
      try {
        const secret = E.role === 'participant' ? await agree((await pair()).priv, p.pub) : enc.encode(E.token);
        const bytes = unb64(mine);
        const raw = new Uint8Array(await subtle.decrypt({name: 'AES-GCM', iv: bytes.subarray(0, 12)},
                                                        await wrapKey(secret, epoch, holder), bytes.subarray(12)));
        if (raw.length !== 32) throw new Error('not a key');
        E.raw.push(raw);
        E.ks = E.ks.concat([await aesKey(raw)]);
        E.keys = Promise.resolve(E.ks);
        E.call('_palabre_e2e_rekeyed', E.gen, chainText());
      } catch (e) {
        warn('the new key of epoch ' + epoch + ' does not open for us: ' + e);
        return;
      }
    }
    // Everyone has had their part: what we send from now on, only the new key opens.
    if (p.part === p.parts && E.raw.length >= epoch) E.out = Math.max(E.out, epoch);
  };

  // [SECTION] envelopes
  // One envelope in clear as JSON text, or null when it must not reach the engine.
  const open = async (keys, env) => {
    if (!env || typeof env !== 'object') return null;
    if (env.role === 'relay') return JSON.stringify(env);
    const ev = env.ev, where = '(seq ' + env.seq + ', from ' + env.from + ')';
    if (!ev || ev.e2e !== 1 || typeof ev.iv !== 'string' || typeof ev.ct !== 'string') {
      warn('dropped an event sent in clear in an encrypted session ' + where);
      return null;
    }
    const epoch = ev.k || 1, pub = typeof ev.pub === 'string' ? ev.pub : '';
    let plain, inner;
    try {
      const key = keys && keys[epoch - 1];
      if (!key) throw new Error(keys && keys.length ? 'sealed under a key this page does not have (epoch ' + epoch + ')' : 'no key');
      plain = dec.decode(await subtle.decrypt({name: 'AES-GCM', iv: unb64(ev.iv), additionalData: ad(env.vis, env.from, pub)},
                                              key, unb64(ev.ct)));
      inner = JSON.parse(plain);
      if (!inner || typeof inner !== 'object' || Array.isArray(inner)) throw new Error('not a JSON object');
    } catch (e) {
      warn('dropped an event that does not authenticate ' + where + ': ' + (e && e.name === 'OperationError' ? 'tampered, moved, or another key' : e));
      if (E.opened === 0) Module._palabre_e2e_locked(E.gen);
      return null;
    }
    E.opened++;
    // Authenticated with the event; a P-256 point is 65 bytes (87 characters): a page sending
    // anything else, or kilobytes of it, is given no key at the next renewal.
    if (pub.length === 87 && env.role === 'participant') E.pubs[env.from] = pub;
    if (inner.type === 'session.rekey' && env.role === 'host') await rekeyed(inner, epoch);
    const head = Object.assign({}, env);
    delete head.ev;
    return JSON.stringify(head).slice(0, -1) + ',"ev":' + plain + '}';
  };
  E.open = open;  // the removal test asks a removed page to open what followed its removal

  // A frame from the relay, in clear for the client. Envelopes under one key are opened together;
  // a later key waits for the ones before it, since a `session.rekey` among them may bring it.
  E.incoming = async (text) => {
    let frame = null;
    try { frame = JSON.parse(text); } catch (e) { return text; }
    if (!frame || typeof frame !== 'object') return text;
    if (frame.t === 'joined' || frame.t === 'created') {
      E.room = String(frame.room || '');
      E.you = String(frame.you || '');
      E.anon = String(frame.anon || '');
      E.role = String(frame.role || '');
      E.token = String(frame.token || '');
      if (frame.kiosk_token) E.kioskToken = String(frame.kiosk_token);
    }
    if (frame.t !== 'events' || !Array.isArray(frame.envs)) return text;
    const opened = [];
    let group = [], epoch = 0;
    const openGroup = async () => {
      const keys = await E.keys;
      opened.push(...await Promise.all(group.map((env) => open(keys, env))));
      group = [];
    };
    for (const env of frame.envs) {
      const k = env && env.role !== 'relay' && env.ev && (env.ev.k || 1);
      if (k && k !== epoch) {
        if (group.length) await openGroup();
        epoch = k;
      }
      group.push(env);
    }
    if (group.length) await openGroup();
    const rest = Object.assign({}, frame);
    delete rest.envs;
    return JSON.stringify(rest).slice(0, -1) + ',"envs":[' + opened.filter((t) => t !== null).join(',') + ']}';
  };

  // A frame for the relay, its `ev` sealed when it is an event; null: not sent. A `session.rekey`
  // is sealed under the epoch before its own, also when it is sent again after a reconnection.
  E.outgoing = async (text) => {
    let msg = null;
    try { msg = JSON.parse(text); } catch (e) { return text; }
    if (!msg || msg.t !== 'event' || !msg.ev || typeof msg.ev !== 'object') return text;
    try {
      const keys = await E.keys;
      const epoch = msg.ev.type === 'session.rekey' ? msg.ev.epoch - 1 : E.out;
      const key = keys && keys[epoch - 1];
      if (!key) throw new Error('no key');
      const anon = msg.anon === true;
      const pub = !anon && !E.told && E.role === 'participant' ? (await pair()).pub : '';
      const sealed = await seal(key, enc.encode(JSON.stringify(msg.ev)), ad(String(msg.vis), anon ? E.anon : E.you, pub));
      msg.ev = {e2e: 1, iv: b64(sealed.iv), ct: b64(sealed.ct)};
      if (epoch > 1) msg.ev.k = epoch;
      if (pub) {
        msg.ev.pub = pub;
        E.told = true;
      }
      return JSON.stringify(msg);
    } catch (e) {
      warn('an event could not be encrypted and was not sent: ' + e);
      return null;
    }
  };

  // [SECTION] pictures: sealed under the key we send under, opened with whichever key made them
  const blobAd = (room) => enc.encode('palabre-e2e-blob-v1|' + room);
  E.sealBlob = async (plain, room) => {
    const keys = await E.keys;
    if (!keys) throw new Error('no key');
    const sealed = await seal(keys[E.out - 1], plain, blobAd(room));
    return cat(enc.encode('PLBRE2E1'), sealed.iv, sealed.ct);
  };
  E.openBlob = async (bytes, room) => {
    const keys = (await E.keys) || [];
    for (let i = keys.length - 1; i >= 0; i--) {
      try {
        return new Uint8Array(await subtle.decrypt({name: 'AES-GCM', iv: bytes.subarray(8, 20), additionalData: blobAd(room)},
                                                   keys[i], bytes.subarray(20)));
      } catch (e) { /* another epoch's, perhaps */ }
    }
    throw new Error(keys.length ? 'sealed under a key this page does not have' : 'encrypted, and this link has no key');
  };

  // [SECTION] rotation (the host): a fresh key for epoch n + 1, wrapped for the host's and the
  // kiosk's links (their tokens) and for each participant in `ids` whose public key we have seen,
  // against one ephemeral ECDH pair. Sent as `session.rekey` events of up to 300 participants
  // each; the engine stamps them, and each member takes its key from them as they arrive — the
  // host as well, from its own. Returns how many participants could not be given the key.
  E.rotate = async (ids) => {
    if (!(await E.keys)) throw new Error('no key');
    const epoch = E.raw.length + 1, raw = random(32);
    const eph = await subtle.generateKey(ECDH, true, ['deriveBits']);
    const wrap = async (secret, holder) => {
      const sealed = await seal(await wrapKey(secret, epoch, holder), raw);
      return b64(cat(sealed.iv, sealed.ct));
    };
    const base = {pub: b64(new Uint8Array(await subtle.exportKey('raw', eph.publicKey))), host: await wrap(enc.encode(E.token), 'host')};
    if (E.kioskToken) base.kiosk = await wrap(enc.encode(E.kioskToken), 'kiosk');
    const to = [];
    for (const id of ids) {
      try {
        if (E.pubs[id]) to.push([id, await wrap(await agree(eph.privateKey, E.pubs[id]), id)]);
      } catch (e) {
        warn('the public key ' + id + ' sent is not one: ' + e);  // a hostile page's: it gets nothing
      }
    }
    const parts = Math.max(1, Math.ceil(to.length / 300));
    for (let part = 1; part <= parts; part++) {
      const p = Object.assign({part, parts, to: Object.fromEntries(to.slice((part - 1) * 300, part * 300))}, base);
      E.call('_palabre_e2e_rekey_part', E.gen, JSON.stringify({type: 'session.rekey', epoch, keys: JSON.stringify(p)}));
    }
    return ids.length - to.length;
  };
};
