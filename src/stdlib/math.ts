// The math library (lmathlib.c of Lua 5.4), including 5.4's pseudo-random
// generator xoshiro256** with the same seeding, float conversion and range
// projection as the reference, so that seeded sequences match lua5.4 exactly.

import { E } from '../runtime/engine.js';
import { LuaTable } from '../runtime/table.js';
import * as ops from './lauxlib.js';
import * as N from '../runtime/number.js';
import { LuaFloat, intFromNumber, mkFloat, mkInt, toJsNumber, type LuaInteger, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import {
  argError, checkAny, checkInteger, checkNumber, luaError, optInteger, registerHostFunction, setFuncs, type Args,
} from './lauxlib.js';

const TWO63 = 9223372036854775808; // 2^63 as a double
const TWO32 = 4294967296;
const MAXINTEGER = mkInt((1n << 63n) - 1n);
const MININTEGER = mkInt(-(1n << 63n));

// NaN signs: lua5.4 prints a NaN with its sign bit set as "-nan" (glibc). V8
// propagates the sign of NaN operands like the C library does, but where the C
// library creates a NaN (domain errors) the two can differ; those cases are
// fixed up below to give what glibc on x86-64 gives.

/** The "default NaN" of x86-64 (sign bit set), printed "-nan". */
export const NEG_NAN: number = (() => {
  const v = new DataView(new ArrayBuffer(8));
  v.setUint32(0, 0xfff80000);
  v.setUint32(4, 0);
  return v.getFloat64(0);
})();

/** C log: a NaN argument propagates, a negative one gives -nan. */
export function cLog(x: number): number {
  if (x !== x) return x;
  return x < 0 ? NEG_NAN : Math.log(x);
}

/** C log2. */
function cLog2(x: number): number {
  if (x !== x) return x;
  return x < 0 ? NEG_NAN : Math.log2(x);
}

/** C log10 (glibc gives a positive NaN for negative arguments). */
export function cLog10(x: number): number {
  return x !== x ? x : x < 0 ? NaN : Math.log10(x);
}

/** luaL_checknumber: the argument as a C double. */
function checkNum(args: Args, i: number): number {
  const v = args[i];
  if (typeof v === 'number') return v;
  return toJsNumber(checkNumber(args, i));
}

/** luaL_optnumber. */
function optNum(args: Args, i: number, def: number): number {
  return args[i] === undefined ? def : checkNum(args, i);
}

/** lua_isinteger: an integer value (not a string). */
function isIntegerValue(v: unknown): v is LuaInteger {
  return typeof v === 'number' ? Number.isInteger(v) : typeof v === 'bigint';
}

/** A float result. */
function flt(x: number): number | LuaFloat {
  return Number.isInteger(x) ? new LuaFloat(x) : x;
}

/** pushnumint: the integral double d as an integer when it fits, else as a float. */
function pushnumint(d: number): LuaValue {
  if (d >= -TWO63 && d < TWO63) return intFromNumber(d);
  return mkFloat(d);
}

// ------------------------------------------------------------ basic functions

function math_abs(...args: Args): LuaValue {
  const v = args[0];
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v < 0 ? -v : v;
    return Math.abs(v);
  }
  if (typeof v === 'bigint') return v < 0n ? mkInt(-v) : v;
  if (v instanceof LuaFloat) return new LuaFloat(Math.abs(v.n));
  return flt(Math.abs(checkNum(args, 0)));
}

function math_sin(...args: Args): LuaValue { return flt(Math.sin(checkNum(args, 0))); }
function math_cos(...args: Args): LuaValue { return flt(Math.cos(checkNum(args, 0))); }
function math_tan(...args: Args): LuaValue { return flt(Math.tan(checkNum(args, 0))); }
function math_asin(...args: Args): LuaValue {
  const x = checkNum(args, 0);
  return flt(x !== x ? x : Math.asin(x));
}
function math_acos(...args: Args): LuaValue {
  const x = checkNum(args, 0);
  return flt(x !== x ? x : Math.acos(x));
}

function math_atan(...args: Args): LuaValue {
  const y = checkNum(args, 0);
  const x = optNum(args, 1, 1);
  return flt(Math.atan2(y, x));
}

