// tfeval qualitative coding screen (issue 11 item 4). Spans are [start, end) in Unicode code points
// over the canonical text; JavaScript strings are UTF-16, so every offset is converted here: a
// selection's ends are counted in code points from the data-start of the piece (speaker turn) they
// fall in, snapped outwards to grapheme boundaries (a base letter and its combining marks, an emoji
// sequence stay whole). Highlights use the CSS Custom Highlight API (no DOM changes, so a
// 30,000-word transcript stays fast). Keys: 1-9 apply a code, / code search (Enter applies),
// n / p next and previous coding, Delete removes it, m memo, Esc back to the text.
(function () {
  'use strict';
  var root = document.getElementById('qual-coding');
  if (!root) return;
  var COLOURS = 9;
  var base = root.dataset.base;
  var mayCode = root.dataset.mayCode === 'true';
  var textEl = document.getElementById('qual-text');
  var tree = document.getElementById('qual-tree');
  var search = document.getElementById('qual-search');
  var applyForm = document.getElementById('qual-apply');
  var memoForm = document.getElementById('qual-memo-form');
  var statusEl = document.getElementById('qual-status');
  var selEl = document.getElementById('qual-selection');
  var csrf = (function () {
    try { return JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-Token']; } catch (e) { return null; }
  })();
  var segs = [];
  var index = new Map();
  textEl.querySelectorAll('.seg').forEach(function (el) {
    index.set(el, segs.length);
    segs.push({ el: el, start: +el.dataset.start, end: +el.dataset.end });
  });
  var graphemes = window.Intl && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  var selection = null;
  var current = -1;
  var last = null;
  var busy = Promise.resolve();

  function high(c) { return c >= 0xd800 && c <= 0xdbff; }
  function low(c) { return c >= 0xdc00 && c <= 0xdfff; }

  /** Code points in a UTF-16 string. */
  function cpCount(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      if (high(s.charCodeAt(i)) && i + 1 < s.length && low(s.charCodeAt(i + 1))) i++;
      n++;
    }
    return n;
  }

  /** The UTF-16 index of the k-th code point of s. */
  function utf16At(s, k) {
    var i = 0;
    while (k > 0 && i < s.length) {
      i += high(s.charCodeAt(i)) && i + 1 < s.length && low(s.charCodeAt(i + 1)) ? 2 : 1;
      k--;
    }
    return i;
  }

  /** A UTF-16 offset moved to the grapheme boundary at or before it (or after it, for an end). */
  function snap(s, off, up) {
    if (!graphemes || off <= 0 || off >= s.length) return off;
    var prev = 0;
    for (var g of graphemes.segment(s)) {
      if (g.index === off) return off;
      if (g.index > off) return up ? g.index : prev;
      prev = g.index;
    }
    return up ? s.length : prev;
  }

  /** The code point offset of a DOM boundary point in the transcript. */
  function toCp(node, offset, isEnd) {
    var el = node.nodeType === 3 ? node.parentNode : node;
    var segEl = el && el.closest ? el.closest('.seg') : null;
    if (segEl && index.has(segEl)) {
      var seg = segs[index.get(segEl)];
      if (node.nodeType === 3) return seg.start + cpCount(node.data.slice(0, snap(node.data, offset, isEnd)));
      return offset === 0 ? seg.start : seg.end;
    }
    var r = document.createRange();
    r.setStart(node, offset);
    for (var k = 0; k < segs.length; k++) if (r.comparePoint(segs[k].el, 0) >= 0) return segs[k].start;
    return segs.length ? segs[segs.length - 1].end : 0;
  }

  /** The DOM boundary point of a code point offset. */
  function pointAt(cp) {
    var lo = 0;
    var hi = segs.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= cp) lo = mid; else hi = mid - 1;
    }
    var seg = segs[lo];
    var node = seg.el.firstChild;
    if (!node) return { node: seg.el, offset: 0 };
    return { node: node, offset: utf16At(node.data, Math.min(cp, seg.end) - seg.start) };
  }

  function rangeOf(s, e) {
    var r = document.createRange();
    var a = pointAt(s);
    var b = pointAt(e);
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  /** The words of a span, as the screen shows them. */
  function wordsOf(s, e) {
    return rangeOf(s, e).toString();
  }

  function readSelection() {
    var s = window.getSelection();
    if (!s || s.rangeCount === 0 || s.isCollapsed) return null;
    var r = s.getRangeAt(0);
    if (!textEl.contains(r.commonAncestorContainer)) return null;
    var a = toCp(r.startContainer, r.startOffset, false);
    var b = toCp(r.endContainer, r.endOffset, true);
    return b > a ? { start: a, end: b } : null;
  }

  function setSelection(sel) {
    selection = sel;
    if (!sel) {
      selEl.textContent = 'No words selected.';
      if (window.CSS && CSS.highlights) CSS.highlights.delete('qsel');
      return;
    }
    var w = wordsOf(sel.start, sel.end);
    selEl.textContent = 'Selected ' + sel.start + '\u2013' + sel.end + ': \u201c'
      + (w.length > 80 ? w.slice(0, 40) + ' \u2026 ' + w.slice(-35) : w) + '\u201d';
    selEl.dataset.start = sel.start;
    selEl.dataset.end = sel.end;
    if (window.CSS && CSS.highlights) CSS.highlights.set('qsel', new Highlight(rangeOf(sel.start, sel.end)));
  }

  document.addEventListener('selectionchange', function () {
    var sel = readSelection();
    if (sel) setSelection(sel);
  });

  function codings() {
    return Array.prototype.slice.call(document.querySelectorAll('#qual-codings li[data-guid]'));
  }

  function version() {
    return document.getElementById('qual-codings').dataset.version;
  }

  function draw() {
    if (!window.CSS || !CSS.highlights) return;
    var groups = {};
    codings().forEach(function (li) {
      var k = li.dataset.colour;
      (groups[k] = groups[k] || []).push(rangeOf(+li.dataset.start, +li.dataset.end));
    });
    for (var i = 0; i < COLOURS; i++) {
      var k = 'qc' + i;
      if (groups[k]) CSS.highlights.set(k, new Highlight(...groups[k])); else CSS.highlights.delete(k);
    }
    drawCurrent();
  }

  function drawCurrent() {
    var list = codings();
    if (current >= list.length) current = list.length - 1;
    list.forEach(function (li, i) { li.classList.toggle('current', i === current); });
    if (!window.CSS || !CSS.highlights) return;
    if (current >= 0) {
      CSS.highlights.set('qcur', new Highlight(rangeOf(+list[current].dataset.start, +list[current].dataset.end)));
    } else {
      CSS.highlights.delete('qcur');
    }
  }

  function say(text) {
    statusEl.textContent = text;
  }

  /** Posts a form to the screen's path; the answer (a fragment) replaces the element of the same id. */
  function post(path, params, id) {
    var p = fetch(base + path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: params.toString()
    }).then(function (res) {
      return res.text().then(function (body) {
        var doc = new DOMParser().parseFromString(body, 'text/html');
        var fresh = doc.getElementById(id);
        if ((res.status === 200 || res.status === 409) && fresh) {
          document.getElementById(id).replaceWith(document.adoptNode(fresh));
          return res.status;
        }
        var msg = doc.body ? doc.body.textContent.trim() : '';
        say('Not saved: ' + (msg || 'the server answered ' + res.status));
        return res.status;
      });
    }, function () {
      say('Not saved: the server cannot be reached. Your earlier codings are kept.');
      return 0;
    });
    busy = p;
    return p;
  }

  function afterCodings(status, done) {
    draw();
    if (status === 200) {
      say(done);
      last = null;
    } else if (status === 409) {
      say('Not saved: your codings changed meanwhile; see both sides below.');
    }
    root.dataset.saves = String(+(root.dataset.saves || 0) + 1);
    return status;
  }

  function apply(guids, sel) {
    if (!mayCode) return Promise.resolve(0);
    sel = sel || selection;
    if (!sel) {
      say('Select words in the transcript first.');
      return Promise.resolve(0);
    }
    if (!guids.length) {
      say('Choose a code.');
      return Promise.resolve(0);
    }
    var p = new URLSearchParams();
    p.append('transcript_version', root.dataset.transcriptVersion);
    p.append('_version', version());
    p.append('start', sel.start);
    p.append('end', sel.end);
    guids.forEach(function (g) { p.append('code', g); });
    last = { kind: 'apply', guids: guids, sel: sel };
    return post('/codings', p, 'qual-codings').then(function (status) {
      var r = afterCodings(status, 'Applied.');
      if (status === 200) {
        var list = codings();
        for (var i = 0; i < list.length; i++) {
          if (+list[i].dataset.start === sel.start && +list[i].dataset.end === sel.end) { current = i; break; }
        }
        drawCurrent();
      }
      return r;
    });
  }

  function remove(guid) {
    if (!mayCode || !guid) return Promise.resolve(0);
    var p = new URLSearchParams();
    p.append('transcript_version', root.dataset.transcriptVersion);
    p.append('_version', version());
    p.append('coding', guid);
    last = { kind: 'remove', guid: guid };
    return post('/codings/remove', p, 'qual-codings').then(function (status) {
      return afterCodings(status, 'Removed.');
    });
  }

  function retry() {
    if (!last) return;
    if (last.kind === 'apply') apply(last.guids, last.sel); else remove(last.guid);
  }

  function move(d) {
    var list = codings();
    if (!list.length) { say('No codings yet.'); return; }
    current = current < 0 ? (d > 0 ? 0 : list.length - 1) : (current + d + list.length) % list.length;
    var li = list[current];
    drawCurrent();
    setSelection({ start: +li.dataset.start, end: +li.dataset.end });
    var at = pointAt(+li.dataset.start).node;
    (at.nodeType === 3 ? at.parentNode : at).scrollIntoView({ block: 'center' });
    li.focus({ preventScroll: true });
  }

  function matches() {
    var q = search ? search.value.trim().toLowerCase() : '';
    var out = [];
    if (!tree) return out;
    tree.querySelectorAll('li').forEach(function (li) {
      var hit = !q || li.dataset.name.toLowerCase().indexOf(q) >= 0;
      li.hidden = !hit;
      if (hit && li.dataset.codable === 'true') out.push(li);
    });
    return out;
  }

  function openMemo(target) {
    var t = document.getElementById('qual-memo-target');
    t.value = target || (selection ? 'segment' : 'transcript');
    document.getElementById('qual-memo-id').value = '';
    document.getElementById('qual-memo-version').value = '';
    memoFields();
    document.getElementById('qual-memo-body').focus();
  }

  function memoFields() {
    var t = document.getElementById('qual-memo-target').value;
    document.getElementById('qual-memo-code').hidden = t !== 'code';
  }

  if (search) {
    search.addEventListener('input', matches);
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        var m = matches();
        if (m.length) {
          apply([m[0].dataset.guid]).then(function (status) {
            if (status === 200) { search.value = ''; matches(); }
          });
        } else {
          say('No codable code matches.');
        }
      }
    });
  }

  if (applyForm) {
    applyForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var ticked = Array.prototype.slice.call(applyForm.querySelectorAll('input[name=code]:checked'));
      apply(ticked.map(function (c) { return c.value; })).then(function (status) {
        if (status === 200) ticked.forEach(function (c) { c.checked = false; });
      });
    });
  }

  memoForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var p = new URLSearchParams(new FormData(memoForm));
    p.delete('_csrf');
    if (p.get('target') === 'segment') {
      if (!selection) { say('Select words for a segment memo first.'); return; }
      p.set('start', selection.start);
      p.set('end', selection.end);
    }
    post('/memos', p, 'qual-memos').then(function (status) {
      if (status === 200) {
        memoForm.reset();
        memoFields();
        say('Memo saved.');
      } else if (status === 409) {
        say('Not saved: the memo changed meanwhile; see both texts below.');
      }
      root.dataset.memoSaves = String(+(root.dataset.memoSaves || 0) + 1);
    });
  });
  document.getElementById('qual-memo-target').addEventListener('change', memoFields);
  memoFields();

  root.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var rm = t.closest('[data-remove]');
    if (rm) { remove(rm.dataset.remove); return; }
    if (t.closest('[data-action=retry]')) { retry(); return; }
    var edit = t.closest('[data-memo-edit]');
    if (edit) {
      document.getElementById('qual-memo-target').value = edit.dataset.memoTarget;
      memoFields();
      document.getElementById('qual-memo-id').value = edit.dataset.memoEdit;
      document.getElementById('qual-memo-version').value = edit.dataset.memoVersion;
      var body = document.getElementById('qual-memo-body');
      body.value = edit.dataset.memoBody;
      body.focus();
      return;
    }
    var li = t.closest('#qual-codings li[data-guid]');
    if (li) {
      current = codings().indexOf(li);
      drawCurrent();
      setSelection({ start: +li.dataset.start, end: +li.dataset.end });
    }
  });

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var typing = t && ((t.tagName === 'INPUT' && t.type !== 'checkbox') || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
    if (e.key === 'Escape') {
      if (typing) t.blur();
      textEl.focus();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (/^[1-9]$/.test(e.key)) {
      var li = tree ? tree.querySelector('li[data-key="' + e.key + '"]') : null;
      if (li) { e.preventDefault(); apply([li.dataset.guid]); }
      return;
    }
    if (e.key === 'n' || e.key === 'p') { e.preventDefault(); move(e.key === 'n' ? 1 : -1); return; }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      var list = codings();
      if (current >= 0 && current < list.length) { e.preventDefault(); remove(list[current].dataset.guid); }
      return;
    }
    if (e.key === 'm') { e.preventDefault(); openMemo(); return; }
    if (e.key === '/') { e.preventDefault(); if (search) search.focus(); }
  });

  textEl.tabIndex = 0;
  draw();
  // for scripted measurements and tests: the code point span of the selection, and a way to apply
  window.tfevalQual = {
    selection: function () { return selection; },
    select: function (s, e) {
      var r = rangeOf(s, e);
      var ws = window.getSelection();
      ws.removeAllRanges();
      ws.addRange(r);
      setSelection(readSelection());
      return selection;
    },
    apply: apply,
    remove: remove,
    idle: function () { return busy; },
    toCp: toCp
  };
  root.dataset.readyMs = String(Math.round(performance.now()));
  root.dataset.ready = 'true';
})();
