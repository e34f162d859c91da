// Fits every screen (issue 15): the sample workshop's real plan and answers (a 12-choice question, a
// 7-item ranking, an 8-page presentation, 70 people, long names), each activity running and then
// revealed, and the lobby. The host, the kiosk and a phone are looked at in four sizes each; on every
// screen the layout check (harness.mjs, layoutProblems) reads what was drawn and fails, naming the
// view, the size and the item, when a text is cut without a scrollbar, left out where nothing
// scrolls, wider than its button, or drawn over another. Screenshots: layout-*.png.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  clickReached, eventually, fillField, openNewActivity, pageLayoutProblems, screenshot, sharedRelayAndBrowser, waitReady,
  writeStoredRoom,
} from './harness.mjs';

const sizes = { phone: { width: 390, height: 844 }, laptop: { width: 1366, height: 768 }, small: { width: 1280, height: 720 },
  kiosk: { width: 1920, height: 1080 } };
// The laptop with the browser zoomed to 200 % (WCAG 1.4.4): half as many CSS pixels each way, each
// drawn with two device pixels — what Ctrl + gives, and what a participant's page must fit.
const zoomed = { 'laptop-200%': { width: 683, height: 384 } };
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const hostToken = randomBytes(16).toString('hex');
const kioskToken = sha256(`palabre-kiosk:${hostToken}`).slice(0, 32);  // protocol/tokens.cpp
const phoneMember = 'p900';
const phoneName = 'Marie-Amélie de La Rochefoucauld-Liancourt';
// Latecomers with the names a real room brings: long ones, accents, several words.
const latecomers = ['Jean-Baptiste Lefèvre-Dussaulx-Montmorency', 'Bảo Trần Thị Ngọc', 'Élodie Ménard', 'Chloé Dupré-Lefèvre',
  'Maximilien Aurélien Saint-Exupéry de Villeneuve'];

const workshopLog = fileURLToPath(new URL('../data/workshop_fr.palabre.jsonl', import.meta.url));
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** The rooms to look at: the workshop's log cut at a moment (the lobby, each activity running with
 *  all its answers, each activity stopped and revealed), written as `palabre serve` stores rooms. */
function writeRooms(dir) {
  const lines = readFileSync(workshopLog, 'utf8').trim().split('\n');
  const header = JSON.parse(lines[0]);
  const envelopes = lines.slice(1).map((l) => JSON.parse(l));
  const adds = envelopes.filter((e) => e.ev.type === 'activity.add');
  const moments = [{ name: 'lobby', until: envelopes.findIndex((e) => e.ev.type === 'activity.start'), extra: [] }];
  for (const add of adds) {
    const id = add.seq;
    const kind = add.ev.activity.kind;
    const stop = envelopes.findIndex((e) => e.ev.type === 'activity.stop' && e.ev.id === id);
    const start = envelopes.findIndex((e) => e.ev.type === 'activity.start' && e.ev.id === id);
    if (start < 0) continue;
    const end = stop < 0 ? envelopes.length : stop;
    moments.push({ name: `${kind}-${id}-running`, until: end, extra: [] });
    if (stop >= 0) {
      moments.push({ name: `${kind}-${id}-revealed`, until: stop + 1,
        extra: [{ from: 'h1', role: 'host', vis: 'public', ev: { type: 'activity.reveal', id, revealed: true } }] });
    }
  }
  const members = new Set(envelopes.filter((e) => e.ev.type === 'participant.join').map((e) => e.from));
  const rooms = [];
  moments.forEach((moment, n) => {
    const room = `WKS${alphabet[Math.floor(n / alphabet.length)]}${alphabet[n % alphabet.length]}T`;
    const kept = envelopes.slice(0, moment.until).filter((e) => !(e.ev.type === 'presence' && e.ev.online === false));
    const appended = [...moment.extra,
      ...latecomers.map((name, i) => ({ from: `p${901 + i}`, role: 'participant', vis: 'public', ev: { type: 'participant.join', name } })),
      { from: phoneMember, role: 'participant', vis: 'public', ev: { type: 'participant.join', name: phoneName } }];
    let seq = 0;
    let at = kept.length ? kept[kept.length - 1].at : header.created;
    const stamped = [...kept.map((e) => ({ ...e, seq: ++seq })), ...appended.map((e) => ({ seq: ++seq, at: (at += 1000), ...e }))];
    const tokens = {};
    for (const id of [...members, ...latecomers.map((_, i) => `p${901 + i}`), phoneMember]) tokens[id] = `token-${id}`;
    writeStoredRoom(dir, { room, created: header.created, envelopes: stamped, hostToken, kioskToken, tokens });
    rooms.push({ room, moment: moment.name });
  });
  return rooms;
}

