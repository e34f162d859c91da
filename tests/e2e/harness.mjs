// Shared pieces of the browser tests: a real relay on a free port, Debian's chromium, and input that
// goes through real clicks and key presses located by the app's item mirror (window.palabre.items()).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export const screenshotsDir = process.env.PALABRE_SCREENSHOTS ?? join(tmpdir(), 'palabre-screenshots');
mkdirSync(screenshotsDir, { recursive: true });

export const viewports = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
  kiosk: { width: 1920, height: 1080 },
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A room's log written by hand for writeStoredRoom: `env(from, role, vis, ev)` appends the next
 *  envelope (seq in order, `at` `stepMs` apart from `t0`) and returns its seq. */
export function envelopeLog(t0, stepMs = 1) {
  const envelopes = [];
  const env = (from, role, vis, ev) => {
    envelopes.push({ seq: envelopes.length + 1, at: t0 + (envelopes.length + 1) * stepMs, from, role, vis, ev });
    return envelopes.length;
  };
  return { envelopes, env };
}

/** Writes a room as `palabre serve` stores it (docs/protocol.md "Persistence"), for a relay started
 *  on `dir` to load: the log (its header line, then `envelopes`, already stamped with seq and at) and
 *  the members' sidecar with hashed tokens — the host's, the kiosk's, and `tokens` (member id → token). */
export function writeStoredRoom(dir, { room, created, envelopes, hostToken, kioskToken, tokens }) {
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const lines = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(join(dir, `${room}.palabre.jsonl`), lines([{ format: 'palabre-log', version: 1, room, created }, ...envelopes]),
    { mode: 0o600 });
  const members = [{ format: 'palabre-members', version: 1, room, host: sha256(hostToken), kiosk: sha256(kioskToken),
    anon_key: randomBytes(16).toString('hex') }];
  for (const [id, token] of Object.entries(tokens)) members.push({ id, token: sha256(token) });
  writeFileSync(join(dir, `${room}.members.jsonl`), lines(members), { mode: 0o600 });
}

/** Starts `palabre serve` on a free port with a fresh data dir; resolves once it listens.
 *  `web`: the directory it serves (the wasm build's by default); `args`: more options (`--redis`). */
