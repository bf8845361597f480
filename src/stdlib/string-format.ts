// string.format (lstrlib.c str_format) and the C printf conversions it
// relies on, reproduced as glibc prints them: integers in 64 bits, %e/%g via
// runtime/numfmt (exact, round-half-even), %f by exact decimal expansion,
// %a as glibc's hexadecimal floats.

import { formatE, formatG, nanText } from '../runtime/numfmt.js';
import { LuaFloat, type LuaInteger } from '../runtime/value.js';
import { isCntrlByte, isDigitByte } from './lstrlib-pattern.js';

/** A parsed conversion specification: flags, width, precision (-1: none). */
export interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  hash: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

/** Parse '%[flags][width][.prec]c' (already validated by checkformat). */
export function parseSpec(form: string): Spec {
  const sp: Spec = { minus: false, plus: false, space: false, hash: false, zero: false, width: 0, prec: -1 };
  let i = 1;
  for (; i < form.length; i++) {
    const c = form.charAt(i);
    if (c === '-') sp.minus = true;
    else if (c === '+') sp.plus = true;
    else if (c === ' ') sp.space = true;
    else if (c === '#') sp.hash = true;
    else if (c === '0') sp.zero = true;
    else break;
  }
  let w = 0;
  while (i < form.length && isDigitByte(form.charCodeAt(i))) w = w * 10 + (form.charCodeAt(i++) - 48);
  sp.width = w;
  if (form.charAt(i) === '.') {
    i++;
    let p = 0;
    while (i < form.length && isDigitByte(form.charCodeAt(i))) p = p * 10 + (form.charCodeAt(i++) - 48);
    sp.prec = p;
  }
  return sp;
}

/** Pad `body` (after `prefix`: sign, 0x) to the width; zeros go between prefix and body. */
function pad(sp: Spec, prefix: string, body: string, zeroOk: boolean): string {
  const len = prefix.length + body.length;
  if (len >= sp.width) return prefix + body;
  const fill = sp.width - len;
  if (sp.minus) return prefix + body + ' '.repeat(fill);
  if (sp.zero && zeroOk) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}

const TWO64 = 1n << 64n;

/** printf of a 64-bit integer with conversion d i u o x X. */
export function formatInt(sp: Spec, conv: string, n: LuaInteger): string {
  let prefix = '';
  let digits: string;
  if (conv === 'd' || conv === 'i') {
    let neg: boolean;
    if (typeof n === 'number') {
      neg = n < 0;
      digits = String(neg ? -n : n);
    } else {
      neg = n < 0n;
      digits = (neg ? -n : n).toString();
    }
    prefix = neg ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  } else {
    let u: bigint | number = n;
    if (typeof u === 'number' ? u < 0 : u < 0n) u = BigInt(u) + TWO64;
    const radix = conv === 'o' ? 8 : conv === 'u' ? 10 : 16;
    digits = u.toString(radix);
    if (conv === 'X') digits = digits.toUpperCase();
  }
  const isZero = digits === '0';
  if (sp.prec >= 0) {
    if (sp.prec === 0 && isZero) digits = '';
    else if (digits.length < sp.prec) digits = '0'.repeat(sp.prec - digits.length) + digits;
  }
  if (sp.hash) {
    if (conv === 'o') {
      if (digits.charAt(0) !== '0') digits = '0' + digits;
    } else if ((conv === 'x' || conv === 'X') && !isZero) {
      prefix = conv === 'x' ? '0x' : '0X';
    }
  }
  return pad(sp, prefix, digits, sp.prec < 0);
}

function signOf(sp: Spec, neg: boolean): string {
  return neg ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
}

function nonFinite(sp: Spec, x: number, upper: boolean): string {
  let text: string;
  let neg: boolean;
  if (x !== x) {
    neg = nanText(x).charAt(0) === '-';
    text = 'nan';
  } else {
    neg = x < 0;
    text = 'inf';
  }
  if (upper) text = text.toUpperCase();
  return pad(sp, signOf(sp, neg), text, false);
}

