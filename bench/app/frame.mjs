// Host and kiosk frame time with a big room (issue 7): 10,000 participants and 2,000 post-its on a
// board, while live ideas and likes keep arriving. The room is written straight into a relay's data
// directory (the files `palabre serve` itself writes, docs/protocol.md "Persistence"), then the host
// (1366×768) and the kiosk (1920×1080) open it in headless Chromium: the catch-up time is from
// navigation until the app holds all 14,000 envelopes, then for a few
// seconds the app is asked for a frame at every animation frame and each frame's time inside the app
// is recorded (window.palabre.frameTimes, main.cpp).
// Usage: node bench/app/frame.mjs [participants] [postits] [seconds]  (after ./scripts/build.sh)
// PALABRE_BIN / PALABRE_WEB choose the relay binary and the built web directory.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.PALABRE_BIN ??= join(root, 'build/native/src/cli/palabre');
process.env.PALABRE_WEB ??= join(root, 'build/wasm/web');
const { startRelay, launchBrowser, viewports } = await import(join(root, 'tests/e2e/harness.mjs'));

const participants = Number(process.argv[2] ?? 10000);
const postits = Number(process.argv[3] ?? 2000);
const seconds = Number(process.argv[4] ?? 6);

// [SECTION] The room on disk ---------------------------------------------------------------------
const room = 'FRMBNC';  // six letters of the room-code alphabet
const hostToken = randomBytes(16).toString('hex');
const kioskToken = randomBytes(16).toString('hex');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const zones = ['Communauté apprenante', 'Espace de ressources', 'Réseau national'];
const colors = ['yellow', 'pink', 'blue', 'green'];
const words = ['Partager', 'des retours', "d'expérience", 'entre lieux', 'fiches pratiques', 'rompre', "l'isolement",
  'petites structures', 'veille', 'numérique', 'mutualiser', 'les outils', 'formations', 'courtes'];

function writeRoom(dir) {
  const t0 = Date.UTC(2026, 10, 28, 9, 0, 0);
  const lines = [JSON.stringify({ format: 'palabre-log', version: 1, room, created: t0 })];
  let seq = 0;
  const env = (from, role, vis, ev) => {
    seq += 1;
    lines.push(JSON.stringify({ seq, at: t0 + seq * 50, from, role, vis, ev }));
    return seq;
  };
  env('relay', 'relay', 'public', { type: 'presence', who: 'h1', online: true });
  env('h1', 'host', 'public', { type: 'session.configure', title: 'Grand atelier — 10 000 voix', host: 'Anne Le Gall',
    date: '2026-11-28', locale: 'fr', timezone: 'Europe/Paris' });
  const board = env('h1', 'host', 'public', { type: 'activity.add', activity: { kind: 'board',
    title: 'Votre rapport au réseau', hint: 'Un post-it par idée, dans la bonne zone.', categories: zones } });
  env('h1', 'host', 'public', { type: 'activity.start', id: board });
  for (let p = 0; p < participants; p++) {
    env(`p${p + 3}`, 'participant', 'public', { type: 'participant.join', name: `Participant ${p + 1}` });
  }
  const ideaIds = [];
  for (let i = 0; i < postits; i++) {
    const zone = i % zones.length;
    const text = `${words[i % words.length]} ${words[(i * 7 + 3) % words.length]} #${i + 1}`;
    ideaIds.push(env(`p${(i % participants) + 3}`, 'participant', 'public', { type: 'idea.post', activity: board, text,
      category: zone, x: Math.floor(((zone + Math.random()) / zones.length) * 9000), y: Math.floor(Math.random() * 9000),
      color: colors[i % colors.length] }));
  }
  for (let i = 0; i < postits; i++) {  // a like on every post-it from someone else
    env(`p${((i + 1) % participants) + 3}`, 'participant', 'staff', { type: 'idea.like', activity: board, id: ideaIds[i], liked: true });
  }
  writeFileSync(join(dir, `${room}.palabre.jsonl`), lines.join('\n') + '\n', { mode: 0o600 });
  writeFileSync(join(dir, `${room}.members.jsonl`), JSON.stringify({ format: 'palabre-members', version: 1, room,
    host: sha256(hostToken), kiosk: sha256(kioskToken), anon_key: randomBytes(16).toString('hex') }) + '\n', { mode: 0o600 });
  return { envelopes: seq, board };
}

// [SECTION] Measuring ----------------------------------------------------------------------------
const quantile = (values, q) => {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.min(v.length - 1, Math.floor(q * v.length))];
};

