// The no-relay mode (issue 6): one browser, no `palabre serve` anywhere. The files come from a plain
// static server; a host tab creates a session "Sans relais — cet appareil", a kiosk tab opened from
// the host's kiosk link and a demo participant tab sync with it over a BroadcastChannel; the host tab
// reloads and the session is still there (its log is in the browser's storage). No page ever opens
// a WebSocket. Every input is a real click or key press located through the item mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import {
  launchBrowser, clickItem, typeInto, appState, appInfo, eventually, screenshot, waitReady, viewports, solidPng, pixelsOf,
} from './harness.mjs';
import { createHash } from 'node:crypto';

const web = process.env.PALABRE_WEB;
let server, base, browser;

/** A plain static server for the built files: no WebSocket endpoint, no relay. */
async function staticHost() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const s = createHttp((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (name.includes('..') || name.includes('/')) { res.writeHead(404); res.end(); return; }
    try {
      const body = readFileSync(join(web, name));
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { server: s, url: `http://127.0.0.1:${s.address().port}` };
}

before(async () => {
  if (!web) throw new Error('PALABRE_WEB must be set (ctest sets it)');
  ({ server, url: base } = await staticHost());
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

/** Scrolls the page's canvas (mouse wheel) until the item `key` is on screen, then clicks it. */
async function scrollToAndClick(page, key) {
  for (let i = 0; i < 20; i++) {
    const found = await page.evaluate((k) => (window.palabre.items() || []).some((item) => item.key === k), key);
    if (found) break;
    // Over the canvas's left margin: a wheel over a mirrored <input> would not reach the canvas.
    await page.mouse.move(20, page.viewportSize().height / 2);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(100);
  }
  return clickItem(page, key);
}

const plan = {
  format: 'palabre-plan', version: 1,
  session: { title: 'Atelier sans relais', host: 'Anne', locale: 'fr' },
  activities: [{ kind: 'brainstorm', title: 'Un mot pour votre rentrée ?', categories: [], dot_budget: 0, controlled: false }],
};
// The brainstorm's prompt has a picture, carried in the plan file (issue 18): without a relay it is
// kept in this browser's IndexedDB, where every tab of the room reads it.
const pictureColour = [0, 170, 60];
const picture = solidPng(pictureColour);
const pictureRef = createHash('sha256').update(picture).digest('hex');
plan.activities[0].image = pictureRef;
plan.images = { [pictureRef]: `data:image/png;base64,${picture.toString('base64')}` };

test('host, kiosk and a demo participant sync over BroadcastChannel, with no relay and no WebSocket', async () => {
  const context = await browser.newContext({ viewport: viewports.laptop, locale: 'fr-FR', deviceScaleFactor: 1 });
  const sockets = [];
  const errors = [];
  const open = async (url, viewport) => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    page.on('websocket', (ws) => sockets.push(ws.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await waitReady(page);
    return page;
  };

  // Given a host who creates a session without a relay
  const host = await open(`${base}/#/host`, viewports.laptop);
  await scrollToAndClick(host, 'create-local');
  const hostInfo = await eventually(async () => {
    const i = await appInfo(host);
    return i.connected && i.keeper && i.links?.kiosk && i.links?.join ? i : null;
  }, { what: 'local room created' });
  assert.equal(hostInfo.local, true);
  assert.equal(hostInfo.role, 'host');
  assert.match(hostInfo.links.kiosk, /#\/kiosk\/[A-Z0-9]{6}\/[0-9a-f]+\?local$/);
  assert.match(await host.evaluate(() => location.hash), new RegExp(`^#/host/${hostInfo.room}/[0-9a-f]+\\?local$`));

  // And a plan loaded through the file picker
  const planFile = join(mkdtempSync(join(tmpdir(), 'palabre-local-')), 'plan.palabre.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const [chooser] = await Promise.all([host.waitForEvent('filechooser'), clickItem(host, 'load-plan')]);
  await chooser.setFiles(planFile);
  const activity = await eventually(async () => (await appState(host)).activities?.[0], { what: 'plan loaded' });

  // And a kiosk tab opened from the host's kiosk link
  const kiosk = await open(hostInfo.links.kiosk, viewports.kiosk);
  await eventually(async () => (await appInfo(kiosk)).role === 'kiosk', { what: 'kiosk joined' });

  // When the host starts the brainstorm and a demo participant tab posts an idea
  await clickItem(host, `start-${activity.id}`);
  const phone = await open(hostInfo.links.join, viewports.phone);
  await typeInto(phone, 'name', 'Gaëlle Lecart');
  await clickItem(phone, 'join');
  const participantId = await eventually(async () => (await appInfo(phone)).you, { what: 'participant joined' });
  await typeInto(phone, 'idea', 'Curiosité');
  await clickItem(phone, 'post-idea');

  // Then the kiosk shows the running activity and the idea
  const ideaOn = async (page) => {
    const s = await appState(page);
    const a = s.activities?.find((x) => x.id === activity.id);
    return a?.status === 'running' && a.ideas?.some((i) => i.text === 'Curiosité' && i.by === participantId);
  };
  await eventually(() => ideaOn(kiosk), { what: 'kiosk shows the idea' });
  for (const [page, name] of [[kiosk, 'kiosk'], [phone, 'phone']])
    await eventually(async () => (await pixelsOf(page, pictureColour)) > 400, { what: `the ${name} to draw the prompt's picture` });
  await kiosk.waitForTimeout(300);
  await screenshot(kiosk, 'local-kiosk');

  // When the host tab reloads
  const seqBefore = (await appState(host)).last_seq ?? null;
  await host.reload();
  await waitReady(host);

  // Then the session is still there, kept by the reloaded tab, and the kiosk still follows it
  await eventually(async () => {
    const i = await appInfo(host);
    return i.connected && i.keeper && i.room === hostInfo.room;
  }, { what: 'host back in its room' });
  await eventually(() => ideaOn(host), { what: 'the reloaded host has the idea' });
  if (seqBefore !== null) assert.ok((await appState(host)).last_seq >= seqBefore);
  await typeInto(phone, 'idea', 'Partage');
  await clickItem(phone, 'post-idea');
  await eventually(async () => {
    const a = (await appState(kiosk)).activities?.find((x) => x.id === activity.id);
    return a?.ideas?.some((i) => i.text === 'Partage');
  }, { what: 'kiosk gets an idea posted after the host reload' });
  assert.equal((await appInfo(phone)).you, participantId, 'the participant is still the same person');
  await screenshot(host, 'local-host-after-reload');

  // And nothing ever opened a WebSocket, and no page reported an error
  assert.deepEqual(sockets, []);
  assert.deepEqual(errors, []);
  await context.close();
});