function isNeg(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = (() => { f64[0] = 1; return u32[1] === 0x3ff00000 ? 1 : 0; })();
const LO = 1 - HI;

/** The bits of |x| (finite): [mantissa with the implicit bit, binary exponent of the last bit]. */
function decompose(x: number): [bigint, number] {
  f64[0] = x;
  const hi = u32[HI], lo = u32[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp === 0) return [mant, -1074];
  mant |= 1n << 52n;
  return [mant, bexp - 1075];
}

/** %f body (no sign) of finite |x|, exact, rounding half to even like glibc. */
export function fixedDigits(ax: number, prec: number, alt: boolean): string {
  // V8's toFixed is exact but rounds ties up; an exact tie needs ax to have
  // at most prec+1 fractional bits, so outside that case it agrees with glibc.
  if (ax < 1e21 && !Number.isInteger(ax * 2 ** (prec + 1))) {
    const r = ax.toFixed(prec);
    return alt && prec === 0 ? r + '.' : r;
  }
  let q: bigint;
  if (ax === 0) q = 0n;
  else {
    const [mant, e2] = decompose(ax);
    if (e2 >= 0) q = (mant << BigInt(e2)) * 10n ** BigInt(prec);
    else {
      const sh = BigInt(-e2);
      const n = mant * 10n ** BigInt(prec);
      q = n >> sh;
      const r = n - (q << sh);
      const half = 1n << (sh - 1n);
      if (r > half || (r === half && (q & 1n) === 1n)) q += 1n;
    }
  }
  let s = q.toString();
  if (prec === 0) return alt ? s + '.' : s;
  if (s.length <= prec) s = '0'.repeat(prec + 1 - s.length) + s;
  return s.slice(0, s.length - prec) + '.' + s.slice(s.length - prec);
}

/** glibc's %a body (no sign) of finite |x|. */
export function hexFloatDigits(ax: number, prec: number, alt: boolean, upper: boolean): string {
  let lead: number;
  let frac: bigint; // 52 bits
  let exp: number;
  if (ax === 0) {
    lead = 0; frac = 0n; exp = 0;
  } else {
    f64[0] = ax;
    const hi = u32[HI], lo = u32[LO];
    const bexp = (hi >>> 20) & 0x7ff;
    frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
    if (bexp === 0) { lead = 0; exp = -1022; } else { lead = 1; exp = bexp - 1023; }
  }
  let fd: string;
  if (prec < 0) {
    fd = frac.toString(16).padStart(13, '0').replace(/0+$/, '');
  } else if (prec >= 13) {
    fd = frac.toString(16).padStart(13, '0') + '0'.repeat(prec - 13);
  } else {
    const drop = BigInt((13 - prec) * 4);
    let q = frac >> drop;
    const r = frac - (q << drop);
    const half = 1n << (drop - 1n);
    const odd = prec === 0 ? (lead & 1) === 1 : (q & 1n) === 1n;
    if (r > half || (r === half && odd)) q += 1n;
    if (q >> BigInt(prec * 4) !== 0n) { // carry into the leading digit
      lead += 1;
      q &= (1n << BigInt(prec * 4)) - 1n;
    }
    fd = prec === 0 ? '' : q.toString(16).padStart(prec, '0');
  }
  let out = '0x' + lead.toString(16) + (fd.length > 0 || alt ? '.' + fd : '') + 'p' + (exp < 0 ? '-' : '+') + Math.abs(exp);
  if (upper) out = out.toUpperCase();
  return out;
}

/** printf of a double with conversion e E f g G a A. */
export function formatFloat(sp: Spec, conv: string, x: number): string {
  const upper = conv === 'E' || conv === 'G' || conv === 'A' || conv === 'F';
  if (!Number.isFinite(x)) return nonFinite(sp, x, upper);
  const neg = isNeg(x);
  const ax = neg ? -x : x;
  const sign = signOf(sp, neg);
  let body: string;
  switch (conv) {
    case 'f': case 'F':
      body = fixedDigits(ax, sp.prec < 0 ? 6 : sp.prec, sp.hash);
      break;
    case 'e': case 'E':
      body = formatE(ax, sp.prec < 0 ? 6 : sp.prec, sp.hash);
      if (conv === 'E') body = body.toUpperCase();
      break;
    case 'g': case 'G':
      body = formatG(ax, sp.prec < 0 ? 6 : sp.prec, sp.hash);
      if (conv === 'G') body = body.toUpperCase();
      break;
    default: { // a A
      body = hexFloatDigits(ax, sp.prec, sp.hash, upper);
      if (sp.zero && !sp.minus) {
        const fill = sp.width - sign.length - body.length;
        if (fill > 0) return sign + body.slice(0, 2) + '0'.repeat(fill) + body.slice(2);
      }
      return pad(sp, sign, body, false);
    }
  }
  return pad(sp, sign, body, true);
}

/** printf("%s") with width/precision on a byte string. */
export function formatStr(sp: Spec, s: string): string {
  if (sp.prec >= 0 && s.length > sp.prec) s = s.slice(0, sp.prec);
  return pad(sp, '', s, false);
}

// ------------------------------------------------------------------ %q

/** addquoted: a string as a Lua literal. */
export function quoteString(s: string): string {
  let out = '"';
  let run = 0; // start of the pending run of plain bytes
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(run, i) + '\\' + s.charAt(i);
      run = i + 1;
    } else if (isCntrlByte(c)) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      out += s.slice(run, i) + '\\' + (isDigitByte(next) ? String(c).padStart(3, '0') : String(c));
      run = i + 1;
    }
  }
  return out + s.slice(run) + '"';
}

const MININT_BIG = -(1n << 63n);

/** %q of a number (addliteral, quotefloat). */
export function quoteNumber(v: number | bigint | LuaFloat): string {
  if (typeof v === 'bigint') return v === MININT_BIG ? '0x8000000000000000' : v.toString();
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  const x = typeof v === 'number' ? v : v.n;
  if (x === Infinity) return '1e9999';
  if (x === -Infinity) return '-1e9999';
  if (x !== x) return '(0/0)';
  const neg = isNeg(x);
  return (neg ? '-' : '') + hexFloatDigits(neg ? -x : x, -1, false, false);
}

// ------------------------------------------------------- format scanning

/** Characters getformat spans: the flags "-+ #0", digits and '.'. */
export function isFormatSpanChar(c: number): boolean {
  return c === 45 || c === 43 || c === 32 || c === 35 || c === 46 || isDigitByte(c);
}

/**
 * checkformat: the spec after '%' must be flags from `flags`, at most two
 * width digits (not starting with '0'), then if `precision` '.' and at most
 * two digits, then the conversion letter. Returns false when invalid.
 */
export function checkFormat(form: string, flags: string, precision: boolean): boolean {
  let i = 1;
  while (i < form.length && flags.indexOf(form.charAt(i)) >= 0) i++;
  if (form.charAt(i) !== '0') {
    if (isDigitByte(form.charCodeAt(i))) {
      i++;
      if (isDigitByte(form.charCodeAt(i))) i++;
    }
    if (form.charAt(i) === '.' && precision) {
      i++;
      if (isDigitByte(form.charCodeAt(i))) {
        i++;
        if (isDigitByte(form.charCodeAt(i))) i++;
      }
    }
  }
  const c = form.charCodeAt(i) | 0x20;
  return i < form.length && c >= 97 && c <= 122;
}
