// The debug library (ldblib.c), a first cut.
//
// What works:
//   - traceback, getinfo, getmetatable/setmetatable (any type), getregistry,
//     getuservalue/setuservalue (our userdata have no user values, as
//     userdata created with 0 user values in C), getupvalue/setupvalue/
//     upvalueid on Lua closures (their cells are exposed as `fn.U`, see
//     runtime.ts mkfn), getlocal on a function value (parameter names),
//     setcstacklimit (returns 200 as lua 5.4.4 does).
// Known limits:
//   - Stack levels come from the JS stack (runtime/traceback.ts): frames
//     running in resumable mode (inside coroutines) are missing, and
//     getinfo(level, "f").func is nil for Lua levels (the JS stack does not
//     give the closure); for library functions it is looked up by name.
//   - Levels of another coroutine are not available: getinfo(co, level)
//     returns nil and traceback(co) has no levels.
//   - getlocal/setlocal on a stack level return nil (locals live in JS
//     variables).
//   - sethook stores the hook (gethook returns it) but hooks are never called.
//   - upvaluejoin raises "upvaluejoin not supported": compiled code reads its
//     cells from the factory's parameters, not through the function object.

import { collectorOf } from '../runtime/gc.js';
import { LuaTable } from '../runtime/table.js';
import * as ops from '../runtime/ops.js';
import * as N from '../runtime/number.js';
import { LuaFloat, LuaThreadBase, LuaUserdata, luaType, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { chunkDebugInfo, type FunctionInfo } from '../runtime/runtime.js';
import type { Proto } from '../compiler/codegen.js';
import { currentLevels, formatTraceback, traceback, HOST_ENTRY, type TraceLevel } from '../runtime/traceback.js';
import { running } from '../runtime/coroutine.js';
import {
  argError, checkAny, checkInteger, checkString, luaError, optInteger, setFuncs, typeError, type Args,
} from './lauxlib.js';

type Cell = { v: LuaValue };

function infoOf(f: unknown): FunctionInfo | undefined {
  return typeof f === 'function' ? ((f as { P?: FunctionInfo }).P) : undefined;
}

function cellsOf(f: unknown): Cell[] | undefined {
  return typeof f === 'function' ? ((f as { U?: Cell[] }).U) : undefined;
}

function isNumberValue(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LuaFloat;
}

const VALID_OPTIONS = 'SlnrutfL';

export function openDebug(L: LuaState): void {
  const debug = new LuaTable();
  let hook: { fn: LuaValue; mask: string; count: LuaValue } | null = null;
  const upvalueIds = new WeakMap<object, LuaUserdata>();

  /** getthread: [thread] as the first argument; returns the index of the next argument. */
  function threadArg(args: Args): { thread: LuaThreadBase | null; arg: number } {
    if (args[0] instanceof LuaThreadBase) return { thread: args[0], arg: 1 };
    return { thread: null, arg: 0 };
  }

  /** Whether `thread` (null: the running one) is the running coroutine. */
  function isCurrent(thread: LuaThreadBase | null): boolean {
    return thread === null || thread === (running() as unknown as LuaThreadBase);
  }

  /** The Lua levels of the running stack as seen by a debug function (level 0: the function itself). */
  function stackLevels(): TraceLevel[] {
    const levels = currentLevels();
    levels.push(HOST_ENTRY);
    return levels;
  }

  // ------------------------------------------------------------ traceback

  function db_traceback(...args: Args): LuaValue {
    const { thread, arg } = threadArg(args);
    const m = args[arg];
    let msg: string | null;
    if (typeof m === 'string') msg = m;
    else if (isNumberValue(m)) msg = N.tostringNumber(m as never);
    else if (m === undefined) msg = null;
    else return m;
    const current = isCurrent(thread);
    const level = Number(optInteger(args, arg + 1, current ? 1 : 0));
    if (!current) return formatTraceback(L, msg, []);
    return traceback(L, msg, level);
  }

  // -------------------------------------------------------------- getinfo

  function linesOf(chunk: { lineMap: Int32Array } | undefined, proto: Proto): LuaTable {
    const t = new LuaTable();
    if (!chunk) return t;
    const main = proto.what === 'main';
    for (const line of chunk.lineMap) {
      if (line <= 0) continue;
      if (!main && (line <= proto.lineDefined || line > proto.lastLineDefined)) continue;
      t.set(line, true);
    }
    // The closing `end` holds the function's final return.
    if (!main) t.set(proto.lastLineDefined, true);
    return t;
  }

  function fillSource(t: LuaTable, source: string, short: string, proto: Proto | null): void {
    t.setStr('source', source);
    t.setStr('short_src', short);
    t.setStr('what', proto === null ? 'C' : proto.what);
    t.setStr('linedefined', proto === null ? -1 : proto.lineDefined);
    t.setStr('lastlinedefined', proto === null ? -1 : proto.lastLineDefined);
  }

  function fillUps(t: LuaTable, proto: Proto | null): void {
    t.setStr('nups', proto === null ? 0 : proto.upvalueNames.length);
    t.setStr('nparams', proto === null ? 0 : proto.numParams);
    t.setStr('isvararg', proto === null ? true : proto.isVararg);
  }

  /** A library function of the level (found by its JS name in package.loaded), or nil. */
  function hostFunctionOf(level: TraceLevel): LuaValue {
    const name = level.fnName;
    if (!name) return undefined;
    let found: LuaValue = undefined;
    const visit = (t: LuaTable, depth: number): boolean => {
      let k: LuaValue = undefined;
      for (;;) {
        const e = t.next(k);
        if (e === undefined) return false;
        k = e[0];
        const v = e[1];
        if (typeof v === 'function' && v.name === name) { found = v; return true; }
        if (depth > 0 && v instanceof LuaTable && visit(v, depth - 1)) return true;
      }
    };
    try { visit(L.loaded, 1); } catch { /* a table changed while traversing */ }
    return found;
  }

  function db_getinfo(...args: Args): LuaValue {
    const { thread, arg } = threadArg(args);
    const options = args[arg + 1] === undefined ? 'flnSrtu' : checkString(args, arg + 1);
    if (options.startsWith('>')) argError(arg + 2, "invalid option '>'");
    const fv = args[arg];
    const t = new LuaTable();
    const checkOptions = (): void => {
      for (const c of options) if (!VALID_OPTIONS.includes(c)) argError(arg + 2, 'invalid option');
    };
    if (typeof fv === 'function') {
      checkOptions();
      const info = infoOf(fv);
      const proto = info ? info.proto : null;
      for (const c of options) {
        switch (c) {
          case 'S':
            if (info) fillSource(t, info.source ?? `=${info.chunkName}`, info.chunkName, proto);
            else fillSource(t, '=[C]', '[C]', null);
            break;
          case 'l': t.setStr('currentline', -1); break;
          case 'u': fillUps(t, proto); break;
          case 'n': t.setStr('namewhat', ''); break;
          case 't': t.setStr('istailcall', false); break;
          case 'r': t.setStr('ftransfer', 0); t.setStr('ntransfer', 0); break;
          case 'f': t.setStr('func', fv); break;
          case 'L':
            if (proto !== null) t.setStr('activelines', linesOf(chunkOfInfo(info), proto));
            break;
        }
      }
      return t;
    }
    const levelNum = checkInteger(args, arg);
    if (!isCurrent(thread)) return undefined;
    const levels = stackLevels();
    const n = Number(levelNum);
    if (n < 0 || n >= levels.length) return undefined;
    checkOptions();
    const lv = levels[n]!;
    const dbg = lv.kind === 'lua' && lv.chunk ? chunkDebugInfo.get(lv.chunk) : undefined;
    const proto = lv.kind === 'lua' ? (dbg?.protos[lv.proto ?? -1] ?? null) : null;
    for (const c of options) {
      switch (c) {
        case 'S':
          if (lv.kind === 'lua') {
            const short = lv.chunk?.displayName ?? '?';
            const src = dbg?.source ?? `=${short}`;
            if (proto) fillSource(t, src, short, proto);
            else {
              const lines = lv.chunk?.protoLines[lv.proto ?? -1];
              t.setStr('source', src);
              t.setStr('short_src', short);
              t.setStr('what', lv.proto === 0 ? 'main' : 'Lua');
              t.setStr('linedefined', lines ? lines[0] : -1);
              t.setStr('lastlinedefined', lines ? lines[1] : -1);
            }
          } else fillSource(t, '=[C]', '[C]', null);
          break;
        case 'l': t.setStr('currentline', lv.kind === 'lua' ? (lv.line ?? -1) : -1); break;
        case 'u': fillUps(t, proto); break;
        case 'n':
          t.setStr('namewhat', lv.namewhat);
          if (lv.namewhat !== '') t.setStr('name', lv.name);
          break;
        case 't': t.setStr('istailcall', lv.tail === true); break;
        case 'r': t.setStr('ftransfer', 0); t.setStr('ntransfer', 0); break;
        case 'f': if (lv.kind === 'C') t.setStr('func', hostFunctionOf(lv)); break;
        case 'L':
          if (proto !== null) t.setStr('activelines', linesOf(lv.chunk, proto));
          break;
      }
    }
    return t;
  }

  /** The registered chunk of a function (for its line map). */
  function chunkOfInfo(info: FunctionInfo | undefined): { lineMap: Int32Array } | undefined {
    return info?.chunk;
  }

  // ------------------------------------------------------- metatables etc.

  function db_getmetatable(...args: Args): LuaValue {
    checkAny(args, 0);
    const mt = ops.getmetatable(args[0]);
    return mt === null ? undefined : mt;
  }

  function db_setmetatable(...args: Args): LuaValue {
    const mt = args[1];
    if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) typeError(args, 1, 'nil or table');
    const v = args[0];
    const m = (mt as LuaTable | undefined) ?? null;
    if (v instanceof LuaTable || v instanceof LuaUserdata) {
      v.metatable = m;
      collectorOf(L).noteMetatable(v, m);
    } else ops.typeMetatables[luaType(v)] = m;
    return v;
  }

  function db_getregistry(): LuaValue {
    return L.registry;
  }

  // Userdata made by this implementation have no user values (as C
  // userdata created with lua_newuserdatauv(L, size, 0)).
  function db_getuservalue(...args: Args): LuaValue {
    optInteger(args, 1, 1);
    return undefined;
  }

  function db_setuservalue(...args: Args): LuaValue {
    if (!(args[0] instanceof LuaUserdata)) typeError(args, 0, 'userdata');
    checkAny(args, 1);
    optInteger(args, 2, 1);
    return undefined;
  }

  // ---------------------------------------------------------------- hooks

  function db_sethook(...args: Args): unknown {
    const { arg } = threadArg(args);
    if (args[arg] === undefined) {
      hook = null;
      return ops.EMPTY;
    }
    const smask = checkString(args, arg + 1);
    if (typeof args[arg] !== 'function') typeError(args, arg, 'function');
    const count = optInteger(args, arg + 2, 0);
    let mask = '';
    if (smask.includes('c')) mask += 'c';
    if (smask.includes('r')) mask += 'r';
    if (smask.includes('l')) mask += 'l';
    const hasCount = typeof count === 'bigint' ? count > 0n : count > 0;
    hook = mask === '' && !hasCount ? null : { fn: args[arg], mask, count: hasCount ? count : 0 };
    return ops.EMPTY;
  }

  function db_gethook(..._args: Args): unknown {
    if (hook === null) return undefined;
    return [hook.fn, hook.mask, hook.count];
  }

  // --------------------------------------------------------------- locals

  function db_getlocal(...args: Args): LuaValue {
    const { thread, arg } = threadArg(args);
    const nvar = checkInteger(args, arg + 1);
    const f = args[arg];
    if (typeof f === 'function') {
      const names = infoOf(f)?.proto.paramNames;
      const i = Number(nvar);
      return names && i >= 1 && i <= names.length ? names[i - 1] : undefined;
    }
    const level = Number(checkInteger(args, arg));
    if (isCurrent(thread) && (level < 0 || level >= stackLevels().length)) argError(arg + 1, 'level out of range');
    return undefined;
  }

  function db_setlocal(...args: Args): LuaValue {
    const { thread, arg } = threadArg(args);
    const level = Number(checkInteger(args, arg));
    checkInteger(args, arg + 1);
    if (isCurrent(thread) && (level < 0 || level >= stackLevels().length)) argError(arg + 1, 'level out of range');
    checkAny(args, arg + 2);
    return undefined;
  }

  // ------------------------------------------------------------- upvalues

  /** The name of upvalue n of f and its cell (when exposed); null when there is none. */
  function upvalue(args: Args, argf: number, argn: number): { name: string; cell: Cell | undefined } | null {
    const n = Number(checkInteger(args, argn));
    const f = args[argf];
    if (typeof f !== 'function') typeError(args, argf, 'function');
    const info = infoOf(f);
    if (!info) return null;
    const names = info.proto.upvalueNames;
    if (n < 1 || n > names.length) return null;
    return { name: names[n - 1]!, cell: cellsOf(f)?.[n - 1] };
  }

  function db_getupvalue(...args: Args): unknown {
    const u = upvalue(args, 0, 1);
    if (u === null) return ops.EMPTY;
    return [u.name, u.cell?.v];
  }

  function db_setupvalue(...args: Args): unknown {
    checkAny(args, 2);
    const u = upvalue(args, 0, 1);
    if (u === null) return ops.EMPTY;
    if (u.cell) u.cell.v = args[2];
    return u.name;
  }

  function upvalueIdOf(cell: Cell): LuaUserdata {
    let id = upvalueIds.get(cell);
    if (id === undefined) {
      id = new LuaUserdata(cell);
      upvalueIds.set(cell, id);
    }
    return id;
  }

  function db_upvalueid(...args: Args): LuaValue {
    const u = upvalue(args, 0, 1);
    if (u === null || u.cell === undefined) return undefined;
    return upvalueIdOf(u.cell);
  }

  function db_upvaluejoin(...args: Args): unknown {
    for (const [argf, argn] of [[0, 1], [2, 3]] as const) {
      const u = upvalue(args, argf, argn);
      if (u === null) argError(argn + 1, 'invalid upvalue index');
    }
    if (!infoOf(args[0])) argError(1, 'Lua function expected');
    if (!infoOf(args[2])) argError(3, 'Lua function expected');
    return luaError('upvaluejoin not supported');
  }

  function db_setcstacklimit(...args: Args): LuaValue {
    checkInteger(args, 0);
    return 200;
  }

  setFuncs(debug, 'debug.', {
    getuservalue: db_getuservalue, gethook: db_gethook, getinfo: db_getinfo, getlocal: db_getlocal,
    getregistry: db_getregistry, getmetatable: db_getmetatable, getupvalue: db_getupvalue,
    upvaluejoin: db_upvaluejoin, upvalueid: db_upvalueid, setuservalue: db_setuservalue,
    sethook: db_sethook, setlocal: db_setlocal, setmetatable: db_setmetatable,
    setupvalue: db_setupvalue, traceback: db_traceback, setcstacklimit: db_setcstacklimit,
  });
  L.loaded.setStr('debug', debug);
  L.globals.setStr('debug', debug);
}
