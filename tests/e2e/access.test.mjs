// Everyone can take part (issue 19): the sample workshop's plan run with a participant who uses only
// the keyboard on a phone (390×844), one with a mouse on a laptop (1366×768), a kiosk at 1920×1080
// and a host who also uses only the keyboard for start / reveal / next.
//  - axe-core (WCAG 2.1 A and AA) finds no violation on any participant view, at both sizes, nor
//    on the kiosk, at each activity open and after its reveal;
//  - the mirror carries each view's text: every text the views drew in sight is in the DOM;
//  - the keyboard-only participant answers every activity with Tab, typing, Enter and Space, and the
//    host runs the session the same way: no mouse or touch event reaches either page;
//  - the live region says the quiz question, its countdown at 10 s, the right answer, the podium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import {
  appInfo, appState, axeViolations, clickItem, clickReached, eventually, findItem, launchBrowser, openApp, screenshot,
  startRelay, textsMissingFromMirror, typeInto, viewports,
} from './harness.mjs';

const planFile = fileURLToPath(new URL('../../assets/plans/workshop_fr.palabre.json', import.meta.url));
const started = Date.now();
function step(what) { process.stderr.write(`[access ${((Date.now() - started) / 1000).toFixed(1)} s] ${what}\n`); }

// [SECTION] the keyboard alone
/** Presses Tab until the mirror element with this key has the focus (the page's own order, as a
 *  person tabbing through it), then Shift+Tab if it lies behind (a list scrolled past it); fails
 *  after `max` presses each way. */
async function tabTo(page, key, { max = 80 } = {}) {
  for (const press of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((k) => document.activeElement?.dataset?.key === k, key)) return;
      await page.keyboard.press(press);
      if (process.env.PALABRE_TAB_LOG) process.stderr.write(`${await page.evaluate(() => document.activeElement?.dataset?.key)} `);
      await page.waitForTimeout(120);  // the app's next frames scroll and publish what came into view
    }
  }
  await screenshot(page, `failure-access-tab-${key}`);
  const items = await page.evaluate(() => window.palabre.items().map((i) => i.key).join(' '));
  throw new Error(`Tab never reached "${key}" (on screen: ${items})`);
}
async function pressOn(page, key) { await tabTo(page, key); await page.keyboard.press('Enter'); }
async function typeOn(page, key, text) { await tabTo(page, key); await page.keyboard.type(text, { delay: 5 }); }

/** Counts the pointer events a page receives: a keyboard-only run must see none. */
async function countPointerEvents(page) {
  await page.evaluate(() => {
    window.pointerEventsSeen = 0;
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'click'])
      window.addEventListener(type, (e) => { if (e.isTrusted && (e.detail > 0 || type !== 'click')) window.pointerEventsSeen++; }, true);
  });
}

// [SECTION] what a screen reader gets
async function assertAccessible(who, where) {
  await who.page.waitForTimeout(250);
  const violations = await axeViolations(who.page);
  const missing = await textsMissingFromMirror(who.page);
  if (violations.length || missing.length) await screenshot(who.page, `failure-access-${who.name}-${where}`);
  assert.deepEqual(violations, [], `${who.name}, ${where}: axe finds no WCAG 2.1 A/AA violation`);
  assert.deepEqual(missing, [], `${who.name}, ${where}: every text drawn is in the DOM`);
}