function math_toint(...args: Args): LuaValue {
  const v = args[0];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const r = N.tointeger(v);
  if (r !== undefined) return r;
  checkAny(args, 0);
  return undefined;
}

function math_floor(...args: Args): LuaValue {
  const v = args[0];
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    const r = Math.floor(v); // |v| < 2^52 here, or NaN/inf
    return r === r && r !== Infinity && r !== -Infinity ? r + 0 : r;
  }
  if (typeof v === 'bigint') return v;
  return pushnumint(Math.floor(checkNum(args, 0)));
}

function math_ceil(...args: Args): LuaValue {
  const v = args[0];
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v;
    const r = Math.ceil(v);
    return r === r && r !== Infinity && r !== -Infinity ? r + 0 : r;
  }
  if (typeof v === 'bigint') return v;
  return pushnumint(Math.ceil(checkNum(args, 0)));
}

function math_fmod(...args: Args): LuaValue {
  const a = args[0], b = args[1];
  if (isIntegerValue(a) && isIntegerValue(b)) {
    if (typeof b === 'number' && (b === 0 || b === -1)) {
      if (b === 0) argError(2, 'zero');
      return 0; // avoids overflow with mininteger % -1
    }
    if (typeof a === 'number' && typeof b === 'number') {
      const r = a % b; // truncated, like C
      return r + 0; // no -0 integers
    }
    return mkInt(BigInt(a) % BigInt(b));
  }
  // lmathlib calls fmod(luaL_checknumber(L, 1), luaL_checknumber(L, 2)); gcc
  // evaluates those arguments right to left, so argument #2 is checked first
  const y = checkNum(args, 1);
  const x = checkNum(args, 0);
  if (x !== x) return x;
  if (y !== y) return y;
  if (y === 0 || x === Infinity || x === -Infinity) return NEG_NAN;
  return flt(x % y); // JS % on doubles is C fmod
}

function math_modf(...args: Args): LuaValue {
  const v = args[0];
  if (isIntegerValue(v)) return [v, new LuaFloat(0)];
  const n = checkNum(args, 0);
  const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
  // fractional part (the test is needed for inf/-inf)
  return [pushnumint(ip), flt(n === ip ? 0 : n - ip)];
}

function math_sqrt(...args: Args): LuaValue { return flt(Math.sqrt(checkNum(args, 0))); }

function math_ult(...args: Args): boolean {
  const a = checkInteger(args, 0);
  const b = checkInteger(args, 1);
  if (typeof a === 'number' && typeof b === 'number' && a >= 0 && b >= 0) return a < b;
  return BigInt.asUintN(64, BigInt(a)) < BigInt.asUintN(64, BigInt(b));
}

function math_log(...args: Args): LuaValue {
  const x = checkNum(args, 0);
  let res: number;
  if (args[1] === undefined) res = cLog(x);
  else {
    const base = checkNum(args, 1);
    if (base === 2) res = cLog2(x);
    else if (base === 10) res = cLog10(x);
    else res = cLog(x) / cLog(base);
  }
  return flt(res);
}

function math_exp(...args: Args): LuaValue { return flt(Math.exp(checkNum(args, 0))); }
function math_deg(...args: Args): LuaValue { return flt(checkNum(args, 0) * (180 / Math.PI)); }
function math_rad(...args: Args): LuaValue { return flt(checkNum(args, 0) * (Math.PI / 180)); }

function lessThan(a: LuaValue, b: LuaValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return ops.lt(a, b);
}

function math_min(...args: Args): LuaValue {
  const n = args.length;
  if (n < 1) argError(1, 'value expected');
  let imin = 0;
  for (let i = 1; i < n; i++) {
    if (lessThan(args[i], args[imin])) imin = i;
  }
  return args[imin];
}

function math_max(...args: Args): LuaValue {
  const n = args.length;
  if (n < 1) argError(1, 'value expected');
  let imax = 0;
  for (let i = 1; i < n; i++) {
    if (lessThan(args[imax], args[i])) imax = i;
  }
  return args[imax];
}

function math_type(...args: Args): LuaValue {
  const v = args[0];
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'float';
  if (typeof v === 'bigint') return 'integer';
  if (v instanceof LuaFloat) return 'float';
  checkAny(args, 0);
  return undefined;
}

