// What renewing an encrypted room's key costs (issue 19, docs/security.md): web/e2e.js as the
// browser runs it, in headless Chromium — the host wrapping the next key for N participants, one
// participant taking its key from the `session.rekey` parts, and a latecomer's catch-up of sealed
// envelopes across the renewal. No relay, no wasm: the stub's call() is a recorder.
// Usage: node bench/app/rekey.mjs [participants…]   (default 100 1000 10000; after the wasm build)
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.PALABRE_WEB ??= join(root, 'build/wasm/web');
const { launchBrowser } = await import(join(root, 'tests/e2e/harness.mjs'));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const source = readFileSync(join(process.env.PALABRE_WEB, 'e2e.js'), 'utf8');

const browser = await launchBrowser();
const page = await browser.newPage();
// WebCrypto lives only in a secure context: an https page, answered here without any server.
await page.route('https://palabre.test/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>rekey</title>' }));
await page.goto('https://palabre.test/');
await page.addScriptTag({ content: source });

const results = await page.evaluate(async (counts) => {
  const subtle = crypto.subtle, ECDH = { name: 'ECDH', namedCurve: 'P-256' };
  const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').split('=')[0];
  const newE = (role, you, token) => {
    const E = { gen: 1, sent: [], room: 'ABC234', you, role, token, kioskToken: 'kiosk-token', anon: '' };
    E.call = (name, gen, text) => E.sent.push({ name, text });
    window.palabreE2eInstall(E);
    return E;
  };
  const firstKey = b64(crypto.getRandomValues(new Uint8Array(32)));
  const out = [];
  for (const n of counts) {
    const host = newE('host', 'h1', 'host-token');
    host.keys = host.useKey(firstKey);
    await host.keys;
    // n participants' public keys, as their first events would have brought them
    const pairs = [];
    for (let i = 0; i < n; i++) {
      const pair = await subtle.generateKey(ECDH, true, ['deriveBits']);
      if (i === 0) pairs.push(pair);
      host.pubs[`p${i + 1}`] = b64(new Uint8Array(await subtle.exportKey('raw', pair.publicKey)));
    }
    const ids = Object.keys(host.pubs);
    let t = performance.now();
    await host.rotate(ids);
    const rotateMs = performance.now() - t;
    const parts = host.sent.filter((s) => s.name === '_palabre_e2e_rekey_part').map((s) => JSON.parse(s.text));
    const bytes = parts.reduce((sum, p) => sum + JSON.stringify(p).length, 0);
    const result = { n, rotateMs, parts: parts.length, bytes, perPartMax: Math.max(...parts.map((p) => JSON.stringify(p).length)) };
    // A latecomer's catch-up across the renewal, as participant p1 (its pair kept in this browser):
    // m chat messages under the first key, the renewal's parts, m more under the second.
    const m = 2000;
    let seq = 0;
    const sealAll = async (evs) => {
      const envs = [];
      for (const ev of evs) {
        const frame = JSON.parse(await host.outgoing(JSON.stringify({ t: 'event', vis: 'public', cid: seq + 1, ev })));
        envs.push({ seq: ++seq, at: 0, from: 'h1', role: 'host', vis: 'public', ev: frame.ev });
      }
      return envs;
    };
    const chat = (k) => Array.from({ length: m }, (_, i) => ({ type: 'chat.post', text: `Message ${k}.${i} — ça marche ✓` }));
    const before = await sealAll(chat(1));
    const rekeys = await sealAll(parts);
    await host.incoming(JSON.stringify({ t: 'events', envs: rekeys }));  // the host takes its own key from them
    const after = await sealAll(chat(2));
    localStorage.setItem('palabre.e2e.pair.ABC234', JSON.stringify(await subtle.exportKey('jwk', pairs[0].privateKey)));
    const p1 = newE('participant', 'p1', 'member-token');
    p1.keys = p1.useKey(firstKey);
    await p1.keys;
    t = performance.now();
    const opened = JSON.parse(await p1.incoming(JSON.stringify({ t: 'events', envs: [...before, ...rekeys, ...after] })));
    result.catchUpMs = performance.now() - t;
    result.catchUpOpened = opened.envs.length;
    result.catchUpOf = before.length + rekeys.length + after.length;
    result.p1Keys = p1.raw.length;
    out.push(result);
  }
  return out;
}, sizes.length ? sizes : [100, 1000, 10000]);

console.log('host renewing the key (web/e2e.js rotate: one ECDH agreement, HKDF and AES-GCM wrap each)');
console.log('  participants   time ms   parts   bytes of session.rekey (largest part)');
for (const r of results)
  console.log(`  ${String(r.n).padStart(12)} ${r.rotateMs.toFixed(0).padStart(9)} ${String(r.parts).padStart(7)}   ${r.bytes} (${r.perPartMax})`);
console.log('participant p1 catching up across the renewal (2,000 messages, the parts, 2,000 more)');
console.log('  participants   time ms   opened   keys held');
for (const r of results)
  console.log(`  ${String(r.n).padStart(12)} ${r.catchUpMs.toFixed(0).padStart(9)}   ${r.catchUpOpened}/${r.catchUpOf}   ${r.p1Keys}`);
await browser.close();
