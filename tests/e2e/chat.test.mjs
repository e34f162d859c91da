// Walking skeleton, end to end: a host creates a room; two participants join from phones and post;
// one participant's page reloads mid-test and comes back as the same person; the kiosk shows both
// messages, in order. Every input is a real click or key press located through the item mirror.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  sharedRelayAndBrowser, openApp, clickItem, typeInto, findItem, appState, appInfo, eventually,
  screenshot, waitReady, viewports, openExportMenu, openChat,
} from './harness.mjs';

const first = 'Café — stratégie numérique';
const second = 'Ça marche !';

const shared = sharedRelayAndBrowser();

/** The texts of the visible chat messages of a state, in order. */
function messageTexts(state) {
  return (state.messages ?? []).filter((m) => !m.hidden).map((m) => m.text);
}

async function joinAs(url, name) {
  const participant = await openApp(shared.browser, url, { viewport: viewports.phone });
  await typeInto(participant.page, 'name', name);
  await clickItem(participant.page, 'join');
  await openChat(participant.page);
  return participant;
}

async function post(page, text) {
  await openChat(page);
  await typeInto(page, 'message', text);
  await clickItem(page, 'send');
  await eventually(async () => messageTexts(await appState(page)).includes(text), { what: `"${text}" posted` });
}

test('a message goes from a phone to the kiosk through the real relay', async () => {
  // Given a host who creates a room
  const host = await openApp(shared.browser, `${shared.relay.url}/#/host`, { viewport: viewports.laptop });
  await clickItem(host.page, 'create');
  const hostInfo = await eventually(async () => {
    const info = await appInfo(host.page);
    return info.room && info.links?.join && info.links?.kiosk ? info : null;
  }, { what: 'room created' });
  assert.match(hostInfo.room, /^[A-Z0-9]{4,8}$/);
  assert.match(await host.page.evaluate(() => location.hash), new RegExp(`^#/host/${hostInfo.room}/`));
  await screenshot(host.page, 'host-created-laptop');

  // And two participants who join with their names
  const gaelle = await joinAs(hostInfo.links.join, 'Gaëlle Lecart');
  const caroline = await joinAs(hostInfo.links.join, 'Caroline N. ONB');
  const gaelleId = (await appInfo(gaelle.page)).you;
  assert.ok(gaelleId, 'the participant has a member id');
  assert.notEqual(gaelleId, (await appInfo(caroline.page)).you);
  // And the welcome tab says how many have joined: two, not the "0 online" a phone cannot know
  // (presence goes to the staff only)
  await clickItem(caroline.page, 'tab-activity');
  await eventually(async () => (await caroline.page.evaluate(() => window.palabre.drawn()))
    .some((d) => d.text === '2 participants dans la session'), { what: 'the lobby counts both participants' });
  await screenshot(caroline.page, 'participant-lobby-phone');

  // When the first posts, her page reloads, and the second posts
  await post(gaelle.page, first);
  await gaelle.page.reload();
  await waitReady(gaelle.page);
  await eventually(async () => (await appInfo(gaelle.page)).you === gaelleId, { what: 'rejoin as the same person' });
  await post(caroline.page, second);

  // Then the reloaded participant sees both, in order, and is still the same person
  await eventually(async () => JSON.stringify(messageTexts(await appState(gaelle.page))) === JSON.stringify([first, second]),
    { what: 'reloaded participant sees both messages' });
  const state = await appState(gaelle.page);
  const authors = state.messages.map((m) => m.from);
  assert.deepEqual(authors, [gaelleId, (await appInfo(caroline.page)).you]);
  await screenshot(gaelle.page, 'participant-phone');

  // And the kiosk shows both, in order
  const kiosk = await openApp(shared.browser, hostInfo.links.kiosk, { viewport: viewports.kiosk });
  await eventually(async () => JSON.stringify(messageTexts(await appState(kiosk.page))) === JSON.stringify([first, second]),
    { what: 'kiosk shows both messages' });
  assert.equal((await appInfo(kiosk.page)).role, 'kiosk');
  await kiosk.page.waitForTimeout(300);
  await screenshot(kiosk.page, 'kiosk');
  await screenshot(host.page, 'host-messages-laptop');

  // And the host can download the report mid-session, with both messages in it
  for (const format of ['html', 'md', 'csv', 'json']) {
    await openExportMenu(host.page);
    const [download] = await Promise.all([host.page.waitForEvent('download'), clickItem(host.page, `report-${format}`)]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.includes(first) && text.includes(second), `the ${format} report holds both messages`);
    if (format === 'html') assert.ok(!/(src|href)="https?:/.test(text), 'the HTML report makes no external request');
  }

  // And no page reported an error
  for (const who of [host, gaelle, caroline, kiosk]) assert.deepEqual(who.errors, []);
});
