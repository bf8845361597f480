// The base library (lbaselib.c): print, type, pairs, pcall, load, ...

import { LuaTable, countAlloc } from '../runtime/table.js';
import { LuaError, readonlyLibraryError, errorValue, rethrowUncatchable, where } from '../runtime/errors.js';
import { E } from '../runtime/engine.js';
import { Caught, protectedCall } from '../runtime/protect.js';
import * as ops from '../runtime/ops.js';
import * as N from '../runtime/number.js';
import { callreq, type CallRequest } from '../runtime/callreq.js';
import { loadBinary } from '../runtime/dump.js';
import { collectorOf } from '../runtime/gc.js';
import { LuaFloat, LuaUserdata, LuaThreadBase, NULL_LIGHTUSERDATA, luaType, mkFloat, mkInt, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { fileSource } from '../syntax/index.js';
import { fileSystemOf, readWholeFile } from '../host/fs.js';
import {
  argError, checkAny, checkInteger, checkOption, checkString, checkTable, luaError,
  expectedError, optInteger, optString, registerHostFunction, setFuncs, typeError, type Args,
} from './lauxlib.js';
import { keepNames } from '../runtime/names.js';
import { cdirect, type LuaFunction } from '../runtime/trampoline.js';

// ------------------------------------------------------------ tostring

/** lua5.4's C-call limit, and the level past which an error in a message handler is given up (LUAI_MAXCCALLS / 10 * 11). */
const LUAI_MAXCCALLS = 200;
const LUAI_MAXCCALLS_ERR = 220;
/** Instruction units a `load` of text costs before its length (runtime/limits.ts): compiling takes tens of microseconds. */
const LOAD_STEPS = 5000;

function isCOverflow(v: LuaValue): boolean {
  return typeof v === 'string' && v.endsWith('C stack overflow');
}

/** A stable fake address for a reference value, formatted like %p (glibc: "(nil)" for NULL). */
export function addressOf(v: object): string {
  if (v === NULL_LIGHTUSERDATA) return '(nil)';
  const ids = E.addresses;
  let id = ids.get(v);
  if (id === undefined) {
    id = E.nextAddress++;
    ids.set(v, id);
  }
  return '0x' + (0x5580_0000_0000 + id * 0x40).toString(16).padStart(12, '0');
}

/** luaL_tolstring: the string lua5.4 shows for any value. */
export function tostring(v: LuaValue): string {
  const mm = ops.metafield(v, '__tostring');
  if (mm !== undefined) {
    const r = ops.first(ops.call(mm, v));
    if (typeof r !== 'string') {
      if (typeof r === 'number' || typeof r === 'bigint' || r instanceof LuaFloat) return N.tostringNumber(r);
      luaError("'__tostring' must return a string");
    }
    return r;
  }
  switch (typeof v) {
    case 'undefined': return 'nil';
    case 'boolean': return v ? 'true' : 'false';
    case 'number': case 'bigint': return N.tostringNumber(v);
    case 'string': return v;
    case 'function': return `${isBuiltin(v) ? 'builtin' : 'function'}: ${addressOf(v)}`;
    default: {
      if (v instanceof LuaFloat) return N.tostringNumber(v);
      const name = ops.metafield(v, '__name');
      const kind = typeof name === 'string' ? name : luaType(v);
      return `${kind}: ${addressOf(v as object)}`;
    }
  }
}

function isBuiltin(f: unknown): boolean {
  void f;
  return false;
}

// -------------------------------------------------------------- helpers

function pairsIterator(): (t: LuaValue, k: LuaValue) => unknown {
  return luaB_next as (t: LuaValue, k: LuaValue) => unknown;
}

function luaB_next(...args: Args): unknown {
  return nextOf(args);
}

/** next as pairs returns it in 5.1 (a function of its own, equal to no other). */
function luaB_pairsnext(...args: Args): unknown {
  return nextOf(args);
}

function nextOf(args: Args): unknown {
  const t = checkTable(args, 0);
  let r;
  try {
    r = t.next(args[1]);
  } catch {
    return luaError("invalid key to 'next'");
  }
  return r === undefined ? undefined : r;
}
registerHostFunction(luaB_pairsnext);

function ipairsAux(t: LuaValue, i: LuaValue): unknown {
  if (typeof i !== 'number' || (i | 0) !== i) {
    // Not a small integer: checked as lua's ipairsaux does (luaL_checkinteger),
    // with "no value" for an absent argument.
    // eslint-disable-next-line prefer-rest-params
    return ipairsAuxChecked(Array.prototype.slice.call(arguments) as Args);
  }
  const n = i + 1;
  const v = t instanceof LuaTable && t.metatable === null ? t.getInt(n) : ops.index(t, n);
  return v === undefined ? undefined : [n, v];
}
registerHostFunction(ipairsAux);

function ipairsAuxChecked(args: Args): unknown {
  const n = N.numAdd(checkInteger(args, 1), 1);
  const t = args[0];
  const v = t instanceof LuaTable && t.metatable === null && typeof n === 'number' ? t.getInt(n) : ops.index(t, n);
  return v === undefined ? undefined : [n, v];
}

/** lua5.1's ipairsaux: luaL_checkint(L, 2), a table, lua_rawgeti. */
function ipairsAuxRaw(t: LuaValue, i: LuaValue): unknown {
  if (t instanceof LuaTable && typeof i === 'number' && (i | 0) === i) {
    const n = i + 1;
    const v = t.getInt(n);
    // (5.1 returns no value at the end)
    return v === undefined ? ops.EMPTY : [n, v];
  }
  // (Called with other arguments: the checks, with "no value" for absent ones.)
  // eslint-disable-next-line prefer-rest-params
  return ipairsAuxRawChecked(Array.prototype.slice.call(arguments) as Args);
}
registerHostFunction(ipairsAuxRaw);

function ipairsAuxRawChecked(args: Args): unknown {
  const i = checkInteger(args, 1);
  const t = checkTable(args, 0);
  const n = (i as number) + 1;
  const v = t.get(n);
  return v === undefined ? ops.EMPTY : [n, v];
}

function tonumberWithBase(s: string, base: number): LuaValue {
  const text = s.replace(/^[ \f\n\r\t\v]+|[ \f\n\r\t\v]+$/g, '');
  let i = 0;
  let neg = false;
  if (text[0] === '-') { neg = true; i++; } else if (text[0] === '+') i++;
  if (i >= text.length) return undefined;
  let n = 0n;
  const B = BigInt(base);
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : 99;
    if (d >= base) return undefined;
    n = BigInt.asUintN(64, n * B + BigInt(d));
  }
  return mkInt(neg ? -n : n);
}

