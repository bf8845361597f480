// Lua 5.4 number semantics (lvm.c / llimits.h / lobject.c), without
// metamethods: every operation here takes operands that are already Lua
// numbers (number | bigint | LuaFloat, see value.ts) and returns a canonical
// Lua number. Errors are thrown as LuaArithError markers that the caller turns
// into Lua errors (adding variable info where lua5.4 does).
import { LuaFloat, mkFloat, mkInt, intFromNumber } from './value.js';
import type { LuaNumber, LuaInteger } from './value.js';
import { formatG, formatG14, bigTimesPow2 } from './numfmt.js';
import { E } from './engine.js';

export { formatG14, formatG, formatE, NAN_TEXT } from './numfmt.js';

export type ArithErrorKind = 'idiv0' | 'mod0' | 'noint';

const ARITH_MESSAGES: Record<ArithErrorKind, string> = {
  idiv0: 'attempt to divide by zero', // luaV_idiv (integer // 0)
  mod0: "attempt to perform 'n%0'", // luaV_mod (integer % 0); final text, already formatted
  noint: 'number has no integer representation', // luaG_tointerror, before varinfo
};

/** Marker thrown for arithmetic errors; `message` is lua5.4's text (without position/varinfo). */
export class LuaArithError {
  constructor(readonly kind: ArithErrorKind) {}
  get message(): string { return ARITH_MESSAGES[this.kind]; }
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const TWO63 = 9223372036854775808; // 2^63 as a double
const isInt = Number.isInteger;

/** 2^0 .. 2^63 as doubles (exact). */
const POW2: number[] = [];
for (let i = 0, p = 1; i < 64; i++, p *= 2) POW2.push(p);

function isIntV(v: LuaNumber): v is LuaInteger {
  return typeof v === 'number' ? isInt(v) : typeof v === 'bigint';
}
function fval(v: LuaNumber): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

// ---------------------------------------------------------------------------
// Arithmetic

export function numAdd(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (isInt(a) && isInt(b)) {
      if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
      return mkInt(BigInt(a) + BigInt(b));
    }
    return mkFloat(r);
  }
  if (isIntV(a) && isIntV(b)) return mkInt(BigInt(a) + BigInt(b));
  return mkFloat(fval(a) + fval(b));
}

export function numSub(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (isInt(a) && isInt(b)) {
      if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
      return mkInt(BigInt(a) - BigInt(b));
    }
    return mkFloat(r);
  }
  if (isIntV(a) && isIntV(b)) return mkInt(BigInt(a) - BigInt(b));
  return mkFloat(fval(a) - fval(b));
}

export function numMul(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (isInt(a) && isInt(b)) {
      // |exact| < 2^53 <=> the double product is exact and safe
      if (r >= -MAX_SAFE && r <= MAX_SAFE) return r === 0 ? 0 : r;
      return mkInt(BigInt(a) * BigInt(b));
    }
    return mkFloat(r);
  }
  if (isIntV(a) && isIntV(b)) return mkInt(BigInt(a) * BigInt(b));
  return mkFloat(fval(a) * fval(b));
}

/** `/`: always float. */
export function numDiv(a: LuaNumber, b: LuaNumber): number | LuaFloat {
  return mkFloat(fval(a) / fval(b));
}

/** C pow as used by luai_numpow (b == 2 -> a*a). */
export function floatPow(x: number, y: number): number {
  if (y === 2) return x * x;
  // C99 pow: pow(+1, y) == 1 for any y (even NaN); pow(-1, ±inf) == 1. JS gives NaN.
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  if (y >= 3 && y <= 256 && Number.isInteger(y)) {
    const p = intPow(x, y);
    if (p === p) return p;
  }
  const r = Math.pow(x, y);
  if (r === r) return r;
  // The NaN glibc's pow gives (its sign shows as "-nan"): a NaN y gives x + y
  // (x86: the first NaN operand); a NaN x gives x * x, negated when x's sign
  // bit is set and y is an odd integer; a negative x with a non-integer y
  // is an invalid operation (the default NaN).
  if (y !== y) return x !== x ? x : y;
  if (x !== x) return Number.isInteger(y) && Math.abs(y % 2) === 1 && signBit(x) ? -x : x;
  return DEFAULT_NAN;
}

