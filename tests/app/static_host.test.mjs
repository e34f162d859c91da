// Static hosting (issue 6): the built files served by a plain static server, the relay elsewhere.
// The relay URL comes from `?relay=` (kept in every link the app hands out) or from config.json
// beside index.html. Everything goes through the real UI: clicks and typing located by the mirror.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { startRelay, launchBrowser, openApp, freePort, clickItem, typeInto, openChat, viewports } from '../e2e/harness.mjs';

const web = process.env.PALABRE_WEB;
let relay, relayPort, browser;
const servers = [];

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
  // The relay serves no files here: the app comes from the static host.
  relay = await startRelay({ web: mkdtempSync(join(tmpdir(), 'palabre-noweb-')) });
  relayPort = relay.port;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await relay?.stop();
  for (const s of servers) s.close();
});

async function open(url, viewport = viewports.phone) {
  return (await openApp(browser, url, { viewport })).page;
}

async function roundTrip(site, query) {
  const host = await open(`${site}/${query}#/host`, viewports.laptop);
  await clickItem(host, 'create');
  const info = await host.waitForFunction(() => { const i = window.palabre.info(); return i.links.join ? i : null; });
  const links = (await info.jsonValue()).links;
  assert.ok(links.join.startsWith(`${site}/${query}#/join/`), `the join link stays on the static host: ${links.join}`);
  const phone = await open(links.join);
  await typeInto(phone, 'name', 'Zoé');
  await clickItem(phone, 'join');
  await openChat(phone);
  await typeInto(phone, 'message', 'Hébergé ailleurs — ça marche');
  await clickItem(phone, 'send');
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