// ------------------------------------------------------------ the library

/**
 * `sandbox` (src/api/sandbox.ts): load takes text chunks only and
 * collectgarbage only the options that leave the collector as it is for
 * other code.
 */
export function openBase(L: LuaState, sandbox = false): void {
  const gc = collectorOf(L);
  const G = L.globals;
  const out = L.host.stdout;

  function luaB_print(...args: Args): unknown {
    const parts: string[] = [];
    for (let i = 0; i < args.length; i++) parts.push(tostring(args[i]));
    out.write(parts.join('\t') + '\n');
    if (L.stdoutMode !== 'full') out.flush();
    return ops.EMPTY;
  }

  /**
   * print of 5.1 and 5.3 (dialect switch `printCallsTostring`): each value
   * goes through the global `tostring` (lua_getglobal: metamethods of the
   * globals count), written as it comes (5.1's fputs stops at a NUL byte).
   */
  const cStringOutput = L.engine.dialect.version === '5.1';
  function luaB_print_tostring(...args: Args): unknown {
    const tostringFn = ops.index(G, 'tostring');
    for (let i = 0; i < args.length; i++) {
      const r = ops.first(ops.call(tostringFn, args[i]));
      let s = ops.tostringBasic(r);
      if (s === undefined) return luaError("'tostring' must return a string to 'print'");
      if (cStringOutput) {
        const z = s.indexOf('\0');
        if (z >= 0) s = s.slice(0, z);
      }
      out.write(i > 0 ? '\t' + s : s);
    }
    out.write('\n');
    if (L.stdoutMode !== 'full') out.flush();
    return ops.EMPTY;
  }

  function luaB_type(...args: Args): string {
    checkAny(args, 0);
    return luaType(args[0]);
  }

  function luaB_tostring(...args: Args): string {
    checkAny(args, 0);
    // A new string, as far as the collector's pacing goes (lua_tolstring allocates).
    countAlloc();
    return tostring(args[0]);
  }

  function luaB_tonumber(...args: Args): LuaValue {
    if (args[1] === undefined) {
      const v = args[0];
      if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat) return v;
      if (typeof v === 'string') return N.str2number(v);
      checkAny(args, 0);
      return undefined;
    }
    const base = checkInteger(args, 1);
    const v = args[0];
    if (typeof v !== 'string') typeError(args, 0, 'string');
    if (!(typeof base === 'number' && base >= 2 && base <= 36)) argError(2, 'base out of range');
    return tonumberWithBase(v, base as number);
  }

  function luaB_ipairs(...args: Args): unknown {
    if (ipairsMeta) {
      // LUA_COMPAT_IPAIRS (5.3): pairsmeta(L, "__ipairs", 1, ipairsaux).
      const mm = ops.metafield(args[0], '__ipairs');
      if (mm !== undefined) {
        const r = ops.mv(ops.call(mm, args[0]));
        return [r[0], r[1], r[2]];
      }
    }
    checkAny(args, 0);
    return [ipairsAux, args[0], 0];
  }
  const ipairsMeta = L.engine.dialect.ipairsMeta;

  /** ipairs of 5.1 (dialect switch `ipairsIndex` off): a table, read raw. */
  function luaB_ipairs_raw(...args: Args): unknown {
    checkTable(args, 0);
    return [ipairsAuxRaw, args[0], 0];
  }

  /** pairs without `__pairs` (dialect switch `pairsMeta` off): lua5.1's iterator is its own closure of next. */
  function luaB_pairs_raw(...args: Args): unknown {
    checkTable(args, 0);
    return [luaB_pairsnext, args[0], undefined];
  }

  function luaB_pairs(...args: Args): unknown {
    checkAny(args, 0);
    const t = args[0];
    const mm = ops.metafield(t, '__pairs');
    if (mm !== undefined) {
      const r = ops.mv(ops.call(mm, t));
      return [r[0], r[1], r[2]];
    }
    return [pairsIterator(), t, undefined];
  }

  // lua5.4 calls __pairs with lua_callk: it may yield.
  (luaB_pairs as { G?: unknown }).G = function* luaB_pairsG(...args: Args): Generator<CallRequest, unknown, unknown> {
    checkAny(args, 0);
    const t = args[0];
    const mm = ops.metafield(t, '__pairs');
    if (mm === undefined) return [pairsIterator(), t, undefined];
    const r = ops.mv(yield callreq(mm, [t]));
    return [r[0], r[1], r[2]];
  };

  function luaB_select(...args: Args): unknown {
    const n = args[0];
    if (typeof n === 'string' && n.charCodeAt(0) === 35 /* # */) return args.length - 1;
    const i = checkInteger(args, 0);
    const count = args.length - 1;
    if (typeof i !== 'number') return i < 0n ? argError(1, 'index out of range') : ops.EMPTY;
    if (i < 0) {
      if (-i > count) argError(1, 'index out of range');
      return args.slice(count + i + 1);
    }
    if (i === 0) argError(1, 'index out of range');
    return args.slice(i);
  }

  function luaB_rawget(...args: Args): LuaValue {
    const t = checkTable(args, 0);
    checkAny(args, 1);
    return t.get(args[1]);
  }

  function luaB_rawset(...args: Args): LuaValue {
    const t = checkTable(args, 0);
    checkAny(args, 1);
    checkAny(args, 2);
    const k = args[1];
    if (k === undefined) luaError('table index is nil');
    if (typeof k === 'number' && Number.isNaN(k)) luaError('table index is NaN');
    t.set(k, args[2]);
    return t;
  }

  function luaB_rawequal(...args: Args): boolean {
    checkAny(args, 0);
    checkAny(args, 1);
    const a = args[0], b = args[1];
    if (a === b) return true;
    if (ops.typeName(a) === 'number' && ops.typeName(b) === 'number') return N.numEq(a as never, b as never);
    return false;
  }

  function luaB_rawlen(...args: Args): number {
    const v = args[0];
    if (v instanceof LuaTable) return v.length();
    if (typeof v === 'string') return v.length;
    return expectedError(args, 0, 'table or string');
  }

  function luaB_setmetatable(...args: Args): LuaValue {
    const t = checkTable(args, 0);
    const mt = args[1];
    if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) expectedError(args, 1, 'nil or table');
    if (t.metatable !== null && t.metatable.strs.__metatable !== undefined) luaError('cannot change a protected metatable');
    if (t.readonly) readonlyLibraryError();
    t.metatable = (mt as LuaTable | undefined) ?? null;
    gc.noteMetatable(t, t.metatable);
    return t;
  }

  function luaB_getmetatable(...args: Args): LuaValue {
    checkAny(args, 0);
    const mt = ops.getmetatable(args[0]);
    if (mt === null) return undefined;
    const protectedValue = mt.getStr('__metatable');
    return protectedValue !== undefined ? protectedValue : mt;
  }

  function luaB_assert(...args: Args): unknown {
    if (args[0] !== undefined && args[0] !== false) return args;
    checkAny(args, 0);
    // As luaB_assert: the message goes through `error` (level 1).
    const msg = args.length < 2 ? 'assertion failed!' : args[1];
    throw new LuaError(typeof msg === 'string' ? where(1) + msg : msg);
  }

  function luaB_error(...args: Args): never {
    const level = optInteger(args, 1, 1);
    let v = args[0];
    if (typeof v === 'string' && level > 0) v = where(Number(level)) + v;
    throw new LuaError(v);
  }

  function luaB_pcall(...args: Args): unknown {
    checkAny(args, 0);
    // Errors raised below need no JS stack (see LuaError).
    const r = protectedCall(args[0], args.slice(1), true);
    return r instanceof Caught ? [false, errorValue(r.error)] : ops.append([true], r);
  }
  // Where coroutines cannot yield across pcall (5.1), a yield inside meets
  // the C boundary; their resumable variants serve pauses and awaits only,
  // and call the direct variants where neither can happen (see cdirect).
  const cBoundary = !L.engine.dialect.yieldAcrossCalls;
  (luaB_pcall as LuaFunction).G = function* pcallG(...args: Args): Generator<CallRequest, unknown, unknown> {
    if (cBoundary && cdirect()) return luaB_pcall(...args);
    checkAny(args, 0);
    try {
      return ops.append([true], yield callreq(args[0], args.slice(1)));
    } catch (e) {
      rethrowUncatchable(e);
      return [false, errorValue(e)];
    }
  };

  function luaB_xpcall(...args: Args): unknown {
    const handler = args[1];
    if (typeof handler !== 'function') typeError(args, 1, 'function');
    // The handler may ask for a traceback of where the error was raised.
    const r = protectedCall(args[0], args.slice(2), false);
    if (r instanceof Caught && r.error instanceof LuaError && r.error.bypassesHandler) return [false, errorValue(r.error)];
    return r instanceof Caught ? ops.append([false], callHandler(handler, r.error)) : ops.append([true], r);
  }
  // Frames of these catch errors (for the runtime's view of what an error will reach).
  (luaB_pcall as { catchesErrors?: boolean }).catchesErrors = true;
  (luaB_xpcall as LuaFunction).catchesErrors = (luaB_xpcall as LuaFunction).callsHandler = true;
  if (cBoundary) (luaB_pcall as LuaFunction).cBoundary = (luaB_xpcall as LuaFunction).cBoundary = true;
  (luaB_xpcall as LuaFunction).G = function* xpcallG(...args: Args): Generator<CallRequest, unknown, unknown> {
    if (cBoundary && cdirect()) return luaB_xpcall(...args);
    const handler = args[1];
    if (typeof handler !== 'function') typeError(args, 1, 'function');
    try {
      return ops.append([true], yield callreq(args[0], args.slice(2)));
    } catch (e) {
      rethrowUncatchable(e);
      if (e instanceof LuaError && e.bypassesHandler) return [false, errorValue(e)];
      return ops.append([false], callHandler(handler, e));
    }
  };

  /**
   * The message handler's result for error `e`. A handler that fails is
   * called again on its own error, as lua5.4 does, until the C-stack limit
   * gives up with "error in error handling".
   */
  function callHandler(handler: LuaValue, e: unknown): unknown {
    const handlerErrors = E.handlerErrors;
    handlerErrors.push(e);
    try {
      return callHandlerUntilDone(handler, e);
    } finally {
      handlerErrors.pop();
    }
  }
  // Tracebacks find the handler's level by this caller (traceback.ts HANDLER_CALLER).
  keepNames({ callHandler });

  function callHandlerUntilDone(handler: LuaValue, e: unknown): unknown {
    let err = errorValue(e);
    // lua5.4 calls the handler where the error is raised (luaG_errormsg),
    // one C level deeper than the raise; an error in the handler calls it
    // again one level deeper still. At level 200 that call is replaced by a
    // 'C stack overflow' error (handled the same way); at 220 lua gives up
    // (LUA_ERRERR). The raise is taken to be in the function xpcall called,
    // or at the C limit for a 'C stack overflow'.
    let level = isCOverflow(err) ? LUAI_MAXCCALLS : E.C.n + 1;
    let overflowed = false;
    while (++level < LUAI_MAXCCALLS_ERR) {
      if (level === LUAI_MAXCCALLS) {
        err = 'C stack overflow';
        continue;
      }
      // Errors raised in the handler need no JS stack: only their values go
      // on (a traceback in the handler shows the original error's stack).
      const r = protectedCall(handler, [err], true);
      if (!(r instanceof Caught)) return ops.first(r);
      err = errorValue(r.error);
      // After the handler overflowed the Lua stack, lua5.4 runs it once
      // more in the stack's reserve, which cannot grow: an error there
      // is the end.
      if (overflowed) break;
      // The handler reached the C limit itself: the next call is past it.
      if (isCOverflow(err)) level = Math.max(level, LUAI_MAXCCALLS);
      else if (typeof err === 'string' && err.endsWith('stack overflow')) overflowed = true;
    }
    return 'error in error handling';
  }

  function luaB_load(...args: Args): unknown {
    const chunk = args[0];
    let source: string;
    let defaultName: string;
    if (typeof chunk === 'string' || typeof chunk === 'number' || typeof chunk === 'bigint' || chunk instanceof LuaFloat) {
      source = checkString(args, 0);
      defaultName = source;
    } else {
      if (typeof chunk !== 'function') typeError(args, 0, 'function');
      defaultName = '=(load)';
      // Errors while reading (including the reader's own) make load fail.
      // The reader runs protected, as in lua_load: its to-be-closed
      // variables close when it fails, even in a coroutine.
      const parts: string[] = [];
      for (;;) {
        const r = protectedCall(chunk, [], true);
        if (r instanceof Caught) return [undefined, errorValue(r.error)];
        const piece = ops.first(r);
        if (piece === undefined || piece === '') break;
        if (typeof piece !== 'string') return [undefined, where(1) + 'reader function must return a string'];
        parts.push(piece);
      }
      source = parts.join('');
    }
    // lua_load takes the chunk name as a C string: it ends at a NUL byte.
    let name = optString(args, 1, defaultName);
    const nul = name.indexOf('\0');
    if (nul >= 0) name = name.slice(0, nul);
    const mode = optString(args, 2, 'bt');
    const env = args.length >= 4 ? args[3] : G;
    return loadChunk(source, name, mode, env);
  }

  function loadChunk(source: string, name: string, mode: string, env: LuaValue): unknown {
    // A sandbox loads as if no mode contained 'b' (binary chunks are not checked like source).
    if (sandbox) mode = mode.replaceAll('b', '');
    const binary = source.charCodeAt(0) === 0x1b;
    if (binary && !mode.includes('b')) return [undefined, `attempt to load a binary chunk (mode is '${mode}')`];
    if (!binary && !mode.includes('t')) return [undefined, `attempt to load a text chunk (mode is '${mode}')`];
    // Compiling is work too: a call to new Function costs thousands of steps' time, plus a step per 4 bytes.
    E.B.charge(LOAD_STEPS + (source.length >> 2));
    if (binary) {
      const f = loadBinary(source, name, env);
      return typeof f === 'string' ? [undefined, f] : f;
    }
    try {
      return L.compile(source, name, env);
    } catch (e) {
      if (e instanceof LuaSyntaxError) return [undefined, e.message];
      throw e;
    }
  }

  /** Read a file for loadfile/dofile: a UTF-8 BOM and a first line starting with '#' are skipped. */
  function readChunkFile(filename: string | undefined): { source: string; name: string } | { error: string } {
    if (filename === undefined) return { source: L.host.readStdin(), name: '=stdin' };
    const r = readWholeFile(fileSystemOf(L.host), filename);
    if (!r.ok) return { error: r.error };
    let source = fileSource(r.data, L.dialect);
    // fileSource keeps the '#' line's newline for line numbers; a binary chunk
    // after that line starts right after it (luaL_loadfilex reopens in binary).
    if (source.startsWith('\n\x1b') && /^(\xef\xbb\xbf)?#/.test(r.data)) source = source.slice(1);
    return { source, name: `@${filename}` };
  }

  function luaB_loadfile(...args: Args): unknown {
    const filename = args[0] === undefined ? undefined : checkString(args, 0);
    const mode = optString(args, 1, 'bt');
    const env = args.length >= 3 ? args[2] : G;
    const f = readChunkFile(filename);
    if ('error' in f) return [undefined, f.error];
    return loadChunk(f.source, f.name, mode, env);
  }

  /** dofile's chunk, compiled (errors raised as dofile raises them). */
  function dofileChunk(args: Args): unknown {
    const filename = args[0] === undefined ? undefined : checkString(args, 0);
    const f = readChunkFile(filename);
    if ('error' in f) luaError(f.error);
    const fn = loadChunk(f.source, f.name, 'bt', G);
    if (Array.isArray(fn)) throw new LuaError(fn[1]);
    return fn;
  }

  function luaB_dofile(...args: Args): unknown {
    return ops.call(dofileChunk(args));
  }
  // lua5.4 runs the chunk with lua_callk: it may yield.
  (luaB_dofile as { G?: unknown }).G = function* luaB_dofileG(...args: Args): Generator<CallRequest, unknown, unknown> {
    return yield callreq(dofileChunk(args), []);
  };

  const sandboxGcOptions = ['collect', 'count', 'step', 'isrunning'] as const;
  const gcOptions54 = ['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul', 'isrunning', 'generational', 'incremental'] as const;
  // Without the generational mode (5.3), its options are invalid.
  const gcOptions = L.engine.dialect.gcModes ? gcOptions54 : gcOptions54.slice(0, 8);
  function luaB_collectgarbage(...args: Args): unknown {
    const opt = checkOption(args, 0, 'collect', sandbox ? sandboxGcOptions : gcOptions);
    // Arguments are checked before lua_gc, which fails inside a finalizer.
    const params = opt === 'step' || opt === 'setpause' || opt === 'setstepmul' ? [optInteger(args, 1, 0)]
      : opt === 'incremental' || opt === 'generational' ? [optInteger(args, 1, 0), optInteger(args, 2, 0), optInteger(args, 3, 0)]
        : [];
    if (gc.inFinalizer) return undefined;
    switch (opt) {
      case 'count': return mkFloat(gc.count());
      case 'step':
        // lua5.3: a basic step (0) of a stopped collector does not finish a
        // cycle, so garbage still grows ("steps should not unblock the collector").
        if (!L.engine.dialect.gcModes && params[0] === 0 && !gc.running) return false;
        gc.fullCollect();
        return gc.mode === 'incremental';
      case 'isrunning': return gc.running;
      case 'stop': gc.stop(); return 0;
      case 'restart': gc.restart(); return 0;
      case 'setpause': { const prev = gc.pause(); gc.setPause(params[0]!); return prev; }
      case 'setstepmul': { const prev = gc.stepmul(); gc.setStepmul(params[0]!); return prev; }
      case 'generational': case 'incremental': {
        const prev = gc.mode;
        gc.mode = opt;
        if (opt === 'incremental') {
          if (params[0] !== 0) gc.setPause(params[0]!);
          if (params[1] !== 0) gc.setStepmul(params[1]!);
        }
        return prev;
      }
      default: gc.fullCollect(); return 0;
    }
  }

  function luaB_warn(...args: Args): unknown {
    checkString(args, 0);
    for (let i = 1; i < args.length; i++) checkString(args, i);
    const msg = args.map((a) => (typeof a === 'string' ? a : N.tostringNumber(a as never))).join('');
    if (args.length === 1 && msg.startsWith('@')) {
      if (msg === '@on') L.warnings = true;
      else if (msg === '@off') L.warnings = false;
      return ops.EMPTY;
    }
    if (L.warnings) L.host.stderr.write(`Lua warning: ${msg}\n`);
    return ops.EMPTY;
  }

  const dialect = L.engine.dialect;
  setFuncs(G, '', {
    assert: luaB_assert, collectgarbage: luaB_collectgarbage, dofile: luaB_dofile, error: luaB_error,
    getmetatable: luaB_getmetatable, ipairs: dialect.ipairsIndex ? luaB_ipairs : luaB_ipairs_raw,
    load: luaB_load, loadfile: luaB_loadfile, next: luaB_next,
    pairs: dialect.pairsMeta ? luaB_pairs : luaB_pairs_raw, pcall: luaB_pcall,
    print: dialect.printCallsTostring ? luaB_print_tostring : luaB_print, rawequal: luaB_rawequal,
    rawget: luaB_rawget, rawlen: luaB_rawlen, rawset: luaB_rawset, select: luaB_select,
    setmetatable: luaB_setmetatable, tonumber: luaB_tonumber, tostring: luaB_tostring, type: luaB_type,
    xpcall: luaB_xpcall,
  });
  if (L.engine.dialect.warnFunction) setFuncs(G, '', { warn: luaB_warn });
  G.setStr('_G', G);
  G.setStr('_VERSION', L.engine.dialect.name);
  L.loaded.setStr('_G', G);
}

export { LuaUserdata, LuaThreadBase };
