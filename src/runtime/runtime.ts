// The helpers bound into every compiled chunk (as `$name`, see
// compiler/codegen.ts RUNTIME_NAMES), plus the loader that turns Lua source
// into a Lua function.

import { parse } from '../syntax/index.js';
import type { Dialect } from '../syntax/ast.js';
import { chunkid } from '../syntax/chunkid.js';
import { compile, RUNTIME_NAMES, type Proto } from '../compiler/codegen.js';
import { LuaTable, countAlloc } from './table.js';
import { LuaFloat, mkFloat, mkInt, type LuaValue } from './value.js';
import * as ops from './ops.js';
import * as N from './number.js';
import { D, deep, deferCloseOnError, type LuaFunction } from './trampoline.js';
import { callreq, callreqBoxed, take, tailreq, CallRequest } from './callreq.js';
import { LuaError, registerChunk, rtError, type ChunkInfo } from './errors.js';
import * as hooks from './hooks.js';

// ------------------------------------------------------------ numeric for

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** State of a `for` loop over integers beyond 2^53 (iterated by count). */
interface BigFor { start: bigint; step: bigint }

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
export function forprep(a: unknown, b: unknown, c: unknown): [number, number, number, 0 | 1 | BigFor] {
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
  if (Number.isNaN(f)) return null;
  const r = N.floatToInteger(f, step < 0n ? 'ceil' : 'floor');
  if (r !== undefined) return BigInt(r);
  // Out of integer range: clamp (or skip when the loop cannot run).
  if (f > 0) return step < 0n ? null : MAXINT;
  return step > 0n ? null : MININT;
}

export function forval(i: number, kind: 1 | BigFor): LuaValue {
  if (kind === 1) return mkFloat(i);
  return mkInt(kind.start + BigInt(Math.abs(i)) * kind.step);
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
  try {
    ops.call(closer(v), v as LuaValue, errorValue(e));
  } catch (e2) {
    return e2;
  }
  return e;
}

export function* tbcErrorG(v: unknown, e: unknown): Generator<CallRequest, unknown, unknown> {
  if (v === undefined || v === false) return e;
  // An error ending a coroutine leaves its variables to coroutine.close.
  if (deferCloseOnError(v)) return e;
  try {
    yield callreq(closer(v), [v as LuaValue, errorValue(e)], "metamethod 'close'");
  } catch (e2) {
    return e2;
  }
  return e;
}

/** The Lua value of anything caught from Lua code. */
export function errorValue(e: unknown): LuaValue {
  if (e instanceof LuaError) return e.value;
  // The JS stack ran out despite the depth accounting (e.g. deep host
  // recursion): a Lua stack overflow. Nothing here may call much, since the
  // stack may still be nearly full.
  if (e instanceof RangeError) return 'stack overflow';
  if (e instanceof Error) return `internal error: ${e.message}`;
  return e as LuaValue;
}

// ----------------------------------------------------------------- loader

/** Metadata attached to every Lua closure. */
export interface FunctionInfo {
  proto: Proto;
  chunkName: string;
  /** The chunk name as given to load ("@file.lua", "=stdin", or the source text), for debug.getinfo. */
  source?: string;
  /** The chunk's registered position info (line map), for debug.getinfo's activelines. */
  chunk?: ChunkInfo;
  /** The chunk's source text and dialect (string.dump). */
  text?: string;
  dialect?: Dialect;
  /** Loaded from a stripped binary chunk: no line information or debug names (dumps stay stripped). */
  stripped?: boolean;
  /** Its functions always run instrumented (see `isDebugged`). */
  debugged?: boolean;
}

/**
 * A chunk that reads or writes locals of running functions, or sets hooks,
 * needs its own functions inspectable and hookable from their first
 * statement: they always run instrumented. Other chunks run instrumented
 * only while a hook is set.
 */
function isDebugged(source: string): boolean {
  return /\b(?:getlocal|setlocal|sethook)\b/.test(source);
}

/** Per registered chunk: its raw chunk name and protos (for debug.getinfo on stack levels). */
export const chunkDebugInfo = new WeakMap<object, { source: string; protos: Proto[] }>();

