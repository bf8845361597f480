// The helper record bound into every compiled chunk as `$R` (the contract is
// compiler/helpers.ts): the runtime's slow paths plus the helpers that exist
// only for generated code (numeric `for` set-up, to-be-closed variables).

import type { RuntimeHelpers } from '../compiler/helpers.js';
import { LuaTable, EMPTY_ARR } from './table.js';
import { LuaFloat, mkFloat, mkInt, type LuaValue } from './value.js';
import * as ops from './ops.js';
import * as N from './number.js';
import { cdirect, deep, deferCloseOnError, pause } from './trampoline.js';
import { callreq, callreqBoxed, take, tailreq, CallRequest } from './callreq.js';
import { errorValue, rtError, LuaError } from './errors.js';
import * as hooks from './hooks.js';
import { E, type Engine } from './engine.js';
import { arith51, forprep51 } from './double.js';
import { arithCvt, arithCvtG } from './arith-cvt.js';
import { forprepWrap } from './for53.js';
import { keepNames } from './names.js';

// ------------------------------------------------------------ numeric for

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** State of a `for` loop over integers beyond 2^53 (iterated by count). */
interface BigFor { start: bigint; step: bigint }
/** A float loop with a NaN among its values: lua5.4 runs its body once, with this value. */
interface OnceFor { value: LuaValue }

function forError(what: string, v: unknown): never {
  rtError(`bad 'for' ${what} (number expected, got ${ops.typeName(v)})`);
}

/**
 * luaV_forprep for everything but the all-small-integers case the generated
 * code handles inline. Returns [start, limit, step, kind] as JS numbers for a
 * JS loop `for (i = start; step > 0 ? i <= limit : i >= limit; i += step)`;
 * kind 0: i is the integer value, 1: a float loop (value = mkFloat(i)),
 * otherwise a BigFor (value computed from the iteration count |i|).
 */
export function forprep(a: unknown, b: unknown, c: unknown): [number, number, number, 0 | 1 | BigFor | OnceFor] {
  const skip = (step: number): [number, number, number, 0] => (step > 0 ? [1, 0, step, 0] : [0, 1, step, 0]);
  if (isIntegerValue(a) && isIntegerValue(c)) {
    const step = BigInt(c as number | bigint);
    if (step === 0n) rtError("'for' step is zero");
    const start = BigInt(a as number | bigint);
    const lim = forLimit(b, step);
    if (lim === null) return skip(Number(step));
    if (step > 0n ? start > lim : start < lim) return skip(Number(step));
    if (isSafe(start) && isSafe(lim) && isSafe(step)) return [Number(start), Number(lim), Number(step), 0];
    // Count iterations as lua5.4 does (unsigned division), iterate by count.
    const count = step > 0n ? (lim - start) / step : (start - lim) / -step;
    const n = count > BigInt(MAX_SAFE) ? MAX_SAFE : Number(count);
    return step > 0n ? [0, n, 1, { start, step }] : [0, -n, -1, { start, step }];
  }
  // A float loop; numeric strings convert (luaV_tonumber_).
  const start = forFloat(a, 'initial value'), lim = forFloat(b, 'limit'), step = forFloat(c, 'step');
  if (step === 0) rtError("'for' step is zero");
  // lua5.4 skips the loop when `0 < step ? lim < start : start < lim`; with
  // a NaN among the values, its next test fails, so the body runs at most once.
  if (Number.isNaN(start) || Number.isNaN(lim) || Number.isNaN(step)) {
    return (0 < step ? lim < start : start < lim) ? [1, 0, 1, 1] : [0, 0, 1, { value: mkFloat(start) }];
  }
  return [start, lim, step, 1];
}

function forFloat(v: unknown, what: string): number {
  const n = N.tonumber(v);
  if (n === undefined) forError(what, v);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
}

function isIntegerValue(v: unknown): boolean {
  return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
}

function isSafe(v: bigint): boolean {
  return v >= -BigInt(MAX_SAFE) && v <= BigInt(MAX_SAFE);
}

const MAXINT = (1n << 63n) - 1n;
const MININT = -(1n << 63n);

