// Palabre's DOM mirror layer (linked into palabre.js with --pre-js). Each frame the app publishes
// its interactive items (src/app/mirror.cpp); this places real DOM elements over them:
//  - text fields become real <input>s that own the text (phone keyboards, IME, accents, paste);
//    the app reads their value every frame and draws only the field's frame, so nothing doubles;
//  - buttons and other items become <button>s with a role and an accessible name, focusable with
//    the keyboard; pointer clicks go through them to the canvas (pointer-events: none), keyboard
//    or screen-reader activation is forwarded to the app.
// window.palabre.items() returns the last published list (the end-to-end tests' contract).
/* global Module, stringToNewUTF8, UTF8ToString */
(function () {
  'use strict';
  const layer = document.createElement('div');
  layer.id = 'palabre-mirror';
  layer.setAttribute('aria-label', 'Palabre');
  const elements = new Map();   // key -> element
  const fieldValues = new Map(); // key -> value typed in the DOM
  const submits = new Set();     // keys where Enter was pressed, not yet taken by the app
  let items = [];
  let textColor = '#1c1b29';

  function callWasm(name, text) {
    const fn = Module['_' + name];
    if (!fn) return;
    if (text === undefined) { fn(); return; }
    const p = stringToNewUTF8(text);
    fn(p);
    Module._free(p);
  }
  function wake() { if (Module._palabre_wake) Module._palabre_wake(); }

  function makeField(item) {
    const input = document.createElement(item.multiline ? 'textarea' : 'input');
    if (!item.multiline) input.type = item.secret ? 'password' : 'text';
    input.className = 'palabre-field';
    input.autocomplete = 'off';
    input.spellcheck = true;
    input.dataset.key = item.key;
    input.value = fieldValues.get(item.key) ?? '';
    input.addEventListener('input', () => { fieldValues.set(item.key, input.value); wake(); });
    input.addEventListener('keydown', (e) => {
      // In a <textarea> Enter starts a new line; Ctrl+Enter sends, as in chat apps.
      if (e.key === 'Enter' && !e.isComposing && (!item.multiline || e.ctrlKey || e.metaKey)) {
        submits.add(item.key); e.preventDefault(); wake();
      }
      e.stopPropagation();
    });
    input.addEventListener('focus', wake);
    input.addEventListener('blur', wake);
    // The wheel over a field scrolls the list it sits in, as over the rest of the canvas.
    input.addEventListener('wheel', (e) => {
      const canvas = document.getElementById('canvas');
      if (!canvas) return;
      e.preventDefault();
      canvas.dispatchEvent(new WheelEvent('wheel', e));
    }, { passive: false });
    fieldValues.set(item.key, input.value);
    return input;
  }

  function makeButton(item) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'palabre-item';
    button.dataset.key = item.key;
    button.addEventListener('click', (e) => {
      // A pointer click lands on the canvas (pointer-events: none); this is the keyboard or a
      // screen reader, so tell the app.
      e.preventDefault();
      callWasm('palabre_mirror_activate', button.dataset.key);
      wake();
    });
    button.addEventListener('focus', wake);
    button.addEventListener('blur', wake);
    return button;
  }

  // Only what changed is written: every style write may cost the page a layout.
  function place(el, item) {
    const s = el.style;
    if (el.palabreX !== item.x) { el.palabreX = item.x; s.left = item.x + 'px'; }
    if (el.palabreY !== item.y) { el.palabreY = item.y; s.top = item.y + 'px'; }
    if (el.palabreW !== item.w) { el.palabreW = item.w; s.width = item.w + 'px'; }
    if (el.palabreH !== item.h) { el.palabreH = item.h; s.height = item.h + 'px'; }
  }

  function publish(json) {
    items = JSON.parse(json);
    if (!layer.isConnected && document.body) document.body.appendChild(layer);
    const seen = new Set();
    for (const item of items) {
      seen.add(item.key);
      const isField = item.role === 'textbox';
      let el = elements.get(item.key);
      const wantTag = isField ? (item.multiline ? 'TEXTAREA' : 'INPUT') : 'BUTTON';
      if (el && el.tagName !== wantTag) { el.remove(); elements.delete(item.key); el = null; }
      if (!el) {
        el = isField ? makeField(item) : makeButton(item);
        elements.set(item.key, el);
        layer.appendChild(el);
      }
      place(el, item);
      if (isField) {
        el.style.fontSize = item.fontPx + 'px';
        el.style.paddingLeft = el.style.paddingRight = item.padX + 'px';
        el.style.color = textColor;
        if (el.placeholder !== item.placeholder) el.placeholder = item.placeholder;
        if (el.getAttribute('aria-label') !== item.label) el.setAttribute('aria-label', item.label || item.placeholder);
      } else {
        const role = item.role === 'button' ? null : item.role;
        if (el.getAttribute('role') !== role) { if (role) el.setAttribute('role', role); else el.removeAttribute('role'); }
        if (el.getAttribute('aria-label') !== item.label) el.setAttribute('aria-label', item.label);
        if (el.hasAttribute('aria-disabled') !== !!item.disabled) {
          if (item.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
        }
      }
    }
    // (no destructuring here: emscripten 3.1.6's JS optimizer mangles it)
    elements.forEach((el, key) => {
      if (!seen.has(key)) {
        el.remove();
        elements.delete(key);
        fieldValues.delete(key);
        submits.delete(key);
      }
    });
  }

  function focusedField() {
    const a = document.activeElement;
    return a && a.classList && a.classList.contains('palabre-field') ? a.dataset.key : '';
  }

  Module.palabreMirror = {
    publish,
    fieldValue(key) { return fieldValues.has(key) ? fieldValues.get(key) : null; },
    setFieldValue(key, value) {
      fieldValues.set(key, value);
      const el = elements.get(key);
      if (el && el.value !== value) el.value = value;
    },
    takeSubmit(key) { return submits.delete(key); },
    focusedField,
    setTextColor(css) { textColor = css; },
    focusField(key) { const el = elements.get(key); if (el) el.focus(); },
    registerFont(family, bytes) {
      try {
        const face = new FontFace(family, bytes);
        document.fonts.add(face);
        face.load().catch(() => {});
      } catch (e) { /* an old browser: the inputs keep the system font */ }
    },
  };

  const api = window.palabre = window.palabre || {};
  api.ready = false;
  api.scriptMs = performance.now();  // palabre.js started (firstFrameMs - scriptMs = wasm + first frame)
  // Canonical JSON of the current Session (core::canonical_json), as text.
  api.state = () => UTF8ToString(Module._palabre_state_json());
  // {view, room, you, role, connected, links: {join, kiosk, host}}
  api.info = () => JSON.parse(UTF8ToString(Module._palabre_info_json()));
  // Every text the views drew in the last frame, in drawing order (tests read figures and check the
  // layout here): its box, the region it can be seen in (clip), the scrollbars around that region
  // (1 vertical, 2 horizontal), its window, and for a button's label whether it fits.
  api.drawn = () => JSON.parse(UTF8ToString(Module._palabre_drawn_json())).map((d) => ({
    text: d[0], x: d[1], y: d[2], visible: d[3], w: d[4], h: d[5],
    clip: { x0: d[6][0], y0: d[6][1], x1: d[6][2], y1: d[6][3] }, scrollbars: d[7], window: d[8], fits: d[9], free: d[10],
  }));
  // [{cp, body, strong, heading, display, colour}]: for each code point of `text`, whether each face
  // has a glyph of its own (false: it would draw the fallback), and whether it is in colour. The
  // glyph test asks this (glyphs.hpp).
  api.glyphs = (text) => {
    const p = stringToNewUTF8(text);
    try { return JSON.parse(UTF8ToString(Module._palabre_glyph_lookup(p))); } finally { Module._free(p); }
  };
  // Test aid: from the next frame on, the fallback glyph is a magenta block (screenshots show any).
  api.markFallback = () => { Module._palabre_mark_fallback(); wake(); };
  api.items = () => items.map((i) => {
    const el = elements.get(i.key);
    return {
      key: i.key, label: i.label, role: i.role, x: i.x, y: i.y, w: i.w, h: i.h,
      focused: Boolean(i.focused || (el && document.activeElement === el)),
      disabled: Boolean(i.disabled),  // as the DOM element's aria-disabled says
    };
  });
})();
