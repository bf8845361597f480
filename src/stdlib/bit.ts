// LuaBitOp (http://bitop.luajit.org/, bit.c 1.0.2): 32-bit operations on
// Lua numbers, as LuaJIT-era code and Redis scripts use them. Any state can
// open it, in any dialect; no dialect opens it by default (dialect.ts
// LibraryName 'bit'; the API's `libs`, the CLI's --lib=bit).
//
// Every argument is normalised the way bit.c does on a double: the number
// plus 2^52 + 2^51, whose low 32 mantissa bits are the argument rounded to
// an integer modulo 2^32 (ties to even; beyond 2^51 the trick's own
// result). Results are signed 32-bit numbers.

import { LuaTable } from '../runtime/table.js';
import type { LuaState } from '../runtime/state.js';
import { checkNumber, setFuncs, type Args } from './lauxlib.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LO = (() => { f64[0] = 1; return u32[1] === 0x3ff00000 ? 0 : 1; })();

/** barg: argument i as 32 bits (signed). */
function barg(args: Args, i: number): number {
  const v = args[i];
  let n: number;
  if (typeof v === 'number') n = v;
  else {
    const c = checkNumber(args, i);
    n = typeof c === 'number' ? c : typeof c === 'bigint' ? Number(c) : c.n;
  }
  f64[0] = n + 6755399441055744.0;
  return u32[LO]! | 0;
}

function bit_tobit(...args: Args): number {
  return barg(args, 0);
}

function bit_bnot(...args: Args): number {
  return ~barg(args, 0);
}

function bit_band(...args: Args): number {
  let b = barg(args, 0);
  for (let i = args.length - 1; i > 0; i--) b &= barg(args, i);
  return b;
}

function bit_bor(...args: Args): number {
  let b = barg(args, 0);
  for (let i = args.length - 1; i > 0; i--) b |= barg(args, i);
  return b;
}

function bit_bxor(...args: Args): number {
  let b = barg(args, 0);
  for (let i = args.length - 1; i > 0; i--) b ^= barg(args, i);
  return b;
}

function bit_lshift(...args: Args): number {
  const b = barg(args, 0);
  return b << (barg(args, 1) & 31);
}

function bit_rshift(...args: Args): number {
  const b = barg(args, 0);
  return (b >>> (barg(args, 1) & 31)) | 0;
}

function bit_arshift(...args: Args): number {
  const b = barg(args, 0);
  return b >> (barg(args, 1) & 31);
}

function bit_rol(...args: Args): number {
  const b = barg(args, 0);
  const n = barg(args, 1) & 31;
  return (b << n) | (b >>> (32 - n));
}

function bit_ror(...args: Args): number {
  const b = barg(args, 0);
  const n = barg(args, 1) & 31;
  return (b << (32 - n)) | (b >>> n);
}

function bit_bswap(...args: Args): number {
  const b = barg(args, 0);
  return (b >>> 24) | ((b >>> 8) & 0xff00) | ((b & 0xff00) << 8) | (b << 24);
}

function bit_tohex(...args: Args): string {
  let b = barg(args, 0) >>> 0;
  let n = args.length < 2 ? 8 : barg(args, 1);
  let digits = '0123456789abcdef';
  if (n < 0) {
    n = -n;
    digits = '0123456789ABCDEF';
  }
  if (n > 8) n = 8;
  let out = '';
  for (let i = n; --i >= 0;) {
    out = digits.charAt(b & 15) + out;
    b >>>= 4;
  }
  return out;
}

export function openBit(L: LuaState): void {
  const t = new LuaTable();
  setFuncs(t, 'bit.', {
    tobit: bit_tobit, bnot: bit_bnot, band: bit_band, bor: bit_bor, bxor: bit_bxor, lshift: bit_lshift,
    rshift: bit_rshift, arshift: bit_arshift, rol: bit_rol, ror: bit_ror, bswap: bit_bswap, tohex: bit_tohex,
  });
  L.globals.setStr('bit', t);
  L.loaded.setStr('bit', t);
}
