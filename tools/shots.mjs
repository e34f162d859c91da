// Looks at the app: opens a URL at phone, laptop and kiosk sizes in headless Chromium and saves
// screenshots (plus the item mirror as JSON) — a tool for the app's authors, not a ctest.
// usage: node tools/shots.mjs URL OUT_DIR [name] [phone,laptop,kiosk]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('../tests/e2e/node_modules/playwright-core');
const viewports = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 768 },
  kiosk: { width: 1920, height: 1080 },
};
function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

const [url, out, name = 'shot', sizes = 'phone,laptop,kiosk'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node tools/shots.mjs URL OUT_DIR [name] [phone,laptop,kiosk]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const browser = await launchBrowser();
try {
  for (const size of sizes.split(',')) {
    const context = await browser.newContext({ viewport: viewports[size], locale: 'fr-FR', deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    const t0 = Date.now();
    await page.goto(url);
    await page.waitForFunction(() => window.palabre && window.palabre.ready === true, null, { timeout: 30000 });
    const first = await page.evaluate(() => window.palabre.firstFrameMs);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `${name}-${size}.png`) });
    const items = await page.evaluate(() => window.palabre.items());
    writeFileSync(join(out, `${name}-${size}.json`), JSON.stringify({ items, info: await page.evaluate(() => window.palabre.info()) }, null, 1));
    console.log(`${size}: first frame ${first.toFixed(0)} ms (wall ${Date.now() - t0} ms), ${items.length} items, errors: ${JSON.stringify(errors)}`);
    await context.close();
  }
} finally {
  await browser.close();
}
