// Every character is drawn (issue 15): a room whose people write French with accents, Vietnamese,
// Greek, Cyrillic, Japanese and emoji, shown on the kiosk (1920×1080), the host (1366×768) and a
// phone (390×844). For each screen: the texts are on it (window.palabre.drawn()); every code point of
// them has a glyph of its own in every face (window.palabre.glyphs(), the atlas's lookup), the emoji
// in colour; and no pixel shows the fallback glyph — the page is asked to draw its fallback as a
// magenta block (window.palabre.markFallback()), then each screenshot is searched for that magenta.
// Screenshots: glyphs-*.png in $PALABRE_SCREENSHOTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  sharedRelayAndBrowser, openApp, appInfo, appState, clickReached, eventually, screenshotsDir, viewports,
  writeStoredRoom, envelopeLog,
} from './harness.mjs';

const room = 'GHXPRS';
const hostToken = randomBytes(16).toString('hex');

const people = {
  p3: 'Élodie Ménard 🎉',
  p4: 'Dan Nguyễn',
  p5: 'Nguyễn Thị Minh Khai',
  p6: 'Αλέξης Παπαδόπουλος',
  p7: 'Дмитрий Иванов',
  p8: '山田花子',
  p9: 'Zoé 👍',
};
const messages = [
  ['p3', 'Bonjour à tous, ça commence 🎉'],
  ['p4', 'Xin chào, tôi là Dan'],
  ['p6', 'Καλημέρα σε όλους'],
  ['p7', 'Привет всем'],
  ['p8', 'こんにちは、よろしく'],
  ['p9', 'On y va 🚀'],
];
const ideas = [
  ['p3', 'Crème brûlée à volonté'],
  ['p5', 'Phở cho mọi người'],
  ['p6', 'Ελληνικός καφές'],
  ['p7', 'Борщ и пирожки'],
  ['p8', '抹茶アイス'],
  ['p9', 'Pizza 👍🎉'],
];
const title = 'Café des langues 🎉';
const brainstormTitle = 'Quiz éclair 🚀';
const emoji = ['🎉', '👍', '🚀'].map((e) => e.codePointAt(0));

/** The room as `palabre serve` stores it: a log and the members' sidecar (kiosk token "kiosk",
 *  participant pN's token "token-pN"). */
function writeRoom(dir) {
  const t0 = Date.now() - 600_000;
  const log = envelopeLog(t0, 1000);
  const envelopes = log.envelopes;
  const env = (from, role, ev) => log.env(from, role, 'public', ev);
  env('h1', 'host', { type: 'session.configure', title, host: 'Anne Le Gall', locale: 'fr' });
  const brainstorm = env('h1', 'host', { type: 'activity.add', activity: { kind: 'brainstorm', title: brainstormTitle } });
  for (const [id, name] of Object.entries(people)) env(id, 'participant', { type: 'participant.join', name });
  for (const [id, text] of messages) env(id, 'participant', { type: 'chat.post', text });
  const tokens = Object.fromEntries(Object.keys(people).map((id) => [id, `token-${id}`]));
  writeStoredRoom(dir, { room, created: t0, envelopes, hostToken, kioskToken: 'kiosk', tokens });
  return brainstorm;
}

const shared = sharedRelayAndBrowser({ storedRooms: writeRoom });  // prepared: the brainstorm's id

/** Opens `url` with the fallback glyph marked, and waits until it shows all of `texts`. */
async function openScreen(url, viewport, texts, { storage } = {}) {
  const context = await shared.browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris', deviceScaleFactor: 1 });
  if (storage) await context.addInitScript((s) => { for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v); }, storage);
  const screen = await openApp(shared.browser, url, { viewport, context });
  await screen.page.evaluate(() => window.palabre.markFallback());
  await waitForTexts(screen.page, texts);
  return screen;
}

async function waitForTexts(page, texts) {
  await eventually(async () => {
    const drawn = (await page.evaluate(() => window.palabre.drawn())).filter((d) => d.visible).map((d) => d.text);
    const missing = texts.filter((t) => !drawn.some((d) => d.includes(t)));
    return missing.length === 0 ? true : `missing ${JSON.stringify(missing)}; drawn ${JSON.stringify(drawn)}`;
  }, { what: `the texts on ${page.url()}`, timeout: 30000 });
}

/** The checks of one screen: every code point of `texts` has its own glyph in every face (emoji in
 *  colour), and the screenshot has no pixel of the marked fallback. */
