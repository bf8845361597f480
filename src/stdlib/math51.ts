// The math library of Lua 5.1 (lmathlib.c of 5.1.5): every result a
// double (a plain JS number), C's functions as glibc computes them,
// math.mod as fmod's old name (LUA_COMPAT_MOD), and math.random on the C
// library's rand() (glibc's additive feedback generator, the TYPE_3 state
// of random(3)), so that seeded sequences are lua5.1's.

import { LuaTable } from '../runtime/table.js';
import * as N from '../runtime/number.js';
import { LuaFloat, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { EMPTY, argError, checkInt, checkNumber, luaError, setFuncs, type Args } from './lauxlib.js';
import { NEG_NAN, cLog, cLog10, frexp, ldexp } from './math.js';

/** luaL_checknumber as a double. */
function num(args: Args, i: number): number {
  const v = args[i];
  if (typeof v === 'number') return v;
  const n = checkNumber(args, i);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : (n as LuaFloat).n;
}

/** PI/180 as lmathlib.c computes it (deg divides by it, rad multiplies). */
const RADIANS_PER_DEGREE = Math.PI / 180.0;

function math51_abs(...args: Args): number { return Math.abs(num(args, 0)); }
function math51_sin(...args: Args): number { return Math.sin(num(args, 0)); }
function math51_sinh(...args: Args): number { return Math.sinh(num(args, 0)); }
function math51_cos(...args: Args): number { return Math.cos(num(args, 0)); }
function math51_cosh(...args: Args): number { return Math.cosh(num(args, 0)); }
function math51_tan(...args: Args): number { return Math.tan(num(args, 0)); }
function math51_tanh(...args: Args): number { return Math.tanh(num(args, 0)); }
function math51_asin(...args: Args): number {
  const x = num(args, 0);
  return x !== x ? x : Math.asin(x);
}
function math51_acos(...args: Args): number {
  const x = num(args, 0);
  return x !== x ? x : Math.acos(x);
}
function math51_atan(...args: Args): number { return Math.atan(num(args, 0)); }
function math51_atan2(...args: Args): number {
  // gcc evaluates the C call's arguments right to left: #2 is checked first.
  const x = num(args, 1);
  const y = num(args, 0);
  return Math.atan2(y, x);
}
function math51_ceil(...args: Args): number { return Math.ceil(num(args, 0)); }
function math51_floor(...args: Args): number { return Math.floor(num(args, 0)); }

function math51_fmod(...args: Args): number {
  const y = num(args, 1);
  const x = num(args, 0);
  if (x !== x) return x;
  if (y !== y) return y;
  if (y === 0 || x === Infinity || x === -Infinity) return NEG_NAN;
  return x % y; // JS % on doubles is C fmod
}

function math51_modf(...args: Args): number[] {
  const x = num(args, 0);
  if (x !== x) return [x, x];
  const ip = x < 0 ? Math.ceil(x) : Math.floor(x);
  // C modf: the fraction of an infinity is a zero of its sign
  const fp = x === ip ? (Object.is(x, -0) || x < 0 ? -0 : 0) : x - ip;
  return [ip, fp];
}

function math51_sqrt(...args: Args): number { return Math.sqrt(num(args, 0)); }

function math51_pow(...args: Args): number {
  const y = num(args, 1);
  const x = num(args, 0);
  if (x === 1 || y === 0) return 1;
  if (x !== x) return x;
  if (y !== y) return y;
  const r = N.floatPow(x, y);
  return r !== r ? NEG_NAN : r;
}

function math51_log(...args: Args): number { return cLog(num(args, 0)); }
function math51_log10(...args: Args): number { return cLog10(num(args, 0)); }
function math51_exp(...args: Args): number { return Math.exp(num(args, 0)); }
function math51_deg(...args: Args): number { return num(args, 0) / RADIANS_PER_DEGREE; }
function math51_rad(...args: Args): number { return num(args, 0) * RADIANS_PER_DEGREE; }

function math51_frexp(...args: Args): number[] {
  return frexp(num(args, 0));
}

function math51_ldexp(...args: Args): number {
  const e = checkInt(args, 1);
  return ldexp(num(args, 0), e);
}

function math51_min(...args: Args): number {
  let dmin = num(args, 0);
  for (let i = 1; i < args.length; i++) {
    const d = num(args, i);
    if (d < dmin) dmin = d;
  }
  return dmin;
}

function math51_max(...args: Args): number {
  let dmax = num(args, 0);
  for (let i = 1; i < args.length; i++) {
    const d = num(args, i);
    if (d > dmax) dmax = d;
  }
  return dmax;
}

// ------------------------------------------------------------ rand()

const RAND_MAX = 2147483647;

/** glibc's random(3) with the default TYPE_3 state (degree 31, separation 3). */
class GlibcRandom {
  private readonly r = new Int32Array(31);
  private f = 3;
  private b = 0;

  constructor() {
    this.seed(1);
  }

  /** srandom: a seed of 0 counts as 1; 310 results are discarded. */
  seed(seed: number): void {
    let s = seed >>> 0;
    if (s === 0) s = 1;
    const r = this.r;
    r[0] = s | 0;
    let word = s | 0; // int32_t
    
    for (let i = 1; i < 31; i++) {
      const hi = Math.trunc(word / 127773);
      const lo = word % 127773;
      word = 16807 * lo - 2836 * hi;
      if (word < 0) word += 2147483647;
      r[i] = word;
    }
    this.f = 3;
    this.b = 0;
    for (let k = 0; k < 310; k++) this.next();
  }

  /** random(): 31 bits. */
  next(): number {
    const r = this.r;
    const val = (r[this.f]! + r[this.b]!) | 0;
    r[this.f] = val;
    const result = val >>> 1;
    if (++this.f >= 31) {
      this.f = 0;
      ++this.b;
    } else if (++this.b >= 31) this.b = 0;
    return result;
  }
}

// ------------------------------------------------------------------- open

export function openMath51(L: LuaState): void {
  const M = new LuaTable();
  const rng = new GlibcRandom();

  function math51_random(...args: Args): LuaValue {
    const r = (rng.next() % RAND_MAX) / RAND_MAX;
    switch (args.length) {
      case 0:
        return r;
      case 1: {
        const u = checkInt(args, 0);
        if (!(1 <= u)) argError(1, 'interval is empty');
        return Math.floor(r * u) + 1;
      }
      case 2: {
        const l = checkInt(args, 0);
        const u = checkInt(args, 1);
        if (!(l <= u)) argError(2, 'interval is empty');
        return Math.floor(r * ((u - l + 1) | 0)) + l;
      }
      default:
        return luaError('wrong number of arguments');
    }
  }

  function math51_randomseed(...args: Args): unknown {
    rng.seed(checkInt(args, 0));
    return EMPTY;
  }

  setFuncs(M, 'math.', {
    abs: math51_abs, acos: math51_acos, asin: math51_asin, atan2: math51_atan2, atan: math51_atan,
    ceil: math51_ceil, cosh: math51_cosh, cos: math51_cos, deg: math51_deg, exp: math51_exp,
    floor: math51_floor, fmod: math51_fmod, frexp: math51_frexp, ldexp: math51_ldexp, log10: math51_log10,
    log: math51_log, max: math51_max, min: math51_min, modf: math51_modf, pow: math51_pow, rad: math51_rad,
    random: math51_random, randomseed: math51_randomseed, sinh: math51_sinh, sin: math51_sin,
    sqrt: math51_sqrt, tanh: math51_tanh, tan: math51_tan,
  });
  M.setStr('pi', Math.PI);
  M.setStr('huge', Infinity);
  // LUA_COMPAT_MOD
  M.setStr('mod', math51_fmod);
  L.globals.setStr('math', M);
  L.loaded.setStr('math', M);
}
