// A big room (docs/protocol.md, "Big rooms"): 1,000 participants are already in, the first 499 named
// publicly, the others — as the app does from 500 on — to the host and the kiosk only. A newcomer
// types her name on a phone: it goes to the staff only; her screen still shows the ideas and
// messages of people whose arrival it never heard: under the name their message carries (`ev.by`),
// or a stand-in number (#902) for an event that carries none; the host sees every real name. Her
// own message carries her name. Screenshots: bigroom-*.png in $PALABRE_SCREENSHOTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  sharedRelayAndBrowser, openApp, clickItem, typeInto, appState, appInfo, eventually, screenshot, viewports,
  writeStoredRoom, envelopeLog,
} from './harness.mjs';

const room = 'BGRMCX';
const people = 1000;
const publicNames = 499;  // the app names itself publicly while the room has fewer than 500
const hostToken = randomBytes(16).toString('hex');
const idOf = (n) => `p${n + 3}`;  // p1, p2 are never participants (h1, k2)

/** The room, as `palabre serve` stores it. */
function writeRoom(dir) {
  const t0 = Date.now() - 600_000;
  const { envelopes, env } = envelopeLog(t0);
  env('h1', 'host', 'public', { type: 'session.configure', title: 'Grand atelier', host: 'Anne Le Gall', locale: 'fr' });
  const brainstorm = env('h1', 'host', 'public', { type: 'activity.add', activity: { kind: 'brainstorm', title: 'Une idée pour le réseau' } });
  env('h1', 'host', 'public', { type: 'activity.start', id: brainstorm });
  for (let n = 0; n < people; n++)
    env(idOf(n), 'participant', n < publicNames ? 'public' : 'staff', { type: 'participant.join', name: `Participant ${n + 1}` });
  env(idOf(10), 'participant', 'public', { type: 'idea.post', activity: brainstorm, text: 'Idée nommée' });
  env(idOf(899), 'participant', 'public', { type: 'idea.post', activity: brainstorm, text: 'Idée de loin' });
  const tokens = {};
  for (let n = 0; n < people; n++) tokens[idOf(n)] = `token-${n}`;
  writeStoredRoom(dir, { room, created: t0, envelopes, hostToken, kioskToken: 'kiosk', tokens });
}

const shared = sharedRelayAndBrowser({ storedRooms: writeRoom });

const storedLog = () => readFileSync(join(shared.dataDir, `${room}.palabre.jsonl`), 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
const nameOf = (state, id) => (state.participants ?? []).find((p) => p.id === id)?.name;

test('in a room of 1,000, a newcomer names herself to the staff only and reads the others by the names their messages carry', async () => {
  // Given a host in a room of 1,000 participants
  const host = await openApp(shared.browser, `${shared.relay.url}/#/host/${room}/${hostToken}`, { viewport: viewports.laptop });
  await eventually(async () => (await appInfo(host.page)).seq >= people + 5, { what: 'the host to catch up', timeout: 60000 });

  // When Gaëlle joins by the link and types her name
  const gaelle = await openApp(shared.browser, `${shared.relay.url}/#/join/${room}`, { viewport: viewports.phone });
  await typeInto(gaelle.page, 'name', 'Gaëlle');
  await clickItem(gaelle.page, 'join');
  const you = await eventually(async () => {
    const info = await appInfo(gaelle.page);
    return info.you && nameOf(await appState(gaelle.page), info.you) === 'Gaëlle' ? info.you : null;
  }, { what: 'Gaëlle to be in', timeout: 30000 });

  // Then her name went to the staff only, and the host has it
  const join = await eventually(() => storedLog().find((e) => e.from === you && e.ev.type === 'participant.join'), { what: 'her join stored' });
  assert.equal(join.vis, 'staff', 'a newcomer of a big room names herself to the host and the kiosk only');
  await eventually(async () => nameOf(await appState(host.page), you) === 'Gaëlle', { what: 'the host to see her name' });

  // And someone whose arrival she never heard shows on her screen as a stand-in, with their idea
  const gaelleState = await appState(gaelle.page);
  assert.equal(nameOf(gaelleState, idOf(10)), 'Participant 11', 'a public name is heard as before');
  assert.equal(nameOf(gaelleState, idOf(899)), `#${899 + 3}`, 'a sender never heard joining stands in as a number');
  assert.ok(JSON.stringify(gaelleState).includes('Idée de loin'), 'the stand-in\'s idea is on her screen');

  // When that participant writes in the chat, live, with their name on the message as the app puts it
  const probe = await shared.browser.newContext();
  const raw = await probe.newPage();
  await raw.goto(`${shared.relay.url}/config.json`);
  await raw.evaluate(({ url, room, token }) => new Promise((done) => {
    const ws = new WebSocket(url);
    ws.onopen = () => ws.send(JSON.stringify({ t: 'join', room, token }));
    ws.onmessage = (m) => {
      if (m.data.startsWith('{"t":"joined"')) ws.send(JSON.stringify({ t: 'event', vis: 'public', ev: { type: 'chat.post', text: 'Bonjour de loin !', by: 'Participant 900' } }));
      if (m.data.startsWith('{"t":"ack"')) done();
    };
  }), { url: shared.relay.url.replace('http', 'ws') + '/ws', room, token: 'token-899' });
  await probe.close();

  // Then she reads it under that name, as the host does
  await eventually(async () => (await appState(gaelle.page)).messages?.some((m) => m.text === 'Bonjour de loin !'), { what: 'the message on her phone' });
  assert.equal(nameOf(await appState(gaelle.page), idOf(899)), 'Participant 900', 'the stand-in takes the name its message carries');
  assert.equal(nameOf(await appState(host.page), idOf(899)), 'Participant 900');
  await screenshot(gaelle.page, 'bigroom-participant-phone');
  await clickItem(gaelle.page, 'tab-chat');

  // And when she writes in the chat, her message carries her name for the others
  await typeInto(gaelle.page, 'message', 'Bonjour, ici Gaëlle');
  await clickItem(gaelle.page, 'send');
  const mine = await eventually(() => storedLog().find((e) => e.from === you && e.ev.type === 'chat.post'), { what: 'her message stored' });
  assert.equal(mine.ev.by, 'Gaëlle');
  await gaelle.page.waitForTimeout(400);
  await screenshot(gaelle.page, 'bigroom-participant-chat-phone');
  await screenshot(host.page, 'bigroom-host-laptop');

  for (const who of [host, gaelle]) assert.deepEqual(who.errors, []);
});
