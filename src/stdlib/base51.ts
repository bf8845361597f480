// The base library of Lua 5.1 (lbaselib.c of 5.1.5): the 5.4 library
// (base.ts, which follows the dialect's switches for print, pairs and
// ipairs) with 5.1's functions put in place of the ones that differ, its
// own ones added (loadstring, unpack, gcinfo, newproxy) and 5.2+'s removed
// (rawlen, warn). setfenv/getfenv belong to the core (function
// environments); module is in package51.ts.

import { LuaTable } from '../runtime/table.js';
import { openFenv } from './fenv.js';
import { LuaError, readonlyLibraryError, errorValue, rethrowUncatchable, where } from '../runtime/errors.js';
import { collectorOf } from '../runtime/gc.js';
import { loadBinary } from '../runtime/dump.js';
import * as N from '../runtime/number.js';
import { str2number51, strtoul51 } from '../runtime/strtod.js';
import { LuaFloat, LuaUserdata, luaType, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import * as ops from './lauxlib.js';
import {
  argError, checkAny, checkInt, checkString, checkTable, luaError, optInt, optString, setFuncs, type Args,
} from './lauxlib.js';
import { addressOf, openBase } from './base.js';
import type { Frame, LuaFunction } from '../runtime/trampoline.js';

const isNum = (v: unknown): v is number | bigint | LuaFloat =>
  typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;

/** A number as lua5.1 holds it: a plain double. */
function dbl(v: number | bigint | LuaFloat): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

/** luaB_tostring of 5.1 without the metamethod: the string for a value. */
export function tostring51Raw(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined': return 'nil';
    case 'boolean': return v ? 'true' : 'false';
    case 'number': case 'bigint': return N.tostringNumber(v);
    case 'string': return v;
    case 'function': return `function: ${addressOf(v)}`;
    default:
      if (v instanceof LuaFloat) return N.tostringNumber(v);
      return `${luaType(v)}: ${addressOf(v as object)}`;
  }
}

/** The number of elements lua5.1's unpack may push (LUAI_MAXCSTACK). */
const MAXCSTACK = 8000;

