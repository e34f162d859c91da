// End-to-end encryption in the browser (issue 8, docs/security.md): a host ticks "End-to-end
// encryption" on the create card; a participant joins by the link (its fragment carries the key), a
// kiosk opens its link; what the participant writes shows on the host console and the kiosk, while
// the relay's stored log holds no plaintext of it — `palabre decrypt --key K` then `palabre replay`
// gives it back. A participant who joins by the code alone sees a notice, not broken screens. Events
// injected through a raw WebSocket — a tampered ciphertext, an event in clear — are dropped by
// every client with a console warning; a correctly sealed one (same path, same key) is accepted, so
// the drops are the crypto's doing. A room created from an untouched form starts sealed all the same.
// Screenshots: e2ee-*.png in $PALABRE_SCREENSHOTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  appInfo, appState, clickItem, clickReached, eventually, fillField, launchBrowser, openApp, screenshot,
  openNewActivity, startRelay, typeInto, viewports, waitReady, openChat,
} from './harness.mjs';

const title = 'Atelier Zéphyr confidentiel';
const participantName = 'Ysaline Quartz';
const message = 'Le mot de passe du coffre est ornithorynque';
const idea = 'Chiffrer les cartographies';
const injected = { sealed: 'Injection scellée valide', tampered: 'Injection falsifiée', clear: 'Injection en clair' };

const texts = (state) => JSON.stringify(state);

/** Console warnings of a page, kept as they come (end-to-end drops are warnings, not errors). */
function collectWarnings(page) {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  return warnings;
}

/** Runs `scenario(relay, browser)` against a fresh relay (its data directory removed after) and browser. */
async function withRelayAndBrowser(scenario) {
  const relay = await startRelay();
  const browser = await launchBrowser();
  try {
    await scenario(relay, browser);
  } finally {
    await browser.close();
    await relay.stop();
  }
}

