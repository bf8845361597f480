// Numbers as Redis reads and writes them: string2ll's strict integers,
// strtod's doubles (as getDoubleFromObject accepts them), and %.17g
// formatting of doubles (Redis 7.0's addReplyDouble), rounded exactly as
// glibc's printf does (half to even on the exact binary value).
import { latin1 } from '../resp.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Redis's string2ll: an optional '-', then digits without leading zeros
 * ('0' alone is fine, '-0', '+1', ' 1' and '' are not), within int64.
 */
export function parseInteger(b: Uint8Array): bigint | null {
  const n = b.length;
  if (n === 0 || n > 20) return null;
  let i = 0;
  if (b[0] === 45 /* - */) {
    i = 1;
    if (n === 1) return null;
  }
  if (b[i] === 48 /* 0 */) return n === 1 ? 0n : null;
  let small = 0;
  for (let j = i; j < n; j++) {
    const d = b[j]! - 48;
    if (d < 0 || d > 9) return null;
    small = small * 10 + d;
  }
  if (n - i <= 15) return BigInt(i === 1 ? -small : small); // exact in a double: no text to parse
  const v = BigInt(latin1(b));
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/** parseInteger's value (of b[from..to)) as a number, exact up to 2^53 and approximate beyond: counts, lengths and indexes. */
export function parseIntegerNumber(b: Uint8Array, from = 0, to = b.length): number | null {
  const n = to - from;
  if (n <= 0 || n > 20) return null;
  const negative = b[from] === 0x2d;
  const i = negative ? from + 1 : from;
  if (i === to) return null;
  if (b[i] === 0x30) return n === 1 ? 0 : null;
  if (to - i > 19) return null;
  let v = 0;
  for (let j = i; j < to; j++) {
    const d = b[j]! - 0x30;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  // Up to 15 digits the double is exact; longer ones are checked against int64's range exactly.
  if (to - i <= 15) return negative ? -v : v;
  const big = BigInt(latin1(b.subarray(from, to)));
  if (big > 9223372036854775807n || big < -9223372036854775808n) return null;
  return Number(big);
}

/** Whether an integer result fits in a signed 64-bit integer. */
export function fitsInt64(v: bigint): boolean {
  return v >= INT64_MIN && v <= INT64_MAX;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)(inf|infinity)$/i;

/**
 * A double as Redis's getDoubleFromObject reads one with strtod: no leading
 * space, nothing after the number, 'inf'/'infinity' in any case, no NaN,
 * and neither overflow to infinity nor underflow to zero (strtod's ERANGE).
 * Hexadecimal floats ('0x1p3'), which strtod also reads, are not accepted
 * here (see docs: a known difference).
 */
export function parseDouble(b: Uint8Array): number | null {
  if (b.length === 0 || b.length > 5000) return null;
  const text = latin1(b);
  const inf = INFINITY.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (!DECIMAL.test(text)) return null;
  const v = Number(text);
  if (!Number.isFinite(v)) return null; // overflow: ERANGE with HUGE_VAL
  if (v === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ''))) return null; // underflow to zero: ERANGE
  return v;
}

/** A double as C's "%.17g" (glibc), with Redis's 'inf' and '-inf'. */
export function formatDouble(d: number): string {
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isNaN(d)) return 'nan';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  if (Number.isSafeInteger(d)) return String(d); // at most 16 digits: %.17g prints them all, no exponent
  // 17 significant digits: V8 rounds ties away from zero, glibc to even.
  // A tie at 17 digits means the exact value has 18 digits ending in 5,
  // which toExponential(17) shows exactly; only then round by hand.
  const e18 = d.toExponential(17);
  let digits: string;
  let exp: number;
  if (e18[e18.indexOf('e') - 1] === '5') {
    ({ digits, exp } = exactDigits17(d));
  } else {
    const e17 = d.toExponential(16);
    const at = e17.indexOf('e');
    digits = e17.slice(0, at).replace('-', '').replace('.', '');
    exp = Number(e17.slice(at + 1));
  }
  return (d < 0 ? '-' : '') + gStyle(digits, exp, 17);
}

/** 17 significant digits of |d| rounded half to even, and the decimal exponent of the first. */
function exactDigits17(d: number): { digits: string; exp: number } {
  const { m, e } = decompose(Math.abs(d));
  let exp = Number(Math.abs(d).toExponential(17).split('e')[1]);
  // value = m * 2^e; scaled = value * 10^(16 - exp), rounded to an integer.
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e); else den <<= BigInt(-e);
  const p = 16 - exp;
  if (p >= 0) num *= 10n ** BigInt(p); else den *= 10n ** BigInt(-p);
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  if (q >= 10n ** 17n) {
    q /= 10n;
    exp += 1;
  }
  return { digits: q.toString(), exp };
}

/** A positive finite double as m * 2^e with an integer m. */
export function decompose(d: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { m: frac, e: -1074 };
  return { m: frac | (1n << 52n), e: biased - 1075 };
}

/** %g's choice between fixed and exponent notation, trailing zeros removed. */
function gStyle(digits: string, exp: number, precision: number): string {
  if (exp < -4 || exp >= precision) {
    let mant = digits[0]! + '.' + digits.slice(1);
    mant = mant.replace(/\.?0+$/, '');
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${mant}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  let text: string;
  if (exp >= 0) {
    text = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    text = '0.' + '0'.repeat(-exp - 1) + digits;
  }
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
