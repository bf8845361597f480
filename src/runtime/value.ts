// Lua values in JavaScript (see docs/ARCHITECTURE.md, "Values").
//
//   nil      undefined
//   boolean  boolean
//   integer  number when a safe integer (|v| <= 2^53-1), else a bigint in
//            int64 range. Canonical: a safe integer is never a bigint, and
//            the integer zero is never -0.
//   float    number when not integral-valued (fractions, NaN, ±Infinity),
//            else a LuaFloat box (3.0, -0.0, 2^60, 1e300).
//   string   byte string (JS string of code units 0..255)
//   table    LuaTable
//   function JS function
//   userdata LuaUserdata (full userdata); light userdata is any other
//            object, e.g. a LuaLightUserdata or a host object
//   thread   a subclass of LuaThreadBase
//
// This module only depends on table.ts for `instanceof LuaTable` inside a
// function body, so the import cycle value.ts <-> table.ts is harmless.
import { LuaTable } from './table.js';

/** An integral-valued Lua float (3.0, -0.0, 2^60, 1e300). `n` is always integral or ±0. */
export class LuaFloat {
  constructor(readonly n: number) {}
}

/** A full userdata. The io library and hosts put their payload in `value`. */
export class LuaUserdata {
  metatable: LuaTable | null;
  value: unknown;
  constructor(value: unknown = undefined, metatable: LuaTable | null = null) {
    this.value = value;
    this.metatable = metatable;
  }
}

/**
 * A light userdata made by the libraries (debug.upvalueid): a bare value
 * that is equal only to itself, has no metatable of its own and no user
 * values. The creator keeps one per pointee so that equal pointers give the
 * same Lua value.
 */
export class LuaLightUserdata {
  constructor(readonly pointee: unknown) {}
}

/**
 * The light userdata of C's NULL pointer (`lua_pushlightuserdata(L, NULL)`),
 * such as Redis's `cjson.null`: a single value, so every NULL is equal to
 * every other; tostring shows `userdata: (nil)` (glibc's %p of NULL).
 */
export const NULL_LIGHTUSERDATA: LuaLightUserdata = Object.freeze(new LuaLightUserdata(null));

/** Base class of coroutines; the coroutine implementation extends it. */
export abstract class LuaThreadBase {}

/**
 * Any Lua value. The precise set is LuaValueUnion, but since it includes
 * `object` (host objects are light userdata) the union checks almost nothing,
 * and the runtime passes `unknown` around freely; so LuaValue is `unknown`.
 */
export type LuaValue = unknown;

export type LuaValueUnion =
  | undefined
  | boolean
  | number
  | bigint
  | string
  | LuaFloat
  | LuaTable
  | LuaUserdata
  | LuaThreadBase
  | Function
  | object;

/** A Lua number in any representation. */
export type LuaNumber = number | bigint | LuaFloat;
/** A Lua integer (canonical). */
export type LuaInteger = number | bigint;

export type LuaTypeName = 'nil' | 'boolean' | 'number' | 'string' | 'table' | 'function' | 'userdata' | 'thread';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_N = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_N = -MAX_SAFE_N;

/** The Lua float with value x: boxed iff x is integral (including ±0). */
export function mkFloat(x: number): number | LuaFloat {
  return Number.isInteger(x) ? new LuaFloat(x) : x;
}

/** The canonical Lua integer for x, after wrapping it to int64. */
export function mkInt(x: bigint): number | bigint {
  x = BigInt.asIntN(64, x);
  return x >= MIN_SAFE_N && x <= MAX_SAFE_N ? Number(x) : x;
}

/** The canonical Lua integer for an exactly integral JS number in int64 range (not ±Infinity). */
export function intFromNumber(x: number): number | bigint {
  if (x >= -MAX_SAFE && x <= MAX_SAFE) return x === 0 ? 0 : x;
  return BigInt(x);
}

/** Light userdata: an object that is no other Lua type (lua_type gives LUA_TLIGHTUSERDATA). */
export function isLightUserdata(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !(v instanceof LuaUserdata) && !(v instanceof LuaTable) &&
    !(v instanceof LuaFloat) && !(v instanceof LuaThreadBase);
}

export function isInteger(v: unknown): v is number | bigint {
  return typeof v === 'number' ? Number.isInteger(v) : typeof v === 'bigint';
}

export function isFloat(v: unknown): v is number | LuaFloat {
  return typeof v === 'number' ? !Number.isInteger(v) : v instanceof LuaFloat;
}

export function isNumber(v: unknown): v is LuaNumber {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

/** The value of any Lua number as a JS double (integers are rounded to nearest). */
export function toJsNumber(v: LuaNumber): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

export function luaType(v: unknown): LuaTypeName {
  switch (typeof v) {
    case 'undefined': return 'nil';
    case 'boolean': return 'boolean';
    case 'number': case 'bigint': return 'number';
    case 'string': return 'string';
    case 'function': return 'function';
    case 'object':
      if (v instanceof LuaTable) return 'table';
      if (v instanceof LuaFloat) return 'number';
      if (v === null) return 'nil';
      if (v instanceof LuaThreadBase) return 'thread';
      return 'userdata';
    default: return 'userdata';
  }
}
