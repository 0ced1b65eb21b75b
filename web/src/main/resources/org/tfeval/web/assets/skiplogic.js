// tfeval coding form: skip logic evaluated in the browser exactly as the server evaluates it, so a
// field can be shown or hidden as the coder types instead of after a save's round trip. The server's
// rules are the reference (org.tfeval.instrument.expression.Expression, CaseForms.typed and the
// fixpoint in CaseTree.applySkipLogic); SkipLogicAgreementTest compares this file with them case by
// case. A form's skip logic comes from SkipLogicSpec.json:
//   {"types": {VAR: "id|code|integer|decimal|date|string|text"}, "missing": [-9, ...], "na": "-7",
//    "rules": {VAR: AST}}   with AST ["and",L,R] ["or",L,R] ["not",X] ["known","VAR",true|false]
//                           ["cmp","=|<>|<|<=|>|>=",T,T] and terms ["var","X"] ["lit","text"].
// Numbers are compared as exact decimals (no floating point), dates as dates, as Java does. The
// not-applicable code (however written: -7, -07) reads as {kind: 'na'}, a definite absence that equals
// no value (= false, <> true) and is not known(); the other missing codes read as null (unknown).
(function () {
  'use strict';

  var TRUE = 'TRUE';
  var FALSE = 'FALSE';
  var UNKNOWN = 'UNKNOWN';
  /** Longest cell read as a possible missing code ("-9"), as CaseForms.typed reads it. */
  var MISSING_CODE_LENGTH = 3;
  /** Java's long range, as digit strings. */
  var LONG_MAX = '9223372036854775807';
  var LONG_MIN_ABS = '9223372036854775808';
  /** Java's int range: a BigDecimal's scale must fit it. */
  var INT_MIN = -2147483648;
  var INT_MAX = 2147483647;
  /** Most exponent digits BigDecimal reads after leading zeros. */
  var EXPONENT_DIGITS = 10;
  /** LocalDate's year range. */
  var YEAR_LIMIT = 999999999;
  /** ISO_LOCAL_DATE: a year written with a sign; '+' only when it has more than four digits. */
  var SIGNED_DATE = /^([+-])([0-9]{4,10})-([0-9]{2})-([0-9]{2})$/;
  var YEAR_WIDTH = 4;
  var DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  /**
   * Java's Character.digit(c, 10) (used by Long.parseLong, Integer.parseInt and new BigDecimal):
   * the zero of each block of ten decimal digits in the Basic Multilingual Plane, as Java 17 has them.
   */
  var ZEROS = [0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
    0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10];

  function has(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k);
  }

  /** Java's Character.isWhitespace, which String.strip and isBlank use (JavaScript's trim differs). */
  function isJavaSpace(c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c === 0x1680 ||
      (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200A) || c === 0x2028 || c === 0x2029 ||
      c === 0x205F || c === 0x3000;
  }

  function strip(s) {
    var a = 0;
    var b = s.length;
    while (a < b && isJavaSpace(s.charCodeAt(a))) a++;
    while (b > a && isJavaSpace(s.charCodeAt(b - 1))) b--;
    return s.substring(a, b);
  }

  /** Java's Character.digit(c, 10): the value of a decimal digit of any script, else -1. */
  function digit(c) {
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    for (var i = 1; i < ZEROS.length; i++) {
      if (c >= ZEROS[i] && c < ZEROS[i] + 10) return c - ZEROS[i];
    }
    return -1;
  }

  // ---- exact decimals: {neg, digits (unscaled, no leading zeros, "0" for zero), scale} ----

  function decimal(neg, digits, scale) {
    var d = digits.replace(/^0+/, '');
    if (d === '') d = '0';
    var n = { neg: neg && d !== '0', digits: d, scale: scale };
    return { kind: 'number', num: n, text: decimalText(n) };
  }

  /** BigDecimal.toString: plain when the scale is not negative and the exponent not below -6. */
  function decimalText(n) {
    var sign = n.neg ? '-' : '';
    var c = n.digits;
    if (n.scale === 0) return sign + c;
    var adjusted = -n.scale + (c.length - 1);
    if (n.scale >= 0 && adjusted >= -6) {
      var pad = n.scale - c.length;
      if (pad >= 0) return sign + '0.' + new Array(pad + 1).join('0') + c;
      return sign + c.substring(0, -pad) + '.' + c.substring(-pad);
    }
    var out = sign + c.charAt(0) + (c.length > 1 ? '.' + c.substring(1) : '');
    if (adjusted !== 0) out += 'E' + (adjusted > 0 ? '+' : '') + adjusted;
    return out;
  }

  function signum(n) {
    return n.digits === '0' ? 0 : n.neg ? -1 : 1;
  }

  /** BigDecimal.compareTo: by value, so 0.1 and 0.10 are equal. */
  function compareDecimals(a, b) {
    var sa = signum(a);
    var sb = signum(b);
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (sa === 0) return 0;
    var ea = a.digits.length - 1 - a.scale;
    var eb = b.digits.length - 1 - b.scale;
    var c;
    if (ea !== eb) {
      c = ea < eb ? -1 : 1;
    } else {
      var da = a.digits;
      var db = b.digits;
      while (da.length < db.length) da += '0';
      while (db.length < da.length) db += '0';
      c = da === db ? 0 : da < db ? -1 : 1;
    }
    return sa < 0 ? -c : c;
  }

  /** new BigDecimal(text), or null where Java throws NumberFormatException. */
  function parseDecimal(s) {
    var i = 0;
    var neg = false;
    if (s.charAt(0) === '-') {
      neg = true;
      i++;
    } else if (s.charAt(0) === '+') {
      i++;
    }
    var digits = '';
    var dot = false;
    var fraction = 0;
    var exponent = 0;
    for (; i < s.length; i++) {
      var ch = s.charAt(i);
      var d = digit(s.charCodeAt(i));
      if (d >= 0) {
        digits += d;
        if (dot) fraction++;
      } else if (ch === '.') {
        if (dot) return null;
        dot = true;
      } else if (ch === 'e' || ch === 'E') {
        exponent = parseExponent(s.substring(i + 1));
        if (exponent === null) return null;
        break;
      } else {
        return null;
      }
    }
    if (digits === '') return null;
    // Java 17: the exponent must fit an int ("Exponent overflow"), and so must the scale it makes
    if (exponent < INT_MIN || exponent > INT_MAX) return null;
    var scale = fraction - exponent;
    if (scale < INT_MIN || scale > INT_MAX) return null;
    return decimal(neg, digits, scale);
  }

  function parseExponent(s) {
    var neg = s.charAt(0) === '-';
    if (neg || s.charAt(0) === '+') s = s.substring(1);
    if (s === '') return null;
    while (s.length > EXPONENT_DIGITS && digit(s.charCodeAt(0)) === 0) s = s.substring(1);
    if (s.length > EXPONENT_DIGITS) return null;
    var e = 0;
    for (var i = 0; i < s.length; i++) {
      var d = digit(s.charCodeAt(i));
      if (d < 0) return null;
      e = e * 10 + d;
    }
    return neg ? -e : e;
  }

  /** The decimal digits after an optional sign ('-' or '+', not alone), or null. */
  function signedDigits(s) {
    var i = 0;
    var neg = false;
    var first = s.charCodeAt(0);
    if (s === '') return null;
    if (first < 0x30) {
      if (first === 0x2D) neg = true;
      else if (first !== 0x2B) return null;
      if (s.length === 1) return null;
      i = 1;
    }
    var digits = '';
    for (; i < s.length; i++) {
      var d = digit(s.charCodeAt(i));
      if (d < 0) return null;
      digits += d;
    }
    digits = digits.replace(/^0+/, '');
    return { neg: neg, digits: digits === '' ? '0' : digits };
  }

  /** Long.valueOf(text), or null where Java throws NumberFormatException (overflow included). */
  function parseLong(s) {
    var p = signedDigits(s);
    if (p === null) return null;
    var limit = p.neg ? LONG_MIN_ABS : LONG_MAX;
    if (p.digits.length > limit.length || (p.digits.length === limit.length && p.digits > limit)) return null;
    return decimal(p.neg, p.digits, 0);
  }

  // ---- dates ----

  function isLeap(y) {
    return (y & 3) === 0 && (y % 100 !== 0 || y % 400 === 0);
  }

  function date(y, m, d) {
    if (m < 1 || m > 12 || d < 1) return null;
    if (d > (m === 2 && isLeap(y) ? 29 : DAYS[m - 1])) return null;
    return { kind: 'date', year: y, month: m, day: d, text: dateText(y, m, d) };
  }

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** LocalDate.toString: four-digit years padded, longer ones signed. */
  function dateText(y, m, d) {
    var a = Math.abs(y);
    var year;
    if (a < 1000) year = (y < 0 ? '-' : '') + ('000' + a).slice(-4);
    else year = (y > 9999 ? '+' : '') + y;
    return year + '-' + two(m) + '-' + two(d);
  }

  function asciiNumber(s, from, to) {
    var n = 0;
    for (var i = from; i < to; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x30 || c > 0x39) return -1;
      n = n * 10 + (c - 0x30);
    }
    return n;
  }

  /** VariableType.DATE: YYYY-MM-DD, else LocalDate.parse (ISO, strict), else null. */
  function parseDate(s) {
    if (s.length === 10 && s.charAt(4) === '-' && s.charAt(7) === '-') {
      var y = asciiNumber(s, 0, 4);
      var m = asciiNumber(s, 5, 7);
      var d = asciiNumber(s, 8, 10);
      if (y < 0 || m < 0 || d < 0) return null;
      return date(y, m, d);
    }
    var r = SIGNED_DATE.exec(s);
    if (r === null) return null;
    if (r[1] === '+' && r[2].length <= YEAR_WIDTH) return null;
    var year = parseInt(r[2], 10);
    if (r[1] === '-') {
      if (year === 0) return null;
      year = -year;
    }
    if (Math.abs(year) > YEAR_LIMIT) return null;
    return date(year, parseInt(r[3], 10), parseInt(r[4], 10));
  }

  // ---- typed values (CaseForms.typed) ----

  /**
   * The instrument's missing code a stripped cell holds ("-9", "-07"), read as Integer.parseInt would,
   * or null (CaseForms.missingCodeOf).
   */
  function missingCode(spec, t) {
    if (t.charAt(0) !== '-' || t.length > MISSING_CODE_LENGTH) return null;
    var p = signedDigits(t);
    if (p === null) return null;
    var code = p.neg ? -parseInt(p.digits, 10) : parseInt(p.digits, 10);
    for (var i = 0; i < spec.missing.length; i++) if (spec.missing[i] === code) return code;
    return null;
  }

  /** Whether a cell holds the not-applicable code, compared as a number (CaseForms.isNotApplicable). */
  function isNotApplicable(spec, raw) {
    if (raw === null || raw === undefined) return false;
    return missingCode(spec, strip(String(raw))) === parseInt(spec.na, 10);
  }

  /**
   * The value skip logic reads from a raw cell: {kind: 'na', text: '-7'} for the not-applicable code;
   * null when the variable is not on the form, the cell blank or another missing code, or the text not
   * of the variable's type; else {kind: 'number'|'date'|'text', text: as Java writes it, ...}.
   */
  function typed(spec, name, raw) {
    if (!has(spec.types, name) || raw === null || raw === undefined) return null;
    var type = spec.types[name];
    var t = strip(String(raw));
    if (t === '') return null;
    if (type !== 'id') {
      var code = missingCode(spec, t);
      if (code !== null) return code === parseInt(spec.na, 10) ? { kind: 'na', text: String(code) } : null;
    }
    switch (type) {
      case 'id':
      case 'string':
      case 'text':
        return { kind: 'text', text: t };
      case 'code':
      case 'integer':
        return parseLong(t);
      case 'decimal':
        return parseDecimal(t);
      case 'date':
        return parseDate(t);
      default:
        throw new Error('skip logic: unknown variable type ' + type + ' of ' + name);
    }
  }

  // ---- evaluation (Expression.test) ----

  function and(a, b) {
    if (a === FALSE || b === FALSE) return FALSE;
    if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
    return TRUE;
  }

  function or(a, b) {
    if (a === TRUE || b === TRUE) return TRUE;
    if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
    return FALSE;
  }

  function truth(b) {
    return b ? TRUE : FALSE;
  }

  function numberOf(v) {
    if (v.kind === 'number') return v.num;
    if (v.kind === 'text') {
      var d = parseDecimal(v.text);
      return d === null ? null : d.num;
    }
    return null;
  }

  function compareText(a, b) {
    return a === b ? 0 : a < b ? -1 : 1;
  }

  /** Expression.Compare.compare: numbers by value, dates by date, a date and text by ISO text, else text. */
  function compare(a, b) {
    var na = numberOf(a);
    var nb = numberOf(b);
    if (na !== null && nb !== null) return compareDecimals(na, nb);
    if (a.kind === 'date' && b.kind === 'date') {
      if (a.year !== b.year) return a.year < b.year ? -1 : 1;
      if (a.month !== b.month) return a.month < b.month ? -1 : 1;
      return a.day === b.day ? 0 : a.day < b.day ? -1 : 1;
    }
    return compareText(a.text, b.text);
  }

  function term(t, read) {
    if (t[0] === 'var') return read(t[1]);
    if (t[0] === 'lit') return { kind: 'text', text: t[1] };
    throw new Error('skip logic: unknown term ' + t[0]);
  }

  function evaluate(ast, read) {
    switch (ast[0]) {
      case 'and':
        return and(evaluate(ast[1], read), evaluate(ast[2], read));
      case 'or':
        return or(evaluate(ast[1], read), evaluate(ast[2], read));
      case 'not':
        var inner = evaluate(ast[1], read);
        return inner === UNKNOWN ? UNKNOWN : truth(inner === FALSE);
      case 'known':
        var k = read(ast[1]);
        return truth((k !== null && k.kind !== 'na') === ast[2]);
      case 'cmp':
        var a = term(ast[2], read);
        var b = term(ast[3], read);
        // not applicable equals no value, even an unknown one (Expression.Compare)
        if ((a !== null && a.kind === 'na') || (b !== null && b.kind === 'na')) return truth(ast[1] === '<>');
        if (a === null || b === null) return UNKNOWN;
        var c = compare(a, b);
        switch (ast[1]) {
          case '=': return truth(c === 0);
          case '<>': return truth(c !== 0);
          case '<': return truth(c < 0);
          case '<=': return truth(c <= 0);
          case '>': return truth(c > 0);
          case '>=': return truth(c >= 0);
          default: throw new Error('skip logic: unknown operator ' + ast[1]);
        }
      default:
        throw new Error('skip logic: unknown node ' + ast[0]);
    }
  }

  /** 'TRUE', 'FALSE' or 'UNKNOWN'; values: a function of a name, or an object, giving typed values or null. */
  function test(ast, values) {
    var read = typeof values === 'function' ? values : function (name) {
      return has(values, name) && values[name] !== undefined ? values[name] : null;
    };
    return evaluate(ast, function (name) {
      var v = read(name);
      return v === undefined ? null : v;
    });
  }

  function reader(spec, cells) {
    return function (name) {
      return typed(spec, name, has(cells, name) ? cells[name] : null);
    };
  }

  /**
   * The cells after skip logic (CaseTree.applySkipLogic): a field whose condition is false holds the
   * not-applicable code, which equals no value for the fields depending on it; a field holding it
   * (compared as a number: -07 too) whose condition comes true is blank again; repeated until nothing
   * changes.
   */
  function prepared(spec, raw) {
    var cells = {};
    for (var k in raw) if (has(raw, k)) cells[k] = raw[k] === null || raw[k] === undefined ? '' : String(raw[k]);
    var names = Object.keys(spec.rules);
    for (var round = 0; round <= names.length; round++) {
      var changed = false;
      for (var i = 0; i < names.length; i++) {
        var v = names[i];
        var t = evaluate(spec.rules[v], reader(spec, cells));
        var skipped = isNotApplicable(spec, has(cells, v) ? cells[v] : null);
        if (t === FALSE && !skipped) {
          cells[v] = spec.na;
          changed = true;
        } else if (t === TRUE && skipped) {
          cells[v] = '';
          changed = true;
        }
      }
      if (!changed) break;
    }
    return cells;
  }

  /** For each variable with skip logic: whether the field is shown (its condition is not false). */
  function applies(spec, raw) {
    var cells = prepared(spec, raw);
    var out = {};
    var names = Object.keys(spec.rules);
    for (var i = 0; i < names.length; i++) {
      out[names[i]] = evaluate(spec.rules[names[i]], reader(spec, cells)) !== FALSE;
    }
    return out;
  }

  window.tfevalSkip = {
    test: test,
    typed: typed,
    prepared: prepared,
    applies: applies,
    strip: strip
  };
})();
