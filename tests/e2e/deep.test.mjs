// Issue 16: one `chat.post` with a field nested 20,000 deep (40 KB) was accepted and stored; host and
// participant pages then threw "Maximum call stack size exceeded" and dropped every later envelope of
// that frame, on every reload and for every newcomer. Now the relay refuses `ev` deeper than 32
// levels (`too_deep`), and a log stored before that rule still loads in the browser: the deep event
// is left out and every later one is shown, to the host, a newcomer and the kiosk.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startRelay, launchBrowser, openApp, clickItem, typeInto, openChat, appState, appInfo, eventually, viewports,
} from './harness.mjs';

const depth = 20000;
const deepEv = (text) => `{"type":"chat.post","text":"${text}","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const texts = (state) => (state.messages ?? []).filter((m) => !m.hidden).map((m) => m.text);
const stackErrors = (errors) => errors.filter((e) => /call stack/i.test(e));

const dataDir = mkdtempSync(join(tmpdir(), 'palabre-e2e-deep-'));
let browser, relay;
after(async () => {
  await browser?.close();
  await relay?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends raw frames over a WebSocket opened in `page`; resolves with every frame received. */
function rawFrames(page, wsUrl, frames, waitMs = 1500) {
  return page.evaluate(async ({ wsUrl, frames, waitMs }) => {
    const ws = new WebSocket(wsUrl);
    const got = [];
    ws.onmessage = (m) => got.push(m.data);
    await new Promise((r) => { ws.onopen = r; });
    for (const f of frames) ws.send(f);
    await new Promise((r) => setTimeout(r, waitMs));
    ws.close();
    return got;
  }, { wsUrl, frames, waitMs });
}

test('a deep event is refused live, and one already in a log breaks no page', async () => {
  browser = await launchBrowser();
  // Given a room with a participant who posted a message
  relay = await startRelay({ dataDir });
  const host = await openApp(browser, `${relay.url}/#/host`, { viewport: viewports.laptop });
  await clickItem(host.page, 'create');
  const info = await eventually(async () => {
    const i = await appInfo(host.page);
    return i.room && i.links?.join && i.links?.kiosk && i.links?.host ? i : null;
  }, { what: 'room created' });
  const gaelle = await openApp(browser, info.links.join, { viewport: viewports.phone });
  await typeInto(gaelle.page, 'name', 'Gaëlle');
  await clickItem(gaelle.page, 'join');
  await openChat(gaelle.page);
  await typeInto(gaelle.page, 'message', 'avant');
  await clickItem(gaelle.page, 'send');
  await eventually(async () => texts(await appState(host.page)).includes('avant'), { what: 'first message' });

  // When a raw client sends a deep event live, then the relay refuses it with too_deep
  const wsUrl = relay.url.replace('http', 'ws') + '/ws';
  const answers = await rawFrames(gaelle.page, wsUrl, [
    JSON.stringify({ t: 'join', room: info.room }),
    `{"t":"event","vis":"public","ev":${deepEv('profond en direct')},"cid":1}`,
  ]);
  const refusal = answers.map((a) => JSON.parse(a)).find((a) => a.t === 'error');
  assert.equal(refusal?.code, 'too_deep', `answers: ${answers.map((a) => a.slice(0, 80)).join(' | ')}`);

  // And when the log already holds one (stored by a relay before the rule), with messages after it
  await host.context.close();
  await gaelle.context.close();
  await relay.stop();
  const logFile = join(dataDir, `${info.room}.palabre.jsonl`);
  const lines = readFileSync(logFile, 'utf8').trim().split('\n');
  const last = JSON.parse(lines[lines.length - 1]);
  const gaelleId = lines.map((l) => JSON.parse(l)).find((e) => e.ev?.type === 'participant.join')?.from;
  let seq = last.seq, at = last.at;
  const env = (from, role, ev) => `{"seq":${++seq},"at":${(at += 1000)},"from":"${from}","role":"${role}","vis":"public","ev":${ev}}\n`;
  appendFileSync(logFile, env(gaelleId, 'participant', deepEv('profond')) +
    env('h1', 'host', '{"type":"chat.post","text":"après 1"}') + env(gaelleId, 'participant', '{"type":"chat.post","text":"après 2"}'));
  relay = await startRelay({ dataDir });
  {
    // then the host (reloading its link), a newcomer and the kiosk show every message but the deep one
    const moved = (link) => link.replace(/^http:\/\/127\.0\.0\.1:\d+/, relay.url);
    const pages = {
      host: await openApp(browser, moved(info.links.host), { viewport: viewports.laptop }),
      newcomer: await openApp(browser, moved(info.links.join), { viewport: viewports.phone }),
      kiosk: await openApp(browser, moved(info.links.kiosk), { viewport: viewports.kiosk }),
    };
    // (a newcomer receives the room's history once it has given its name)
    await typeInto(pages.newcomer.page, 'name', 'Nouveau');
    await clickItem(pages.newcomer.page, 'join');
    await openChat(pages.newcomer.page);
    for (const [who, p] of Object.entries(pages)) {
      await eventually(async () => JSON.stringify(texts(await appState(p.page))) === JSON.stringify(['avant', 'après 1', 'après 2']),
        { what: `${who} shows every message after the deep event`, timeout: 20000 });
      assert.deepEqual(stackErrors(p.errors), [], `${who}: ${p.errors.join(' | ')}`);
    }
    // and later messages keep coming
    await typeInto(pages.newcomer.page, 'message', 'encore');
    await clickItem(pages.newcomer.page, 'send');
    for (const [who, p] of Object.entries(pages))
      await eventually(async () => texts(await appState(p.page)).includes('encore'), { what: `${who} shows a later message` });
  }
});
