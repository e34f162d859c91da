// A big room's catch-up in the browser (issue 20): a host and a participant open a room of N
// envelopes that a relay holds on disk, in headless Chromium, and the bench times, in the page,
// from the relay's `joined` (the history starts to arrive) to the first frame the app drew holding
// every envelope it may see (a participant is sent the public ones): the catch-up proper. It also gives the time from navigation (download, compile
// and first frame included).
// The room: 10,000 participants (fewer in small runs) join; a board gets 2,000 post-its and a like
// each; past 14,004 envelopes a survey of 8 questions is answered by everyone and the rest is chat,
// as a day-long workshop of 10,000 people would leave.
// Usage: node bench/app/catchup.mjs [envelopes…] [--runs N]   (default 14004 100000, 3 runs)
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

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const sizes = args.length ? args.map(Number) : [14004, 100000];

const room = 'CTCHUP';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// [SECTION] The room on disk ---------------------------------------------------------------------
function writeRoom(dir, total, hostToken) {
  const t0 = Date.UTC(2026, 11, 5, 9, 0, 0);
  const lines = [JSON.stringify({ format: 'palabre-log', version: 1, room, created: t0 })];
  let seq = 0, lastPublic = 0;
  const env = (from, role, vis, ev) => {
    seq += 1;
    if (vis === 'public') lastPublic = seq;
    lines.push(JSON.stringify({ seq, at: t0 + seq * 50, from, role, vis, ev }));
    return seq;
  };
  const participants = Math.min(10000, Math.max(10, Math.floor((total - 4) * 10 / 14)));
  const postits = Math.min(2000, Math.floor((total - 4 - participants) / 2));
  env('relay', 'relay', 'public', { type: 'presence', who: 'h1', online: true });
  env('h1', 'host', 'public', { type: 'session.configure', title: 'Grand atelier — 10 000 voix', host: 'Anne Le Gall',
    date: '2026-12-05', locale: 'fr', timezone: 'Europe/Paris' });
  const zones = ['Communauté apprenante', 'Espace de ressources', 'Réseau national'];
  const board = env('h1', 'host', 'public', { type: 'activity.add', activity: { kind: 'board',
    title: 'Votre rapport au réseau', hint: 'Un post-it par idée, dans la bonne zone.', categories: zones } });
  env('h1', 'host', 'public', { type: 'activity.start', id: board });
  for (let p = 0; p < participants; p++) env(`p${p + 3}`, 'participant', 'public', { type: 'participant.join', name: `Participant ${p + 1} — Lê Thị Ánh` });
  const ideas = [];
  for (let i = 0; i < postits; i++) {
    ideas.push(env(`p${(i % participants) + 3}`, 'participant', 'public', { type: 'idea.post', activity: board,
      text: `Partager des retours d'expérience entre lieux #${i + 1}`, category: i % 3, x: (i * 397) % 9000, y: (i * 211) % 9000, color: 'yellow' }));
  }
  for (let i = 0; i < postits; i++) {
    env(`p${((i + 1) % participants) + 3}`, 'participant', 'staff', { type: 'idea.like', activity: board, id: ideas[i], liked: true });
  }
  if (seq + 3 < total) {
    const questions = Array.from({ length: 8 }, (_, q) => ({ kind: 'single', text: `Question ${q + 1} : comment jugez-vous la journée ?`,
      choices: ['Très bien', 'Bien', 'Moyen', 'Pas du tout'] }));
    const survey = env('h1', 'host', 'public', { type: 'activity.add', activity: { kind: 'survey', title: 'Votre avis sur la journée', questions } });
    env('h1', 'host', 'public', { type: 'activity.start', id: survey });
    for (let q = 0; q < 8 && seq < total - 1; q++) {
      for (let p = 0; p < participants && seq < total - 1; p++) {
        env(`p${p + 3}`, 'participant', 'staff', { type: 'survey.answer', activity: survey, question: q, choices: [(p + q) % 4] });
      }
    }
    for (let i = 0; seq < total; i++) {
      env(`p${(i % participants) + 3}`, 'participant', 'public', { type: 'chat.post', text: `Merci pour cette journée, message ${i + 1} ☕` });
    }
  }
  writeFileSync(join(dir, `${room}.palabre.jsonl`), lines.join('\n') + '\n', { mode: 0o600 });
  const members = [JSON.stringify({ format: 'palabre-members', version: 1, room, host: sha256(hostToken),
    kiosk: sha256(randomBytes(16).toString('hex')), anon_key: randomBytes(16).toString('hex') })];
  const participantToken = randomBytes(16).toString('hex');
  members.push(JSON.stringify({ id: 'p3', token: sha256(participantToken) }));
  writeFileSync(join(dir, `${room}.members.jsonl`), members.join('\n') + '\n', { mode: 0o600 });
  return { envelopes: seq, lastPublic, participants, participantToken };
}