// PALABRE_LAYOUT_KEEP=FILE: the rooms stay, and FILE says where and with which tokens (to look again).
const keep = process.env.PALABRE_LAYOUT_KEEP;
const shared = sharedRelayAndBrowser({ storedRooms: writeRooms, keepData: Boolean(keep) });  // prepared: the rooms
after(() => {
  if (keep) writeFileSync(keep, JSON.stringify({ dataDir: shared.dataDir, hostToken, kioskToken, rooms: shared.prepared }));
});

/** Opens `hash` for `role` at every size; returns the problems found, each naming where. */
async function lookAt(context, hash, role, moment, at = sizes) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setViewportSize(sizes.laptop);
  await page.goto(`${shared.relay.url}/${hash}`);
  await waitReady(page);
  // In the room, with its log caught up.
  try {
    await page.waitForFunction(() => { const i = window.palabre.info(); return i.connected && i.room; }, null, { timeout: 15000 });
  } catch {
    await screenshot(page, `failure-layout-${moment}-${role}`);
    const info = await page.evaluate(() => JSON.stringify(window.palabre.info()));
    await page.close();
    return [`${role} ${moment}: never in the room (${info})`];
  }
  await page.waitForTimeout(400);
  const problems = [];
  for (const [sizeName, size] of Object.entries(at)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(650);  // animated bars and podiums settle
    for (const p of await pageLayoutProblems(page)) problems.push(`${role} ${moment} ${sizeName}: ${p}`);
    await screenshot(page, `layout-${moment}-${role}-${sizeName}`);
  }
  for (const e of errors) problems.push(`${role} ${moment}: page error ${e}`);
  await page.close();
  return problems;
}

test('layout: every view of the sample workshop fits the phone, the laptop, 1280×720, the kiosk, and a participant zoomed to 200 %', { timeout: 900000 }, async () => {
  const contexts = {};
  for (const role of ['host', 'kiosk', 'phone', 'zoomed']) {
    contexts[role] = await shared.browser.newContext({ viewport: sizes.laptop, locale: 'fr-FR', timezoneId: 'Europe/Paris',
      deviceScaleFactor: role === 'zoomed' ? 2 : 1 });
  }
  // The participant is a member already (the resume token a join leaves in the browser).
  for (const role of ['phone', 'zoomed']) {
    await contexts[role].addInitScript(({ codes, token }) => {
      for (const code of codes) localStorage.setItem(`palabre.member.${code}`, token);
    }, { codes: shared.prepared.map((r) => r.room), token: `token-${phoneMember}` });
  }
  const only = process.env.PALABRE_LAYOUT_ONLY;  // e.g. "survey" while mending one view
  const problems = [];
  for (const { room, moment } of shared.prepared) {
    if (only && !new RegExp(only, "u").test(moment)) continue;
    problems.push(...await lookAt(contexts.host, `#/host/${room}/${hostToken}`, 'host', moment));
    problems.push(...await lookAt(contexts.kiosk, `#/kiosk/${room}/${kioskToken}`, 'kiosk', moment));
    problems.push(...await lookAt(contexts.phone, `#/join/${room}`, 'phone', moment));
    problems.push(...await lookAt(contexts.zoomed, `#/join/${room}`, 'participant', moment, zoomed));
    process.stderr.write(`[layout] ${moment}: ${problems.length} problems so far\n`);
  }
  for (const c of Object.values(contexts)) await c.close();
  assert.deepEqual(problems, [], `${problems.length} layout problems:\n${problems.join('\n')}`);
});

