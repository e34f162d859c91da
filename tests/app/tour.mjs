// A visual tour of the app through its real UI (clicks and typing located by the item mirror):
// a host loads the seed workshop's plan, two participants (phone) join, answer, and the kiosk and
// host show results. Saves screenshots of every step at phone, laptop and kiosk sizes.
// usage: PALABRE_BIN=… PALABRE_WEB=… node tests/app/tour.mjs OUT_DIR
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../e2e/node_modules/playwright-core');
const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(tmpdir(), 'palabre-tour');
mkdirSync(out, { recursive: true });
const sizes = { phone: { width: 390, height: 844 }, laptop: { width: 1366, height: 768 }, kiosk: { width: 1920, height: 1080 } };

async function freePort() {
  return new Promise((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); }); });
}
const port = await freePort();
const relay = spawn(process.env.PALABRE_BIN, ['serve', '--port', String(port), '--bind', '127.0.0.1', '--data', mkdtempSync(join(tmpdir(), 'tour-')), '--web', process.env.PALABRE_WEB], { stdio: ['ignore', 'pipe', 'pipe'] });
await new Promise((resolve) => { const on = (c) => { if (String(c).includes('listening on')) resolve(); }; relay.stdout.on('data', on); relay.stderr.on('data', on); });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });

async function open(url, size) {
  const context = await browser.newContext({ viewport: sizes[size], locale: 'fr-FR', deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true);
  return page;
}
async function item(page, key, timeout = 15000) {
  const h = await page.waitForFunction((k) => window.palabre.items().find((i) => i.key === k) || null, key, { timeout });
  return h.jsonValue();
}
async function click(page, key) { const i = await item(page, key); await page.mouse.click(i.x + i.w / 2, i.y + i.h / 2); await page.waitForTimeout(150); }
async function type(page, key, text) { await click(page, key); await page.keyboard.type(text, { delay: 5 }); await page.waitForTimeout(100); }
async function shot(page, name) { await page.waitForTimeout(500); await page.screenshot({ path: join(out, `${name}.png`) }); console.log('saved', name); }
async function info(page) { return page.evaluate(() => window.palabre.info()); }
async function state(page) { return JSON.parse(await page.evaluate(() => window.palabre.state())); }
async function until(fn, what) { for (let i = 0; i < 150; i++) { const v = await fn(); if (v) return v; await new Promise((r) => setTimeout(r, 100)); } throw new Error('timeout: ' + what); }

try {
  const landing = await open(`${base}/`, 'phone');
  await shot(landing, 'landing-phone');
  const host = await open(`${base}/#/host`, 'laptop');
  await shot(host, 'host-create-laptop');
  await click(host, 'create');
  const hi = await until(async () => { const i = await info(host); return i.room ? i : null; }, 'room');
  // Load the seed workshop's plan through the file picker.
  const [chooser] = await Promise.all([host.waitForEvent('filechooser'), click(host, 'load-plan')]);
  await chooser.setFiles(join(here, '../data/workshop_fr.palabre.json'));
  await until(async () => (await state(host)).activities?.length > 0, 'plan loaded');
  await shot(host, 'host-plan-laptop');

  const kiosk = await open(hi.links.kiosk, 'kiosk');
  const people = [];
  for (const name of ['Gaëlle Lecart', 'Caroline N. ONB']) {
    const p = await open(hi.links.join, 'phone');
    await type(p, 'name', name);
    await click(p, 'join');
    await item(p, 'message');
    people.push(p);
  }
  const acts = (await state(host)).activities;
  console.log('activities:', acts.map((a) => `${a.id}:${a.kind ?? a.spec?.kind}`).join(' '));
  for (const a of acts.slice(0, 12)) {
    const id = a.id;
    const kind = a.kind ?? a.spec?.kind;
    await click(host, `start-${id}`);
    await page_wait(people[0]);
    for (const [n, p] of people.entries()) await answer(p, kind, n);
    await click(host, `reveal-${id}`).catch(() => {});
    await people[0].waitForTimeout(600);
    await shot(people[0], `act${id}-${kind}-phone`);
    await shot(kiosk, `act${id}-${kind}-kiosk`);
    await shot(host, `act${id}-${kind}-laptop`);
    await click(host, `stop-${id}`).catch(() => {});
  }
  for (const p of [host, kiosk, ...people]) if (p.errors.length) console.log('errors:', p.errors);
} finally {
  await browser.close();
  relay.kill('SIGTERM');
}

async function page_wait(p) { await p.waitForTimeout(500); }

async function answer(p, kind, n) {
  const items = await p.evaluate(() => window.palabre.items());
  const has = (k) => items.some((i) => i.key === k);
  try {
    if (kind === 'challenge' && has('answer')) { await type(p, 'answer', n ? '26/09/2022' : '25/09/2022'); await click(p, 'submit'); }
    else if (kind === 'quiz' && has('choice-0')) await click(p, `choice-${n % 2}`);
    else if (kind === 'rating' && has('star-4')) await click(p, `star-${4 + (n % 2)}`);
    else if ((kind === 'brainstorm' || kind === 'board') && has('idea')) { await type(p, 'idea', n ? 'Partager nos outils' : 'Café'); await click(p, 'post-idea'); }
    else if (kind === 'qna' && has('question')) { await type(p, 'question', n ? 'Quand est la prochaine session ?' : 'Où trouver les supports ?'); await click(p, 'ask'); }
    else if (kind === 'survey') {
      for (const i of items) {
        if (/^q\d+-c0$/.test(i.key)) await click(p, i.key.replace('c0', `c${n % 2}`));
        if (/^q\d+-star-4$/.test(i.key)) await click(p, i.key);
        if (/^q\d+-text$/.test(i.key)) { await type(p, i.key, n ? 'Plus de temps pour échanger' : 'Très clair, merci'); await click(p, i.key.replace('text', 'send')); }
      }
    }
  } catch (e) { console.log('answer failed', kind, String(e).slice(0, 120)); }
}