function isSmallInt(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v);
}

function callreqChecked(f: unknown, args: LuaValue[], desc?: string | null, line = -1): CallRequest {
  // Validate here, inside the calling frame, so the error gets its position.
  if (typeof f !== 'function') ops.callable(f, desc);
  return callreqBoxed(f, args, desc, line);
}

const shared: Record<string, unknown> = {
  D, deep, EMPTY: ops.EMPTY, first: ops.first, nth: ops.nth, mv: ops.mv, append: ops.append,
  LuaTable, tableArray: ops.tableArray, tableBuild: ops.tableBuild,
  index: ops.index, indexStr: ops.indexStr, indexG: ops.indexG,
  setindex: ops.setindex, setindexStr: ops.setindexStr, setindexG: ops.setindexG,
  callreq: callreqChecked, take, tailreq,
  arith: ops.arith, arithG: ops.arithG, concat: ops.concat, concatG: ops.concatG,
  eq: ops.eq, eqG: ops.eqG, lt: ops.lt, ltG: ops.ltG, le: ops.le, leG: ops.leG, len: ops.len, lenG: ops.lenG,
  numArith: ops.numArith, nanOf: N.nanOf, divNumbers: N.divNumbers, isSmallInt, mkFloat, forprep, forval, callable: ops.callableAtCall,
  checkClose, tbcError, tbcErrorG, tbcClose, tbcCloseG,
  H: { enter: hooks.enter, called: hooks.called, line: hooks.line, at: hooks.callLine },
  clr: clearRegisters,
};

export interface LoadOptions {
  chunkName: string;
  dialect?: Dialect;
  /** Loaded from a stripped binary chunk: no line information or debug names (dumps stay stripped). */
  stripped?: boolean;
}

/** Called with undefined arguments to overwrite stale interpreter registers (see codegen's clearTemps). */
function clearRegisters(): void {}

