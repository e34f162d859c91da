// Measures what a participant's phone pays to open Palabre: bytes transferred (gzip, as a static host
// would serve them) and time from navigation to the app's first frame, in headless Chromium.
// Usage: node bench/app/load.mjs [runs]   (after ./scripts/build.sh; starts its own relay)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.PALABRE_BIN ??= join(root, 'build/native/src/cli/palabre');
process.env.PALABRE_WEB ??= join(root, 'build/wasm/web');
const { startRelay, launchBrowser, openApp, viewports } = await import(join(root, 'tests/e2e/harness.mjs'));

const runs = Number(process.argv[2] ?? 5);
let total = 0, totalGz = 0;
console.log('file                       bytes    gzip -9');
for (const name of readdirSync(process.env.PALABRE_WEB).sort()) {
  const path = join(process.env.PALABRE_WEB, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += bytes.length; totalGz += gz;
  console.log(`${name.padEnd(24)} ${String(bytes.length).padStart(8)} ${String(gz).padStart(10)}`);
}
console.log(`${'total'.padEnd(24)} ${String(total).padStart(8)} ${String(totalGz).padStart(10)}`);

const relay = await startRelay();
const browser = await launchBrowser();
const times = [];
for (let i = 0; i < runs; i++) {
  const { context, page } = await openApp(browser, `${relay.url}/#/join/ABCDEF`, { viewport: viewports.phone });
  times.push(await page.evaluate(() => window.palabre.firstFrameMs));
  await context.close();
}
await browser.close();
await relay.stop();
times.sort((a, b) => a - b);
console.log(`first frame (ms from navigation start), ${runs} cold contexts: min ${times[0].toFixed(0)}, ` +
  `median ${times[Math.floor(runs / 2)].toFixed(0)}, max ${times[runs - 1].toFixed(0)}`);
