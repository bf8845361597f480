// Lua 5.1's string -> number conversions, after the C library they rely
// on (glibc): `luaO_str2d` is strtod plus trailing blanks, so it accepts
// what strtod does (hexadecimal floats, 'inf', 'nan'); `tonumber(s, base)`
// is strtoul. Strings are read as C strings: they end at their first NUL.

import { scaleBinary } from '../syntax/lexer.js';

/** C's isspace in the "C" locale. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

/** A NaN with its sign bit set (what glibc's strtod gives for "-nan"). */
const NEG_NAN: number = (() => {
  const v = new DataView(new ArrayBuffer(8));
  v.setUint32(0, 0xfff80000);
  v.setUint32(4, 0);
  return v.getFloat64(0);
})();

/** Whether `s` has `word` (lower case) at `i`, ignoring case. */
function hasWord(s: string, i: number, word: string): boolean {
  if (i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(i + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * glibc strtod on `s` from `start`: the value and the offset where the
 * conversion stopped (`start` itself when nothing was converted).
 */
export function strtod(s: string, start = 0): { value: number; end: number } {
  const n = s.length;
  let i = start;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const sc = s.charCodeAt(i);
  if (sc === 45 || sc === 43) { neg = sc === 45; i++; }
  // inf, infinity, nan, nan(chars)
  if (hasWord(s, i, 'inf')) {
    const end = hasWord(s, i, 'infinity') ? i + 8 : i + 3;
    return { value: neg ? -Infinity : Infinity, end };
  }
  if (hasWord(s, i, 'nan')) {
    let end = i + 3;
    if (s.charCodeAt(end) === 40) { // '('
      let k = end + 1;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95) k++;
        else break;
      }
      if (s.charCodeAt(k) === 41) end = k + 1;
    }
    return { value: neg ? NEG_NAN : NaN, end };
  }
  // hexadecimal
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    let k = i + 2;
    let sig = '';
    let fracDigits = 0;
    while (k < n && hexValue(s.charCodeAt(k)) >= 0) sig += s.charAt(k++);
    if (s.charCodeAt(k) === 46) {
      let m = k + 1;
      let frac = '';
      while (m < n && hexValue(s.charCodeAt(m)) >= 0) frac += s.charAt(m++);
      if (sig.length > 0 || frac.length > 0) {
        k = m;
        sig += frac;
        fracDigits = frac.length;
      }
    }
    if (sig.length > 0) {
      let exp = 0;
      if ((s.charCodeAt(k) | 32) === 112) { // 'p'
        let m = k + 1;
        let eneg = false;
        const ec = s.charCodeAt(m);
        if (ec === 43 || ec === 45) { eneg = ec === 45; m++; }
        if (isDigit(s.charCodeAt(m))) {
          while (m < n && isDigit(s.charCodeAt(m))) {
            if (exp < 100000000) exp = exp * 10 + (s.charCodeAt(m) - 48);
            m++;
          }
          if (eneg) exp = -exp;
          k = m;
        }
      }
      const v = scaleBinary(BigInt('0x' + sig), exp - 4 * fracDigits);
      return { value: neg ? -v : v, end: k };
    }
    // "0x" without digits: only the 0 is a number.
    return { value: neg ? -0 : 0, end: i + 1 };
  }
  // decimal
  let k = i;
  let digits = 0;
  while (k < n && isDigit(s.charCodeAt(k))) { k++; digits++; }
  if (s.charCodeAt(k) === 46) {
    k++;
    while (k < n && isDigit(s.charCodeAt(k))) { k++; digits++; }
  }
  if (digits === 0) return { value: 0, end: start };
  let textEnd = k;
  if ((s.charCodeAt(k) | 32) === 101) { // 'e'
    let m = k + 1;
    const ec = s.charCodeAt(m);
    if (ec === 43 || ec === 45) m++;
    if (isDigit(s.charCodeAt(m))) {
      while (m < n && isDigit(s.charCodeAt(m))) m++;
      k = textEnd = m;
    }
  }
  const v = Number(s.slice(i, textEnd));
  return { value: neg ? -v : v, end: k };
}

/** The C string a Lua string is seen as: up to its first NUL. */
function cString(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/**
 * luaO_str2d of Lua 5.1: strtod, then only blanks may follow. (Its strtoul
 * fallback for hexadecimal numerals finds nothing glibc's strtod missed.)
 * undefined when the string is not a number.
 */
export function str2number51(str: string): number | undefined {
  const s = cString(str);
  const r = strtod(s);
  if (r.end === 0) return undefined;
  let i = r.end;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i === s.length ? r.value : undefined;
}

/**
 * tonumber(s, base) of Lua 5.1 (2 <= base <= 36): glibc strtoul, with at
 * least one digit and nothing but blanks after it. The unsigned long result
 * (negated modulo 2^64 after a '-', ULONG_MAX on overflow) as a double.
 */
export function strtoul51(str: string, base: number): number | undefined {
  const s = cString(str);
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  const sc = s.charCodeAt(i);
  if (sc === 45 || sc === 43) { neg = sc === 45; i++; }
  const digit = (c: number): number => {
    const d = isDigit(c) ? c - 48 : (c | 32) >= 97 && (c | 32) <= 122 ? (c | 32) - 87 : 99;
    return d < base ? d : -1;
  };
  if (base === 16 && s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120 && digit(s.charCodeAt(i + 2)) >= 0) i += 2;
  const first = i;
  const B = BigInt(base);
  let v = 0n;
  let overflow = false;
  while (i < n) {
    const d = digit(s.charCodeAt(i));
    if (d < 0) break;
    if (!overflow) {
      v = v * B + BigInt(d);
      if (v > 0xffffffffffffffffn) overflow = true;
    }
    i++;
  }
  if (i === first) return undefined;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i !== n) return undefined;
  if (overflow) return 18446744073709551615;
  return Number(neg && v !== 0n ? (1n << 64n) - v : v);
}
