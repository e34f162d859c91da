// The app's files as `palabre serve` sends them (issue 20): every file of the built web directory a
// browser downloads comes compressed when asked — brotli, or gzip for a client that takes only
// gzip — decoding to exactly the built file, with a validator that turns a second visit into a 304.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, extname } from 'node:path';

import { startRelay } from './harness.mjs';

const web = process.env.PALABRE_WEB;
const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.svg', '.css']);

function* builtFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* builtFiles(full);
    else if (compressible.has(extname(entry.name))) yield full;
  }
}

let relay;
before(async () => { relay = await startRelay(); });
after(async () => { await relay?.stop(); });

test('every file a browser downloads is served compressed, decodes to the built file, and revalidates to a 304', async () => {
  const files = [...builtFiles(web)];
  assert.ok(files.length >= 8, `the built app's files (${files.length})`);
  for (const file of files) {
    const target = `/${relative(web, file)}`;
    const built = readFileSync(file);
    for (const [accept, coding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip']]) {
      const reply = await fetch(`${relay.url}${target}`, { headers: { 'accept-encoding': accept } });
      assert.equal(reply.status, 200, target);
      assert.equal(reply.headers.get('content-encoding'), coding, `${target} asked with "${accept}"`);
      assert.equal(reply.headers.get('vary'), 'Accept-Encoding');
      assert.equal(reply.headers.get('cache-control'), 'no-cache');
      assert.ok(Buffer.from(await reply.arrayBuffer()).equals(built), `${target} (${coding}) decodes to the built file`);
      const etag = reply.headers.get('etag');
      assert.match(etag ?? '', /^"[0-9a-f]+-[0-9a-f]+-(br|gzip)"$/u);
      const again = await fetch(`${relay.url}${target}`, { headers: { 'accept-encoding': accept, 'if-none-match': etag } });
      assert.equal(again.status, 304, `${target}: a second visit with its validator`);
    }
  }
  // index.html is what "/" gives, in brotli too
  const root = await fetch(`${relay.url}/`, { headers: { 'accept-encoding': 'br' } });
  assert.equal(root.headers.get('content-encoding'), 'br');
  assert.ok(Buffer.from(await root.arrayBuffer()).equals(readFileSync(join(web, 'index.html'))));
});