/**
 * x^n for an integer 3 <= n <= 256, correctly rounded like glibc's pow (V8's
 * Math.pow is an ulp off for about one integer power in eleven: 7^65):
 * exponentiation by squaring in double-double arithmetic (about 104 bits).
 * NaN when an intermediate could overflow or lose precision (Math.pow then).
 */
function intPow(x: number, n: number): number {
  const ax = Math.abs(x);
  if (!(ax >= TINY && ax <= HUGE)) return NaN;
  let rh = 1, rl = 0, bh = x, bl = 0;
  for (;;) {
    if (n & 1) {
      const p = ddMul(rh, rl, bh, bl);
      rh = p.h; rl = p.l;
    }
    n >>>= 1;
    if (n === 0) break;
    const q = ddMul(bh, bl, bh, bl);
    bh = q.h; bl = q.l;
    const ab = Math.abs(bh);
    if (!(ab >= TINY && ab <= HUGE)) return NaN;
  }
  const ar = Math.abs(rh);
  return ar >= TINY && ar <= HUGE ? rh + rl : NaN;
}

/** Double-double bounds: splitting (Veltkamp) must not overflow, nor products lose bits in subnormals. */
const HUGE = 2 ** 480;
const TINY = 2 ** -480;
const SPLIT = 134217729; // 2^27 + 1

/** (ah + al) * (bh + bl) in double-double (Dekker's product, no FMA in JS). */
function ddMul(ah: number, al: number, bh: number, bl: number): { h: number; l: number } {
  const p = ah * bh;
  let c = SPLIT * ah;
  const ahh = c - (c - ah), ahl = ah - ahh;
  c = SPLIT * bh;
  const bhh = c - (c - bh), bhl = bh - bhh;
  let e = ((ahh * bhh - p) + ahh * bhl + ahl * bhh) + ahl * bhl;
  e += ah * bl + al * bh;
  const h = p + e;
  return { h, l: e - (h - p) };
}

const bits = new Float64Array(1);
const bitBytes = new Uint8Array(bits.buffer);

/** Whether a number's sign bit is set (also for NaN). */
function signBit(x: number): boolean {
  bits[0] = x;
  return bitBytes[7]! >= 0x80;
}

/** `^`: always float. */
export function numPow(a: LuaNumber, b: LuaNumber): number | LuaFloat {
  return mkFloat(floatPow(fval(a), fval(b)));
}

/** The NaN x86 produces for invalid operations (sign bit set: printed "-nan"). */
export const DEFAULT_NAN = new Float64Array(new Uint8Array([0, 0, 0, 0, 0, 0, 0xf8, 0xff]).buffer)[0];

/**
 * The NaN an x86 float operation on a and b produces: a NaN operand
 * propagates, otherwise the default NaN. (V8 may constant-fold `0/0` to a
 * NaN of the other sign, and lua5.4 prints the sign.)
 */
export function nanOf(a: number, b: number): number {
  return a !== a ? a : b !== b ? b : DEFAULT_NAN;
}

/** `/` on two raw JS numbers. */
export function divNumbers(a: number, b: number): number | LuaFloat {
  const r = a / b;
  return r !== r ? nanOf(a, b) : Number.isInteger(r) ? new LuaFloat(r) : r;
}

/** luai_nummod: fmod, then adjusted towards the sign of the divisor. */
export function floatMod(a: number, b: number): number {
  let m = a % b;
  // fmod(x, 0) and fmod(inf, y) give x86's default NaN, whose sign bit is set.
  if (m !== m && a === a && b === b) return DEFAULT_NAN;
  // fmod truncates; correct when m and b have opposite signs (lua5.4:
  // -5.0 % -math.huge == -5.0, -5.0 % math.huge == math.huge)
  if (m > 0 ? b < 0 : m < 0 && b > 0) m += b;
  return m;
}

