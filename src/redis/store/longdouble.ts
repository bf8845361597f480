// INCRBYFLOAT and HINCRBYFLOAT compute in C's long double, which on the
// x86-64 servers Redis runs on is the 80-bit extended format: a 64-bit
// significand, exponents down to 2^-16445 (subnormal). Redis reads the
// operands with strtold, adds them, and writes the sum with "%.17Lf" with
// trailing zeros (and a bare '.') removed, '-0' written '0' (ld2string's
// LD_STR_HUMAN mode). This module does the same exactly, with BigInt:
// correctly rounded parsing, one correctly rounded addition, exact printing.
import { latin1 } from '../resp.js';

/** A finite extended-precision value: (neg ? -1 : 1) * m * 2^e, m < 2^64. */
export interface LongDouble {
  neg: boolean;
  m: bigint;
  e: number;
}

const MANT_BITS = 64;
/** The exponent of the least significant bit of the smallest subnormal. */
const MIN_E = -16445;
/** The largest e with a 64-bit m that is still finite. */
const MAX_E = 16383 - 63;
/** Redis's MAX_LONG_DOUBLE_CHARS: longer inputs are not numbers. */
const MAX_CHARS = 5 * 1024;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * Rounds (neg) s * 2^e0 to the format (half to even), or returns null on
 * overflow. `sticky` says nonzero bits were dropped below s already.
 */
function round(neg: boolean, s: bigint, e0: number, sticky = false): LongDouble | null {
  if (s === 0n) return { neg, m: 0n, e: 0 };
  const shift = Math.max(bitLength(s) - MANT_BITS, MIN_E - e0);
  let m = s;
  let e = e0;
  if (shift > 0) {
    const big = BigInt(shift);
    m = s >> big;
    const rest = s - (m << big);
    const half = 1n << (big - 1n);
    if (rest > half || (rest === half && (sticky || (m & 1n) === 1n))) m += 1n;
    e += shift;
    if (m === 1n << 64n) {
      m >>= 1n;
      e += 1;
    }
  } else if (shift < 0) {
    m = s << BigInt(-shift);
    e += shift;
  }
  if (e > MAX_E) return null;
  return { neg, m, e };
}

/**
 * Redis's string2ld: strtold on the whole string, no leading space, no NaN,
 * no overflow, no underflow to zero. `inf` and `infinity` are read (as
 * 'inf'), so that the caller can give its NaN-or-Infinity error. Hex floats
 * are not read (a known difference, see docs).
 */
export function parseLongDouble(b: Uint8Array): LongDouble | 'inf' | null {
  if (b.length === 0 || b.length >= MAX_CHARS) return null;
  const text = latin1(b);
  if (/^[+-]?(inf|infinity)$/i.test(text)) return 'inf';
  const g = DECIMAL.exec(text);
  if (!g) return null;
  const [, sign, intPart = '', fracPart = '', expPart] = g;
  if (intPart === '' && fracPart === '') return null;
  if (intPart === '' && !text.includes('.')) return null;
  const neg = sign === '-';
  const digits = BigInt((intPart + fracPart).replace(/^0+(?=.)/, '') || '0');
  if (digits === 0n) return { neg, m: 0n, e: 0 };
  const exp10 = Number(expPart ?? '0') - fracPart.length;
  const magnitude = exp10 + (intPart + fracPart).replace(/^0+/, '').length;
  if (magnitude > 4940) return null; // above the largest value: overflow
  if (magnitude < -4960) return null; // below the smallest subnormal: underflow to zero
  let num = digits;
  let den = 1n;
  if (exp10 >= 0) num *= 10n ** BigInt(exp10); else den = 10n ** BigInt(-exp10);
  // A quotient with at least 66 significant bits, plus a sticky bit.
  const k = MANT_BITS + 2 + bitLength(den) - bitLength(num);
  let q: bigint;
  let rem: bigint;
  if (k >= 0) {
    const n = num << BigInt(k);
    q = n / den;
    rem = n - q * den;
  } else {
    const d = den << BigInt(-k);
    q = num / d;
    rem = num - q * d;
  }
  const r = round(neg, q, -k, rem !== 0n);
  if (r === null || r.m === 0n) return null;
  return r;
}

/** a + b rounded once, or null when the sum overflows to infinity. */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble | null {
  const e0 = Math.min(a.e, b.e);
  const sa = (a.neg ? -a.m : a.m) << BigInt(a.e - e0);
  const sb = (b.neg ? -b.m : b.m) << BigInt(b.e - e0);
  const s = sa + sb;
  // An exact zero sum is +0 unless both were negative (round to nearest).
  if (s === 0n) return { neg: a.neg && b.neg, m: 0n, e: 0 };
  return round(s < 0n, s < 0n ? -s : s, e0);
}

/** "%.17Lf" with trailing zeros and a final '.' removed, and '-0' as '0'. */
export function formatLongDouble(v: LongDouble): string {
  const scale = 10n ** 17n;
  let q: bigint;
  if (v.e >= 0) {
    q = (v.m << BigInt(v.e)) * scale;
  } else {
    const sh = BigInt(-v.e);
    const n = v.m * scale;
    q = n >> sh;
    const rest = n - (q << sh);
    const half = 1n << (sh - 1n);
    if (rest > half || (rest === half && (q & 1n) === 1n)) q += 1n;
  }
  const whole = (q / scale).toString();
  const frac = (q % scale).toString().padStart(17, '0').replace(/0+$/, '');
  const text = (v.neg ? '-' : '') + whole + (frac === '' ? '' : '.' + frac);
  return text === '-0' ? '0' : text;
}