export async function startRelay({ dataDir, web = process.env.PALABRE_WEB, args = [] } = {}) {
  const bin = process.env.PALABRE_BIN;
  if (!bin || !web) throw new Error('PALABRE_BIN and PALABRE_WEB must be set (ctest sets them)');
  const port = await freePort();
  const data = dataDir ?? mkdtempSync(join(tmpdir(), 'palabre-e2e-'));
  const child = spawn(bin, ['serve', '--port', String(port), '--bind', '127.0.0.1', '--data', data, '--web', web, ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 10000);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('listening on')) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`relay exited (${code}):\n${output}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir: data,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      if (!dataDir) rmSync(data, { recursive: true, force: true });
    },
  };
}

/** One relay and one browser for all the tests of a file: started before the first, stopped after
 *  the last. Returns an object whose `relay` and `browser` are set once they run. With
 *  `storedRooms(dataDir)`, the relay starts on a fresh data directory that function has written
 *  rooms into (writeStoredRoom); what it returns is `prepared`, and the directory goes after the
 *  last test unless `keepData`. */
export function sharedRelayAndBrowser({ storedRooms, keepData = false } = {}) {
  const shared = { relay: null, browser: null, dataDir: null, prepared: undefined };
  before(async () => {
    if (storedRooms) {
      shared.dataDir = mkdtempSync(join(tmpdir(), 'palabre-rooms-'));
      shared.prepared = storedRooms(shared.dataDir);
    }
    shared.relay = await startRelay(shared.dataDir ? { dataDir: shared.dataDir } : {});
    shared.browser = await launchBrowser();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.relay?.stop();
    if (shared.dataDir && !keepData) rmSync(shared.dataDir, { recursive: true, force: true });
  });
  return shared;
}

/** Debian's chromium, headless, with WebGL2 on SwiftShader (flags from DESIGN.md). */
export async function launchBrowser() {
  // playwright gives every launch a fresh, empty profile of its own (DESIGN.md's --user-data-dir).
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic'],
  });
  return browser;
}

/** Opens `url` in a new context of the given size; waits for the app's first frame. */
export async function openApp(browser, url, { viewport = viewports.laptop, locale = 'fr-FR', timezoneId = 'Europe/Paris', context: shared } = {}) {
  const context = shared ?? await browser.newContext({ viewport, locale, timezoneId, deviceScaleFactor: 1, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [], warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); else if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(url);
  await waitReady(page);
  return { context, page, errors, warnings };
}

export async function waitReady(page) {
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true, null, { timeout: 30000 });
}

/** Waits until the mirror shows an item with this key, and returns it. The page may be loading
 *  (a host link reloads into the full module), when window.palabre is not there yet. */
export async function findItem(page, key, { timeout = 15000 } = {}) {
  const handle = await page.waitForFunction(
    (k) => (window.palabre?.items?.() || []).find((item) => item.key === k) || null, key, { timeout });
  return handle.jsonValue();
}

/** Whether the mirror shows an item with this key within `timeout` ms: the check clickUntil repeats. */
export function isDrawn(page, key, timeout = 1500) {
  return findItem(page, key, { timeout }).then(() => true, () => false);
}

/** A real mouse click at the centre of the item's rectangle on the canvas. */
export async function clickItem(page, key) {
  const item = await findItem(page, key);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  return item;
}

/** A participant's messages: the chat tab, opened if another tab shows (the welcome tab first). */
export async function openChat(page) {
  await findItem(page, 'tab-chat');
  const onChat = await page.evaluate(() => (window.palabre.items() || []).some((i) => i.key === 'message'));
  if (!onChat) await clickItem(page, 'tab-chat');
  return findItem(page, 'message');
}

/** Clicks a text field, then types into it with the keyboard. */
export async function typeInto(page, key, text) {
  await clickItem(page, key);
  await page.keyboard.type(text, { delay: 10 });
}

export async function appState(page) {
  return JSON.parse(await page.evaluate(() => window.palabre.state()));
}

export async function appInfo(page) {
  return page.evaluate(() => window.palabre.info());
}

/** Polls `check(page)` until it returns a truthy value. */
export async function eventually(check, { timeout = 15000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`) });
}

/** The item with this key, scrolling the region under (x, y) with the mouse wheel until it is drawn
 *  (the mirror lists only items on screen, as a person sees them). Down first, then back up. */
export async function reachItem(page, key, { x, y, steps = 30, delta = 50 } = {}) {
  const size = page.viewportSize();
  const at = { x: x ?? size.width / 2, y: y ?? size.height / 2 };
  const visible = async () => page.evaluate((k) => {
    const item = (window.palabre.items() || []).find((i) => i.key === k);
    return item && item.y >= 0 && item.y + item.h <= window.innerHeight ? item : null;
  }, key);
  // Settled: the same place on two looks in a row (a panel that just opened may still scroll).
  const settled = async () => {
    const first = await visible();
    if (!first) return null;
    await page.waitForTimeout(60);
    const second = await visible();
    return second && second.x === first.x && second.y === first.y ? second : null;
  };
  for (const direction of [1, -1]) {
    for (let i = 0; i <= steps; i++) {
      const item = await settled();
      if (item) return item;
      await page.mouse.move(at.x, at.y);
      await page.mouse.wheel(0, direction * delta);
      await page.waitForTimeout(80);
    }
  }
  try {
    return await findItem(page, key, { timeout: 3000 });
  } catch (e) {
    const keys = await page.evaluate(() => (window.palabre.items() || []).map((i) => i.key).join(' '));
    await page.screenshot({ path: join(screenshotsDir, `failure-${key}.png`) });
    throw new Error(`no item "${key}" on ${page.url()} after scrolling; on screen: ${keys}`);
  }
}

