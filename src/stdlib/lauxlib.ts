// Helpers for library functions, after lauxlib.c: argument checking with
// lua5.4's exact messages, and naming library functions in those messages;
// and the library API: the runtime operations a library may use (calls,
// metatables, indexing, comparison, multiple results), as lapi.c gives C
// libraries. Libraries take them from here (`import * as ops from
// './lauxlib.js'`), not from the runtime's internals.
//
// Library functions receive their Lua arguments as JS arguments; those that
// must tell "no value" from nil take them as a rest array (`...args`).

import { LuaTable } from '../runtime/table.js';
import { E } from '../runtime/engine.js';
import { LuaError, captureFrames, hostFunctionNames, luaLevels, positionOf, registerHostFunction, where, wherePosition } from '../runtime/errors.js';

export { registerHostFunction };
import { getmetatable, typeName } from '../runtime/ops.js';
import * as N from '../runtime/number.js';
import { str2number51 } from '../runtime/strtod.js';
import { LuaFloat, LuaUserdata, isLightUserdata, luaType, type LuaValue, type LuaInteger, type LuaNumber } from '../runtime/value.js';

// ------------------------------------------------------------ library API

export {
  /** lua_call from a library function: any Lua value, counting a C level. */
  call,
  /** luaL_getmetafield / lua_getmetatable (strings and other types included). */
  metafield, getmetatable,
  /** lua_gettable / lua_settable, lua_compare, lua_len: with metamethods. */
  index, setindex, eq, lt, len,
  /** lua_arith on two numbers. */
  numArith, type ArithOp,
  truthy, typeName,
  /** Multiple results: no results, the first, all as an array, appended. */
  EMPTY, first, mv, append,
} from '../runtime/ops.js';
/** lua_pcall from a library function. */
export { protectedCall, Caught } from '../runtime/protect.js';

export type Args = LuaValue[];
export type HostFunction = (...args: LuaValue[]) => unknown;

/**
 * Put library functions into `table`; `prefix` is the library's name in
 * package.loaded ('string.'), empty for the base library. The JS function
 * names must be unique across libraries (they identify functions in errors).
 */
export function setFuncs(table: LuaTable, prefix: string, funcs: Record<string, HostFunction>): void {
  for (const [name, fn] of Object.entries(funcs)) {
    table.setStr(name, fn);
    registerHostFunction(fn, prefix + name);
    const resumable = (fn as { G?: Function }).G;
    if (resumable) registerHostFunction(resumable, prefix + name);
  }
}

/** luaL_error: raise `message` with the position of the calling Lua code. */
export function luaError(message: string): never {
  throw new LuaError(where(1) + message);
}

/** luaL_argerror. */
export function argError(arg: number, extramsg: string): never {
  const levels = luaLevels(captureFrames(24));
  const hostIdx = Math.max(0, levels.findIndex((f) => f.kind === 'host'));
  const host = levels[hostIdx];
  const caller = levels[hostIdx + 1];
  const site = caller && caller.kind === 'lua' ? caller.callSite : undefined;
  const pos = wherePosition(caller);
  if (site && site.namewhat === 'method') {
    arg--;
    if (arg === 0) throw new LuaError(`${pos}calling '${site.name}' on bad self (${extramsg})`);
  }
  let name = site && site.namewhat ? site.name : undefined;
  // lua5.4 then looks the function up in package.loaded; lua5.1 does not.
  if (name === undefined) name = (E.dialect.messages !== '5.1' && host?.fnName && hostFunctionNames.get(host.fnName)) || '?';
  throw new LuaError(`${pos}bad argument #${arg} to '${name}' (${extramsg})`);
}

/** The type name lua5.4 shows for a bad argument (`__name`, or "no value"). */
function argTypeName(args: Args, i: number): string {
  const v = args[i];
  // lua5.1's luaL_typerror: the type's name (no __name; light userdata are userdata).
  if (E.dialect.messages === '5.1') return i >= args.length ? 'no value' : luaType(v);
  // luaL_typeerror looks for __name in any metatable, per-type ones included
  // (an absent argument reads as nil there).
  const name = getmetatable(v)?.getStr('__name');
  if (typeof name === 'string') return name;
  if (i >= args.length) return 'no value';
  return isLightUserdata(v) ? 'light userdata' : luaType(v);
}