test('an encrypted session: readable by its members, ciphertext on the relay, tampering rejected', { timeout: 300000 }, () => withRelayAndBrowser(async (relay, browser) => {
  // Given a host who creates an end-to-end encrypted session
  const host = await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop });
  const hostWarnings = collectWarnings(host.page);
  await fillField(host.page, 'session-title', title);
  await clickReached(host.page, 'session-e2e');
  await host.page.waitForTimeout(200);  // (the mirror's labels carry no icons: the tick shows on the screenshot)
  await screenshot(host.page, 'e2ee-host-create-laptop');
  await clickReached(host.page, 'create');
  const hostInfo = await eventually(async () => {
    const i = await appInfo(host.page);
    return i.room && i.connected && i.links?.kiosk ? i : null;
  }, { what: 'the room to be created' });
  assert.equal(hostInfo.e2e, true, 'the host console encrypts');
  const key = new URL(hostInfo.links.join).hash.match(/[?&]key=([A-Za-z0-9_-]+)/)?.[1];
  assert.match(key ?? '', /^[A-Za-z0-9_-]{43}$/, 'the join link carries a 32-byte key in its fragment');
  for (const link of [hostInfo.links.kiosk, hostInfo.links.host, await host.page.evaluate(() => location.href)])
    assert.ok(new URL(link).hash.includes(`key=${key}`), `${link} carries the key`);
  await eventually(async () => (await appState(host.page)).session.title === title, { what: 'the title, sent encrypted, applied' });

  // And a brainstorm prepared in the editor
  const editorArea = { x: 683, y: 420 };
  await openNewActivity(host.page, 'brainstorm', editorArea);
  await fillField(host.page, 'act-title', 'Idées pour la suite', editorArea);
  await clickReached(host.page, 'act-save', editorArea);
  const brainstorm = await eventually(async () => (await appState(host.page)).activities[0], { what: 'the brainstorm added' });

  // And a participant who joins by the link, and a kiosk
  const alice = await openApp(browser, hostInfo.links.join, { viewport: viewports.phone });
  const aliceWarnings = collectWarnings(alice.page);
  await typeInto(alice.page, 'name', participantName);
  await clickItem(alice.page, 'join');
  await openChat(alice.page);
  const kiosk = await openApp(browser, hostInfo.links.kiosk, { viewport: viewports.kiosk });
  const kioskWarnings = collectWarnings(kiosk.page);
  assert.equal((await appInfo(kiosk.page)).e2e, true);

  // When the participant posts a message, then an idea in the running brainstorm
  await typeInto(alice.page, 'message', message);
  await clickItem(alice.page, 'send');
  await clickReached(host.page, `start-${brainstorm.id}`, editorArea);
  await eventually(async () => (await appState(alice.page)).current_activity === brainstorm.id, { what: 'the brainstorm on the phone' });
  await typeInto(alice.page, 'idea', idea);
  await clickItem(alice.page, 'post-idea');

  // Then the host and the kiosk show both
  for (const [who, page] of [['host', host.page], ['kiosk', kiosk.page], ['participant', alice.page]]) {
    await eventually(async () => { const s = texts(await appState(page)); return s.includes(message) && s.includes(idea) && s.includes(participantName); },
      { what: `the message, the idea and the name on the ${who}'s screen` });
  }
  // And a reload (the link keeps the key; a resume is one batch of envelopes) loses nothing
  await alice.page.reload();
  await waitReady(alice.page);
  await eventually(async () => { const s = texts(await appState(alice.page)); return s.includes(message) && s.includes(idea); },
    { what: 'the participant back, decrypting, after a reload' });
  // And the join link opened again without its key still decrypts: this browser kept it for the room
  await alice.page.goto(`${relay.url}/#/join/${hostInfo.room}`);
  await waitReady(alice.page);
  await eventually(async () => (await appInfo(alice.page)).e2e === true && texts(await appState(alice.page)).includes(message),
    { what: 'the kept key used for a link without it' });
  assert.match(await alice.page.evaluate(() => location.hash), new RegExp(`key=${key}`), 'the address shows the key again');
  await host.page.waitForTimeout(300);
  await screenshot(host.page, 'e2ee-host-badge-laptop');
  await screenshot(kiosk.page, 'e2ee-kiosk');

  // And a participant who only has the code sees a notice instead of broken screens
  const bruno = await openApp(browser, `${relay.url}/`, { viewport: viewports.phone });
  await typeInto(bruno.page, 'code', hostInfo.room);
  await clickItem(bruno.page, 'go');
  await typeInto(bruno.page, 'name', 'Bruno');
  await clickItem(bruno.page, 'join');
  await eventually(async () => (await appInfo(bruno.page)).e2e_locked === true, { what: 'the keyless participant to be told' });
  assert.ok(!texts(await appState(bruno.page)).includes(message), 'nothing readable reached the keyless participant');
  await bruno.page.waitForTimeout(300);
  await screenshot(bruno.page, 'e2ee-participant-locked-phone');

  // When a raw WebSocket client with the key injects a sealed event, a tampered one, one in clear
  const roomLog = join(relay.dataDir, `${hostInfo.room}.palabre.jsonl`);
  const plainLog = join(relay.dataDir, 'plain.palabre.jsonl');
  const decrypt = () => execFileSync(process.env.PALABRE_BIN, ['decrypt', '--key', key, roomLog, '-o', plainLog], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  decrypt();
  const aliceId = (await appInfo(alice.page)).you;
  const plainLines = readFileSync(plainLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const template = plainLines.find((e) => e.from === aliceId && JSON.stringify(e.ev).includes(message)).ev;
  const joinTemplate = plainLines.find((e) => e.from === aliceId && JSON.stringify(e.ev).includes(participantName)).ev;
  const probe = await browser.newContext();
  const raw = await probe.newPage();
  await raw.goto(`${relay.url}/config.json`);  // same origin: a secure context with WebCrypto
  const before = { host: (await appState(host.page)).last_seq };
  const seen = { host: hostWarnings.length, kiosk: kioskWarnings.length, participant: aliceWarnings.length };
  const injectedId = await raw.evaluate(async ({ room, key, template, joinTemplate, injected, name }) => {
    const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').split('=')[0];
    const unb64 = (t) => Uint8Array.from(atob(t.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
    const cryptoKey = await crypto.subtle.importKey('raw', unb64(key), { name: 'AES-GCM' }, false, ['encrypt']);
    const ws = new WebSocket(`ws://${location.host}/ws`);
    const frames = [];
    ws.onmessage = (e) => frames.push(JSON.parse(e.data));
    await new Promise((r) => { ws.onopen = r; });
    ws.send(JSON.stringify({ t: 'join', room }));
    while (!frames.some((f) => f.t === 'joined')) await new Promise((r) => setTimeout(r, 20));
    const you = frames.find((f) => f.t === 'joined').you;
    const seal = async (ev) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ad = new TextEncoder().encode(`palabre-e2e-v1|${room}|public|${you}`);
      const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: ad }, cryptoKey,
        new TextEncoder().encode(JSON.stringify(ev))));
      return { e2e: 1, iv: b64(iv), ct: b64(ct) };
    };
    const send = (ev) => ws.send(JSON.stringify({ t: 'event', vis: 'public', ev }));
    send(await seal({ ...joinTemplate, name }));
    send(await seal({ ...template, text: injected.sealed }));
    const tampered = await seal({ ...template, text: injected.tampered });
    const flipped = tampered.ct[10] === 'A' ? 'B' : 'A';
    send({ ...tampered, ct: tampered.ct.slice(0, 10) + flipped + tampered.ct.slice(11) });
    send({ ...template, text: injected.clear });
    // The relay stamps and acks all four: it cannot tell (and must not need to).
    while (frames.filter((f) => f.t === 'ack').length < 4) await new Promise((r) => setTimeout(r, 20));
    ws.close();
    return you;
  }, { room: hostInfo.room, key, template, joinTemplate, injected, name: 'Mallory' });

  // Then every client shows the sealed one and drops the other two, with a warning
  for (const [who, page, warnings] of [['host', host.page, hostWarnings], ['kiosk', kiosk.page, kioskWarnings], ['participant', alice.page, aliceWarnings]]) {
    await eventually(async () => texts(await appState(page)).includes(injected.sealed), { what: `the sealed injection on the ${who}'s screen` });
    const fresh = () => warnings.slice(seen[who]);
    await eventually(() => fresh().some((w) => w.includes('does not authenticate')) && fresh().some((w) => w.includes('sent in clear')),
      { what: `the ${who}'s console warnings` });
    const state = texts(await appState(page));
    assert.ok(!state.includes(injected.tampered), `the ${who} ignored the tampered ciphertext`);
    assert.ok(!state.includes(injected.clear), `the ${who} ignored the event in clear`);
    assert.ok(state.includes(message) && state.includes(idea), `the ${who} still has the session`);
  }
  assert.ok((await appState(host.page)).last_seq > before.host);
  assert.ok(injectedId.startsWith('p'));
  await probe.close();

  // And the relay's stored log holds ciphertext only
  assert.ok(existsSync(roomLog), 'the relay stored the room');
  const stored = readFileSync(roomLog, 'utf8');
  // (Bruno, who had no key, saw the room was encrypted before sending his name: not even it is in clear.)
  for (const secret of [title, participantName, 'Bruno', message, idea, 'Idées pour la suite', injected.sealed, injected.tampered])
    assert.ok(!stored.includes(secret), `the stored log holds no "${secret}"`);
  const envelopes = stored.trim().split('\n').slice(1).map((l) => JSON.parse(l));
  const clearLines = envelopes.filter((e) => e.role !== 'relay' && e.ev.e2e !== 1);
  assert.deepEqual(clearLines.map((e) => e.from), [injectedId],
    'event types are sealed too: only the injected cleartext is in clear');
  assert.ok(envelopes.filter((e) => e.role !== 'relay' && e.ev.e2e === 1).length >= 6, 'the events are stored as {"e2e":1,...}');

  // And `palabre decrypt` with the link's key, then `palabre replay`, gives the session back
  decrypt();
  const replayed = execFileSync(process.env.PALABRE_BIN, ['replay', plainLog], { encoding: 'utf8' });
  for (const plain of [title, participantName, message, idea, injected.sealed])
    assert.ok(replayed.includes(plain), `the decrypted log replays to a session holding "${plain}"`);
  for (const dropped of [injected.tampered, injected.clear])
    assert.ok(!replayed.includes(dropped), `the decrypted log leaves out "${dropped}", as the clients did`);
  const replayedState = JSON.parse(replayed);
  assert.equal(replayedState.session.title, title);

  // And no page reported an error
  for (const who of [host, alice, kiosk, bruno]) assert.deepEqual(who.errors, []);
}));

