// Removing a participant, end to end (issue 19): the host clicks "Retirer" on a participant's row and
// confirms; that person's page says they were removed and stops; what they wrote is hidden on every
// screen; a connection of theirs that is still open is told `removed` and what it sends next is
// refused — on the relay the host used, and, with two relays on one Redis, on the other one too. In
// an end-to-end encrypted room, renewing the link also renews the key: the removed participant's
// page cannot open what follows, while the others, the kiosk and the host read on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startRelay, launchBrowser, openApp, clickItem, clickReached, typeInto, appState, appInfo, eventually, screenshot,
  viewports, openChat, freePort, waitReady,
} from './harness.mjs';

const kRedisServer = '/usr/bin/redis-server';
const removedTitle = 'Vous avez été retiré de la session';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A throwaway redis-server on a free loopback port, no persistence. */
async function startRedis() {
  const port = await freePort();
  const child = spawn(kRedisServer, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) { clearTimeout(timer); resolve(); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`redis exited (${code}):\n${output}`)); });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGKILL');
      await new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', r)));
    },
  };
}

async function hostARoom(relayUrl, { encrypted = false } = {}) {
  const host = await openApp(browser, `${relayUrl}/#/host`, { viewport: viewports.laptop });
  if (encrypted) await clickReached(host.page, 'session-e2e');
  await clickItem(host.page, 'create');
  const info = await eventually(async () => {
    const i = await appInfo(host.page);
    return i.room && i.links?.join ? i : null;
  }, { what: 'room created' });
  return { host, info };
}

async function joinAndPost(joinLink, name, text) {
  const person = await openApp(browser, joinLink, { viewport: viewports.phone });
  await typeInto(person.page, 'name', name);
  await clickItem(person.page, 'join');
  await openChat(person.page);
  await typeInto(person.page, 'message', text);
  await clickItem(person.page, 'send');
  await eventually(async () => (await appState(person.page)).messages?.some((m) => m.text === text), { what: `"${text}" posted` });
  const info = await appInfo(person.page);
  const token = await person.page.evaluate((room) => localStorage.getItem(`palabre.member.${room}`), info.room);
  assert.ok(token, 'the participant keeps a resume token');
  return { ...person, id: info.you, room: info.room, token };
}

/** A second connection of the same member, opened beside its page (as another tab would be): a
 *  plain WebSocket in a blank page of the participant's browser context, its frames kept. */
async function openSecondConnection(person, relayUrl) {
  const raw = await person.context.newPage();
  await raw.goto(`${relayUrl}/healthz`);
  const wsUrl = relayUrl.replace(/^http/, 'ws') + '/ws';
  const joined = await raw.evaluate(({ wsUrl, room, token }) => new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl);
    window.raw = ws;
    window.frames = [];
    ws.onmessage = (m) => {
      const frame = JSON.parse(m.data);
      window.frames.push(frame);
      if (frame.t === 'joined' || frame.t === 'error') resolve(frame.t === 'joined' ? frame.you : frame.code);
    };
    ws.onerror = () => reject(new Error('socket failed'));
    ws.onopen = () => ws.send(JSON.stringify({ t: 'join', room, token }));
  }), { wsUrl, room: person.room, token: person.token });
  assert.equal(joined, person.id, 'the second connection is the same member');
  return {
    page: raw,
    /** The code of the first error frame that has `cid` (undefined: one without). */
    async errorCode(cid) {
      return eventually(() => raw.evaluate((c) => window.frames.find((f) => f.t === 'error' && (f.cid ?? null) === c)?.code ?? null,
        cid ?? null), { what: `an error${cid ? ` for cid ${cid}` : ''} on the second connection` });
    },
    async send(frame) { await raw.evaluate((f) => window.raw.send(JSON.stringify(f)), frame); },
  };
}

