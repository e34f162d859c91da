// Minifies a page's loader in place after the link (src/app/CMakeLists.txt): emscripten 3.1.6
// without Closure only strips whitespace, and renaming the locals of the loader and web/mirror.js
// takes about 3 KB off each download (gzip). Top-level names stay (the page and the wasm module
// reach them by name); terser is Debian's node-terser (scripts/setup.sh).
// usage: NODE_PATH=/usr/share/nodejs node minify_js.cjs FILE.js
const { minify } = require('terser');
const fs = require('fs');

(async () => {
  const file = process.argv[2];
  const source = fs.readFileSync(file, 'utf8');
  // The compile hint (web/compile_hints.js) must stay the file's first line.
  const hint = source.startsWith('//# allFunctionsCalledOnLoad') ? source.slice(0, source.indexOf('\n') + 1) : '';
  const result = await minify(source.slice(hint.length), { compress: true, mangle: { toplevel: false }, format: { comments: false } });
  if (!result.code) throw new Error(`terser gave nothing for ${file}`);
  fs.writeFileSync(file, hint + result.code);
})().catch((e) => { console.error(`minify_js: ${e.message || e}`); process.exit(1); });