test('phone: a survey scrolled under the tab bar — a tap on each tab reaches the tab, never a text field', { timeout: 120000 }, async () => {
  const { room } = shared.prepared.find((r) => r.moment.startsWith('survey-') && r.moment.endsWith('-running'));
  const context = await shared.browser.newContext({ viewport: sizes.phone, locale: 'fr-FR', timezoneId: 'Europe/Paris', deviceScaleFactor: 1 });
  await context.addInitScript(({ code, token }) => localStorage.setItem(`palabre.member.${code}`, token), { code: room, token: `token-${phoneMember}` });
  const page = await context.newPage();
  await page.goto(`${shared.relay.url}/#/join/${room}`);
  await waitReady(page);
  await page.waitForFunction(() => (window.palabre.items() || []).some((i) => i.key === 'tab-activity'), null, { timeout: 15000 });
  let fieldsSeen = 0;
  for (let step = 0; step < 40; step++) {
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 60);
    await page.waitForTimeout(80);
    const items = await page.evaluate(() => window.palabre.items());
    fieldsSeen += items.filter((i) => i.role === 'textbox').length;
    for (const key of ['tab-activity', 'tab-chat']) {
      const tab = items.find((i) => i.key === key);
      assert.ok(tab, `${key} is on screen at step ${step}`);
      assert.equal(tab.role, 'tab', `${key} is a tab at step ${step}`);
      const hit = await page.evaluate(([x, y]) => {
        const e = document.elementFromPoint(x, y);
        return e ? `${e.tagName}:${e.dataset?.key ?? ''}` : '';
      }, [tab.x + tab.w / 2, tab.y + tab.h / 2]);
      // The canvas (whose app hit-tests the tab) or the tab's own mirrored button: never a text field.
      assert.ok(hit === 'CANVAS:' || hit === `BUTTON:${key}`, `at step ${step} a tap on ${key} lands on ${hit}`);
    }
  }
  assert.ok(fieldsSeen > 0, 'the survey\'s text fields were on screen on the way down');
  // A real tap on the messages tab: the chat opens, and no text field took the focus.
  const tab = (await page.evaluate(() => window.palabre.items())).find((i) => i.key === 'tab-chat');
  await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
  await page.waitForTimeout(200);
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'INPUT');
  await context.close();
});

test('editor: a problem is said in words under its field, and goes once the field is right', { timeout: 120000 }, async () => {
  const { room } = shared.prepared.find((r) => r.moment === 'lobby');
  const context = await shared.browser.newContext({ viewport: sizes.laptop, locale: 'fr-FR', timezoneId: 'Europe/Paris', deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${shared.relay.url}/#/host/${room}/${hostToken}`);
  await waitReady(page);
  const editorArea = { x: 683, y: 420 };
  await openNewActivity(page, 'quiz', editorArea);
  await clickReached(page, 'act-save', editorArea);
  const drawnTexts = async () => (await page.evaluate(() => window.palabre.drawn())).map((d) => d.text);
  // The title first: in words, in French, under the title's field.
  const said = await eventually(async () => (await drawnTexts()).find((t) => t.startsWith('Titre :')), { what: 'the title problem' });
  assert.equal(said, 'Titre : le texte est vide');
  assert.ok(!(await drawnTexts()).some((t) => t.includes('$.') || t.includes('must')), 'no developer text on screen');
  await fillField(page, 'act-title', 'Quiz éclair', editorArea);
  // Fixed: the title's problem goes at once, and the next one (the first question) shows instead.
  await eventually(async () => !(await drawnTexts()).some((t) => t.startsWith('Titre :')), { what: 'the title problem gone' });
  await eventually(async () => (await drawnTexts()).some((t) => /^Question 1 : /u.test(t)), { what: 'the next problem said' });
  await screenshot(page, 'layout-editor-problem-laptop');
  await context.close();
});
