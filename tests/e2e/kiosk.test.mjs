// The room's screen, driven by the host from any device: the host link opened in a fresh browser
// gives the kiosk link and its buttons; the host steps the kiosk's survey view through questions or
// lets it cycle; a rating comment typed on a phone goes with the stars, and the phone says "sent"
// only for what was sent. Screenshots: kiosk-survey-*.png (1920×1080), kiosk-phone-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  appInfo, appState, clickItem, clickReached, eventually, openApp, reachItem, screenshot, sharedRelayAndBrowser,
  typeInto, viewports,
} from './harness.mjs';

const shared = sharedRelayAndBrowser();

const plan = {
  format: 'palabre-plan', version: 1,
  session: { title: 'Café TMNlab', host: 'Anne', locale: 'fr' },
  activities: [{
    kind: 'survey', title: 'Votre usage sur tmnlab.com', questions: [
      { kind: 'single', text: 'Avez-vous mis une bannière ?', choices: ['oui', 'non'] },
      { kind: 'multiple', text: 'Quels dispositifs ?', choices: ['PIA 4', 'ICC', 'ONDA'], max_choices: 0 },
      { kind: 'open', text: 'Si oui, pouvez-vous préciser ?', hint: 'Nom du dispositif…' },
      { kind: 'rating', text: 'Que pensez-vous du site ?', scale: 5, comment: true },
    ],
  }],
};

async function createRoom() {
  const host = await openApp(shared.browser, `${shared.relay.url}/#/host`, { viewport: viewports.laptop });
  await clickReached(host.page, 'create');
  const info = await eventually(async () => {
    const i = await appInfo(host.page);
    return i.connected && i.links?.kiosk && i.links?.host ? i : null;
  }, { what: 'room created' });
  return { host, info };
}

test('the host link opened in a fresh browser gives the kiosk link and its buttons', async () => {
  // Given a room created on the room's PC
  const { host, info } = await createRoom();
  // When the host link is opened on a laptop that never saw the room being created
  const laptop = await openApp(shared.browser, info.links.host, { viewport: viewports.laptop });
  const seen = await eventually(async () => {
    const i = await appInfo(laptop.page);
    return i.connected && i.role === 'host' && i.links?.kiosk ? i : null;
  }, { what: 'the host link to give a kiosk link on the second device' });
  // Then it has the same kiosk link, the share panel offers to copy and open it, and it opens the kiosk
  assert.equal(seen.links.kiosk, info.links.kiosk);
  const sharePanel = { x: 190, y: 520 };  // the left column, under the join QR code
  await reachItem(laptop.page, 'copy-kiosk', sharePanel);
  await reachItem(laptop.page, 'open-kiosk', sharePanel);
  await screenshot(laptop.page, 'kiosk-host-second-device');
  const screen = await openApp(shared.browser, seen.links.kiosk, { viewport: viewports.kiosk });
  await eventually(async () => (await appInfo(screen.page)).role === 'kiosk', { what: 'the kiosk to join' });
  for (const who of [host, laptop, screen]) assert.deepEqual(who.errors, []);
});

