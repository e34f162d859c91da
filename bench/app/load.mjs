// Measures what opening Palabre costs, for each of the two app modules (issue 7): the bytes a page
// really fetches (every response of the page load, sized as gzip -9 as a static host would serve
// them) and the time from navigation to the app's first frame, in headless Chromium.
//   participant module: #/join/ROOM (and the landing page)   full module: #/host, #/kiosk
// Usage: node bench/app/load.mjs [runs]   (after ./scripts/build.sh; starts its own relay)
// PALABRE_BIN / PALABRE_WEB choose the relay binary and the built web directory.
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.PALABRE_BIN ??= join(root, 'build/native/src/cli/palabre');
process.env.PALABRE_WEB ??= join(root, 'build/wasm/web');
const { startRelay, launchBrowser, viewports } = await import(join(root, 'tests/e2e/harness.mjs'));

const runs = Number(process.argv[2] ?? 5);
const relay = await startRelay();
const browser = await launchBrowser();

/** One cold load of `hash`: every response body (raw and gzip -9), first frame and main() times. */
async function load(hash, viewport) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (r) => bodies.push(r.body().then((b) => ({ name: new URL(r.url()).pathname.slice(1) || 'index.html', raw: b.length, gz: gzipSync(b, { level: 9 }).length })).catch(() => null)));
  await page.goto(`${relay.url}/${hash}`);
  await page.waitForFunction(() => window.palabre && window.palabre.ready === true, null, { timeout: 30000 });
  // firstFrameMs is when the app has issued its first frame; the browser shows it once the GPU
  // process has drawn it and the compositor has presented it: the first contentful paint (a canvas
  // that is drawn on counts; the splash's dots do not).
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 })
    .catch(() => {});
  const times = await page.evaluate(() => {
    const p = window.palabre.firstFrameParts || {};
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { first: window.palabre.firstFrameMs, main: window.palabre.mainMs, start: p.start, fonts: p.fonts,
      gpu: p.gpu, views: p.views, gl: p.gl, shown: paint ? paint.startTime : undefined };
  });
  const files = (await Promise.all(bodies)).filter(Boolean);
  await context.close();
  return { files, ...times };
}

const cases = [
  ['participant module', '#/join/ABCDEF', viewports.phone],
  ['full module (host)', '#/host', viewports.laptop],
];
for (const [label, hash, viewport] of cases) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await load(hash, viewport));
  console.log(`\n${label}: ${hash}`);
  console.log('  file                          bytes    gzip -9');
  let raw = 0, gz = 0;
  for (const f of results[0].files.sort((a, b) => a.name.localeCompare(b.name))) {
    raw += f.raw; gz += f.gz;
    console.log(`  ${f.name.padEnd(26)} ${String(f.raw).padStart(8)} ${String(f.gz).padStart(10)}`);
  }
  console.log(`  ${'total'.padEnd(26)} ${String(raw).padStart(8)} ${String(gz).padStart(10)}`);
  const stat = (key) => {
    const v = results.map((r) => r[key]).sort((a, b) => a - b);
    return `min ${v[0].toFixed(0)}, median ${v[Math.floor(runs / 2)].toFixed(0)}, max ${v[runs - 1].toFixed(0)}`;
  };
  console.log(`  first frame (ms from navigation), ${runs} cold contexts: ${stat('first')}`);
  console.log(`  main() reached (ms from navigation):              ${stat('main')}`);
  if (results.every((r) => r.shown !== undefined)) console.log(`  first frame on screen (first contentful paint):    ${stat('shown')}`);
  if (results.every((r) => r.start !== undefined)) {
    // The first frame's parts: font atlas (CPU), GL set-up (shaders, atlas upload), views, render.
    const part = (a, b) => results.map((r) => r[b] - r[a]).sort((x, y) => x - y)[Math.floor(runs / 2)].toFixed(0);
    console.log(`  first frame parts (medians, ms): main→WebGL context ${part('main', 'gl')}, WebGL context→frame ${part('gl', 'start')}, atlas ${part('start', 'fonts')}, ` +
      `atlas upload ${part('fonts', 'gpu')}, views ${part('gpu', 'views')}, render ${part('views', 'first')}`);
  }
}
await browser.close();
await relay.stop();
