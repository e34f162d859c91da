// Accessibility of the DOM mirror: in Chromium's accessibility tree, every button and text field
// the app draws has a role and a non-empty name, on the landing page, the host console and the
// participant's views (issue 6). Runs against a real relay, like the e2e suite.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startRelay, launchBrowser, openApp, findItem, clickItem, openChat, viewports } from '../e2e/harness.mjs';

let relay, base, browser;

before(async () => {
  relay = await startRelay();
  base = relay.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await relay?.stop();
});

async function open(url, viewport = viewports.phone) {
  const { page } = await openApp(browser, url, { viewport });
  await page.waitForTimeout(300);
  return page;
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
  const host = await open(`${base}/#/host`, viewports.laptop);
  assertAllNamed(await controls(host), 'host create');
  await clickItem(host, 'create');
  await host.waitForFunction(() => window.palabre.info().links.join !== '');
  await host.waitForTimeout(300);
  assertAllNamed(await controls(host), 'host console');
  const join = await host.evaluate(() => window.palabre.info().links.join);

  const phone = await open(join);
  assertAllNamed(await controls(phone), 'participant name form');
  await clickItem(phone, 'name');
  await phone.keyboard.type('Zoé Lefèvre');
  await clickItem(phone, 'join');
  await findItem(phone, 'tab-chat');
  await phone.waitForTimeout(300);
  assertAllNamed(await controls(phone), 'participant welcome');
  await openChat(phone);
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
  await findItem(page, 'create');
});