test('the host drives the kiosk survey; a comment goes with its stars; "sent" only for what was sent', { timeout: 240000 }, async () => {
  // Given a room with a survey, started, a kiosk, and a participant on a phone
  const { host, info } = await createRoom();
  const planFile = join(mkdtempSync(join(tmpdir(), 'palabre-kiosk-')), 'plan.palabre.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const [chooser] = await Promise.all([host.page.waitForEvent('filechooser'), clickReached(host.page, 'load-plan')]);
  await chooser.setFiles(planFile);
  const survey = await eventually(async () => (await appState(host.page)).activities?.[0], { what: 'the plan to load' });
  await clickReached(host.page, `start-${survey.id}`);
  const kiosk = await openApp(shared.browser, info.links.kiosk, { viewport: viewports.kiosk });
  const phone = await openApp(shared.browser, info.links.join, { viewport: viewports.phone });
  await typeInto(phone.page, 'name', 'Gaëlle Lecart');
  await clickItem(phone.page, 'join');
  const gaelle = await eventually(async () => (await appInfo(phone.page)).you, { what: 'the participant to join' });
  const answerOf = async (page, question) => {
    const a = (await appState(page)).activities.find((x) => x.id === survey.id);
    return a.questions[question].answers.find((r) => r.by === gaelle);
  };
  const shownOn = async (page) => (await appState(page)).activities.find((x) => x.id === survey.id).shown_question;

  // When she answers the first question and picks two devices, not sent yet
  await clickReached(phone.page, 'q0-c1');
  await eventually(async () => (await answerOf(host.page, 0))?.choices?.[0] === 1, { what: 'the single choice to reach the host' });
  await clickReached(phone.page, 'q1-c0');
  await clickReached(phone.page, 'q1-c2');
  // Then the send button says there is something to send (the phone does not say "sent")
  assert.equal((await reachItem(phone.page, 'q1-send')).disabled, false, 'picks not sent yet: the send button is live');
  await screenshot(phone.page, 'kiosk-phone-picks-unsent');
  await clickReached(phone.page, 'q1-send');
  await eventually(async () => JSON.stringify((await answerOf(host.page, 1))?.choices) === '[0,2]', { what: 'the picks to reach the host' });
  await screenshot(phone.page, 'kiosk-phone-picks-sending');
  await eventually(async () => (await reachItem(phone.page, 'q1-send')).disabled, { what: 'the picks send button to rest once sent' });

  // When she types a comment, then taps four stars without pressing Enter
  await reachItem(phone.page, 'q3-comment');
  await typeInto(phone.page, 'q3-comment', 'Plus lisible');
  await clickReached(phone.page, 'q3-star-4');
  // Then the comment went with the stars
  const rated = await eventually(async () => {
    const r = await answerOf(host.page, 3);
    return r?.stars === 4 ? r : null;
  }, { what: 'the rating to reach the host' });
  assert.equal(rated.comment, 'Plus lisible', 'the typed comment is sent with the stars');
  await eventually(async () => (await reachItem(phone.page, 'q3-send')).disabled, { what: 'nothing left to send' });

  // When she types more: the phone has something unsent, until she sends it
  await typeInto(phone.page, 'q3-comment', ', bravo');
  await eventually(async () => !(await reachItem(phone.page, 'q3-send')).disabled, { what: 'the send button to offer the new comment' });
  await screenshot(phone.page, 'kiosk-phone-comment-unsent');
  await clickReached(phone.page, 'q3-send');
  await eventually(async () => (await answerOf(host.page, 3))?.comment === 'Plus lisible, bravo', { what: 'the new comment to reach the host' });
  assert.equal((await answerOf(host.page, 3)).stars, 4);
  await eventually(async () => (await reachItem(phone.page, 'q3-send')).disabled, { what: 'the send button to rest once sent' });
  await screenshot(phone.page, 'kiosk-phone-comment-sent');

  // When the host steps the kiosk to the next question, then to the rating question
  assert.equal(await shownOn(kiosk.page), 0, 'the first question shows until the host chooses');
  const resultsArea = { x: 683, y: 600 };
  await clickReached(host.page, `survey-next-${survey.id}`, resultsArea);
  await eventually(async () => (await shownOn(kiosk.page)) === 1, { what: 'the kiosk to follow the host to question 2' });
  await kiosk.page.waitForTimeout(400);
  await screenshot(kiosk.page, 'kiosk-survey-question-2');
  await clickReached(host.page, `survey-next-${survey.id}`, resultsArea);
  await eventually(async () => (await shownOn(host.page)) === 2, { what: 'question 3 on the host' });
  await clickReached(host.page, `survey-next-${survey.id}`, resultsArea);
  // Then every screen has the same question on the kiosk, the last one, and "next" rests there
  await eventually(async () => (await shownOn(kiosk.page)) === 3 && (await shownOn(phone.page)) === 3,
    { what: 'the kiosk and the phone to follow the host to question 4' });
  assert.equal((await reachItem(host.page, `survey-next-${survey.id}`, resultsArea)).disabled, true, 'no question after the last');
  await kiosk.page.waitForTimeout(400);
  await screenshot(kiosk.page, 'kiosk-survey-rating');
  await screenshot(host.page, 'kiosk-host-console-survey');

  // When the host asks for the automatic cycle, then stops it
  await clickReached(host.page, `survey-cycle-${survey.id}`, resultsArea);
  await eventually(async () => (await shownOn(kiosk.page)) === -1, { what: 'the kiosk to cycle' });
  await screenshot(kiosk.page, 'kiosk-survey-cycling');
  await clickReached(host.page, `survey-cycle-${survey.id}`, resultsArea);
  // Then the question on screen when it stopped stays, never the unanswered open question
  const pinned = await eventually(async () => { const q = await shownOn(kiosk.page); return q >= 0 ? { q } : null; },
    { what: 'the cycle to stop on a question' });
  assert.notEqual(pinned.q, 2, 'the cycle skips the question nobody answered');

  for (const who of [host, kiosk, phone]) assert.deepEqual(who.errors, []);
});
