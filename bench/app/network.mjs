// A participant's first frame on a phone network (issue 20): the join link opened in headless
// Chromium with the DevTools protocol's network emulation, cold (a new browser profile) and on a
// second visit (the same profile: what it cached, revalidated), against `palabre serve` as built.
// Reports the bytes that crossed the network (encoded: brotli when the relay sends it) and the
// time from navigation to the app's first frame.
//   profiles: loopback (no emulation), Fast 3G (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency),
//   Slow 3G (500 kbit/s down and up, 400 ms latency)
// Usage: node bench/app/network.mjs [runs]   (after the wasm build; starts its own relay)
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.PALABRE_BIN ??= join(root, 'build/native/src/cli/palabre');
process.env.PALABRE_WEB ??= join(root, 'build/wasm/web');
const { startRelay, launchBrowser, viewports } = await import(join(root, 'tests/e2e/harness.mjs'));

const runs = Number(process.argv[2] ?? 3);
const profiles = [
  ['loopback', null],
  ['Fast 3G', { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }],
  ['Slow 3G', { latency: 400, downloadThroughput: 500e3 / 8, uploadThroughput: 500e3 / 8 }],
];
const relay = await startRelay();
const browser = await launchBrowser();
const url = `${relay.url}/#/join/ABCDEF`;

/** One visit of `page`: first frame (ms from navigation) and the bytes received, as encoded. */
async function visit(page, cdp, again) {
  let bytes = 0;
  const count = (e) => { bytes += e.encodedDataLength; };
  cdp.on('Network.loadingFinished', count);
  if (again) await page.reload({ waitUntil: 'commit' });  // (a goto to the same address and hash would not load)
  else await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true, null, { timeout: 120000, polling: 20 });
  const first = await page.evaluate(() => window.palabre.firstFrameMs);
  await page.waitForLoadState('load').catch(() => {});
  cdp.off('Network.loadingFinished', count);
  return { first, bytes };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`participant first frame, ${url.replace(relay.url, '')}, ${runs} runs each (medians)`);
console.log('  network      cold ms   cold bytes   second visit ms   second visit bytes');
for (const [name, conditions] of profiles) {
  const cold = [], warm = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: viewports.phone, locale: 'fr-FR', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (conditions) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
    cold.push(await visit(page, cdp, false));
    warm.push(await visit(page, cdp, true));
    await context.close();
  }
  console.log(`  ${name.padEnd(10)} ${String(median(cold.map((r) => r.first)).toFixed(0)).padStart(9)} ${String(median(cold.map((r) => r.bytes))).padStart(12)}` +
    ` ${String(median(warm.map((r) => r.first)).toFixed(0)).padStart(17)} ${String(median(warm.map((r) => r.bytes))).padStart(20)}`);
}
await browser.close();
await relay.stop();
