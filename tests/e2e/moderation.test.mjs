// Moderation before display (issue 19): with moderation on, an idea and a question reach the kiosk
// only after the host approves them, and their author sees "En attente de validation" meanwhile; a
// blocked word typed by a participant (the default list is on) is held for the host even where
// moderation is off, and once approved the kiosk shows it masked, never as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  appInfo, appState, clickItem, clickReached, eventually, launchBrowser, openApp, screenshot, startRelay, typeInto, viewports,
} from './harness.mjs';

const plan = {
  format: 'palabre-plan',
  version: 1,
  session: { title: 'Atelier modéré', host: 'Anne Le Gall', date: '2026-12-05' },
  activities: [
    { kind: 'brainstorm', title: 'Un mot pour la rentrée', controlled: true },
    { kind: 'qna', title: 'Vos questions', controlled: true },
    { kind: 'brainstorm', title: 'Et le matériel ?' },
  ],
};

const drawn = async (page) => (await page.evaluate(() => window.palabre.drawn())).filter((d) => d.visible).map((d) => d.text);
async function draws(who, pattern, what, { timeout = 10000 } = {}) {
  try {
    await eventually(async () => (await drawn(who.page)).some((t) => pattern.test(t)), { timeout, what });
  } catch (e) {
    await screenshot(who.page, `failure-moderation-${who.name}`);
    throw new Error(`${who.name}: ${what} not drawn (${pattern})`);
  }
}
async function drawsNot(who, pattern, what) {
  await who.page.waitForTimeout(1200);  // long enough for an envelope to reach the screen
  const found = (await drawn(who.page)).find((t) => pattern.test(t));
  if (found) await screenshot(who.page, `failure-moderation-${who.name}`);
  assert.equal(found, undefined, `${who.name}: ${what} must not be drawn, found "${found}"`);
}

test('moderation: held until approved, blocked words masked on the kiosk and held for the host', { timeout: 300000 }, async () => {
  const relay = await startRelay();
  const browser = await launchBrowser();
  try {
    const host = { name: 'host', ...(await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop })) };
    await clickReached(host.page, 'create');
    const info = await eventually(async () => { const i = await appInfo(host.page); return i.room && i.connected ? i : null; }, { what: 'the room' });
    // The default blocked words are on from the start.
    const session = await eventually(async () => { const s = await appState(host.page); return s.session.blocked_words?.length ? s.session : null; }, { what: 'the default blocked words' });
    assert.ok(session.blocked_words.includes('merde') && session.blocked_words.includes('fuck'), 'French and English lists');
    const planFile = join(mkdtempSync(join(tmpdir(), 'palabre-plan-')), 'moderated.palabre.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const [chooser] = await Promise.all([host.page.waitForEvent('filechooser'), clickReached(host.page, 'load-plan')]);
    await chooser.setFiles(planFile);
    const activities = await eventually(async () => { const s = await appState(host.page); return s.activities?.length === 3 ? s.activities : null; }, { what: 'the plan' });
    const kiosk = { name: 'kiosk', ...(await openApp(browser, info.links.kiosk, { viewport: viewports.kiosk })) };
    const zoe = { name: 'zoe-phone', ...(await openApp(browser, info.links.join, { viewport: viewports.phone })) };
    await typeInto(zoe.page, 'name', 'Zoé Lefèvre');
    await clickItem(zoe.page, 'join');
    await eventually(async () => (await appInfo(zoe.page)).you, { what: 'Zoé joined' });
    const start = async (a) => {
      await clickReached(host.page, `start-${a.id}`);
      for (const who of [kiosk, zoe]) await eventually(async () => (await appState(who.page)).current_activity === a.id, { what: `${a.id} on ${who.name}` });
    };
    const heldItem = async (a, text) => eventually(async () => {
      const act = (await appState(host.page)).activities.find((x) => x.id === a.id);
      const item = [...(act.ideas ?? []), ...(act.questions ?? [])].find((i) => i.text === text);
      return item && item.approved === false ? item : null;
    }, { what: `"${text}" held for the host` });

    // [SECTION] a moderated brainstorm: the idea waits for the host
    const [ideas, qna, open] = activities;
    await start(ideas);
    await typeInto(zoe.page, 'idea', 'Coopérer');
    await clickItem(zoe.page, 'post-idea');
    const idea = await heldItem(ideas, 'Coopérer');
    await draws(zoe, /^En attente de validation$/u, 'the author’s "waiting" mark');
    await drawsNot(kiosk, /Coopérer/u, 'an idea not yet approved');
    await clickReached(host.page, `mod-approve-${idea.id}`);
    await draws(kiosk, /^Coopérer$/u, 'the approved idea');
    await screenshot(kiosk.page, 'moderation-idea-approved-kiosk');

    // [SECTION] a moderated Q&A: the question waits for the host
    await start(qna);
    await typeInto(zoe.page, 'question', 'Quand sort la prochaine étude ?');
    await clickItem(zoe.page, 'ask');
    const question = await heldItem(qna, 'Quand sort la prochaine étude ?');
    await draws(zoe, /^En attente de validation$/u, 'the author’s "waiting" mark');
    await drawsNot(kiosk, /prochaine étude/u, 'a question not yet approved');
    await screenshot(host.page, 'moderation-question-waiting-host');
    await clickReached(host.page, `mod-approve-${question.id}`);
    await draws(kiosk, /Quand sort la prochaine étude \?/u, 'the approved question');

    // [SECTION] no moderation, but a blocked word: held, then masked on the kiosk
    await start(open);
    await typeInto(zoe.page, 'idea', 'Quelle merde ce projecteur');
    await clickItem(zoe.page, 'post-idea');
    const rude = await heldItem(open, 'Quelle merde ce projecteur');
    await drawsNot(kiosk, /projecteur/u, 'a held idea with a blocked word');
    await clickReached(host.page, `mod-approve-${rude.id}`);
    await draws(kiosk, /^Quelle ••• ce projecteur$/u, 'the idea, its blocked word masked');
    await drawsNot(kiosk, /merde/iu, 'the blocked word as typed');
    await screenshot(kiosk.page, 'moderation-masked-kiosk');
  } finally {
    await browser.close();
    await relay.stop();
  }
});