// ------------------------------------------------------------ LUA_COMPAT_MATHLIB
// The Debian/Ubuntu lua5.4 (our reference) is built with LUA_COMPAT_5_3, which
// keeps 5.3's deprecated math functions: cosh, sinh, tanh, pow, frexp, ldexp,
// log10 and atan2 (an alias of atan).

function math_cosh(...args: Args): LuaValue { return flt(Math.cosh(checkNum(args, 0))); }
function math_sinh(...args: Args): LuaValue { return flt(Math.sinh(checkNum(args, 0))); }
function math_tanh(...args: Args): LuaValue { return flt(Math.tanh(checkNum(args, 0))); }
function math_log10(...args: Args): LuaValue { return flt(cLog10(checkNum(args, 0))); }

function math_pow(...args: Args): LuaValue {
  const x = checkNum(args, 0);
  const y = checkNum(args, 1);
  // C pow: NaN operands propagate (except pow(1, y) and pow(x, 0)); a domain error gives -nan
  if (x === 1 || y === 0) return new LuaFloat(1);
  if (x !== x) return x;
  if (y !== y) return y;
  const r = N.floatPow(x, y);
  return flt(r !== r ? NEG_NAN : r);
}

const dv = new DataView(new ArrayBuffer(8));

/** C frexp: x = m * 2^e with 0.5 <= |m| < 1 (m = x, e = 0 for 0, inf and NaN). */
export function frexp(x: number): [number, number] {
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) return [x, 0];
  let e = 0;
  if (Math.abs(x) < 2.2250738585072014e-308) { x *= 18446744073709551616; e = -64; } // subnormal: * 2^64
  dv.setFloat64(0, x);
  const hi = dv.getUint32(0);
  e += ((hi >>> 20) & 0x7ff) - 1022;
  dv.setUint32(0, (hi & 0x800fffff) | (1022 << 20));
  return [dv.getFloat64(0), e];
}

