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
  const elements = new Map();   // key -> element
  const fieldValues = new Map(); // key -> value typed in the DOM
  const submits = new Set();     // keys where Enter was pressed, not yet taken by the app
  let items = [];
  let textColor = '#1c1b29';
  // What the canvas shows as text, as DOM text among the controls, in the order the app drew them
  // (screen readers, find-in-page, translation and axe read it): one element per line of text, a
  // heading where the app drew one.
  let contentLines = [];
  const contentEls = [];
  const tablist = document.createElement('div');
  tablist.className = 'palabre-tablist';
  tablist.setAttribute('role', 'tablist');
  // The live region: what changes on screen, said by screen readers (mirror::announce).
  const liveRegion = document.createElement('div');
  liveRegion.id = 'palabre-live';
  liveRegion.setAttribute('role', 'status');
  liveRegion.setAttribute('aria-live', 'polite');
  const announced = [];  // every announcement, in order (window.palabre.announcements())

  function callWasm(name, text) {
    const fn = Module['_' + name];
    if (!fn) return;
    if (text === undefined) { fn(); return; }
    const p = stringToNewUTF8(text);
    fn(p);
    Module._free(p);
  }
  function wake() { if (Module._palabre_wake) Module._palabre_wake(); }

  // Focus that came from the keyboard (Tab), not from a pointer: the app scrolls the item to the
  // middle of its window when it is near an edge, so that the next items come into view.
  let pointerDown = false;
  window.addEventListener('pointerdown', () => { pointerDown = true; }, true);
  window.addEventListener('pointerup', () => { pointerDown = false; }, true);
  function focusedByKeyboard(el) {
    if (!pointerDown) callWasm('palabre_mirror_keyboard_focus', el.dataset.key);
  }

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
    input.addEventListener('focus', () => { focusedByKeyboard(input); wake(); });
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
    button.addEventListener('focus', () => { focusedByKeyboard(button); wake(); });
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
    attachLayers();
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
        layer.appendChild(el);  // put in its place by arrange()
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
        // A state sighted people read from a colour: selected tab, checked box, picked choice.
        const stateAttr = item.role === 'tab' ? 'aria-selected' : (item.role === 'radio' || item.role === 'checkbox') ? 'aria-checked' : 'aria-pressed';
        const state = item.state === undefined ? null : String(item.state);
        if (el.getAttribute(stateAttr) !== state) { if (state === null) el.removeAttribute(stateAttr); else el.setAttribute(stateAttr, state); }
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
    arrange();
  }

  function attachLayers() {
    if (!document.body) return;
    if (!liveRegion.isConnected) document.body.appendChild(liveRegion);
    if (!layer.isConnected) document.body.appendChild(layer);
  }

  // Texts in drawing order, [text, x, y, w, h, level, anchor]; those on one row (a bar's label, figure and
  // count; a name and its message) are read as one line: "2014 67 % 2 réponses".
  function linesOf(texts) {
    const lines = [];
    for (const t of texts) {
      const last = lines[lines.length - 1];
      const sameRow = last && last.level === t[5] && last.anchor === t[6] && t[2] < last.y + last.h - 1 && t[2] + t[4] > last.y + 1 && t[1] >= last.x + last.w - 1;
      if (sameRow) {
        last.text += ' ' + t[0];
        const right = Math.max(last.x + last.w, t[1] + t[3]);
        const bottom = Math.max(last.y + last.h, t[2] + t[4]);
        last.y = Math.min(last.y, t[2]);
        last.w = right - last.x;
        last.h = bottom - last.y;
      } else {
        lines.push({ text: t[0], x: t[1], y: t[2], w: t[3], h: t[4], level: t[5], anchor: t[6] });
      }
    }
    return lines;
  }

  function content(json) {
    attachLayers();
    contentLines = linesOf(JSON.parse(json));
    for (let i = 0; i < contentLines.length; i++) {
      const line = contentLines[i];
      const tag = line.level === 1 ? 'H1' : line.level === 2 ? 'H2' : 'P';
      let el = contentEls[i];
      if (!el || el.tagName !== tag) {
        if (el) el.remove();
        el = contentEls[i] = document.createElement(tag);
        el.className = 'palabre-text';
      }
      if (el.textContent !== line.text) el.textContent = line.text;
      place(el, line);
    }
    while (contentEls.length > contentLines.length) contentEls.pop().remove();
    arrange();
  }

  // One DOM order for texts and controls: each text before the control drawn after it. Only what is
  // out of place moves (moving a focused element would take its focus away).
  // Tabs sit in a tablist, where the first tab is.
  function arrange() {
    const order = [];
    const tabs = [];
    let next = 0;
    for (let i = 0; i < items.length; i++) {
      while (next < contentLines.length && contentLines[next].anchor <= i) order.push(contentEls[next++]);
      const el = elements.get(items[i].key);
      if (!el) continue;
      if (items[i].role === 'tab') {
        if (!tabs.length) order.push(tablist);
        tabs.push(el);
      } else {
        order.push(el);
      }
    }
    while (next < contentLines.length) order.push(contentEls[next++]);
    if (!tabs.length) tablist.remove();
    putInOrder(layer, order);
    putInOrder(tablist, tabs);
  }

  // Puts `order` in `parent` in that order, never moving the focused element (moving it would take
  // its focus away): what comes before it goes before it, what comes after, after.
  function putInOrder(parent, order) {
    const focused = order.indexOf(document.activeElement);
    let ref = focused >= 0 ? order[focused].nextSibling : parent.firstChild;
    for (let i = focused + 1; i < order.length; i++) {
      const el = order[i];
      if (el === ref) { ref = ref.nextSibling; continue; }
      parent.insertBefore(el, ref);
    }
    if (focused < 0) return;
    ref = order[focused];
    for (let i = focused - 1; i >= 0; i--) {
      const el = order[i];
      if (el.nextSibling !== ref || el.parentNode !== parent) parent.insertBefore(el, ref);
      ref = el;
    }
  }

  function announce(text) {
    attachLayers();
    announced.push(text);
    // A new element each time, so the same words twice ("10 secondes") are said twice.
    const p = document.createElement('p');
    p.textContent = text;
    liveRegion.replaceChildren(p);
  }

  function focusedField() {
    const a = document.activeElement;
    return a && a.classList && a.classList.contains('palabre-field') ? a.dataset.key : '';
  }

  Module.palabreMirror = {
    publish,
    content,
    announce,
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
  // The lines of text the content layer carries (what a screen reader reads), in reading order.
  api.content = () => contentLines.map((l) => ({ text: l.text, level: l.level, x: l.x, y: l.y, w: l.w, h: l.h }));
  // Everything said in the live region so far, in order.
  api.announcements = () => announced.slice();
  api.items = () => items.map((i) => {
    const el = elements.get(i.key);
    return {
      key: i.key, label: i.label, role: i.role, x: i.x, y: i.y, w: i.w, h: i.h,
      focused: Boolean(i.focused || (el && document.activeElement === el)),
      disabled: Boolean(i.disabled),  // as the DOM element's aria-disabled says
    };
  });
})();
