// Accessibility of the DOM mirror: in Chromium's accessibility tree, every button and text field
// the app draws has a role and a non-empty name, on the landing page, the host console and the
// participant's views (issue 6). Runs against a real relay, like the e2e suite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../e2e/node_modules/playwright-core');

let relay, base, browser;

before(async () => {
  const port = await new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
  });
  relay = spawn(process.env.PALABRE_BIN, ['serve', '--port', String(port), '--bind', '127.0.0.1',
    '--data', mkdtempSync(join(tmpdir(), 'palabre-a11y-')), '--web', process.env.PALABRE_WEB], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('relay did not start')), 10000);
    const on = (c) => { if (String(c).includes('listening on')) { clearTimeout(timer); resolve(); } };
    relay.stdout.on('data', on);
    relay.stderr.on('data', on);
  });
  base = `http://127.0.0.1:${port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
    '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
});

after(async () => {
  await browser?.close();
  relay?.kill('SIGTERM');
});

async function open(url, viewport = { width: 390, height: 844 }) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true);
  await page.waitForTimeout(300);
  return page;
}

async function item(page, key) {
  return (await page.waitForFunction((k) => window.palabre.items().find((i) => i.key === k) || null, key)).jsonValue();
}

/** Every interactive node of Chromium's accessibility tree (through the DevTools protocol). */
async function controls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((n) => !n.ignored && ['button', 'textbox', 'checkbox', 'tab', 'radio', 'link'].includes(n.role?.value))
    .map((n) => ({ role: n.role.value, name: n.name?.value ?? '' }));
}

function assertAllNamed(nodes, where) {
  assert.ok(nodes.length > 0, `${where}: the mirror exposes controls`);
  for (const n of nodes) assert.ok(n.name && n.name.trim().length > 0, `${where}: a ${n.role} without a name`);
}

test('given the landing page, when read by a screen reader, then every control has a role and a name', async () => {
  const page = await open(`${base}/`);
  const nodes = await controls(page);
  assertAllNamed(nodes, 'landing');
  assert.ok(nodes.some((n) => n.role === 'textbox' && n.name === 'Code de la session'));
  assert.ok(nodes.some((n) => n.role === 'button' && n.name === 'Animer une session'));
  // And the items of the mirror and the accessibility tree agree in number.
  assert.equal(nodes.length, (await page.evaluate(() => window.palabre.items())).length);
});

test('given a host and a participant, when their views are read, then every control has a name', async () => {
  const host = await open(`${base}/#/host`, { width: 1366, height: 768 });
  assertAllNamed(await controls(host), 'host create');
  const create = await item(host, 'create');
  await host.mouse.click(create.x + create.w / 2, create.y + create.h / 2);
  await host.waitForFunction(() => window.palabre.info().links.join !== '');
  await host.waitForTimeout(300);
  assertAllNamed(await controls(host), 'host console');
  const join = await host.evaluate(() => window.palabre.info().links.join);

  const phone = await open(join);
  assertAllNamed(await controls(phone), 'participant name form');
  const name = await item(phone, 'name');
  await phone.mouse.click(name.x + name.w / 2, name.y + name.h / 2);
  await phone.keyboard.type('Zoé Lefèvre');
  const go = await item(phone, 'join');
  await phone.mouse.click(go.x + go.w / 2, go.y + go.h / 2);
  await item(phone, 'message');
  await phone.waitForTimeout(300);
  const nodes = await controls(phone);
  assertAllNamed(nodes, 'participant chat');
  assert.ok(nodes.some((n) => n.role === 'button' && n.name === 'Envoyer'), 'the icon-only send button is named');
});

test('given a focused mirror button, when Enter is pressed, then the app acts as for a click', async () => {
  const page = await open(`${base}/`);
  let focused = '';
  for (let i = 0; i < 6 && focused !== 'Animer une session'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  }
  assert.equal(focused, 'Animer une session');
  // And a button the app shows disabled says so.
  assert.equal(await page.evaluate(() => document.querySelector('[data-key="go"]').getAttribute('aria-disabled')), 'true');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/host');
  await item(page, 'create');
});