/** `//` (floor division). Integer division by zero throws LuaArithError('idiv0'). */
export function numIdiv(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    if (isInt(a) && isInt(b)) {
      if (b === 0) throw new LuaArithError('idiv0');
      const m = a % b; // exact
      let q = (a - m) / b; // exact: a - m is a multiple of b
      if (m !== 0 && m < 0 !== b < 0) q -= 1;
      return q === 0 ? 0 : q;
    }
    return mkFloat(Math.floor(a / b));
  }
  if (isIntV(a) && isIntV(b)) {
    const x = BigInt(a), y = BigInt(b);
    if (y === 0n) throw new LuaArithError('idiv0');
    let q = x / y;
    const r = x % y;
    if (r !== 0n && r < 0n !== y < 0n) q -= 1n;
    return mkInt(q); // wraps minint // -1 to minint
  }
  return mkFloat(Math.floor(fval(a) / fval(b)));
}

/** `%` (floored). Integer modulo by zero throws LuaArithError('mod0'). */
export function numMod(a: LuaNumber, b: LuaNumber): LuaNumber {
  if (typeof a === 'number' && typeof b === 'number') {
    if (isInt(a) && isInt(b)) {
      if (b === 0) throw new LuaArithError('mod0');
      let m = a % b;
      if (m !== 0 && m < 0 !== b < 0) m += b;
      return m === 0 ? 0 : m;
    }
    return mkFloat(floatMod(a, b));
  }
  if (isIntV(a) && isIntV(b)) {
    const x = BigInt(a), y = BigInt(b);
    if (y === 0n) throw new LuaArithError('mod0');
    let m = x % y;
    if (m !== 0n && m < 0n !== y < 0n) m += y;
    return mkInt(m);
  }
  return mkFloat(floatMod(fval(a), fval(b)));
}

/** Unary minus (integers wrap: -minint == minint). */
export function numUnm(a: LuaNumber): LuaNumber {
  if (typeof a === 'number') return isInt(a) ? (a === 0 ? 0 : -a) : -a;
  if (typeof a === 'bigint') return mkInt(-a);
  return new LuaFloat(-a.n);
}

// ---------------------------------------------------------------------------
// Conversions

export type F2IMode = 'exact' | 'floor' | 'ceil';

/**
 * luaV_flttointns: a float to an integer. 'exact' fails on non-integral
 * values; 'floor'/'ceil' round. Fails (undefined) outside int64 range and for NaN.
 */
export function floatToInteger(f: number, mode: F2IMode = 'exact'): LuaInteger | undefined {
  let g = Math.floor(f);
  if (g !== f) {
    if (mode === 'exact' || g !== g) return undefined;
    if (mode === 'ceil') g += 1;
  }
  if (g >= -TWO63 && g < TWO63) return intFromNumber(g);
  return undefined;
}

/** luaV_tointegerns on a number: the integer for v, or undefined. */
export function toInteger(v: LuaNumber, mode: F2IMode = 'exact'): LuaInteger | undefined {
  if (typeof v === 'number') return isInt(v) ? v : floatToInteger(v, mode);
  if (typeof v === 'bigint') return v;
  return floatToInteger(v.n, mode);
}

/** The integer for v (exact conversion), or throw LuaArithError('noint'). Used by bitwise ops. */
export function toIntegerStrict(v: LuaNumber): LuaInteger {
  if (typeof v === 'number' && isInt(v)) return v;
  const r = toInteger(v);
  if (r === undefined) throw new LuaArithError('noint');
  return r;
}

/** The float with the value of v (integers converted, rounding to nearest). */
export function toFloat(v: LuaNumber): number | LuaFloat {
  if (typeof v === 'number') return isInt(v) ? new LuaFloat(v) : v;
  if (typeof v === 'bigint') return mkFloat(Number(v));
  return v;
}

/** tonumber-style coercion of any value: numbers as is, strings via str2number, else undefined. */
export function tonumber(v: unknown): LuaNumber | undefined {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return v;
  if (typeof v === 'string') return str2number(v);
  return undefined;
}

/** luaV_tointeger on any value (strings are converted first). */
export function tointeger(v: unknown, mode: F2IMode = 'exact'): LuaInteger | undefined {
  const n = tonumber(v);
  return n === undefined ? undefined : toInteger(n, mode);
}

// ---------------------------------------------------------------------------
// Bitwise (int64; floats with an exact integer value are converted, others throw 'noint')

function small32(a: LuaNumber, b: LuaNumber): boolean {
  return typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b;
}

export function numBand(a: LuaNumber, b: LuaNumber): LuaInteger {
  if (small32(a, b)) return (a as number) & (b as number);
  return mkInt(BigInt(toIntegerStrict(a)) & BigInt(toIntegerStrict(b)));
}