test('an encrypted room created from an untouched form starts sealed: a participant with the code alone sends nothing in clear', { timeout: 120000 }, () => withRelayAndBrowser(async (relay, browser) => {
  // Given a host who ticks encryption and creates, filling nothing else
  const host = await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop });
  await clickReached(host.page, 'session-e2e');
  await clickReached(host.page, 'create');
  const { room } = await eventually(async () => { const i = await appInfo(host.page); return i.room && i.connected ? i : null; },
    { what: 'the room to be created' });
  const roomLog = join(relay.dataDir, `${room}.palabre.jsonl`);
  const stored = () => readFileSync(roomLog, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
  // Then the room's first event is the host's, sealed (the form's date, today unless changed, is
  // always sent on creation: no encrypted room is ever without a sealed event)
  const first = await eventually(() => stored().find((e) => e.role !== 'relay'), { what: 'the host\'s first event stored' });
  assert.equal(first.from, 'h1');
  assert.equal(first.ev.e2e, 1, 'the first event of an encrypted room is sealed, whatever the form held');

  // When a participant who has only the code joins at once and types her name
  const octave = await openApp(browser, `${relay.url}/#/join/${room}`, { viewport: viewports.phone });
  await typeInto(octave.page, 'name', 'Octave Sansclé');
  await clickItem(octave.page, 'join');
  // Then she is told the room is encrypted, and her name is nowhere on the relay
  await eventually(async () => (await appInfo(octave.page)).e2e_locked === true, { what: 'the notice on her phone' });
  await octave.page.waitForTimeout(500);
  assert.ok(!readFileSync(roomLog, 'utf8').includes('Octave'), 'the stored log holds no name in clear');
  assert.deepEqual(stored().filter((e) => e.role !== 'relay' && e.ev.e2e !== 1), [], 'nothing in clear');
  for (const who of [host, octave]) assert.deepEqual(who.errors, []);
}));