/** What a new connection is answered when it joins with `token` through `relayUrl`. */
async function joinAnswer(page, relayUrl, room, token) {
  const wsUrl = relayUrl.replace(/^http/, 'ws') + '/ws';
  return page.evaluate(({ wsUrl, room, token }) => new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl);
    ws.onmessage = (m) => { const f = JSON.parse(m.data); ws.close(); resolve(f.t === 'error' ? f.code : f.t); };
    ws.onerror = () => reject(new Error('socket failed'));
    ws.onopen = () => ws.send(JSON.stringify({ t: 'join', room, token }));
  }), { wsUrl, room, token });
}

const shareColumn = { x: 190, y: 600 };  // the left column scrolls: the link sits below the QR code

async function renewFromTheConsole(hostPage) {
  // A mouse wheel's notch at a time: in an encrypted room the confirmation is longer and its buttons
  // sit further down the column (50 px steps were seen not to reach them).
  const column = { ...shareColumn, delta: 120 };
  await clickReached(hostPage, 'renew', column);
  await clickReached(hostPage, 'renew-yes', column);
}

async function removeFromTheConsole(hostPage, id) {
  await clickItem(hostPage, `remove-${id}`);
  await screenshot(hostPage, 'host-remove-confirmation');
  await clickItem(hostPage, 'remove-yes');  // "hide their contributions" is ticked by default
}

async function saysRemoved(page) {
  return eventually(async () => (await page.evaluate(() => window.palabre.drawn()))
    .some((d) => d.text.includes(removedTitle)), { what: 'the page says the participant was removed' });
}

test('a removed participant is told on their page, refused from then on, and what they wrote is hidden', async () => {
  const relay = await startRelay();
  try {
    // Given a host, and two participants who posted a message each
    const { host, info } = await hostARoom(relay.url);
    const bob = await joinAndPost(info.links.join, 'Bob', 'Je dérange un peu');
    const alice = await joinAndPost(info.links.join, 'Alice', 'Bonjour à tous');
    // And a second connection of Bob's, still open
    const second = await openSecondConnection(bob, relay.url);
    await eventually(async () => (await appState(host.page)).participants?.length === 2, { what: 'the host sees both' });

    // When the host removes Bob from the console, hiding what he wrote
    await removeFromTheConsole(host.page, bob.id);

    // Then Bob's page says so, and stays so after a reload (it does not join again)
    await saysRemoved(bob.page);
    await screenshot(bob.page, 'participant-removed-phone');
    await bob.page.reload();
    await saysRemoved(bob.page);
    // And his open connection was told, and the next event it sends is refused with the same code
    assert.equal(await second.errorCode(), 'removed');
    await second.send({ t: 'event', vis: 'public', cid: 9, ev: { type: 'chat.post', text: 'encore moi' } });
    assert.equal(await second.errorCode(9), 'removed');
    // And his token opens nothing any more
    assert.equal(await joinAnswer(second.page, relay.url, bob.room, bob.token), 'removed');
    // And his message is hidden on the others' screens, with the host's record counting it
    await eventually(async () => {
      const seen = await appState(alice.page);
      const shown = seen.messages.filter((m) => !m.hidden);
      return shown.every((m) => m.from !== bob.id) && shown.some((m) => m.from === alice.id);
    }, { what: "Bob's message gone from Alice's screen" });
    const hostState = await eventually(async () => {
      const s = await appState(host.page);
      return s.removed?.includes(bob.id) && s.removals?.[bob.id] !== undefined ? s : null;
    }, { what: 'the host records the removal' });
    assert.equal(hostState.removals[bob.id], 1, 'one contribution hidden');
    assert.ok(hostState.messages.find((m) => m.from === bob.id).hidden);
    await screenshot(host.page, 'host-after-removal-laptop');
    for (const who of [host, alice]) assert.deepEqual(who.errors, []);
  } finally {
    await relay.stop();
  }
});

