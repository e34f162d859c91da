// What drawing the characters the embedded fonts lack costs (src/app/glyphs.hpp): each atlas build
// (window.palabre.atlasBuilds: whole build, of which the browser's rasterising, glyphs added, atlas
// size) on a phone (390×844 at device pixel ratio 1 and 3) and a kiosk (1920×1080), when a chat
// message brings new characters: the first frame (nothing to add), then a batch of Cyrillic, Greek
// and three emoji, then 40 Japanese characters, then a message with nothing new (no rebuild).
// Usage: node bench/app/glyphs.mjs   (after ./scripts/build.sh; starts its own relay)
// PALABRE_BIN / PALABRE_WEB choose the relay binary and the built web directory.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.PALABRE_BIN ??= join(root, 'build/native/src/cli/palabre');
process.env.PALABRE_WEB ??= join(root, 'build/wasm/web');
const { startRelay, launchBrowser, viewports } = await import(join(root, 'tests/e2e/harness.mjs'));

const rooms = ['BNCHGA', 'BNCHGB', 'BNCHGC'];  // one per case: each starts with nothing to add
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const batches = [
  ['Cyrillic, Greek, 3 emoji', 'Привет всем! Καλημέρα σε όλους 🎉 👍 🚀'],
  ['40 Japanese characters', 'こんにちは皆さん、今日は新しい企画について話し合いましょう。会議室で待っています、よろしくお願いします'],
  ['nothing new', 'Привет 🎉 こんにちは'],
];

const dataDir = mkdtempSync(join(tmpdir(), 'palabre-bench-glyphs-'));
const t0 = Date.now() - 60_000;
for (const room of rooms) {
  writeFileSync(join(dataDir, `${room}.palabre.jsonl`), [
    { format: 'palabre-log', version: 1, room, created: t0 },
    { seq: 1, at: t0 + 1, from: 'h1', role: 'host', vis: 'public', ev: { type: 'session.configure', title: 'Banc', host: 'Anne', locale: 'fr' } },
    { seq: 2, at: t0 + 2, from: 'p3', role: 'participant', vis: 'public', ev: { type: 'participant.join', name: 'Lecteur' } },
    { seq: 3, at: t0 + 3, from: 'p4', role: 'participant', vis: 'public', ev: { type: 'participant.join', name: 'Auteur' } },
  ].map((l) => JSON.stringify(l)).join('\n') + '\n');
  writeFileSync(join(dataDir, `${room}.members.jsonl`), [
    { format: 'palabre-members', version: 1, room, host: sha256(randomBytes(8).toString('hex')), kiosk: sha256('kiosk'), anon_key: randomBytes(16).toString('hex') },
    { id: 'p3', token: sha256('token-p3') }, { id: 'p4', token: sha256('token-p4') },
  ].map((l) => JSON.stringify(l)).join('\n') + '\n');
}

const relay = await startRelay({ dataDir });
const browser = await launchBrowser();

async function post(room, text) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${relay.url}/config.json`);
  await page.evaluate(({ url, room, text }) => new Promise((done) => {
    const ws = new WebSocket(url);
    ws.onopen = () => ws.send(JSON.stringify({ t: 'join', room, token: 'token-p4' }));
    ws.onmessage = (m) => {
      if (m.data.startsWith('{"t":"joined"')) ws.send(JSON.stringify({ t: 'event', vis: 'public', ev: { type: 'chat.post', text } }));
      if (m.data.startsWith('{"t":"ack"')) { ws.close(); done(); }
    };
  }), { url: relay.url.replace('http', 'ws') + '/ws', room, text });
  await context.close();
}

const cases = [
  ['phone, ratio 1', `#/join/${rooms[0]}`, viewports.phone, 1],
  ['phone, ratio 3', `#/join/${rooms[1]}`, viewports.phone, 3],
  ['kiosk, ratio 1', `#/kiosk/${rooms[2]}/kiosk`, viewports.kiosk, 1],
];
const show = (b) => `${b.ms.toFixed(1)} ms (browser ${b.browserMs.toFixed(1)} ms for ${b.rasterised} glyphs; ${b.glyphs} added; atlas ${b.width}×${b.height})`;
for (const [i, [label, hash, viewport, ratio]] of cases.entries()) {
  const room = rooms[i];
  const context = await browser.newContext({ viewport, deviceScaleFactor: ratio, locale: 'fr-FR' });
  await context.addInitScript((r) => { window.palabre = { atlasBuilds: [] }; localStorage.setItem(`palabre.member.${r}`, 'token-p3'); }, room);
  const page = await context.newPage();
  await page.goto(`${relay.url}/${hash}`);
  await page.waitForFunction(() => window.palabre.ready && window.palabre.info().connected, null, { timeout: 30000 });
  await page.waitForTimeout(500);
  console.log(`\n${label}: ${hash}`);
  let seen = 0;
  const report = async (what) => {
    const builds = await page.evaluate(() => window.palabre.atlasBuilds);
    const fresh = builds.slice(seen);
    seen = builds.length;
    console.log(`  ${what}: ${fresh.length ? fresh.map(show).join('; ') : 'no atlas build'}`);
  };
  await report('first frames');
  for (const [what, text] of batches) {
    await post(room, text);
    await page.waitForFunction((t) => JSON.parse(window.palabre.state()).messages?.some((m) => m.text === t), text, { timeout: 15000 });
    await page.waitForTimeout(500);
    await report(what);
  }
  await context.close();
}
await browser.close();
await relay.stop();
rmSync(dataDir, { recursive: true, force: true });
