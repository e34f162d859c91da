// Writes FILE.gz (gzip -9) and FILE.br (brotli, quality 11) beside every file of the built web
// directory a browser downloads, so that `palabre serve` — or nginx's gzip_static/brotli_static,
// Caddy's `precompressed` — sends the compressed bytes without compressing on each request
// (docs/security.md "The app's files: compressed, revalidated"). A file whose .gz and .br are not
// older than it is skipped.
// usage: node precompress.cjs WEB_DIR
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.svg', '.css', '.txt', '.map']);

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && compressible.has(path.extname(entry.name).toLowerCase())) yield full;
  }
}

const fresh = (made, source) => fs.existsSync(made) && fs.statSync(made).mtimeMs >= fs.statSync(source).mtimeMs;

const root = process.argv[2];
if (!root || !fs.existsSync(root)) {
  console.error(`precompress: no such directory: ${root}`);
  process.exit(1);
}
for (const file of files(root)) {
  if (fresh(`${file}.gz`, file) && fresh(`${file}.br`, file)) continue;
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
}