async function checkScreen(page, name, texts) {
  await page.waitForTimeout(300);  // the frame after the last atlas rebuild is on screen
  const problems = [];
  const distinct = [...new Set(texts.join(''))].join('');
  for (const g of await page.evaluate((t) => window.palabre.glyphs(t), distinct)) {
    const glyph = `${String.fromCodePoint(g.cp)} U+${g.cp.toString(16).toUpperCase()}`;
    const lacking = ['body', 'strong', 'heading', 'display'].filter((face) => !g[face]);
    if (g.cp > 0x7e && lacking.length) problems.push(`${glyph}: the fallback glyph in ${lacking.join(', ')}`);
    if (emoji.includes(g.cp) && !g.colour) problems.push(`${glyph}: not in colour`);
  }
  const png = await page.screenshot({ path: join(screenshotsDir, `glyphs-${name}.png`) });
  const marked = await page.evaluate(async (dataUrl) => {
    const image = new Image();
    image.src = dataUrl;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const p = ctx.getImageData(0, 0, image.width, image.height).data;
    const at = [];
    for (let i = 0; i < p.length; i += 4) {
      if (p[i] >= 240 && p[i + 1] <= 24 && p[i + 2] >= 240) at.push([(i / 4) % image.width, Math.floor(i / 4 / image.width)]);
    }
    return { count: at.length, first: at.slice(0, 3) };
  }, `data:image/png;base64,${png.toString('base64')}`);
  if (marked.count) problems.push(`${marked.count} pixels of the fallback glyph on screen, first at ${JSON.stringify(marked.first)}`);
  assert.deepEqual(problems, [], `${name}: characters drawn as the fallback glyph`);
}

test('names, messages and ideas in six scripts and emoji are drawn, none as the fallback glyph, on kiosk, host and phone', { timeout: 300000 }, async () => {
  const names = Object.values(people);
  // Given a room of seven people who wrote in French, Vietnamese, Greek, Russian, Japanese and emoji,
  // When the host opens the console on a laptop, the kiosk its screen, and Dan his phone
  const host = await openScreen(`${shared.relay.url}/#/host/${room}/${hostToken}`, viewports.laptop, ['Dan Nguyễn', 'Дмитрий Иванов', '山田花子']);
  const kiosk = await openScreen(`${shared.relay.url}/#/kiosk/${room}/kiosk`, viewports.kiosk, messages.map(([, text]) => text));
  const recent = messages.map(([, text]) => text).slice(-3);  // a phone's chat shows the newest
  const phone = await openScreen(`${shared.relay.url}/#/join/${room}`, viewports.phone, recent, { storage: { [`palabre.member.${room}`]: 'token-p4' } });
  await eventually(async () => (await appInfo(phone.page)).you === 'p4', { what: 'Dan back in the room on his phone' });

  // Then each screen draws them all with their own glyphs
  await checkScreen(host.page, 'host-laptop', [title, ...names]);
  await checkScreen(kiosk.page, 'kiosk-lobby', [title, ...names, ...messages.map(([, text]) => text)]);
  await checkScreen(phone.page, 'phone-chat', [title, ...names, ...messages.map(([, text]) => text)]);

  // When the brainstorm starts and the ideas come in
  await clickReached(host.page, `start-${shared.prepared}`);
  await eventually(async () => (await appState(phone.page)).current_activity === shared.prepared, { what: 'the brainstorm to start' });
  const raw = await shared.browser.newContext();
  const poster = await raw.newPage();
  await poster.goto(`${shared.relay.url}/config.json`);
  for (const [id, text] of ideas) {
    await poster.evaluate(({ url, room, token, ev }) => new Promise((done, fail) => {
      const ws = new WebSocket(url);
      ws.onopen = () => ws.send(JSON.stringify({ t: 'join', room, token }));
      ws.onmessage = (m) => {
        if (m.data.startsWith('{"t":"joined"')) ws.send(JSON.stringify({ t: 'event', vis: 'public', ev }));
        if (m.data.startsWith('{"t":"ack"')) { ws.close(); done(); }
        if (m.data.startsWith('{"t":"error"')) fail(new Error(m.data));
      };
    }), { url: shared.relay.url.replace('http', 'ws') + '/ws', room, token: `token-${id}`, ev: { type: 'idea.post', activity: shared.prepared, text } });
  }
  await raw.close();
  const ideaTexts = ideas.map(([, text]) => text);
  await waitForTexts(kiosk.page, [brainstormTitle, ...ideaTexts]);
  await waitForTexts(phone.page, [brainstormTitle, ideaTexts[0]]);

  // Then the ideas are drawn with their own glyphs as well
  await checkScreen(kiosk.page, 'kiosk-brainstorm', [brainstormTitle, ...ideaTexts]);
  await checkScreen(phone.page, 'phone-brainstorm', [brainstormTitle, ...ideaTexts]);
  await checkScreen(host.page, 'host-brainstorm', [brainstormTitle, ...ideaTexts]);

  for (const who of [host, kiosk, phone]) assert.deepEqual(who.errors, []);
});