/** Clicks `key` (reached as clickReached does) until `done()` holds. A click that lands while the
 *  page is still settling is lost; a person sees nothing happen and clicks again, and so does this. */
export async function clickUntil(page, key, done, { area, timeout = 30000, what = `${key} to take effect` } = {}) {
  await eventually(async () => {
    if (await done()) return true;
    await clickReached(page, key, area).catch(() => {});
    return false;
  }, { timeout, interval: 1500, what });
}

/** Clicks an item after scrolling it into view. */
export async function clickReached(page, key, where = {}) {
  // Hover first, as a hand does, and click only where the item still is a moment later: a list that
  // scrolls a new row into view moves everything under the pointer for a few frames.
  let item = await reachItem(page, key, where);
  for (let tries = 0; tries < 5; tries++) {
    await page.mouse.move(item.x + item.w / 2, item.y + item.h / 2);
    await page.waitForTimeout(100);
    const now = await reachItem(page, key, where);
    if (now.x === item.x && now.y === item.y) break;
    item = now;
  }
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  await page.waitForTimeout(60);
  return item;
}

/** Opens the editor on a new activity of `kind`: "Ajouter", then the kind. A press on "Ajouter" that
 *  opens nothing (seen in CI on every test that adds, right after the console loads) is given again
 *  until the form's footer shows, as a person would once they see no form. */
export async function openNewActivity(page, kind, area = {}) {
  await clickUntil(page, 'add', () => isDrawn(page, 'act-cancel'), { area, what: 'the editor to open' });
  await clickReached(page, `add-kind-${kind}`, area);
}

/** Replaces a text field's whole value: click, select all, type. */
export async function fillField(page, key, text, where = {}) {
  await clickReached(page, key, where);
  await page.keyboard.press('Control+A');
  // As a paste or an IME commit: one input event for the whole text (typeInto types key by key).
  await page.keyboard.insertText(text);
  await page.waitForTimeout(30);
}

/** The host's exports (plan, reports, log) live in the "Exporter" menu: opens it. */
const exportKeys = /^(plan-save|report-\w+|export-log)$/u;
export async function openExportMenu(page, where = {}) {
  await clickReached(page, 'export', where);
  await findItem(page, 'report-html');
}

/** Clicks a download button (opening the export menu first for an export); resolves to the
 *  downloaded file's text and name. */
export async function downloadVia(page, key, where = {}) {
  const { readFileSync } = await import('node:fs');
  if (exportKeys.test(key)) await openExportMenu(page, where);
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, key)]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

// [SECTION] layout check (issue 15): nothing cut without a sign, nothing drawn over anything else

/** Windows whose old entries roll off the top on purpose, newest at the bottom (a chat wall). */
const feedWindows = /kiosk-wall|chat/u;

/** What is wrong with the layout of one frame (window.palabre.drawn()), one line per problem:
 *  a text partly outside the region it is seen in, with no scrollbar on that side; a text left out
 *  entirely of a region that cannot scroll; a button whose label is wider than the button; two texts
 *  of one window drawn over each other. */