test('after the host renews the join link, the old link admits nobody new and the new one does', async () => {
  const relay = await startRelay();
  try {
    // Given a host whose room has a participant
    const { host, info } = await hostARoom(relay.url);
    const oldLink = info.links.join;
    const alice = await joinAndPost(oldLink, 'Alice', 'Bonjour');
    // When the host renews the link where the join link and QR code are shown
    await renewFromTheConsole(host.page);
    const newLink = await eventually(async () => {
      const link = (await appInfo(host.page)).links.join;
      return link !== oldLink ? link : null;
    }, { what: 'a new join link' });
    assert.match(newLink, new RegExp(`#/join/${info.room}-[A-Z2-9]{6}$`));
    await screenshot(host.page, 'host-renewed-link-laptop');
    // Then a newcomer with the old link is told it was renewed
    const late = await openApp(browser, oldLink, { viewport: viewports.phone });
    await typeInto(late.page, 'name', 'Carole');
    await clickItem(late.page, 'join');
    await eventually(async () => (await late.page.evaluate(() => window.palabre.drawn()))
      .some((d) => d.text.includes('Ce lien a été renouvelé')), { what: 'the old link is refused with a sentence' });
    assert.equal((await appInfo(late.page)).you, '');
    // And one with the new link joins, while the participant already in keeps going
    await joinAndPost(newLink, 'Carole', 'Me voilà');
    await alice.page.reload();
    await eventually(async () => (await appInfo(alice.page)).you === alice.id, { what: 'Alice resumes with her token' });
    assert.deepEqual(host.errors, []);
  } finally {
    await relay.stop();
  }
});

const keyOf = (url) => new URL(url).hash.match(/[?&]key=([A-Za-z0-9_-]+)/u)?.[1] ?? '';
const texts = async (page) => JSON.stringify((await appState(page)).messages ?? []);

