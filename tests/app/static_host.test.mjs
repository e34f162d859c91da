// Static hosting (issue 6): the built files served by a plain static server, the relay elsewhere.
// The relay URL comes from `?relay=` (kept in every link the app hands out) or from config.json
// beside index.html. Everything goes through the real UI: clicks and typing located by the mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../e2e/node_modules/playwright-core');
const web = process.env.PALABRE_WEB;
let relay, relayPort, browser;
const servers = [];

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** A plain static server for the build directory; `config` (if given) replaces config.json. */
async function staticHost(config) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
  const server = createHttp((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const name = path === '/' ? 'index.html' : path.slice(1);
    if (name.includes('..') || name.includes('/')) { res.writeHead(404); res.end(); return; }
    try {
      const body = name === 'config.json' && config ? JSON.stringify(config) : readFileSync(join(web, name));
      res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  const port = await freePort();
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${port}`;
}

before(async () => {
  relayPort = await freePort();
  const emptyWeb = mkdtempSync(join(tmpdir(), 'palabre-noweb-'));
  relay = spawn(process.env.PALABRE_BIN, ['serve', '--port', String(relayPort), '--bind', '127.0.0.1',
    '--data', mkdtempSync(join(tmpdir(), 'palabre-static-')), '--web', emptyWeb], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('relay did not start')), 10000);
    const on = (c) => { if (String(c).includes('listening on')) { clearTimeout(timer); resolve(); } };
    relay.stdout.on('data', on);
    relay.stderr.on('data', on);
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
});

after(async () => {
  await browser?.close();
  relay?.kill('SIGTERM');
  for (const s of servers) s.close();
});

async function open(url, viewport = { width: 390, height: 844 }) {
  const page = await (await browser.newContext({ viewport, locale: 'fr-FR' })).newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true);
  return page;
}
async function click(page, key) {
  const i = await (await page.waitForFunction((k) => window.palabre.items().find((x) => x.key === k) || null, key)).jsonValue();
  await page.mouse.click(i.x + i.w / 2, i.y + i.h / 2);
}
async function type(page, key, text) { await click(page, key); await page.keyboard.type(text); }

async function roundTrip(site, query) {
  const host = await open(`${site}/${query}#/host`, { width: 1366, height: 768 });
  await click(host, 'create');
  const info = await host.waitForFunction(() => { const i = window.palabre.info(); return i.links.join ? i : null; });
  const links = (await info.jsonValue()).links;
  assert.ok(links.join.startsWith(`${site}/${query}#/join/`), `the join link stays on the static host: ${links.join}`);
  const phone = await open(links.join);
  await type(phone, 'name', 'Zoé');
  await click(phone, 'join');
  await type(phone, 'message', 'Hébergé ailleurs — ça marche');
  await click(phone, 'send');
  await host.waitForFunction(() => JSON.parse(window.palabre.state()).messages.some((m) => m.text === 'Hébergé ailleurs — ça marche'));
  assert.equal((await host.evaluate(() => window.palabre.info())).relay, `ws://127.0.0.1:${relayPort}/ws`);
}

test('given files on a static host and ?relay=, when a host and a participant meet, then messages flow through that relay', async () => {
  const site = await staticHost();
  await roundTrip(site, `?relay=${encodeURIComponent(`ws://127.0.0.1:${relayPort}/ws`)}`);
});

test('given files on a static host and a config.json naming the relay, when they meet, then messages flow', async () => {
  const site = await staticHost({ relay: `ws://127.0.0.1:${relayPort}/ws` });
  await roundTrip(site, '');
});
