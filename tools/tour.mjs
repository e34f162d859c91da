// A visual tour of the app through its real UI (clicks and typing located by the item mirror):
// a host writes activities in the plan editor (quiz, survey with every question kind, board),
// reorders, edits, removes one and saves the plan; loads the seed workshop's plan; two
// participants (phone) join and answer; a post-it is dragged on the board; the kiosk and host show
// results. Saves screenshots of every step at phone, laptop and kiosk sizes.
// usage: PALABRE_BIN=… PALABRE_WEB=… node tools/tour.mjs OUT_DIR
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../tests/e2e/node_modules/playwright-core');
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
  // Editor fields below the form's fold show once scrolled to: wheel over the form, then look again.
  for (let tries = 0; tries < 12; tries++) {
    const items = await page.evaluate(() => window.palabre.items());
    const found = items.find((i) => i.key === key);
    if (found) return found;
    const save = items.find((i) => i.key === 'act-save');
    if (!save) break;
    const frames = (await info(page)).frames;
    await page.mouse.move(save.x + save.w / 2, save.y - 120);
    await page.mouse.wheel(0, 150);
    // Positions are read from a frame drawn after the scroll, never from the one before it.
    await page.waitForFunction((n) => window.palabre.info().frames >= n + 2, frames, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(100);
  }
  const h = await page.waitForFunction((k) => window.palabre.items().find((i) => i.key === k) || null, key, { timeout });
  return h.jsonValue();
}
async function click(page, key) {
  const i = await item(page, key);
  await page.mouse.click(i.x + i.w / 2, i.y + i.h / 2);
  // What the click changed (a new row, a scroll to it) is drawn before the next positions are read.
  const frames = (await info(page)).frames;
  await page.waitForFunction((n) => window.palabre.info().frames >= n + 2, frames, { timeout: 3000 }).catch(() => {});
  await page.waitForTimeout(100);
}
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
  try { await editorTour(host); } catch (e) {
    await shot(host, 'editor-failure-laptop');
    console.log('EDITOR TOUR FAILED:', String(e).split('\n')[0]);
    process.exitCode = 1;
    for (const key of ['act-cancel']) await click(host, key).catch(() => {});
  }
  // Load the seed workshop's plan through the file picker.
  const [chooser] = await Promise.all([host.waitForEvent('filechooser'), click(host, 'load-plan')]);
  await chooser.setFiles(join(here, '../assets/plans/workshop_fr.palabre.json'));
  await until(async () => (await state(host)).activities?.length > 0, 'plan loaded');
  await shot(host, 'host-plan-laptop');

  const kiosk = await open(hi.links.kiosk, 'kiosk');
  const people = [];
  for (const name of ['Gaëlle Lecart', 'Caroline N. ONB']) {
    const p = await open(hi.links.join, 'phone');
    await type(p, 'name', name);
    await click(p, 'join');
    await click(p, 'tab-chat');
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
    if (kind === 'board') await dragNote(people[0], host, id);
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

// A participant drags their own post-it 120 px right and 60 px down with the mouse.
async function dragNote(p, host, activity) {
  const note = await until(async () => (await p.evaluate(() => window.palabre.items())).find((i) => i.key.startsWith('note-')), 'a post-it');
  const id = Number(note.key.slice(5));
  const before = (await state(host)).activities.find((a) => a.id === activity).ideas?.find((i) => i.id === id);
  await p.mouse.move(note.x + note.w / 2, note.y + note.h / 2);
  await p.mouse.down();
  for (let k = 1; k <= 6; k++) { await p.mouse.move(note.x + note.w / 2 + 20 * k, note.y + note.h / 2 + 10 * k); await p.waitForTimeout(30); }
  await p.mouse.up();
  const after = await until(async () => {
    const idea = (await state(host)).activities.find((a) => a.id === activity).ideas?.find((i) => i.id === id);
    return idea && before && (idea.x !== before.x || idea.y !== before.y) ? idea : null;
  }, 'post-it moved');
  console.log('ok post-it dragged', before && [before.x, before.y], '->', [after.x, after.y]);
}

// Clicks `key` until `expect` shows (a click can land between two frames on a loaded machine).
async function clickFor(page, key, expect) {
  for (let tries = 0; tries < 3; tries++) {
    await click(page, key);
    const shown = await page.waitForFunction((k) => window.palabre.items().some((i) => i.key === k), expect, { timeout: 3000 }).then(() => true, () => false);
    if (shown) return;
    const items = await page.evaluate(() => window.palabre.items());
    if (!items.some((i) => i.key === 'act-save')) break;
    for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, 200); await page.waitForTimeout(80); }  // it may be just below
    if (await page.evaluate((k) => window.palabre.items().some((i) => i.key === k), expect)) return;
  }
}

async function selectType(page, key, text) { await click(page, key); await page.keyboard.press('Control+A'); await page.keyboard.type(text, { delay: 5 }); await page.waitForTimeout(100); }
function check(cond, what) { if (!cond) throw new Error('editor tour: ' + what); console.log('ok', what); }