export function layoutProblems(drawn) {
  const problems = [];
  const tolerance = 1.5;
  const shown = [];
  for (const d of drawn) {
    if (!(d.w > 0 && d.h > 0)) continue;
    const c = d.clip;
    const box = { x0: d.x, y0: d.y, x1: d.x + d.w, y1: d.y + d.h };
    const inside = { x0: Math.max(box.x0, c.x0), y0: Math.max(box.y0, c.y0), x1: Math.min(box.x1, c.x1), y1: Math.min(box.y1, c.y1) };
    const seen = inside.x1 - inside.x0 > 0.5 && inside.y1 - inside.y0 > 0.5;
    const quote = `"${d.text.length > 48 ? d.text.slice(0, 47) + '…' : d.text}" (${d.window})`;
    if (d.fits === false) problems.push(`label wider than its button: ${quote}`);
    const canScrollY = (d.scrollbars & 1) !== 0, canScrollX = (d.scrollbars & 2) !== 0;
    if (!seen) {
      const rolledOff = feedWindows.test(d.window) && box.y1 <= c.y0 + tolerance;
      const below = box.y0 >= c.y1 - tolerance, above = box.y1 <= c.y0 + tolerance;
      const sideways = box.x0 >= c.x1 - tolerance || box.x1 <= c.x0 + tolerance;
      // Above or below the region (or the region itself scrolled away): a vertical scroll reaches it.
      if (!rolledOff && ((below || above) ? !canScrollY : sideways && !canScrollX))
        problems.push(`left out, with no way to scroll to it: ${quote}`);
      continue;
    }
    const cutY = box.y0 < c.y0 - tolerance || box.y1 > c.y1 + tolerance;
    const cutX = box.x0 < c.x0 - tolerance || box.x1 > c.x1 + tolerance;
    if ((cutY && !canScrollY) || (cutX && !canScrollX))
      problems.push(`cut off${cutX ? ' at the side' : ''}${cutY ? ' at the top or bottom' : ''}: ${quote} box ${fmt(box)} in ${fmt(c)}`);
    shown.push({ d, box: inside, quote });
  }
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i], b = shown[j];
      if (a.d.window !== b.d.window) continue;
      if (a.d.free && b.d.free) continue;  // post-its people put over each other on a board
      if (a.d.text === b.d.text && a.d.x === b.d.x && a.d.y === b.d.y) continue;  // recorded twice
      const ix = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
      const iy = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
      if (ix > 2 && iy > 2) problems.push(`overlap: ${a.quote} ${fmt(a.box)} and ${b.quote} ${fmt(b.box)}`);
    }
  }
  return problems;
}
const fmt = (r) => `[${Math.round(r.x0)},${Math.round(r.y0)}–${Math.round(r.x1)},${Math.round(r.y1)}]`;

/** The layout problems of what `page` draws now, after a settled frame. */
export async function pageLayoutProblems(page) {
  return layoutProblems(await page.evaluate(() => window.palabre.drawn()));
}

// [SECTION] pictures (issue 18)

/** A PNG of `width` × `height` pixels all of colour `rgb`, as bytes. */
export function solidPng([r, g, b], width = 480, height = 320) {
  const { crc32, deflateSync } = require('node:zlib');
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0);
    return Buffer.concat([head, Buffer.from(type, 'latin1'), data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8 bits, RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))), chunk('IEND', Buffer.alloc(0))]);
}

/** How many pixels of what `page` shows now are (about) colour `rgb`: the screen's own pixels,
 *  from a screenshot, never the state the view read. */
export async function pixelsOf(page, rgb) {
  const png = await page.screenshot();
  return page.evaluate(async ({ b64, rgb }) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const d = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - rgb[0]) < 16 && Math.abs(d[i + 1] - rgb[1]) < 16 && Math.abs(d[i + 2] - rgb[2]) < 16) n++;
    return n;
  }, { b64: png.toString('base64'), rgb });
}

// [SECTION] accessibility (issue 19): axe-core on the page, and the content the mirror carries
const axeSource = require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA violations on the page as it is now, one line each:
 *  "rule (impact): what — the elements". Evaluated through the debugging protocol, so the app's
 *  Content-Security-Policy stays as it is. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')
    + (n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : '')).join('; ')}`);
}

/** Each text the views drew in sight (window.palabre.drawn()) that the page's DOM does not carry as
 *  text or as a control's name: what a screen reader, find-in-page or axe would miss. */
export async function textsMissingFromMirror(page) {
  return page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const layer = document.getElementById('palabre-mirror');
    if (!layer) return ['(no mirror layer)'];
    const said = [];
    for (const el of layer.querySelectorAll('*')) said.push(norm(el.textContent || ''), norm(el.getAttribute('aria-label') || ''),
      norm(el.value || ''), norm(el.placeholder || ''));
    const all = said.join('\n');
    return window.palabre.drawn().filter((d) => d.visible && d.y < innerHeight && d.y + d.h > 0)
      .map((d) => norm(d.text)).filter((t) => t && !all.includes(t));
  });
}
