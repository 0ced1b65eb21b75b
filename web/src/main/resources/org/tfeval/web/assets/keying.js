// tfeval coding form: keying aids for coders keying paper case files. Progressive enhancement: the
// form saves without this file (each record's form posts to its save route); this adds codes by
// digit with the cursor moving on, missing codes by "-" and a digit, Enter as Tab, dates typed as
// digits, the "fields left" counter, and keys to move between records.
(function () {
  'use strict';
  /** How long a code's digits, or a "-" and its digit, belong together. */
  var BUFFER_MS = 1200;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var typed = { el: null, text: '', at: 0 };
  var chord = { el: null, at: 0 };

  function recordForm(el) {
    return el && el.form && el.form.classList.contains('record-form') ? el.form : null;
  }

  function isField(el) {
    return !!recordForm(el) && !!el.name && el.name.charAt(0) !== '_' && el.tagName !== 'BUTTON';
  }

  function radios(el) {
    return Array.prototype.slice.call(
      el.form.querySelectorAll('input[type=radio][name="' + el.name + '"]'));
  }

  function same(a, b) {
    return a === b || (a.type === 'radio' && b.type === 'radio' && a.form === b.form && a.name === b.name);
  }

  /** Whether an element is a tab stop of its own (a radio group's stop is its checked radio, else its first). */
  function stop(el, from) {
    if (el.disabled || el.tabIndex < 0 || el.type === 'hidden') return false;
    if (el.type === 'radio') {
      if (from.type === 'radio' && same(el, from)) return false;
      var group = radios(el);
      var on = group.filter(function (r) { return r.checked; })[0];
      if ((on || group[0]) !== el) return false;
    }
    return el.getClientRects().length > 0;
  }

  /** Moves the focus to the next tab stop, as Tab does (looking only past the current field). */
  function next(from) {
    var all = document.querySelectorAll('a[href], button, input, select, textarea');
    var past = false;
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (!past) {
        past = el === from;
        continue;
      }
      if (stop(el, from)) {
        el.focus();
        return;
      }
    }
  }

  /** A record form's skip logic for the browser (skiplogic.js), parsed once; null when the server runs it. */
  function specOf(form) {
    if (!form || form.getAttribute('data-skip-logic') !== 'browser' || !window.tfevalSkip) return null;
    if (!form.tfevalSpec) form.tfevalSpec = JSON.parse(form.getAttribute('data-skip-spec'));
    return form.tfevalSpec;
  }

  /** A variable's text in a record's form: its control's value, a yes/no row's checked code, or a shown value. */
  function rawOf(form, record, name) {
    var field = document.getElementById('f-' + record + '-' + name);
    if (field && field.hasAttribute('data-value')) return field.getAttribute('data-value');
    var controls = form.querySelectorAll('[name="' + name + '"]:not([type=hidden])');
    if (controls.length === 0) return '';
    if (controls[0].type === 'radio') {
      var on = Array.prototype.filter.call(controls, function (r) { return r.checked; })[0];
      return on ? on.value : '';
    }
    return controls[0].value;
  }

  /**
   * Shows and hides a record's fields by their skip logic at once, as the server will decide on the
   * save (skiplogic.js repeats the server's rules; a test compares them): a field that does not apply
   * keeps its value but its controls are disabled (no tab stop, not sent) and hidden.
   */
  function skip(form) {
    var spec = specOf(form);
    if (!spec) return;
    var record = form.id.substring('form-'.length);
    var raw = {};
    Object.keys(spec.types).forEach(function (name) { raw[name] = rawOf(form, record, name); });
    var ok = window.tfevalSkip.applies(spec, raw);
    var na = [];
    Object.keys(ok).forEach(function (name) {
      var field = document.getElementById('f-' + record + '-' + name);
      if (!field) return;
      if (!ok[name]) na.push(name);
      if (field.classList.contains('na') === !ok[name]) return;
      field.classList.toggle('na', !ok[name]);
      field.querySelectorAll('input:not([type=hidden]), select, textarea, .missing button').forEach(function (c) {
        c.disabled = !ok[name];
      });
    });
    var kept = form.querySelector('input[name="_na"]');
    if (kept) kept.value = na.join(' ');
  }

  /**
   * Moves on after a value was set: at once (a form whose skip logic the browser runs has already
   * shown or hidden the fields it changes), or, when the server runs it and other fields' skip logic
   * depends on this one, once the save has answered (so a field that now applies is not jumped over).
   */
  function moveOn(el) {
    var field = el.closest('.field');
    var form = recordForm(el);
    if (!field || !field.hasAttribute('data-controls') || !form || specOf(form)) {
      next(el);
      return;
    }
    form.setAttribute('data-advancing', 'true');
    var name = el.name;
    var finished = false;
    var done = function (force) {
      if (finished) return;
      if (!force && form.classList.contains('htmx-request')) return; // a queued save is still to answer
      finished = true;
      document.body.removeEventListener('htmx:afterSettle', settled);
      form.removeAttribute('data-advancing');
      var now = form.querySelector('[name="' + name + '"]:checked') || form.querySelector('[name="' + name + '"]');
      var at = document.activeElement;
      if (now && (at === document.body || at === null || same(at, now))) next(now);
    };
    var settled = function () { window.setTimeout(function () { done(false); }, 0); };
    document.body.addEventListener('htmx:afterSettle', settled);
    // no save was needed (the value did not change): move on now
    window.setTimeout(function () { done(false); }, 400);
    // a save that never answers must not hold the cursor
    window.setTimeout(function () { done(true); }, 5000);
  }

  function changed(el) {
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The codes a select or a radio group offers (its option values). */
  function codes(el) {
    if (el.tagName === 'SELECT')
      return Array.prototype.map.call(el.options, function (o) { return o.value; });
    return radios(el).map(function (r) { return r.value; });
  }

  /** Sets a select or radio group to a code it offers; returns the element now holding it. */
  function choose(el, code) {
    if (el.tagName === 'SELECT') {
      if (el.value !== code) {
        el.value = code;
        changed(el);
      }
      return el;
    }
    var r = radios(el).filter(function (x) { return x.value === code; })[0];
    if (!r.checked) {
      r.checked = true;
      r.focus();
      changed(r);
    } else {
      r.focus();
    }
    return r;
  }

  /** A digit on a select or radio group: builds the code; moves on once no longer code starts with it. */
  function digit(el, d) {
    var now = Date.now();
    var text = (same(typed.el || el, el) && typed.el && now - typed.at < BUFFER_MS ? typed.text : '') + d;
    var all = codes(el).filter(function (c) { return c !== '' && c.charAt(0) !== '-'; });
    var starting = all.filter(function (c) { return c.indexOf(text) === 0; });
    if (starting.length === 0) {
      text = d;
      starting = all.filter(function (c) { return c.indexOf(text) === 0; });
    }
    typed = { el: el, text: text, at: now };
    if (starting.length === 0) return;
    if (all.indexOf(text) >= 0) {
      var held = choose(el, text);
      if (starting.length === 1) {
        typed = { el: null, text: '', at: 0 };
        moveOn(held);
      }
    }
  }

  function missing(el, d) {
    var code = '-' + d;
    var field = el.closest('.field');
    var allowed = field && (field.getAttribute('data-missing') || '').split(' ').indexOf(code) >= 0;
    if (!allowed) return;
    if (el.tagName === 'SELECT' || el.type === 'radio') {
      if (codes(el).indexOf(code) < 0) return;
      moveOn(choose(el, code));
      return;
    }
    el.value = code;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    moveOn(el);
  }

  function recordForms() {
    return Array.prototype.slice.call(document.querySelectorAll('form.record-form'));
  }

  function blank(field) {
    var controls = field.querySelectorAll('input:not([type=hidden]), select, textarea');
    if (controls.length === 0) return false; // fixed, or not applicable by skip logic
    if (controls[0].type === 'radio')
      return !Array.prototype.some.call(controls, function (r) { return r.checked; });
    return controls[0].value.trim() === '';
  }

  /** The first field of a record's form still to fill, else its first field. */
  function firstOpen(form) {
    var fields = form.querySelectorAll('.field:not(.na):not(.fixed)');
    var pick = null;
    for (var i = 0; i < fields.length && !pick; i++) if (blank(fields[i])) pick = fields[i];
    if (!pick) pick = fields[0];
    if (!pick) return null;
    return pick.querySelector('input:checked') || pick.querySelector('input:not([type=hidden]), select, textarea');
  }

  function count() {
    var total = 0;
    recordForms().forEach(function (form) {
      var left = 0;
      form.querySelectorAll('.field:not(.na):not(.fixed):not([data-optional])').forEach(function (f) {
        if (blank(f)) left++;
      });
      total += left;
      var id = form.id.substring('form-'.length);
      document.querySelectorAll('[data-left-record="' + id + '"]').forEach(function (s) {
        s.textContent = left + ' left';
      });
    });
    var t = document.getElementById('left-total');
    if (t) t.textContent = String(total);
  }

  /** Focus for the address's record (#rec-N), field (#f-N-VAR) or section, else the case's first open field. */
  function land() {
    var hash = window.location.hash.substring(1);
    var target = hash ? document.getElementById(hash) : null;
    var el = null;
    if (target && target.classList.contains('field')) {
      el = target.querySelector('input:checked') || target.querySelector('input:not([type=hidden]), select, textarea');
    } else {
      var section = target ? target.closest('section.record') : null;
      var form = section ? section.querySelector('form.record-form') : recordForms()[0];
      if (form && target && target.classList.contains('part')) {
        var f = target.querySelector('.field:not(.na):not(.fixed)');
        el = f && (f.querySelector('input:checked') || f.querySelector('input:not([type=hidden]), select, textarea'));
      }
      if (!el && form) el = firstOpen(form);
    }
    if (el) el.focus();
  }

  function jump(step) {
    var forms = recordForms();
    if (forms.length === 0) return;
    var at = forms.indexOf(recordForm(document.activeElement));
    var to = forms[Math.min(forms.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    var el = firstOpen(to);
    if (el) {
      el.focus();
      el.closest('section.record').scrollIntoView({ block: 'start' });
    }
  }

  document.addEventListener('keydown', function (e) {
    var el = e.target;
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'PageDown' || e.key === 'PageUp')) {
      e.preventDefault();
      jump(e.key === 'PageDown' ? 1 : -1);
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && /^[a-z]$/i.test(e.key)) {
      // the index's access keys the same in every browser (Firefox wants Alt+Shift by itself)
      var link = document.querySelector('.case-index a[accesskey="' + e.key.toLowerCase() + '"]');
      if (link) {
        e.preventDefault();
        if (window.location.hash === link.hash) land();
        else window.location.hash = link.hash;
        return;
      }
    }
    if (!isField(el) || e.altKey || e.ctrlKey || e.metaKey) return;
    var now = Date.now();
    var choice = el.tagName === 'SELECT' || el.type === 'radio';
    if (e.key === '-' && (choice || el.value === '' || el.selectionStart === 0 && el.selectionEnd === el.value.length)) {
      chord = { el: el, at: now };
      if (choice) e.preventDefault();
      return;
    }
    if (/^[0-9]$/.test(e.key)) {
      if (chord.el && same(chord.el, el) && now - chord.at < BUFFER_MS) {
        chord = { el: null, at: 0 };
        if (choice || el.value === '-') {
          e.preventDefault();
          missing(el, e.key);
          return;
        }
      }
      if (choice) {
        e.preventDefault();
        digit(el, e.key);
        return;
      }
      if (el.hasAttribute('data-date') && el.selectionStart === el.value.length && /^(\d{4}|\d{4}-\d{2})$/.test(el.value))
        el.value += '-';
      return;
    }
    if (e.key === 'Enter' && el.tagName !== 'TEXTAREA') {
      e.preventDefault();
      next(el);
      return;
    }
    if ((e.key === 'Backspace' || e.key === 'Delete') && el.tagName === 'SELECT') {
      e.preventDefault();
      choose(el, '');
    }
  });

  // skip logic first, in the capture phase: before htmx's listener on the form gathers the values to
  // save (so the save carries the fields as now shown and the _na it names), and before the cursor moves on
  function skipFirst(e) {
    if (isField(e.target)) skip(recordForm(e.target));
  }
  document.addEventListener('change', skipFirst, true);
  document.addEventListener('input', skipFirst, true);

  document.addEventListener('input', function (e) {
    var el = e.target;
    if (!isField(el) || el.tagName !== 'INPUT' || el.type === 'radio') return;
    count();
    if (el.hasAttribute('data-date') && DATE.test(el.value) && e.inputType === 'insertText') next(el);
  });
  /** A record added without reloading the page: the cursor goes to its first field, the address to it. */
  function added() {
    var wrap = document.querySelector('[data-added]');
    if (!wrap) return;
    var id = wrap.getAttribute('data-added');
    wrap.removeAttribute('data-added');
    var form = document.getElementById('form-' + id);
    var el = form ? firstOpen(form) : null;
    if (el) el.focus();
    var section = document.getElementById('rec-' + id);
    if (section) section.scrollIntoView({ block: 'start' });
    window.history.replaceState(null, '', '#rec-' + id);
  }

  document.addEventListener('change', count);
  document.body.addEventListener('htmx:afterSettle', function () {
    // a save may have changed values other records' skip logic reads (derived, repeated): run it again
    recordForms().forEach(skip);
    added();
    count();
  });
  window.addEventListener('hashchange', land);
  count();
  land();
})();