/** Code that forces collections should not keep garbage alive in JS temporaries. */
function clearsTemps(source: string): boolean {
  // Reading the memory in use ("count", "isrunning") observes no collection.
  return /\bcollectgarbage\b(?!\s*\(\s*["'](?:count|isrunning)["']\s*\))/.test(source);
}

/** The JS source generated for a chunk (for `regolithc -l`). */
export function generateJs(source: string, options: LoadOptions): string {
  const ast = parse(source, { chunkName: options.chunkName, dialect: options.dialect });
  return compile(ast, { clearTemps: clearsTemps(source) }).code;
}

/**
 * Compile Lua source (a byte string) into a Lua function whose `_ENV` is
 * `env`. Throws LuaSyntaxError.
 */
export function loadLua(source: string, options: LoadOptions, env: LuaValue): LuaFunction {
  return instantiate(source, options, env, undefined);
}

// ------------------------------------------------------------ binary chunks
//
// string.dump cannot produce lua5.4 bytecode (there is none); a dumped
// function is the source of its chunk plus the index of its prototype, behind
// a binary-chunk signature (ESC "Lua"), so that load's modes and messages
// behave as for binary chunks. Loading compiles the chunk and creates that
// prototype's closure with fresh upvalues, the first one set to the `env`.

// lua5.4's header (signature, version, format, LUAC_DATA, sizes, LUAC_INT
// 0x5678 and LUAC_NUM 370.5 as little-endian int64 and double), then ours.
const DUMP_SIGNATURE = '\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08'
  + '\x78\x56\x00\x00\x00\x00\x00\x00' + '\x00\x00\x00\x00\x00\x28\x77\x40' + 'regolith\n';

/**
 * string.dump: the binary chunk of Lua function `f`, or undefined for a host
 * function. `strip` (an `s` after the proto index) loads it without debug
 * information, as lua5.4 does.
 */
export function dumpFunction(f: LuaFunction, strip = false): string | undefined {
  const info = f.P as FunctionInfo | undefined;
  if (info === undefined || info.text === undefined) return undefined;
  const stripped = strip || info.stripped === true;
  const own = ownChunk(info);
  const text = own ?? info.text;
  const index = `${own === null ? info.proto.index : 1}${stripped ? 's' : ''}`;
  // A stripped chunk has no source name: it loads as "=?".
  const source = stripped ? '=?' : info.source ?? '=?';
  const header = `${info.dialect ?? '5.4'}\n${index}\n${source}`.length;
  return `${DUMP_SIGNATURE}${info.dialect ?? '5.4'}\n${index}\n${header}\n${source.length + text.length}\n${source}${text}`;
}

/** Declaring more upvalues than this as locals would pass lua's limit on locals. */
const MAX_OWN_UPVALUES = 200;

/**
 * A chunk holding only the function of `info`, as its first nested function
 * (proto 1), with its lines where they were: its upvalues are locals of the
 * chunk, so it compiles as before. Without it a dump would carry the whole
 * chunk, and loading it would compile the whole chunk again. Null when the
 * function cannot stand apart (the main chunk; compile-time constants of
 * enclosing functions; Lua 5.1's function environments).
 */
function ownChunk(info: FunctionInfo): string | null {
  const own = info.proto.own;
  if (own === undefined || info.text === undefined || info.proto.index === 0 || info.dialect === '5.1') return null;
  if (own.upvalues.length > MAX_OWN_UPVALUES) return null;
  let body = info.text.slice(own.start, own.end);
  // A method's `self` is implicit in its text.
  if (own.isMethod) body = `(self${info.proto.numParams > 1 || info.proto.isVararg ? ', ' : ''}${body.slice(1)}`;
  const locals = own.upvalues.length > 0 ? `local ${own.upvalues.join(', ')}; ` : '';
  const lineDefined = info.proto.lineDefined;
  return `${locals}return${'\n'.repeat(lineDefined - 1)} function${'\n'.repeat(own.line - lineDefined)}${body}`;
}

/** Load a binary chunk made by dumpFunction; an error message for anything else. */
export function loadBinary(data: string, chunkName: string, env: LuaValue): LuaFunction | string {
  // lundump.c's name for messages.
  const c = chunkName.charAt(0);
  const shown = c === '@' || c === '=' ? chunkName.slice(1) : c === '\x1b' ? 'binary string' : chunkName;
  const bad = `${shown}: bad binary format (not a Regolith chunk)`;
  const truncated = `${shown}: truncated precompiled chunk`;
  if (!data.startsWith(DUMP_SIGNATURE)) return DUMP_SIGNATURE.startsWith(data) ? truncated : bad;
  const body = data.slice(DUMP_SIGNATURE.length);
  const m = /^(5\.[134])\n(\d+s?)\n(\d+)\n(\d+)\n/.exec(body);
  if (m === null) return /^[\d.\n]*$/.test(body) ? truncated : bad;
  const rest = body.slice(m[0].length);
  if (rest.length < Number(m[4])) return truncated;
  const nameLen = Number(m[3]) - m[1].length - m[2].length - 2;
  const source = rest.slice(0, nameLen);
  const text = rest.slice(nameLen);
  try {
    const strip = m[2].endsWith('s');
    return instantiate(text, { chunkName: source, dialect: m[1] as Dialect }, env, parseInt(m[2], 10), strip);
  } catch {
    return bad;
  }
}

type Factory = (...cells: { v: LuaValue }[]) => LuaFunction;
/** A compiled chunk: called with the `_ENV` cell, its main closure; with a proto index too, that proto's factory. */
type ChunkFn = (env: { v: LuaValue }, proto?: number) => LuaFunction | Factory;

/** A prototype as a stripped chunk shows it: no parameter names, upvalues without names, no lines. */
function strippedProto(p: Proto): Proto {
  return { ...p, upvalueNames: p.upvalueNames.map(() => '(no name)'), paramNames: [], activeLines: [] };
}

function buildChunk(source: string, options: LoadOptions, instrument: boolean, strip: boolean): { run: ChunkFn; protos: Proto[] } {
  const ast = parse(source, { chunkName: options.chunkName, dialect: options.dialect });
  // Code that forces collections should not keep garbage alive in temporaries.
  const debugged = isDebugged(source);
  const compiled = compile(ast, { strip, instrument, clearTemps: clearsTemps(source), debugged });
  // A stripped chunk has no source name ("=?") and no lines (-1); lua5.4
  // keeps linedefined and lastlinedefined.
  const chunkName = strip ? '=?' : options.chunkName;
  const displayName = chunkid(chunkName);
  const debugProtos = strip ? compiled.protos.map(strippedProto) : compiled.protos;
  const chunkInfo = {
    displayName,
    lineMap: strip ? compiled.lineMap.fill(-1) : compiled.lineMap,
    callSiteOf: compiled.callSiteOf,
    callSites: compiled.callSites,
    protoLines: compiled.protos.map((p): [number, number] => [p.lineDefined, p.lastLineDefined]),
  };
  const url = registerChunk(chunkInfo);
  chunkDebugInfo.set(chunkInfo, { source: chunkName, protos: debugProtos });
  const infos: FunctionInfo[] = debugProtos.map((proto) => ({
    proto, chunkName: displayName, source: chunkName, chunk: chunkInfo, text: source, dialect: options.dialect,
    ...(strip ? { stripped: true } : {}),
    ...(debugged ? { debugged: true } : {}),
  }));
  const R: Record<string, unknown> = Object.create(null);
  for (const name of RUNTIME_NAMES) R[name] = shared[name];
  R.mkfn = (f: LuaFunction, g: LuaFunction['G'], i: number, u?: { v: LuaValue }[]): LuaFunction => {
    f.G = g;
    f.P = infos[i];
    // The closure's upvalue cells, in upvalue order (debug library).
    (f as { U?: unknown }).U = u;
    // Closures made by instrumented code are their own instrumented twins.
    if (instrument) (f as { I?: unknown }).I = f;
    countAlloc();
    return f;
  };
  for (const name of RUNTIME_NAMES) {
    if (R[name] === undefined) throw new Error(`internal: runtime helper ${name} missing`);
  }
  const chunk = new Function('$R', `${compiled.code}\n//# sourceURL=${url}`) as (r: unknown) => ChunkFn;
  return { run: chunk(R), protos: compiled.protos };
}

function instantiate(source: string, options: LoadOptions, env: LuaValue, protoIndex: number | undefined, strip = false): LuaFunction {
  const { run, protos } = buildChunk(source, options, false, strip);
  if (protoIndex === undefined) return run({ v: env }) as LuaFunction;
  const proto = protos[protoIndex];
  if (proto === undefined) throw new Error('bad proto index');
  // Fresh upvalues; the first one gets the environment, as lua_load does
  // (a chunk's _ENV that is not the first upvalue is nil).
  const envCell = { v: proto.envIndex === 0 ? env : undefined };
  const cells = Array.from({ length: proto.numCells }, () => ({ v: undefined as LuaValue }));
  if (cells.length > 0 && proto.envIndex !== 0) cells[0].v = env;
  return (run(envCell, protoIndex) as Factory)(...cells);
}

/** Instrumented builds of chunks, by the text they were compiled from. */
const instrumentedChunks = new WeakMap<ChunkInfo, ChunkFn>();

/**
 * The instrumented twin of Lua closure `f` (debug mode): the same prototype
 * compiled with `instrument`, closed over the same upvalue cells.
 */
export function instrumentTwin(f: LuaFunction): LuaFunction {
  const info = f.P as FunctionInfo | undefined;
  if (info === undefined || info.chunk === undefined || info.text === undefined) return f;
  let run = instrumentedChunks.get(info.chunk);
  if (run === undefined) {
    run = buildChunk(info.text, { chunkName: info.source ?? info.chunkName, dialect: info.dialect }, true, info.stripped === true).run;
    instrumentedChunks.set(info.chunk, run);
  }
  const U = (f as { U?: { v: LuaValue }[] }).U ?? [];
  const envIndex = info.proto.envIndex;
  const envCell = envIndex >= 0 ? U[envIndex]! : { v: undefined as LuaValue };
  const cells = U.filter((_, i) => i !== envIndex);
  return (run(envCell, info.proto.index) as Factory)(...cells);
}

hooks.H.call = ops.call as (f: LuaValue, ...args: LuaValue[]) => unknown;
hooks.H.instrument = instrumentTwin;

export { LuaError };