export function numBor(a: LuaNumber, b: LuaNumber): LuaInteger {
  if (small32(a, b)) return (a as number) | (b as number);
  return mkInt(BigInt(toIntegerStrict(a)) | BigInt(toIntegerStrict(b)));
}

export function numBxor(a: LuaNumber, b: LuaNumber): LuaInteger {
  if (small32(a, b)) return (a as number) ^ (b as number);
  return mkInt(BigInt(toIntegerStrict(a)) ^ BigInt(toIntegerStrict(b)));
}

export function numBnot(a: LuaNumber): LuaInteger {
  const x = toIntegerStrict(a);
  if (typeof x === 'number') {
    const r = -x - 1;
    if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
  }
  return mkInt(~BigInt(x));
}

/** luaV_shiftl on integers: y < 0 shifts right (logical); |y| >= 64 gives 0. */
export function shiftLeft(x: LuaInteger, y: LuaInteger): LuaInteger {
  if (typeof y === 'bigint' || y >= 64 || y <= -64) return 0;
  if (y >= 0) {
    if (typeof x === 'number') {
      const r = x * POW2[y]; // exact (a power-of-two scaling of a < 2^53 integer)
      if (r >= -MAX_SAFE && r <= MAX_SAFE) return r;
    }
    return mkInt(BigInt(x) << BigInt(y));
  }
  const s = -y;
  if (typeof x === 'number' && x >= 0) return Math.floor(x / POW2[s]);
  return mkInt(BigInt.asUintN(64, BigInt(x)) >> BigInt(s));
}

export function numShl(a: LuaNumber, b: LuaNumber): LuaInteger {
  return shiftLeft(toIntegerStrict(a), toIntegerStrict(b));
}

export function numShr(a: LuaNumber, b: LuaNumber): LuaInteger {
  const x = toIntegerStrict(a), y = toIntegerStrict(b);
  // luaV_shiftr(x, y) = luaV_shiftl(x, -y); any |y| >= 64 gives 0 either way
  return shiftLeft(x, typeof y === 'number' ? (y === 0 ? 0 : -y) : 64);
}

// ---------------------------------------------------------------------------
// Comparisons. JS compares bigint with number by exact mathematical value, so
// any mix of integer and float compares exactly (NaN is unordered).

export function numLt(a: LuaNumber, b: LuaNumber): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  return x < y;
}

export function numLe(a: LuaNumber, b: LuaNumber): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  return x <= y;
}

export function numEq(a: LuaNumber, b: LuaNumber): boolean {
  const x = a instanceof LuaFloat ? a.n : a;
  const y = b instanceof LuaFloat ? b.n : b;
  // eslint-disable-next-line eqeqeq
  return x == y;
}

// ---------------------------------------------------------------------------
// Number -> string (tostring / print / concatenation)

/** lua_Number2str ("%.14g") plus ".0" when the result looks like an integer. */
export function floatToString(x: number): string {
  const s = formatG14(x);
  // strspn(buff, "-0123456789") == len  ->  add ".0"
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 45 && (c < 48 || c > 57)) return s;
  }
  return s + '.0';
}

/** tostring() of a number: integers in decimal, floats as %.14g (see floatToString). */
export function tostringNumber(v: LuaNumber): string {
  // 5.1's numbers are all doubles: "%.14g", no ".0" (dialect.ts). (No running engine: a unit test of this module.)
  if (E?.dialect.numbers === 'double') return formatG14(typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n);
  if (typeof v === 'number') return isInt(v) ? String(v) : floatToString(v);
  if (typeof v === 'bigint') return v.toString();
  return floatToString(v.n);
}

// ---------------------------------------------------------------------------
// String -> number (luaO_str2num: l_str2int, then l_str2d)

/** Lua's lisspace: ' ', \t, \n, \v, \f, \r. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 32;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}

const INT64_MAX_N = (1n << 63n) - 1n;

/**
 * Converts a string to a Lua number exactly like lua5.4's tonumber/luaO_str2num:
 * surrounding whitespace, optional sign, decimal or hex integer (hex wraps
 * modulo 2^64; a decimal integer that overflows is read as a float), decimal
 * or hex float (optional 'p' exponent). No 'inf'/'nan', no trailing garbage,
 * no embedded "\0". Returns undefined when the string is not a numeral.
 */