test('in an encrypted room, renewing after a removal renews the key: the removed page cannot open what follows, the others can', async () => {
  const relay = await startRelay();
  try {
    // Given an end-to-end encrypted room with a kiosk and two participants who posted a message each
    const { host, info } = await hostARoom(relay.url, { encrypted: true });
    const firstKey = keyOf(info.links.join);
    assert.equal(firstKey.length, 43, 'the link carries one key');
    const bob = await joinAndPost(info.links.join, 'Bob', 'Je dérange un peu');
    const alice = await joinAndPost(info.links.join, 'Nguyễn Thị Hương', 'Bonjour à tous 👋');
    const kiosk = await openApp(browser, info.links.kiosk, { viewport: viewports.kiosk });
    await eventually(async () => (await texts(kiosk.page)).includes('Bonjour à tous'), { what: 'the kiosk reads the room' });

    // When the host removes Bob, then renews the link — and with it the key
    await removeFromTheConsole(host.page, bob.id);
    await saysRemoved(bob.page);
    await renewFromTheConsole(host.page);

    // Then the host's links, and the addresses of Alice's page and the kiosk, carry the next key
    const chain = await eventually(async () => {
      const link = (await appInfo(host.page)).links.join;
      return keyOf(link).length === 86 ? keyOf(link) : null;
    }, { what: "the host's join link to carry the renewed key" }).catch((e) => {
      throw new Error(`${e.message}; the host's page said: ${host.warnings.join(' | ') || 'nothing'}`);
    });
    assert.ok(chain.startsWith(firstKey), 'the old key stays in the chain: what was said before still opens');
    for (const [who, page] of [['Alice', alice.page], ['the kiosk', kiosk.page]])
      await eventually(async () => keyOf(await page.evaluate(() => location.href)) === chain, { what: `${who} to hold the renewed key` });
    await screenshot(host.page, 'e2ee-renewed-key-laptop');

    // When Alice writes after the renewal
    const secret = 'Après la rotation : le budget réel est de 42 k€ 🔐';
    await typeInto(alice.page, 'message', secret);
    await clickItem(alice.page, 'send');
    // Then the host, the kiosk and Alice read it
    for (const [who, page] of [['host', host.page], ['kiosk', kiosk.page], ['Alice', alice.page]])
      await eventually(async () => (await texts(page)).includes('42 k€'), { what: `the ${who} to read the message sent after the renewal` });

    // And the relay holds it sealed under the new key only
    const log = join(relay.dataDir, `${info.room}.palabre.jsonl`);
    const envelopes = readFileSync(log, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
    const sealed = envelopes.filter((e) => e.from === alice.id && e.ev.e2e === 1).at(-1);
    assert.equal(sealed.ev.k, 2, 'sealed under the second key');
    assert.ok(!readFileSync(log, 'utf8').includes('42 k€'));
    assert.ok(envelopes.some((e) => e.role === 'host' && e.ev.e2e === 1 && !e.ev.k), 'the renewal itself travels under the first key');

    // And Bob's page, which kept the first key, cannot open it — while Alice's page, same code, can
    const openIn = (page) => page.evaluate(async ({ env, room }) => {
      const E = window.Module.palabreE2e;
      E.room = room;  // (Bob's page left the room: only the key differs)
      const keys = await E.keys;
      return { keys: keys.length, opened: await E.open(keys, env) };
    }, { env: sealed, room: info.room });
    const byBob = await openIn(bob.page);
    assert.equal(byBob.keys, 1, "Bob's page holds the first key only");
    assert.equal(byBob.opened, null, "Bob's page cannot decrypt the message sent after the renewal");
    const byAlice = await openIn(alice.page);
    assert.equal(byAlice.keys, 2);
    assert.ok(byAlice.opened.includes('42 k€'), "Alice's page opens the very same envelope");

    // And `palabre decrypt` opens it with the renewed chain, not with the first key alone
    const decrypt = (key) => execFileSync(process.env.PALABRE_BIN, ['decrypt', '--key', key, log], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.ok(decrypt(chain).includes('42 k€'));
    assert.ok(!decrypt(firstKey).includes('42 k€'), 'the first key alone does not open what followed');

    // And a reload keeps the chain (stored beside the first key), so Alice reads on
    await alice.page.reload();
    await waitReady(alice.page);
    await eventually(async () => (await texts(alice.page)).includes('42 k€'), { what: 'Alice after a reload' });
    for (const who of [host, alice, kiosk]) assert.deepEqual(who.errors, []);
  } finally {
    await relay.stop();
  }
});

test('with two relays on one Redis, a member removed through one is refused by the other', { skip: !existsSync(kRedisServer) }, async () => {
  const redis = await startRedis();
  const relayA = await startRelay({ args: ['--redis', redis.url] });
  const relayB = await startRelay({ args: ['--redis', redis.url] });
  try {
    // Given a host on relay A and a participant who came through relay B, with a second connection there
    const { host, info } = await hostARoom(relayA.url);
    const joinThroughB = info.links.join.replace(relayA.url, relayB.url);
    const bob = await joinAndPost(joinThroughB, 'Bob', 'Bonjour depuis B');
    const second = await openSecondConnection(bob, relayB.url);
    await eventually(async () => (await appState(host.page)).messages?.some((m) => m.from === bob.id),
      { what: "the host on A sees Bob's message from B" });

    // When the host removes him on relay A
    await removeFromTheConsole(host.page, bob.id);

    // Then his page on relay B says so, his open connection there is told, and its next event refused
    await saysRemoved(bob.page);
    assert.equal(await second.errorCode(), 'removed');
    await second.send({ t: 'event', vis: 'public', cid: 9, ev: { type: 'chat.post', text: 'encore moi' } });
    assert.equal(await second.errorCode(9), 'removed');
    // And both relays refuse his token
    for (const relay of [relayA, relayB])
      assert.equal(await joinAnswer(second.page, relay.url, bob.room, bob.token), 'removed', relay.url);
    assert.deepEqual(host.errors, []);
  } finally {
    await relayA.stop();
    await relayB.stop();
    await redis.stop();
  }
});
