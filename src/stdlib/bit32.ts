// The bit32 library (lbitlib.c) of lua5.3 built with LUA_COMPAT_5_2: 32-bit
// operations on unsigned integers. As in 5.3, arguments are checked as
// integers (luaL_checkunsigned is `(lua_Unsigned)luaL_checkinteger`: floats
// need an exact integer value, numeric strings convert) and taken modulo
// 2^64; results are trimmed to 32 bits and returned as (non-negative)
// integers. Opened only by dialects that list 'bit32' (dialect.ts).
import { LuaTable } from '../runtime/table.js';
import type { LuaState } from '../runtime/state.js';
import { mkInt, type LuaValue } from '../runtime/value.js';
import { argError, checkInteger, luaError, optInteger, setFuncs, type Args } from './lauxlib.js';

const NBITS = 32n;
const ALLONES = 0xffffffffn;
const U64 = (1n << 64n) - 1n;

/** luaL_checkunsigned: the argument as a 64-bit unsigned value. */
function checkUnsigned(args: Args, i: number): bigint {
  return BigInt.asUintN(64, BigInt(checkInteger(args, i)));
}

function checkInt(args: Args, i: number): bigint {
  return BigInt(checkInteger(args, i));
}

const trim = (x: bigint): bigint => x & ALLONES;
/** A number with `n` ones (1 <= n <= 32). */
const mask = (n: number): bigint => ~(((ALLONES << 1n) << BigInt((n - 1) & 63)) & U64) & U64;
const result = (x: bigint): LuaValue => mkInt(BigInt.asIntN(64, x));

function andaux(args: Args): bigint {
  let r = U64;
  for (let i = 0; i < args.length; i++) r &= checkUnsigned(args, i);
  return trim(r);
}

function bit32_band(...args: Args): LuaValue {
  return result(andaux(args));
}

function bit32_btest(...args: Args): LuaValue {
  return andaux(args) !== 0n;
}

function bit32_bor(...args: Args): LuaValue {
  let r = 0n;
  for (let i = 0; i < args.length; i++) r |= checkUnsigned(args, i);
  return result(trim(r));
}

function bit32_bxor(...args: Args): LuaValue {
  let r = 0n;
  for (let i = 0; i < args.length; i++) r ^= checkUnsigned(args, i);
  return result(trim(r));
}

function bit32_bnot(...args: Args): LuaValue {
  return result(trim(~checkUnsigned(args, 0)));
}

function shift(r: bigint, i: bigint): LuaValue {
  if (i < 0n) {
    i = BigInt.asIntN(64, -i);
    r = trim(r);
    r = i >= NBITS || i < 0n ? 0n : r >> i;
  } else {
    r = i >= NBITS ? 0n : trim(r << i);
  }
  return result(r);
}

function bit32_lshift(...args: Args): LuaValue {
  return shift(checkUnsigned(args, 0), checkInt(args, 1));
}

function bit32_rshift(...args: Args): LuaValue {
  return shift(checkUnsigned(args, 0), BigInt.asIntN(64, -checkInt(args, 1)));
}

function bit32_arshift(...args: Args): LuaValue {
  let r = checkUnsigned(args, 0);
  const i = checkInt(args, 1);
  if (i < 0n || (r & (1n << (NBITS - 1n))) === 0n) return shift(r, BigInt.asIntN(64, -i));
  // Arithmetic shift of a 'negative' number: fill with the sign bit.
  if (i >= NBITS) r = ALLONES;
  else r = trim((r >> i) | (~(ALLONES >> i) & U64));
  return result(r);
}

function rotate(args: Args, d: bigint): LuaValue {
  let r = checkUnsigned(args, 0);
  const i = d & (NBITS - 1n);
  r = trim(r);
  if (i !== 0n) r = (r << i) | (r >> (NBITS - i));
  return result(trim(r));
}

function bit32_lrotate(...args: Args): LuaValue {
  return rotate(args, checkInt(args, 1));
}

function bit32_rrotate(...args: Args): LuaValue {
  return rotate(args, BigInt.asIntN(64, -checkInt(args, 1)));
}

/** fieldargs: the field's position and width, checked. */
function fieldArgs(args: Args, farg: number): [number, number] {
  const f = BigInt(checkInteger(args, farg));
  const w = BigInt(optInteger(args, farg + 1, 1));
  if (!(0n <= f)) argError(farg + 1, 'field cannot be negative');
  if (!(0n < w)) argError(farg + 2, 'width must be positive');
  if (BigInt.asIntN(64, f + w) > NBITS) luaError('trying to access non-existent bits');
  return [Number(BigInt.asIntN(32, f)), Number(BigInt.asIntN(32, w))];
}

function bit32_extract(...args: Args): LuaValue {
  const r = trim(checkUnsigned(args, 0));
  const [f, w] = fieldArgs(args, 1);
  // (Shift counts as the hardware takes them: a field past the 64 bits is undefined behaviour in C.)
  return result((r >> BigInt(f & 63)) & mask(w));
}

function bit32_replace(...args: Args): LuaValue {
  let r = trim(checkUnsigned(args, 0));
  const v = trim(checkUnsigned(args, 1));
  const [f, w] = fieldArgs(args, 2);
  const m = mask(w);
  const F = BigInt(f & 63);
  r = (r & ~(m << F)) | ((v & m) << F);
  return result(r & U64);
}

export function openBit32(L: LuaState): void {
  const t = new LuaTable();
  setFuncs(t, 'bit32.', {
    arshift: bit32_arshift, band: bit32_band, bnot: bit32_bnot, bor: bit32_bor, btest: bit32_btest,
    bxor: bit32_bxor, extract: bit32_extract, lrotate: bit32_lrotate, lshift: bit32_lshift,
    replace: bit32_replace, rrotate: bit32_rrotate, rshift: bit32_rshift,
  });
  L.globals.setStr('bit32', t);
  L.loaded.setStr('bit32', t);
}