export function str2number(s: string): LuaNumber | undefined {
  const r = str2int(s);
  return r !== undefined ? r : str2float(s);
}

/** l_str2int. */
export function str2int(s: string): LuaInteger | undefined {
  const len = s.length;
  let i = 0;
  while (i < len && isSpace(s.charCodeAt(i))) i++;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 45) { neg = true; i++; } else if (c === 43) i++;
  let result: LuaInteger;
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    i += 2;
    const start = i;
    let a = 0;
    while (i < len) {
      const h = hexValue(s.charCodeAt(i));
      if (h < 0) break;
      a = a * 16 + h;
      i++;
    }
    if (i === start) return undefined;
    if (i - start <= 13) result = neg ? (a === 0 ? 0 : -a) : a; // < 2^52
    else {
      const big = BigInt.asUintN(64, BigInt('0x' + s.slice(start, i)));
      result = mkInt(neg ? -big : big);
    }
  } else {
    const start = i;
    let a = 0;
    while (i < len && isDigit((c = s.charCodeAt(i)))) { a = a * 10 + (c - 48); i++; }
    if (i === start) return undefined;
    if (i - start <= 15) result = neg ? (a === 0 ? 0 : -a) : a; // < 10^15 < 2^53
    else {
      let big = BigInt(s.slice(start, i));
      if (big > INT64_MAX_N + (neg ? 1n : 0n)) return undefined; // overflow: read as float
      result = mkInt(neg ? -big : big);
    }
  }
  while (i < len && isSpace(s.charCodeAt(i))) i++;
  return i === len ? result : undefined;
}

/** l_str2d (strtod on decimal or hexadecimal numerals; 'inf'/'nan' rejected). */
export function str2float(s: string): number | LuaFloat | undefined {
  const len = s.length;
  let i = 0;
  while (i < len && isSpace(s.charCodeAt(i))) i++;
  const start = i;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 45) { neg = true; i++; } else if (c === 43) i++;
  let value: number;
  if (s.charCodeAt(i) === 48 && (s.charCodeAt(i + 1) | 32) === 120) {
    i += 2;
    let digits = '';
    let fracDigits = 0;
    const intStart = i;
    while (i < len && hexValue(s.charCodeAt(i)) >= 0) i++;
    digits = s.slice(intStart, i);
    if (s.charCodeAt(i) === 46) {
      i++;
      const fs = i;
      while (i < len && hexValue(s.charCodeAt(i)) >= 0) i++;
      fracDigits = i - fs;
      digits += s.slice(fs, i);
    }
    if (digits.length === 0) return undefined; // strtod reads just "0"; "x..." is garbage
    let exp = 0;
    if ((s.charCodeAt(i) | 32) === 112) {
      let j = i + 1;
      let eneg = false;
      c = s.charCodeAt(j);
      if (c === 45) { eneg = true; j++; } else if (c === 43) j++;
      if (isDigit(s.charCodeAt(j))) {
        while (j < len && isDigit((c = s.charCodeAt(j)))) {
          if (exp < 1e8) exp = exp * 10 + (c - 48);
          j++;
        }
        if (eneg) exp = -exp;
        i = j;
      }
    }
    value = bigTimesPow2(BigInt('0x' + digits), exp - 4 * fracDigits);
  } else {
    let nd = 0;
    while (i < len && isDigit(s.charCodeAt(i))) { i++; nd++; }
    if (s.charCodeAt(i) === 46) {
      i++;
      while (i < len && isDigit(s.charCodeAt(i))) { i++; nd++; }
    }
    if (nd === 0) return undefined;
    if ((s.charCodeAt(i) | 32) === 101) {
      let j = i + 1;
      c = s.charCodeAt(j);
      if (c === 45 || c === 43) j++;
      if (isDigit(s.charCodeAt(j))) {
        while (j < len && isDigit(s.charCodeAt(j))) j++;
        i = j;
      }
    }
    value = Number(s.slice(neg || s.charCodeAt(start) === 43 ? start + 1 : start, i));
  }
  while (i < len && isSpace(s.charCodeAt(i))) i++;
  if (i !== len) return undefined;
  return mkFloat(neg ? -value : value);
}