test('everyone can take part: axe, the mirror\'s text, the keyboard alone, the live region', { timeout: 600000 }, async () => {
  const relay = await startRelay();
  const browser = await launchBrowser();
  try {
    step('host, plan, kiosk, participants');
    const host = { name: 'host', ...(await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop })) };
    await clickReached(host.page, 'create');
    const info = await eventually(async () => { const i = await appInfo(host.page); return i.room && i.connected ? i : null; }, { what: 'the room' });
    const [chooser] = await Promise.all([host.page.waitForEvent('filechooser'), clickReached(host.page, 'load-plan')]);
    await chooser.setFiles(planFile);
    const plan = await eventually(async () => { const s = await appState(host.page); return s.activities?.length === 10 ? s.activities : null; }, { what: 'the plan loaded' });
    const kiosk = { name: 'kiosk', ...(await openApp(browser, info.links.kiosk, { viewport: viewports.kiosk })) };
    // The host's console too (docs/accessibility.md lists what remains on the host's side).
    assert.deepEqual(await axeViolations(host.page), [], 'host console: no WCAG 2.1 A/AA violation');

    // Ana uses only the keyboard, on a phone; Bertrand a mouse, on a laptop.
    const ana = { name: 'ana-phone', ...(await openApp(browser, info.links.join, { viewport: viewports.phone })) };
    await countPointerEvents(ana.page);
    await assertAccessible(ana, 'join');
    await typeOn(ana.page, 'name', 'Ana Lê Thị');
    await ana.page.keyboard.press('Enter');
    await eventually(async () => (await appInfo(ana.page)).you, { what: 'Ana joined' });
    const bertrand = { name: 'bertrand-laptop', ...(await openApp(browser, info.links.join, { viewport: viewports.laptop })) };
    await typeInto(bertrand.page, 'name', 'Bertrand Lefèvre-Dumas');
    await clickItem(bertrand.page, 'join');
    await eventually(async () => (await appInfo(bertrand.page)).you, { what: 'Bertrand joined' });
    for (const who of [ana, bertrand]) await assertAccessible(who, 'lobby');
    await countPointerEvents(host.page);  // from here on the host uses only the keyboard too
    const participants = [ana, bertrand];

    async function start(a) {
      await pressOn(host.page, `start-${a.id}`);
      for (const who of [kiosk, ...participants])
        await eventually(async () => (await appState(who.page)).current_activity === a.id, { what: `activity ${a.id} on ${who.name}` });
    }
    async function reveal(a) {
      if ((await appState(host.page)).activities.find((x) => x.id === a.id).status === 'running') await pressOn(host.page, `stop-${a.id}`);
      await pressOn(host.page, `reveal-${a.id}`);
      await eventually(async () => (await appState(ana.page)).activities.find((x) => x.id === a.id).published_as_of > 0, { what: `figures of ${a.id} published` });
    }
    async function checkAll(where) {
      for (const who of [ana, bertrand, kiosk]) await assertAccessible(who, where);
      assert.deepEqual(await axeViolations(host.page), [], `host console, ${where}: no WCAG 2.1 A/AA violation`);
    }

    // Ana's answers, keyboard only, per activity kind (the plan's order).
    const kinds = plan.map((a) => a.spec.kind);
    let surveys = 0, brainstorms = 0;
    for (const a of plan) {
      step(`${a.spec.kind} ${a.id}`);
      const saidBefore = (await ana.page.evaluate(() => window.palabre.announcements())).length;
      await start(a);
      await checkAll(`${a.spec.kind} ${a.id} open`);
      switch (a.spec.kind) {
        case 'challenge':
          await typeOn(ana.page, 'answer', '26/09/2022');
          await ana.page.keyboard.press('Enter');
          break;
        case 'survey': {
          surveys++;
          for (const [qi, q] of a.spec.questions.entries()) {
            const p = `q${qi}-`;
            if (q.kind === 'single') await pressOn(ana.page, `${p}c0`);
            else if (q.kind === 'multiple') { await pressOn(ana.page, `${p}c1`); await pressOn(ana.page, `${p}c${q.choices.length - 1}`); await pressOn(ana.page, `${p}send`); }
            else if (q.kind === 'ranking') { for (let c = 0; c < q.choices.length; c++) await pressOn(ana.page, `${p}c${(c + 2) % q.choices.length}`); await pressOn(ana.page, `${p}send`); }
            else if (q.kind === 'open') { await typeOn(ana.page, `${p}text`, 'Des échanges réguliers 🙂'); await pressOn(ana.page, `${p}send`); }
            else if (q.kind === 'rating') await pressOn(ana.page, `${p}star-4`);
          }
          await eventually(async () => {
            const mine = (await appState(host.page)).activities.find((x) => x.id === a.id);
            return JSON.stringify(mine).includes('"' + (await appInfo(ana.page)).you + '"');
          }, { what: `Ana's survey answers (${surveys})` });
          break;
        }
        case 'brainstorm':
          brainstorms++;
          await typeOn(ana.page, 'idea', brainstorms === 1 ? 'Élan' : 'Coopérer davantage');
          await ana.page.keyboard.press('Enter');
          await typeInto(bertrand.page, 'idea', 'Œuvre commune');
          await clickItem(bertrand.page, 'post-idea');
          break;
        case 'board':
          await pressOn(ana.page, 'category-1');
          await typeOn(ana.page, 'idea', 'Une boîte à outils partagée');
          await pressOn(ana.page, 'post-idea');
          break;
        case 'rating':
          await pressOn(ana.page, 'star-4');
          break;
        case 'presentation':
          break;
        case 'quiz': {
          for (let q = 0; q < a.spec.questions.length; q++) {
            const quizState = async () => (await appState(ana.page)).activities.find((x) => x.id === a.id);
            await eventually(async () => (await quizState()).current_question === q, { what: `quiz question ${q + 1}` });
            await pressOn(ana.page, 'choice-0');
            if (a.spec.questions[q].correct.length > 1) { await pressOn(ana.page, 'choice-2'); await pressOn(ana.page, 'confirm'); }
            await clickReached(bertrand.page, 'choice-1');
            if (a.spec.questions[q].correct.length > 1) await clickReached(bertrand.page, 'confirm');
            if (q === 0) {
              // The first question runs to its end: the countdown is said at 10 s.
              const deadline = (await quizState()).questions[0].deadline;
              await ana.page.waitForTimeout(Math.max(0, deadline - Date.now()) + 1500);
            } else {
              await pressOn(host.page, `close-question-${a.id}`);
            }
            await eventually(async () => (await quizState()).questions[q].closed, { what: `question ${q + 1} closed` }).catch(() => {});
            await checkAll(`quiz question ${q + 1} closed`);
            if (q + 1 < a.spec.questions.length) await pressOn(host.page, `next-${a.id}`);
          }
          await pressOn(host.page, `podium-${a.id}`);
          const said = await eventually(async () => {
            const all = (await ana.page.evaluate(() => window.palabre.announcements())).slice(saidBefore);
            return all.some((s) => s.startsWith('Classement')) ? all : null;
          }, { what: 'the podium said' });
          step(`said during the quiz: ${JSON.stringify(said)}`);
          const first = a.spec.questions[0];
          assert.ok(said.some((s) => s === `1 / ${a.spec.questions.length} : ${first.text}`), 'the first question is said');
          assert.ok(said.includes('10 secondes'), 'the countdown is said at 10 s');
          assert.ok(said.some((s) => s.startsWith('La bonne réponse : ') && s.includes(first.choices[first.correct[0]])), 'the right answer is said');
          assert.ok(said.includes(`Nouvelle activité : ${a.spec.title}`), 'the activity is said when it starts');
          assert.ok(said.some((s) => /^Classement : 1\. .+ \d+ pts?/u.test(s)), 'the podium is said with its winner');
          break;
        }
        case 'qna':
          await typeOn(ana.page, 'question', 'Quand sort la prochaine étude ?');
          await ana.page.keyboard.press('Enter');
          break;
        default:
          throw new Error(`an activity kind this test does not know: ${a.spec.kind}`);
      }
      await ana.page.waitForTimeout(300);
      await checkAll(`${a.spec.kind} ${a.id} answered`);
      if (a.spec.kind !== 'presentation') {
        await reveal(a);
        await checkAll(`${a.spec.kind} ${a.id} revealed`);
      }
      await screenshot(ana.page, `access-${a.spec.kind}-${a.id}-ana`);
    }
    assert.deepEqual(kinds.filter((k) => k === 'survey').length, surveys);

    // The engine took every answer Ana gave with the keyboard.
    const final = await appState(host.page);
    const anaId = (await appInfo(ana.page)).you;
    for (const a of final.activities.filter((x) => !['presentation'].includes(x.spec.kind)))
      assert.ok(JSON.stringify(a).includes(`"${anaId}"`), `Ana took part in ${a.spec.kind} ${a.id} with the keyboard alone`);

    // The chat, keyboard only.
    await pressOn(ana.page, 'tab-chat');
    await typeOn(ana.page, 'message', 'Merci pour cet atelier 🎉');
    await ana.page.keyboard.press('Enter');
    await eventually(async () => (await appState(host.page)).messages?.some((m) => m.text === 'Merci pour cet atelier 🎉'), { what: 'Ana’s message' });
    await assertAccessible(ana, 'chat');

    for (const who of [ana, host])
      assert.equal(await who.page.evaluate(() => window.pointerEventsSeen), 0, `${who.name}: no mouse or touch event, keyboard only`);
  } finally {
    await browser.close();
    await relay.stop();
  }
});