/** forlimit: the integer limit of an integer loop, or null to skip the loop. */
function forLimit(b: unknown, step: bigint): bigint | null {
  if (isIntegerValue(b)) return BigInt(b as number | bigint);
  const n = N.tonumber(b);
  if (n === undefined) forError('limit', b);
  if (typeof n !== 'object' && Number.isInteger(n)) return BigInt(n);
  const f = typeof n === 'number' ? n : (n as LuaFloat).n;
  const r = N.floatToInteger(f, step < 0n ? 'ceil' : 'floor');
  if (r !== undefined) return BigInt(r);
  // Out of integer range: clamp (or skip when the loop cannot run).
  if (f > 0) return step < 0n ? null : MAXINT;
  return step > 0n ? null : MININT;
}

export function forval(i: number, kind: 1 | BigFor | OnceFor): LuaValue {
  if (kind === 1) return mkFloat(i);
  if ('value' in kind) return kind.value;
  // Wrapping around: 5.3's integer loops can run past maxinteger (for53.ts).
  return mkInt(BigInt.asIntN(64, kind.start + BigInt(Math.abs(i)) * kind.step));
}

// ---------------------------------------------------------- to-be-closed

function closeMethod(v: unknown): unknown {
  return ops.metafield(v, '__close');
}

export function checkClose(v: unknown, name: string): void {
  if (v === undefined || v === false) return;
  if (closeMethod(v) === undefined) rtError(`variable '${name}' got a non-closable value`);
}

/** The __close metamethod of v, as a function (the error names it as lua5.4 does). */
function closer(v: unknown): (...args: LuaValue[]) => unknown {
  return ops.callable(closeMethod(v), "metamethod 'close'");
}

export function tbcClose(v: unknown): void {
  if (v === undefined || v === false) return;
  // A C level, as lua5.4's call of the close method is (ops.call counts it).
  ops.call(closer(v), v as LuaValue, undefined);
}

export function* tbcCloseG(v: unknown): Generator<CallRequest, void, unknown> {
  if (v === undefined || v === false) return;
  yield callreq(closer(v), [v as LuaValue, undefined], "metamethod 'close'");
}

/** Close `v` because of error `e`; returns the error to propagate (a new one if __close fails). */
export function tbcError(v: unknown, e: unknown): unknown {
  if (v === undefined || v === false) return e;
  // An error ending a coroutine leaves its variables to coroutine.close,
  // those of direct-mode frames (a sort comparator's) too.
  if (deferCloseOnError(v, e)) return e;
  try {
    ops.call(closer(v), v as LuaValue, closeArg(e));
  } catch (e2) {
    return after(e, e2);
  }
  return e;
}

/** What a `__close` handler is given for error `e` (a limit that was hit: its message). */
function closeArg(e: unknown): LuaValue {
  return e instanceof LuaError && e.uncatchable ? e.value : errorValue(e);
}

/** The error that goes on after `__close` raised `e2` while closing for `e`: a limit that was hit goes on whatever happens. */
function after(e: unknown, e2: unknown): unknown {
  return e instanceof LuaError && e.uncatchable ? e : e2;
}

export function* tbcErrorG(v: unknown, e: unknown): Generator<CallRequest, unknown, unknown> {
  if (v === undefined || v === false) return e;
  // An error ending a coroutine leaves its variables to coroutine.close.
  if (deferCloseOnError(v, e)) return e;
  try {
    yield callreq(closer(v), [v as LuaValue, closeArg(e)], "metamethod 'close'");
  } catch (e2) {
    return after(e, e2);
  }
  return e;
}

function isSmallInt(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v);
}

function callreqChecked(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  // Validate here, inside the calling frame, so the error gets its position.
  if (typeof f !== 'function') ops.callable(f, desc);
  return callreqBoxed(f, args, desc, line);
}

function kcache(n: number): (object | undefined)[] {
  return E.newClosureCache(n);
}

