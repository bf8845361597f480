// Function environments (Lua 5.1's getfenv and setfenv, lbaselib.c).
//
// A 5.1 closure reads its globals through its own environment cell (`V`,
// see codegen's `closure`): a copy of its creator's environment when it was
// made. Level 0 is the running thread's global table (each coroutine has
// its own, inherited from the thread that created it). For a level, the
// function running there comes from the stack levels: functions of chunks
// that name setfenv, getfenv or module keep themselves on their coroutine's
// frame list while they run (codegen's `fenvFrames`), resumable frames
// carry their closure; any other Lua function at a level is unknown, and
// reads as using the thread's globals.

import { LuaTable } from '../runtime/table.js';
import { LuaUserdata, type LuaValue } from '../runtime/value.js';
import { Coroutine } from '../runtime/coroutine.js';
import type { LuaState } from '../runtime/state.js';
import { E } from '../runtime/engine.js';
import { currentLevels, type TraceLevel } from '../runtime/traceback.js';
import { argError, checkAny, checkInteger, luaError, typeError, type Args } from './lauxlib.js';
import { setFuncs, toSafeNumber } from './lauxlib.js';

type EnvCell = { v: LuaValue };

/** The environment cell of a Lua function of a dialect with function environments. */
export function envCellOf(f: unknown): EnvCell | undefined {
  return typeof f === 'function' ? (f as { V?: EnvCell }).V : undefined;
}

/** The running thread's global table (level 0). */
export function threadGlobals(L: LuaState): LuaValue {
  const co = E.current as { globals51?: LuaValue };
  return co.globals51 !== undefined ? co.globals51 : L.globals;
}

function setThreadGlobals(t: LuaValue): void {
  (E.current as { globals51?: LuaValue }).globals51 = t;
}

/**
 * The function at stack level `level` (1: the caller of the library
 * function), as lua5.1 numbers levels: after a function reached by tail
 * calls comes one "(tail call)" level, which has no function. Returns null
 * for a C function.
 */
function functionAt(level: number): { fn: unknown } {
  const frames = (E.current as { fenvFrames?: unknown[] }).fenvFrames ?? [];
  // Frame-keeping functions met so far: they are on the frame list, innermost last.
  let seen = 0;
  const levels = currentLevels();
  // levels[0] is the library function itself.
  let n = 0;
  for (let i = 1; i < levels.length; i++) {
    const lv = levels[i]!;
    if (++n === level) {
      if (keepsFrame(lv)) {
        const fn = frames[frames.length - 1 - seen];
        if (fn !== undefined) return { fn };
      }
      if (lv.fn !== undefined) return { fn: lv.fn };
      return { fn: lv.kind === 'C' ? null : undefined };
    }
    if (keepsFrame(lv)) seen++;
    if (lv.tail === true) {
      if (++n === level) luaError(`no function environment for tail call at level ${level}`);
      // Callers gone by their tail calls may still be on the frame list (direct mode).
      for (const f of lv.skipped ?? []) if (f.kind === 'lua' && (f.chunk as { fenvFrames?: boolean } | undefined)?.fenvFrames === true) seen++;
    }
  }
  argError(1, 'invalid level');
}

function keepsFrame(lv: TraceLevel): boolean {
  return lv.kind === 'lua' && (lv.chunk as { fenvFrames?: boolean } | undefined)?.fenvFrames === true;
}

/** getfunc: the function named by argument 1 (a function or a level). */
function getfunc(args: Args, optional: boolean): { fn: unknown; level: number } {
  const f = args[0];
  if (typeof f === 'function') return { fn: f, level: -1 };
  const level = optional && f === undefined ? 1 : toSafeNumber(checkInteger(args, 0));
  if (level < 0) argError(1, 'level must be non-negative');
  if (level === 0) return { fn: null, level: 0 };
  return { ...functionAt(level), level };
}

/**
 * lua_setfenv on the function at `level` of the library function calling
 * this (1: its caller), as 5.1's `module` does; false when that is not a Lua
 * function.
 */
export function setEnvironmentAt(level: number, t: LuaTable): boolean {
  const cell = envCellOf(functionAt(level).fn);
  if (cell === undefined) return false;
  cell.v = t;
  return true;
}

/**
 * 5.1's debug.getfenv and debug.setfenv (lua_getfenv/lua_setfenv): the
 * environment of a function, a thread or a userdata. C functions and
 * userdata keep theirs in a side table (their default: the globals).
 */
export function openDebugFenv(L: LuaState, debug: LuaTable): void {
  const others = new WeakMap<object, LuaValue>();
  function db51_getfenv(...args: Args): LuaValue {
    checkAny(args, 0);
    const o = args[0];
    const cell = envCellOf(o);
    if (cell !== undefined) return cell.v;
    if (o instanceof Coroutine) return o.globals51 ?? L.globals;
    if (typeof o === 'function' || o instanceof LuaUserdata) return others.get(o) ?? L.globals;
    return undefined;
  }
  function db51_setfenv(...args: Args): LuaValue {
    const o = args[0], t = args[1];
    if (!(t instanceof LuaTable)) typeError(args, 1, 'table');
    const cell = envCellOf(o);
    if (cell !== undefined) cell.v = t;
    else if (o instanceof Coroutine) o.globals51 = t;
    else if (typeof o === 'function' || o instanceof LuaUserdata) others.set(o, t);
    else luaError("'setfenv' cannot change environment of given object");
    return o;
  }
  setFuncs(debug, 'debug.', { getfenv: db51_getfenv, setfenv: db51_setfenv });
}

export function openFenv(L: LuaState): void {
  function luaB_getfenv(...args: Args): LuaValue {
    const { fn, level } = getfunc(args, true);
    if (level === 0) return threadGlobals(L);
    const cell = envCellOf(fn);
    // A C function (or one we cannot see): the thread's global table.
    return cell !== undefined ? cell.v : threadGlobals(L);
  }
  function luaB_setfenv(...args: Args): LuaValue {
    const t = args[1];
    if (!(t instanceof LuaTable)) typeError(args, 1, 'table');
    const { fn, level } = getfunc(args, false);
    if (level === 0) {
      setThreadGlobals(t);
      return [];
    }
    const cell = envCellOf(fn);
    if (cell === undefined) luaError("'setfenv' cannot change environment of given object");
    cell.v = t;
    return fn as LuaValue;
  }
  setFuncs(L.globals, '', { getfenv: luaB_getfenv, setfenv: luaB_setfenv });
}