/** C ldexp: x * 2^n with a single rounding. */
export function ldexp(x: number, n: number): number {
  if (n > 1023) {
    x *= 8.98846567431158e307; // 2^1023
    n -= 1023;
    if (n > 1023) {
      x *= 8.98846567431158e307;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // scale by 2^-969 (= 2^-1022 * 2^53) so that no bits are lost before the last step
    x *= 2.0041683600089728e-292;
    n += 969;
    if (n < -1022) {
      x *= 2.0041683600089728e-292;
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return x * Math.pow(2, n);
}

function math_frexp(...args: Args): LuaValue {
  const [m, e] = frexp(checkNum(args, 0));
  return [flt(m), e];
}

function math_ldexp(...args: Args): LuaValue {
  const x = checkNum(args, 0);
  const e = checkInteger(args, 1);
  const ep = typeof e === 'number' && e >= -2147483648 && e <= 2147483647 ? e : Number(BigInt.asIntN(32, BigInt(e))); // (int) cast
  return flt(ldexp(x, ep));
}

// ------------------------------------------------------------ xoshiro256**

/**
 * The state of xoshiro256** as four 64-bit words, each kept as two uint32
 * halves (h = high, l = low), so that the hot path needs no BigInt.
 */
export class Xoshiro {
  s0h = 0; s0l = 0; s1h = 0; s1l = 0; s2h = 0; s2l = 0; s3h = 0; s3l = 0;
  /** The last output, set by next(). */
  rh = 0; rl = 0;

  /** nextrand: advances the state; the 64-bit output is left in (rh, rl). */
  next(): void {
    const s0h = this.s0h, s0l = this.s0l, s1h = this.s1h, s1l = this.s1l;
    // res = rotl(s1 * 5, 7) * 9
    let lo = s1l * 5;
    let hi = (s1h * 5 + Math.floor(lo / TWO32)) >>> 0;
    lo >>>= 0;
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0;
    const rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    lo = rl * 9;
    hi = (rh * 9 + Math.floor(lo / TWO32)) >>> 0;
    this.rh = hi;
    this.rl = lo >>> 0;
    // state update
    const s2h = (this.s2h ^ s0h) >>> 0, s2l = (this.s2l ^ s0l) >>> 0; // s2 ^= s0
    const s3h = (this.s3h ^ s1h) >>> 0, s3l = (this.s3l ^ s1l) >>> 0; // s3 ^= s1
    this.s1h = (s1h ^ s2h) >>> 0; this.s1l = (s1l ^ s2l) >>> 0; // s1 ^= s2
    this.s0h = (s0h ^ s3h) >>> 0; this.s0l = (s0l ^ s3l) >>> 0; // s0 ^= s3
    // s2 ^= s1 << 17 (the old s1)
    this.s2h = (s2h ^ ((s1h << 17) | (s1l >>> 15))) >>> 0;
    this.s2l = (s2l ^ (s1l << 17)) >>> 0;
    // s3 = rotl(s3, 45): swap halves (rotl 32), then rotl 13
    this.s3h = ((s3l << 13) | (s3h >>> 19)) >>> 0;
    this.s3l = ((s3h << 13) | (s3l >>> 19)) >>> 0;
  }

  /** setseed: state from two integers, then 16 discarded outputs. */
  seed(n1: LuaInteger, n2: LuaInteger): void {
    [this.s0h, this.s0l] = halves(n1);
    this.s1h = 0; this.s1l = 0xff;
    [this.s2h, this.s2l] = halves(n2);
    this.s3h = 0; this.s3l = 0;
    for (let i = 0; i < 16; i++) this.next();
  }

  /** I2d: the top 53 bits of the last output as a float in [0, 1). */
  float(): number {
    return (this.rh * 2097152 + (this.rl >>> 11)) * 1.1102230246251565e-16; // * 2^-53
  }

  /** I2Int: the last output as a (signed) Lua integer. */
  integer(): LuaInteger {
    const h = this.rh | 0;
    if (h >= -2097152 && h < 2097152) return h * TWO32 + this.rl; // |value| < 2^53
    return mkInt((BigInt(this.rh) << 32n) | BigInt(this.rl));
  }

  /** The last output as an unsigned BigInt. */
  unsigned(): bigint {
    return (BigInt(this.rh) << 32n) | BigInt(this.rl);
  }
}

/** A Lua integer as the two uint32 halves of its 64-bit two's complement. */
function halves(n: LuaInteger): [number, number] {
  if (typeof n === 'number') return [Math.floor(n / TWO32) >>> 0, n >>> 0];
  const u = BigInt.asUintN(64, n);
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

/** 'project' for a range n < 2^32: the smallest 2^b-1 >= n as a mask, with rejection. */
function project32(g: Xoshiro, n: number): number {
  let lim = n;
  lim |= lim >>> 1;
  lim |= lim >>> 2;
  lim |= lim >>> 4;
  lim |= lim >>> 8;
  lim |= lim >>> 16;
  lim >>>= 0;
  let r = (g.rl & lim) >>> 0;
  while (r > n) {
    g.next();
    r = (g.rl & lim) >>> 0;
  }
  return r;
}

/** 'project' for any 64-bit range n (unsigned). */
function project64(g: Xoshiro, n: bigint): bigint {
  let lim = n;
  lim |= lim >> 1n;
  lim |= lim >> 2n;
  lim |= lim >> 4n;
  lim |= lim >> 8n;
  lim |= lim >> 16n;
  lim |= lim >> 32n;
  let r = g.unsigned() & lim;
  while (r > n) {
    g.next();
    r = g.unsigned() & lim;
  }
  return r;
}

/** Creates math.random and math.randomseed over one generator state. */
export function makeRandom(g: Xoshiro): { random: (...args: Args) => LuaValue; randomseed: (...args: Args) => LuaValue } {
  function math_random(...args: Args): LuaValue {
    g.next(); // the next value is drawn before the arguments are checked
    let low: LuaInteger, up: LuaInteger;
    switch (args.length) {
      case 0:
        return flt(g.float());
      case 1:
        low = 1;
        up = checkInteger(args, 0);
        if (up === 0) return g.integer();
        break;
      case 2:
        low = checkInteger(args, 0);
        up = checkInteger(args, 1);
        break;
      default:
        return luaError('wrong number of arguments');
    }
    if (!(low <= up)) argError(1, 'interval is empty');
    if (typeof low === 'number' && typeof up === 'number' && up - low < TWO32) {
      return low + project32(g, up - low);
    }
    const n = BigInt.asUintN(64, BigInt(up) - BigInt(low));
    return mkInt(project64(g, n) + BigInt(low));
  }

  function math_randomseed(...args: Args): LuaValue {
    let n1: LuaInteger, n2: LuaInteger;
    if (args.length === 0) {
      n1 = Math.floor(Date.now() / 1000);
      n2 = Math.floor(Math.random() * 2 ** 48);
    } else {
      n1 = checkInteger(args, 0);
      n2 = optInteger(args, 1, 0);
    }
    g.seed(n1, n2);
    return [n1, n2];
  }

  // Named now: each state's pair is new (errors name them by their registration, errors.ts).
  registerHostFunction(math_random, 'math.random');
  registerHostFunction(math_randomseed, 'math.randomseed');
  return { random: math_random, randomseed: math_randomseed };
}

/**
 * lua5.3's math.random and math.randomseed (DialectSpec `random: '5.3'`):
 * a C `random()`-like draw of 31 bits scaled to the interval (which must
 * hold at most maxinteger values: "interval too large"), `random(0)` is an
 * empty interval, and randomseed takes one number and returns nothing. The
 * values come from the same generator as 5.4's, so sequences differ from
 * lua5.3's.
 */
function makeRandom53(g: Xoshiro): { random: (...args: Args) => LuaValue; randomseed: (...args: Args) => LuaValue } {
  function math_random53(...args: Args): LuaValue {
    g.next();
    const r = Math.floor(g.float() * 2 ** 31) / 2 ** 31;
    let low: LuaInteger, up: LuaInteger;
    switch (args.length) {
      case 0:
        return flt(r);
      case 1:
        low = 1;
        up = checkInteger(args, 0);
        break;
      case 2:
        low = checkInteger(args, 0);
        up = checkInteger(args, 1);
        break;
      default:
        return luaError('wrong number of arguments');
    }
    if (!(low <= up)) argError(1, 'interval is empty');
    const lo = BigInt(low), hi = BigInt(up);
    if (!(lo >= 0n || hi <= ((1n << 63n) - 1n) + lo)) argError(1, 'interval too large');
    // (lua_Integer)(r * ((double)(up - low) + 1.0)) + low
    const scaled = r * (Number(hi - lo) + 1);
    return mkInt(BigInt.asIntN(64, BigInt(Math.trunc(scaled)) + lo));
  }

  function math_randomseed53(...args: Args): LuaValue {
    const n = checkNumber(args, 0);
    const x = typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
    g.seed(Number.isFinite(x) ? Math.trunc(x) : 0, 0);
    g.next(); // 5.3 discards the first value
    return ops.EMPTY;
  }

  return { random: math_random53, randomseed: math_randomseed53 };
}

// ------------------------------------------------------------ the library

export function openMath(L: LuaState): void {
  const M = new LuaTable();
  const g = new Xoshiro();
  g.seed(Math.floor(Date.now() / 1000), Math.floor(Math.random() * 2 ** 48));
  // (Library tests open math into a bare pair of tables, with no engine: the running one's dialect then.)
  const { random, randomseed } = (L.engine?.dialect ?? E.dialect).random === '5.3' ? makeRandom53(g) : makeRandom(g);
  setFuncs(M, 'math.', {
    abs: math_abs, ceil: math_ceil, floor: math_floor, fmod: math_fmod, modf: math_modf,
    sqrt: math_sqrt, exp: math_exp, log: math_log, sin: math_sin, cos: math_cos, tan: math_tan,
    asin: math_asin, acos: math_acos, atan: math_atan, deg: math_deg, rad: math_rad,
    tointeger: math_toint, ult: math_ult, min: math_min, max: math_max, type: math_type,
    random, randomseed,
    // LUA_COMPAT_MATHLIB
    atan2: math_atan, cosh: math_cosh, sinh: math_sinh, tanh: math_tanh, pow: math_pow,
    frexp: math_frexp, ldexp: math_ldexp, log10: math_log10,
  });
  M.setStr('pi', Math.PI);
  M.setStr('huge', Infinity);
  M.setStr('maxinteger', MAXINTEGER);
  M.setStr('mininteger', MININTEGER);
  L.globals.setStr('math', M);
  L.loaded.setStr('math', M);
}