/** The helpers every chunk shares: all but the per-chunk `mkfn` and the per-engine `D` and `H` (a missing or extra one is a type error). */
const shared: Omit<RuntimeHelpers, 'mkfn' | 'D' | 'H' | 'B'> = {
  deep, fenvFrames, varargTable, ccall: ops.call, cdirect, EMPTY: ops.EMPTY, first: ops.first, nth: ops.nth, mv: ops.mv, append: ops.append,
  LuaTable, noArr: EMPTY_ARR, LuaFloat, tableArray: ops.tableArray, tableBuild: ops.tableBuild, keyed: ops.keyed,
  indexMiss: ops.indexMiss, indexStr: ops.indexStr, indexG: ops.indexG,
  setindexMiss: ops.setindexMiss, setindexStr: ops.setindexStr, setindexG: ops.setindexG,
  callreq: callreqChecked, take, tailreq,
  arith: ops.arith, arithG: ops.arithG, arithCvt, arithCvtG, concat: ops.concat, concatG: ops.concatG,
  eq: ops.eq, eqG: ops.eqG, lt: ops.lt, ltG: ops.ltG, le: ops.le, leG: ops.leG, len: ops.len, lenG: ops.lenG,
  numArith: ops.numArith, nanOf: N.nanOf, floatPow: N.floatPow, divNumbers: N.divNumbers, isSmallInt, mkFloat, toFq, fromFq, forprep, forval, forprepWrap, kcache, callable: ops.callableAtCall,
  checkClose, tbcError, tbcErrorG, tbcClose, tbcCloseG,
  clr: clearRegisters, pause,
};

/**
 * The representation of a raw-float local (compiler/codegen.ts `fexpr`): a
 * JS number is a Lua float of that value (integral or not); any other value
 * is the Lua value itself, except that an integer small enough to be a JS
 * number is held as a bigint. Slow-path results enter through `toFq`.
 */
function toFq(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  return v instanceof LuaFloat ? v.n : v;
}

/** A value held in the raw-float representation, back as a Lua value. */
function fromFq(v: unknown): LuaValue {
  if (typeof v === 'number') return Number.isInteger(v) ? new LuaFloat(v) : v;
  if (typeof v === 'bigint') return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
  return v as LuaValue;
}

/** The running coroutine's list of running functions, for environments by level (5.1). */
function fenvFrames(): LuaValue[] {
  const co = E.current as { fenvFrames?: LuaValue[] };
  return co.fenvFrames ??= [];
}

/** 5.1's `arg` (adjust_varargs with LUA_COMPAT_VARARG): the extra arguments, and `n`. */
function varargTable(va: LuaValue[]): LuaTable {
  const t = new LuaTable();
  for (let i = 0; i < va.length; i++) t.set(i + 1, va[i]);
  t.setStr('n', va.length);
  return t;
}

/** A 5.1 chunk's: the 'double' number model's arithmetic and `for` (double.ts). */
const shared51: typeof shared = {
  ...shared,
  arith: arith51, forprep: forprep51,
  // 5.1 cannot yield across metamethods: resumable code calls them directly
  // too (a yield inside meets the C boundary), and iterators as well.
  arithG: direct(arith51), concatG: direct(ops.concat), eqG: direct(ops.eq), ltG: direct(ops.lt), leG: direct(ops.le),
  lenG: direct(ops.len), indexG: direct(ops.index), setindexG: direct(ops.setindex),
};

/** A resumable helper that does its work directly (metamethods called on the JS stack, as host calls). */
function direct<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => Generator<never, R, unknown> {
  return function* (...args: A): Generator<never, R, unknown> {
    return f(...args);
  };
}

/** What instrumented code calls (`$H`); they act on the running engine's hooks. */
const HOOK_CALLS = { enter: hooks.enter, called: hooks.called, line: hooks.line, at: hooks.callLine };

/** Called with undefined arguments to overwrite stale interpreter registers (see codegen's clearTemps). */
function clearRegisters(): void {}

/** The record for a chunk of `engine`'s: the shared helpers, the engine's depth record, and the chunk's `mkfn`. */
export function helperRecord(engine: Engine, mkfn: RuntimeHelpers['mkfn']): RuntimeHelpers {
  const helpers = engine.dialect.numbers === 'double' ? shared51 : shared;
  return { ...helpers, D: engine.D, H: HOOK_CALLS, B: engine.B, mkfn };
}

// Tracebacks recognise to-be-closed handlers by these callers (traceback.ts).
keepNames({ tbcClose, tbcCloseG, tbcError, tbcErrorG });