// The plan editor through its keys (listed atop src/app/views/console.cpp).
async function editorTour(host) {
  await click(host, 'add');
  await click(host, 'add-kind-quiz');
  await type(host, 'act-title', 'Quiz de rentrée');
  await type(host, 'q0-text', 'En quelle année est né le TMNlab ?');
  await type(host, 'q0-choice0', '2013');
  await type(host, 'q0-choice1', '2014');
  await click(host, 'q0-correct0');
  await clickFor(host, 'q-add', 'q1-text');
  await type(host, 'q1-text', 'Combien de membres ?');
  await type(host, 'q1-choice0', '84');
  await type(host, 'q1-choice1', '840');
  await clickFor(host, 'q1-choice-add', 'q1-choice2');
  await type(host, 'q1-choice2', '8 400');
  await click(host, 'q1-correct1');
  await selectType(host, 'q1-limit', '30');
  await shot(host, 'editor-quiz-laptop');
  await click(host, 'act-save');
  let st = await until(async () => { const s = await state(host); return s.activities.length === 1 ? s : null; }, 'quiz added');
  const quiz = st.activities[0];
  console.log(JSON.stringify(quiz.spec));
  check(quiz.spec.questions.length === 2 && quiz.spec.questions[1].correct[0] === 1 && quiz.spec.questions[1].limit_s === 30 &&
        quiz.spec.questions[1].choices.length === 3, 'quiz with two questions, right answers and a time limit');

  await click(host, 'add');
  await click(host, 'add-kind-survey');
  await type(host, 'act-title', 'Votre usage');
  await type(host, 'q0-text', 'Avez-vous une bannière ?');
  await type(host, 'q0-choice0', 'oui');
  await type(host, 'q0-choice1', 'non');
  const kinds = ['multiple', 'open', 'ranking', 'rating'];
  for (const [i, kind] of kinds.entries()) {
    const q = `q${i + 1}`;
    await clickFor(host, 'q-add', `${q}-kind-${kind}`);
    await click(host, `${q}-kind-${kind}`);
    await type(host, `${q}-text`, `Question ${kind}`);
    if (kind === 'multiple' || kind === 'ranking') { await type(host, `${q}-choice0`, 'site'); await type(host, `${q}-choice1`, 'lettre'); }
    if (kind === 'open') await type(host, `${q}-hint`, 'Nom du dispositif…');
    if (kind === 'rating') await click(host, `${q}-comment`);
  }
  await shot(host, 'editor-survey-laptop');
  await click(host, 'act-save');
  st = await until(async () => { const s = await state(host); return s.activities.length === 2 ? s : null; }, 'survey added');
  const survey = st.activities[1];
  check(survey.spec.questions.map((q) => q.kind).join(',') === 'single,multiple,open,ranking,rating' &&
        survey.spec.questions[4].comment === true, 'survey with every question kind');

  await click(host, 'add');
  await click(host, 'add-kind-board');
  await type(host, 'act-title', 'Votre rapport au TMNlab');
  await type(host, 'cat0', 'Communauté');
  await type(host, 'cat1', 'Ressources');
  await clickFor(host, 'cat-add', 'cat2');
  await type(host, 'cat2', 'Réseau');
  await shot(host, 'editor-board-laptop');
  await click(host, 'act-save');
  st = await until(async () => { const s = await state(host); return s.activities.length === 3 ? s : null; }, 'board added');
  const board = st.activities[2];
  check(board.spec.categories.length === 3, 'board with three zones');

  await click(host, `act-up-${board.id}`);
  st = await until(async () => { const s = await state(host); return s.activities[1].id === board.id ? s : null; }, 'board moved up');
  check(st.activities.map((a) => a.id).join() === [quiz.id, board.id, survey.id].join(), 'reordered: quiz, board, survey');
  await click(host, `act-edit-${quiz.id}`);
  await selectType(host, 'act-title', 'Quiz : connaissez-vous le TMNlab ?');
  await click(host, 'act-save');
  st = await until(async () => { const s = await state(host); return s.activities[0].spec.title.startsWith('Quiz :') ? s : null; }, 'quiz edited');
  check(true, 'quiz title edited');
  await click(host, `act-remove-${survey.id}`);
  st = await until(async () => { const s = await state(host); return s.activities.length === 2 ? s : null; }, 'survey removed');
  await shot(host, 'editor-list-laptop');
  const [download] = await Promise.all([host.waitForEvent('download'), click(host, 'plan-save')]);
  const saved = JSON.parse(await new Promise((resolve, reject) => {
    download.createReadStream().then((stream) => { let t = ''; stream.on('data', (c) => { t += c; }); stream.on('end', () => resolve(t)); stream.on('error', reject); });
  }));
  check(saved.format === 'palabre-plan' && saved.activities.length === 2 && saved.activities[0].kind === 'quiz' &&
        saved.activities[1].kind === 'board', 'plan saved as a file, in the list order');
}

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