// [SECTION] Measuring ----------------------------------------------------------------------------
// In the page, before the app: when `joined` arrived, and the first animation frame after which
// the app had drawn a frame holding every envelope.
const probe = () => {
  window.catchup = { joined: 0, live: 0 };
  const Native = window.WebSocket;
  window.WebSocket = function (...a) {
    const ws = new Native(...a);
    ws.addEventListener('message', (m) => {
      if (!window.catchup.joined && typeof m.data === 'string' && m.data.startsWith('{"t":"joined"')) window.catchup.joined = performance.now();
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
};

async function measure(browser, relay, label, hash, viewport, expected, storage = {}) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.addInitScript(probe);
  page.on('crash', () => console.log(`${label}: the page crashed`));
  if (process.env.PALABRE_DEBUG) page.on('console', (m) => console.log(`${label}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`${label}: ${e.message}`));
  // A returning participant: its resume token where the app keeps it (app_state.cpp).
  await page.addInitScript((items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }, storage);
  // PALABRE_PROFILE=DIR: a Chromium CPU profile of each catch-up (DIR/catchup-<label>-<size>.cpuprofile).
  const cdp = process.env.PALABRE_PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.start'); }
  await page.goto(`${relay.url}/${hash}`);
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true, null, { timeout: 60000 });
  // Checked at every animation frame: the app's highest seq and frames drawn since.
  await page.evaluate((n) => new Promise((done) => {
    let heldAt = -1;
    const step = () => {
      const info = window.palabre.info();
      // The app draws on demand: once it holds every envelope, a frame is asked for (as an arriving
      // envelope would), and the first one drawn from then on is the live frame.
      if (heldAt < 0 && info.seq >= n) { heldAt = info.frames; Module._palabre_wake(); }
      if (heldAt >= 0 && info.frames > heldAt) { window.catchup.live = performance.now(); done(); return; }
      requestAnimationFrame(step);
    };
    step();
  }), expected);
  const t = await page.evaluate(() => window.catchup);
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(process.env.PALABRE_PROFILE, `catchup-${label}-${expected}.cpuprofile`), JSON.stringify(profile));
  }
  await context.close();
  return { label, fromJoined: t.live - t.joined, fromNavigation: t.live };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// [SECTION] Run ----------------------------------------------------------------------------------
const browser = await launchBrowser();
try {
  for (const size of sizes) {
    const data = mkdtempSync(join(tmpdir(), 'palabre-catchup-'));
    const hostToken = randomBytes(16).toString('hex');
    const { envelopes, lastPublic, participants, participantToken } = writeRoom(data, size, hostToken);
    const relay = await startRelay({ dataDir: data });
    try {
      const results = { host: [], participant: [] };
      for (let r = 0; r < runs; r++) {
        results.host.push(await measure(browser, relay, 'host', `#/host/${room}/${hostToken}`, viewports.laptop, envelopes));
        results.participant.push(await measure(browser, relay, 'participant', `#/join/${room}`, viewports.phone, lastPublic,
          { [`palabre.member.${room}`]: participantToken }));
      }
      console.log(`room of ${envelopes} envelopes (${participants} participants), medians of ${runs}:`);
      for (const [who, list] of Object.entries(results)) {
        const joined = list.map((x) => x.fromJoined), nav = list.map((x) => x.fromNavigation);
        console.log(`  ${who.padEnd(11)} joined → first live frame ${median(joined).toFixed(0)} ms (runs ${joined.map((v) => v.toFixed(0)).join(', ')}); ` +
          `navigation → first live frame ${median(nav).toFixed(0)} ms`);
      }
    } finally {
      await relay.stop();
      rmSync(data, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