/** luaL_typeerror. Arguments are numbered from 1 in messages; `i` is 0-based. */
export function typeError(args: Args, i: number, expected: string): never {
  return argError(i + 1, `${expected} expected, got ${argTypeName(args, i)}`);
}

/**
 * luaL_argexpected (5.4: "nil or table expected, got number"), or the
 * luaL_argcheck with "... expected" that 5.3 has in its place (DialectSpec
 * `argExpectedGot`).
 */
export function expectedError(args: Args, i: number, expected: string): never {
  if (E.dialect.argExpectedGot) return typeError(args, i, expected);
  return argError(i + 1, `${expected} expected`);
}

export function checkAny(args: Args, i: number): LuaValue {
  if (i >= args.length) argError(i + 1, 'value expected');
  return args[i];
}

export function checkTable(args: Args, i: number): LuaTable {
  const v = args[i];
  if (!(v instanceof LuaTable)) typeError(args, i, 'table');
  return v;
}

export function checkNumber(args: Args, i: number): LuaNumber {
  const v = args[i];
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return v;
  if (typeof v === 'string') {
    const n = E.dialect.numbers === 'double' ? str2number51(v) : N.str2number(v);
    if (n !== undefined) return n;
  }
  return typeError(args, i, 'number');
}

export function optNumber(args: Args, i: number, def: LuaNumber): LuaNumber {
  return args[i] === undefined ? def : checkNumber(args, i);
}

export function checkInteger(args: Args, i: number): LuaInteger {
  const v = args[i];
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const n = checkNumber(args, i);
  // lua5.1's luaL_checkinteger casts (truncates) whatever number it gets.
  if (E.dialect.integerArguments === 'truncate') return toPtrdiff(n);
  const r = N.toInteger(n);
  if (r === undefined) argError(i + 1, 'number has no integer representation');
  return r;
}

/**
 * C's `(ptrdiff_t)d` on x86-64 (lua5.1's lua_Integer): truncation toward
 * zero; NaN and values out of the 64-bit range give -2^63 (cvttsd2si).
 */
export function toPtrdiff(v: LuaNumber): number {
  const d = typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
  const t = Math.trunc(d);
  return t >= -9223372036854775808 && t < 9223372036854775808 ? t + 0 : -9223372036854775808;
}

/** C's `(int)(ptrdiff_t)d` (lua5.1's luaL_checkint): the low 32 bits of toPtrdiff, signed. */
export function toCInt(v: LuaNumber): number {
  const t = toPtrdiff(v);
  if (t >= -2147483648 && t <= 2147483647) return t;
  return Number(BigInt.asIntN(32, BigInt(t)));
}

/** lua5.1's luaL_checkint: a number argument as a C int. */
export function checkInt(args: Args, i: number): number {
  const v = args[i];
  if (typeof v === 'number' && (v | 0) === v) return v;
  return toCInt(checkNumber(args, i));
}

/** lua5.1's luaL_optint. */
export function optInt(args: Args, i: number, def: number): number {
  return args[i] === undefined ? def : checkInt(args, i);
}

export function optInteger(args: Args, i: number, def: LuaInteger): LuaInteger {
  return args[i] === undefined ? def : checkInteger(args, i);
}

/** luaL_checklstring: strings, and numbers converted to strings. */
export function checkString(args: Args, i: number): string {
  const v = args[i];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return N.tostringNumber(v);
  return typeError(args, i, 'string');
}

export function optString(args: Args, i: number, def: string): string {
  return args[i] === undefined ? def : checkString(args, i);
}

/** An integer argument as a JS number, clamped to the safe range (for sizes and positions). */
export function toSafeNumber(v: LuaInteger): number {
  if (typeof v === 'number') return v;
  return v > 0n ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
}

export function checkOption<T extends string>(args: Args, i: number, def: T | undefined, options: readonly T[]): T {
  const name = def !== undefined ? optString(args, i, def) : checkString(args, i);
  if ((options as readonly string[]).includes(name)) return name as T;
  return argError(i + 1, `invalid option '${name}'`);
}

/**
 * Library work toward the run's limits (runtime/limits.ts): `units` steps
 * (about one per element moved or compared). Long library calls charge as
 * they go, so a limit stops them too.
 */
export function charge(units: number): void {
  const B = E.B;
  if ((B.n -= units) < 0) B.tick();
}

/** A string of `bytes` bytes is being built: the string-size and memory limits, one step per 64 bytes. */
export function building(bytes: number): void {
  E.B.built(bytes);
}
