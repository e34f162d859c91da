// The board, moved by hand: a host drags a post-it from its zone into the next one with the mouse.
// It lands where it was dropped at once and stays there on every frame after (a move waiting for the
// relay is drawn from the client's pending events), the stored log holds the move, and the kiosk and
// a phone that joins afterwards draw the post-it in its new zone. Screenshots: board-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sharedRelayAndBrowser, openApp, findItem, typeInto, clickItem, appState, appInfo, eventually, screenshot,
  viewports, writeStoredRoom, envelopeLog,
} from './harness.mjs';

const room = 'BRDMVX';
const hostToken = randomBytes(16).toString('hex');
const zones = ['À garder', 'À changer', 'À essayer'];
const note = 'Un café chaque matin ☕';
let boardId = 0, ideaId = 0;

function writeRoom(dir) {
  const t0 = Date.now() - 60_000;
  const { envelopes, env } = envelopeLog(t0);
  env('h1', 'host', 'public', { type: 'session.configure', title: 'Rétrospective', host: 'Anne Le Gall', locale: 'fr' });
  boardId = env('h1', 'host', 'public', { type: 'activity.add', activity: { kind: 'board', title: 'Notre mois', categories: zones } });
  env('h1', 'host', 'public', { type: 'activity.start', id: boardId });
  env('p3', 'participant', 'public', { type: 'participant.join', name: 'Alice Nguyễn' });
  ideaId = env('p3', 'participant', 'public', { type: 'idea.post', activity: boardId, text: note, category: 0, x: 2000, y: 2000 });
  writeStoredRoom(dir, { room, created: t0, envelopes, hostToken, kioskToken: 'kiosk', tokens: { p3: 'token-alice' } });
}

const shared = sharedRelayAndBrowser({ storedRooms: writeRoom });

const storedLog = () => readFileSync(join(shared.dataDir, `${room}.palabre.jsonl`), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
const ideaIn = (state) => state.activities.find((a) => a.id === boardId).ideas.find((i) => i.id === ideaId);
/** Which zone a screen drew the post-it in: the zone whose title is nearest above or beside it. */
async function drawnZone(page) {
  const drawn = (await page.evaluate(() => window.palabre.drawn())).filter((t) => t.visible);
  const d = drawn.find((t) => t.text === note);
  if (!d) return -1;
  const titles = zones.map((z) => drawn.find((t) => t.text === z));
  let best = -1, bestScore = Infinity;
  titles.forEach((t, i) => {
    if (!t || t.y > d.y || t.x > d.x + d.w) return;  // a zone's title is above and left of its post-its
    const score = (d.y - t.y) + (d.x - t.x);
    if (score < bestScore) best = i, bestScore = score;
  });
  return best;
}

test('a post-it dragged into the next zone lands there at once, is stored, and every screen draws it there', async () => {
  // Given a host on a board of three zones, with Alice's post-it in the first
  const host = await openApp(shared.browser, `${shared.relay.url}/#/host/${room}/${hostToken}`, { viewport: viewports.laptop });
  const item = await findItem(host.page, `note-${ideaId}`, { timeout: 30000 });
  const title = (await host.page.evaluate(() => window.palabre.drawn())).find((t) => t.text === zones[1] && t.visible);
  assert.ok(title, 'the second zone is in view');
  assert.ok(item.y + item.h < title.y, 'the post-it starts above the second zone');

  // When the host drags it into the second zone and lets go
  const from = { x: item.x + item.w / 2, y: item.y + item.h / 2 };
  const to = { x: title.x + 150, y: title.y + 70 };
  await host.page.mouse.move(from.x, from.y);
  await host.page.mouse.down();
  await host.page.mouse.move(to.x, to.y, { steps: 12 });
  await host.page.mouse.up();

  // Then on every frame after, it is where it was dropped (never back in its old zone for a frame)
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await host.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
    seen.push(Math.round((await findItem(host.page, `note-${ideaId}`)).y));
  }
  assert.ok(seen.every((y) => y > title.y), `the post-it stayed in the second zone: y ${seen.join(', ')} below ${Math.round(title.y)}`);
  await screenshot(host.page, 'board-host-moved-laptop');

  // And the move is stored, from the host, into the second zone
  const move = await eventually(() => storedLog().find((e) => e.ev.type === 'idea.move' && e.ev.id === ideaId), { what: 'the move stored' });
  assert.equal(move.from, 'h1');
  assert.equal(move.ev.category, 1);
  await eventually(async () => ideaIn(await appState(host.page)).category === 1, { what: 'the host\'s session to have it' });
  assert.equal((await appInfo(host.page)).pending, 0, 'nothing left pending');

  // And the kiosk and a phone that joins afterwards draw it in that zone
  const kiosk = await openApp(shared.browser, `${shared.relay.url}/#/kiosk/${room}/kiosk`, { viewport: viewports.kiosk });
  await eventually(async () => (await drawnZone(kiosk.page)) === 1, { what: 'the kiosk to draw it in the second zone', timeout: 30000 });
  await screenshot(kiosk.page, 'board-kiosk-moved');
  const phone = await openApp(shared.browser, `${shared.relay.url}/#/join/${room}`, { viewport: viewports.phone });
  await typeInto(phone.page, 'name', 'Bảo Trần');
  await clickItem(phone.page, 'join');
  await eventually(async () => ideaIn(await appState(phone.page))?.category === 1, { what: 'the phone to have the move', timeout: 30000 });
  await screenshot(phone.page, 'board-phone-moved');
  assert.equal(await drawnZone(host.page), 1, 'the host draws it in the second zone');
});