/** Live traffic while measuring: a few participants joining and posting, from another page. */
async function startLiveTraffic(browser, relayUrl, board) {
  const page = await browser.newPage();
  await page.goto(`${relayUrl}/config.json`);
  await page.evaluate(({ url, room, board }) => {
    window.sent = 0;
    for (let c = 0; c < 5; c++) {
      const ws = new WebSocket(url);
      ws.onopen = () => ws.send(JSON.stringify({ t: 'join', room }));
      ws.onmessage = (m) => {
        if (!m.data.startsWith('{"t":"joined"')) return;
        ws.send(JSON.stringify({ t: 'event', vis: 'public', ev: { type: 'participant.join', name: `En direct ${c + 1}` } }));
        let n = 0;
        setInterval(() => {  // 10 events/s per client, under the relay's 20/s limit
          n += 1;
          const ev = n % 2 ? { type: 'idea.post', activity: board, text: `En direct ${c + 1}.${n}`, category: n % 3,
            x: (n * 397) % 9000, y: (n * 211) % 9000, color: 'green' } : { type: 'idea.like', activity: board, id: 10 + n, liked: true };
          ws.send(JSON.stringify({ t: 'event', vis: ev.type === 'idea.like' ? 'staff' : 'public', ev }));
          window.sent += 1;
        }, 100);
      };
    }
  }, { url: relayUrl.replace('http', 'ws') + '/ws', room, board });
  return page;
}

async function measure(browser, relayUrl, label, hash, viewport, expected) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', deviceScaleFactor: 1 });
  const page = await context.newPage();
  // PALABRE_PROFILE=DIR: Chromium CPU profiles of the catch-up (DIR/catchup-<label>.cpuprofile) and
  // of the measured seconds (DIR/frame-<label>.cpuprofile).
  const cdp = process.env.PALABRE_PROFILE ? await context.newCDPSession(page) : null;
  const saveProfile = async (name) => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(process.env.PALABRE_PROFILE, `${name}-${label}.cpuprofile`), JSON.stringify(profile));
  };
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
  const started = Date.now();
  await page.goto(`${relayUrl}/${hash}`);
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true, null, { timeout: 60000 });
  // Caught up: the app has drawn a frame after receiving every envelope of the room.
  await page.waitForFunction((n) => {
    const info = window.palabre.info ? window.palabre.info() : {};
    return info.connected && info.seq >= n;
  }, expected, { timeout: 120000, polling: 50 });
  const catchUp = Date.now() - started;
  if (cdp) { await saveProfile('catchup'); await cdp.send('Profiler.start'); }
  await page.evaluate(() => { window.palabre.frameTimes = []; });
  // The app is asked for a frame at every animation frame (as while a post-it is dragged), with
  // the pointer over the board, while the live participants keep posting.
  await page.mouse.move(viewport.width * 0.45, viewport.height * 0.75);
  const wall = await page.evaluate((ms) => new Promise((done) => {
    const start = performance.now();
    const step = () => {
      if (performance.now() - start >= ms) { done(performance.now() - start); return; }
      Module._palabre_wake();
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }), seconds * 1000);
  const times = await page.evaluate(() => window.palabre.frameTimes);
  if (cdp) await saveProfile('frame');
  const info = await page.evaluate(() => window.palabre.info());
  if (process.env.PALABRE_SCREENSHOTS) {
    await page.screenshot({ path: join(process.env.PALABRE_SCREENSHOTS, `frame-${label}.png`), timeout: 90000 })
      .catch((e) => console.log(`(no screenshot of ${label}: ${e.message.split('\n')[0]})`));
  }
  await context.close();
  const fmt = (v) => v.toFixed(1);
  console.log(`${label.padEnd(6)} ${viewport.width}×${viewport.height}: caught up with ${expected} envelopes in ${catchUp} ms; ` +
    `${times.length} frames in ${(wall / 1000).toFixed(1)} s (${(times.length * 1000 / wall).toFixed(0)}/s), frame time median ${fmt(quantile(times, 0.5))} ms, p95 ${fmt(quantile(times, 0.95))} ms, ` +
    `max ${fmt(Math.max(...times))} ms; last seq ${info.seq}`);
  if (!times.length) throw new Error(`${label}: no frame drawn while measuring`);
  return { catchUp, median: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), frames: times.length };
}

// [SECTION] Run ----------------------------------------------------------------------------------
const data = mkdtempSync(join(tmpdir(), 'palabre-frame-'));
const { envelopes, board } = writeRoom(data);
const relay = await startRelay({ dataDir: data });
const browser = await launchBrowser();
try {
  console.log(`room ${room}: ${participants} participants, ${postits} post-its on a board (+ a like each): ${envelopes} envelopes`);
  const traffic = await startLiveTraffic(browser, relay.url, board);
  await measure(browser, relay.url, 'host', `#/host/${room}/${hostToken}`, viewports.laptop, envelopes);
  await measure(browser, relay.url, 'kiosk', `#/kiosk/${room}/${kioskToken}`, viewports.kiosk, envelopes);
  console.log(`live traffic during the run: ${await traffic.evaluate(() => window.sent)} events from 5 participants`);
} finally {
  await browser.close();
  await relay.stop();
  rmSync(data, { recursive: true, force: true });
}