export function openBase51(L: LuaState, sandbox = false): void {
  openBase(L, sandbox);
  const G = L.globals;
  const gc = collectorOf(L);
  const base54 = {
    xpcall: G.getStr('xpcall') as LuaFunction,
    collectgarbage: G.getStr('collectgarbage'),
    loadfile: G.getStr('loadfile'),
  };

  function luaB51_tostring(...args: Args): LuaValue {
    checkAny(args, 0);
    const v = args[0];
    const mm = ops.metafield(v, '__tostring');
    if (mm !== undefined) return ops.first(ops.call(mm, v));
    return tostring51Raw(v);
  }

  function luaB51_tonumber(...args: Args): LuaValue {
    const base = optInt(args, 1, 10);
    const v = args[0];
    if (base === 10) {
      checkAny(args, 0);
      if (typeof v === 'number') return v;
      if (isNum(v)) return dbl(v);
      if (typeof v === 'string') return str2number51(v);
      return undefined;
    }
    const s = checkString(args, 0);
    if (!(base >= 2 && base <= 36)) argError(2, 'base out of range');
    return strtoul51(s, base);
  }

  function luaB51_error(...args: Args): never {
    const level = optInt(args, 1, 1);
    let v = args[0];
    // lua_isstring: numbers get the position too (and become strings).
    if (level > 0 && (typeof v === 'string' || isNum(v))) v = where(level) + (typeof v === 'string' ? v : N.tostringNumber(v));
    throw new LuaError(v);
  }

  function luaB51_assert(...args: Args): unknown {
    checkAny(args, 0);
    if (args[0] !== undefined && args[0] !== false) return args;
    return luaError(optString(args, 1, 'assertion failed!'));
  }

  function luaB51_select(...args: Args): unknown {
    const n = args.length;
    const first = args[0];
    if (typeof first === 'string' && first.charCodeAt(0) === 35 /* # */) return n - 1;
    let i = checkInt(args, 0);
    if (i < 0) i = n + i;
    else if (i > n) i = n;
    if (i < 1) argError(1, 'index out of range');
    return args.slice(i);
  }

  function luaB51_unpack(...args: Args): unknown {
    const t = checkTable(args, 0);
    let i = optInt(args, 1, 1);
    const e = args[2] === undefined ? t.length() : checkInt(args, 2);
    if (i > e) return ops.EMPTY;
    const n = e - i + 1;
    // lua_checkstack: the results and the arguments within LUAI_MAXCSTACK.
    if (n <= 0 || n + args.length > MAXCSTACK) luaError('too many results to unpack');
    ops.charge(n);
    const out = new Array<LuaValue>(n);
    for (let k = 0; k < n; k++, i++) out[k] = t.get(i);
    return n === 1 ? out[0] : out;
  }

  type HostFn = (...args: LuaValue[]) => unknown;
  function luaB51_xpcall(...args: Args): unknown {
    checkAny(args, 1);
    // A direct JS call: the 5.4 function is part of this one (one C level, not two).
    return base54.xpcall(args[0], handlerOf(args));
  }
  // Its resumable variant is one frame too (base.ts: pauses and awaits only).
  (luaB51_xpcall as LuaFunction).G = function* luaB51_xpcallG(...args: Args): Frame {
    checkAny(args, 1);
    return yield* base54.xpcall.G!(args[0], handlerOf(args));
  };
  /** A handler that is not a function fails when an error calls it (LUA_ERRERR). */
  function handlerOf(args: Args): LuaValue {
    const h = args[1];
    return typeof h === 'function' ? h : errorInErrorHandling;
  }
  function errorInErrorHandling(): string {
    return 'error in error handling';
  }
  ops.registerHostFunction(errorInErrorHandling);

  function luaB51_setmetatable(...args: Args): LuaValue {
    const t = checkTable(args, 0);
    const mt = args[1];
    if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) argError(2, 'nil or table expected');
    if (t.metatable !== null && t.metatable.getStr('__metatable') !== undefined) luaError('cannot change a protected metatable');
    if (t.readonly) readonlyLibraryError();
    t.metatable = (mt as LuaTable | undefined) ?? null;
    gc.noteMetatable(t, t.metatable);
    return t;
  }

  /** Load a chunk from text: nil and the message on a syntax error. */
  function loadText(source: string, name: string): unknown {
    ops.charge(5000 + (source.length >> 2));
    if (source.charCodeAt(0) === 0x1b && !L.engine.binaryAsText) {
      if (sandbox) return [undefined, "attempt to load a binary chunk (mode is 't')"];
      const f = loadBinary(source, name, G);
      return typeof f === 'string' ? [undefined, f] : f;
    }
    try {
      return L.compile(source, name, G);
    } catch (e) {
      if (e instanceof LuaSyntaxError) return [undefined, e.message];
      throw e;
    }
  }

  function luaB51_loadstring(...args: Args): unknown {
    const s = checkString(args, 0);
    return loadText(s, optString(args, 1, s));
  }

  function luaB51_load(...args: Args): unknown {
    const name = optString(args, 1, '=(load)');
    const reader = args[0];
    if (typeof reader !== 'function') ops.typeError(args, 0, 'function');
    // The reader's errors propagate (lua_load runs it unprotected from
    // the loader's point of view: the error ends the load with its message).
    const parts: string[] = [];
    try {
      for (;;) {
        const piece = ops.first(ops.call(reader));
        if (piece === undefined) break;
        if (typeof piece === 'string') {
          if (piece === '') break;
          parts.push(piece);
        } else if (isNum(piece)) parts.push(N.tostringNumber(piece));
        else luaError('reader function must return a string');
      }
    } catch (e) {
      rethrowUncatchable(e);
      return [undefined, errorValue(e)];
    }
    return loadText(parts.join(''), name);
  }

  function luaB51_loadfile(...args: Args): unknown {
    return (base54.loadfile as HostFn)(args[0]);
  }

  let pause = 200;
  let stepmul = 200;
  /** KB of collector work done by "step" since the last finished cycle. */
  let stepped = 0;
  const gcOptions = ['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul'] as const;
  const sandboxGcOptions = ['collect', 'count', 'step'] as const;
  function luaB51_collectgarbage(...args: Args): unknown {
    const opt = ops.checkOption(args, 0, 'collect', sandbox ? sandboxGcOptions : gcOptions);
    const ex = optInt(args, 1, 0);
    if (gc.inFinalizer) return 0;
    switch (opt) {
      case 'count': return gc.count();
      case 'step': {
        // lua5.1 does some work (ex KB times stepmul%, at least one step)
        // and answers whether that finished a cycle: here a cycle is done
        // once the steps since the last one have covered the heap.
        stepped += Math.max(ex, 1) * Math.max(stepmul, 1) / 100;
        if (stepped < gc.count()) return false;
        stepped = 0;
        (base54.collectgarbage as HostFn)('step', ex);
        return true;
      }
      case 'setpause': { const prev = pause; pause = ex; gc.setPause(Math.max(0, Math.min(ex, 1000))); return prev; }
      case 'setstepmul': { const prev = stepmul; stepmul = ex; gc.setStepmul(Math.max(0, Math.min(ex, 1000))); return prev; }
      default: (base54.collectgarbage as HostFn)(opt); return 0;
    }
  }

  function luaB51_gcinfo(): number {
    return Math.floor(gc.count());
  }

  /** Metatables made by newproxy(true), which newproxy(u) may share. */
  const proxyMetatables = new WeakSet<LuaTable>();
  function luaB51_newproxy(...args: Args): LuaValue {
    const v = args[0];
    const u = new LuaUserdata();
    if (v === undefined || v === false) return u;
    let mt: LuaTable;
    if (v === true) {
      mt = new LuaTable();
      proxyMetatables.add(mt);
    } else {
      const m = ops.getmetatable(v);
      if (m === null || !proxyMetatables.has(m)) argError(1, 'boolean or proxy expected');
      mt = m!;
    }
    u.metatable = mt;
    gc.markForFinalization(u);
    return u;
  }

  G.setStr('rawlen', undefined);
  G.setStr('warn', undefined);
  setFuncs(G, '', {
    tostring: luaB51_tostring, tonumber: luaB51_tonumber, error: luaB51_error, assert: luaB51_assert,
    select: luaB51_select, unpack: luaB51_unpack, xpcall: luaB51_xpcall, setmetatable: luaB51_setmetatable,
    loadstring: luaB51_loadstring, load: luaB51_load, loadfile: luaB51_loadfile,
    collectgarbage: luaB51_collectgarbage, gcinfo: luaB51_gcinfo, newproxy: luaB51_newproxy,
  });
  const xpcall51 = luaB51_xpcall as LuaFunction;
  xpcall51.catchesErrors = xpcall51.callsHandler = xpcall51.cBoundary = true;
  // getfenv and setfenv (function environments live in the core: fenv.ts).
  openFenv(L);
}
