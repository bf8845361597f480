// The debug library (ldblib.c), a first cut.
//
// What works:
//   - traceback, getinfo, getmetatable/setmetatable (any type), getregistry,
//     getuservalue/setuservalue (our userdata have no user values, as
//     userdata created with 0 user values in C), getupvalue/setupvalue/
//     upvalueid on Lua closures (their cells are exposed as `fn.U`, see
//     loader.ts mkfn), getlocal on a function value (parameter names),
//     setcstacklimit (returns 200 as lua 5.4.4 does).
// Hooks, getlocal/setlocal on stack levels and upvaluejoin use debug mode
// (runtime/hooks.ts): instrumented variants run on the trampoline, keeping
// frame records. Known limits:
//   - A chunk whose source mentions getlocal, setlocal or sethook switches
//     debug mode on for good when it is loaded, so its functions are
//     inspectable and hookable from the start; all Lua code then runs several
//     times slower. Functions already running in direct mode when debug mode
//     starts otherwise (a hook set from another chunk) go on unhooked.
//   - Line events follow statements and lua's rules for them (then-lines,
//     loop jumps, final returns); events of single instructions inside a
//     statement spread over several lines are missing. Count hooks count
//     statements (a numeric for's set-up as four), not VM instructions.
//   - Lua temporaries ("(temporary)") are not visible to getlocal.
//   - Outside debug mode, getinfo(level, "f").func is nil for Lua levels that
//     run in direct mode (the JS stack does not give the closure).

import { collectorOf } from '../runtime/gc.js';
import { LuaTable } from '../runtime/table.js';
import { E } from '../runtime/engine.js';
import * as ops from '../runtime/ops.js';
import * as N from '../runtime/number.js';
import { LuaFloat, LuaLightUserdata, LuaThreadBase, LuaUserdata, luaType, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { instrumentTwin, type FunctionInfo } from '../runtime/loader.js';
import type { Proto } from '../compiler/codegen.js';
import { currentLevels, formatTraceback, levelsFromFrames, traceback, HOST_ENTRY, TAIL51, expandTails51, levelAt51, type TraceLevel } from '../runtime/traceback.js';
import { running } from '../runtime/coroutine.js';
import { LuaError, readonlyLibraryError, errorValue, type Frame } from '../runtime/errors.js';
import { Caught, protectedCall } from '../runtime/protect.js';
import { tostring } from './base.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { MAIN_THREAD, forceDebugMode, getHook, setHook, type FrameRec } from '../runtime/hooks.js';
import { machineStack, type LuaFunction, type Machine } from '../runtime/trampoline.js';
import {
  argError, checkAny, expectedError, checkInteger, checkString, luaError, optInteger, setFuncs, toPtrdiff, typeError, type Args,
} from './lauxlib.js';
import { str2number51 } from '../runtime/strtod.js';

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
  /** Lua 5.1's debug library (ldblib.c of 5.1.5) where it differs; chosen when the library is opened (see debug51.ts). */
  const v51 = L.engine.dialect.version === '5.1';
  const debug = new LuaTable();
  const upvalueIds = new WeakMap<object, LuaLightUserdata>();

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
    // A coroutine's stack ends at its body; the main thread's at lua.c's C function.
    if (onMainThread()) levels.push(HOST_ENTRY);
    return levels;
  }

  function onMainThread(): boolean {
    return (running() as { isMain?: boolean }).isMain === true;
  }

  // ------------------------------------------------------------ traceback

  /**
   * db_errorfb of 5.1: a numeric level is popped from the top of the stack
   * (whatever argument is there); the message is every argument from the
   * first on, concatenated; a first one that is not a string is returned.
   */
  function db_traceback51(...args: Args): LuaValue {
    const { thread, arg } = threadArg(args);
    const stack = args.slice(arg);
    const lv = stack[1];
    const levelNumber = typeof lv === 'number' ? lv : lv instanceof LuaFloat ? lv.n : typeof lv === 'string' ? str2number51(lv) : undefined;
    const current = isCurrent(thread);
    let level = current ? 1 : 0;
    if (levelNumber !== undefined) {
      level = toPtrdiff(levelNumber);
      stack.pop();
    }
    let msg: string | null = null;
    if (stack.length > 0) {
      const m = stack[0];
      if (typeof m !== 'string' && !isNumberValue(m)) return m;
      msg = '';
      for (const v of stack) {
        if (typeof v === 'string') msg += v;
        else if (isNumberValue(v)) msg += N.tostringNumber(v as never);
        else throw new LuaError(`attempt to concatenate a ${luaType(v)} value`);
      }
    }
    if (!current) return formatTraceback(L, msg, expandTails51(threadLevels(thread!)).slice(Math.max(0, level)));
    return traceback(L, msg, level, { hostEntry: onMainThread() });
  }

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
    if (!current) return formatTraceback(L, msg, threadLevels(thread!).slice(Math.max(0, level)));
    return traceback(L, msg, level, { hostEntry: onMainThread() });
  }

  // -------------------------------------------------------------- getinfo

  function linesOf(chunk: { lineMap: Int32Array } | undefined, proto: Proto): LuaTable {
    const t = new LuaTable();
    if (!chunk) return t;
    for (const line of proto.activeLines ?? []) t.set(line, true);
    return t;
  }


  function fillSource(t: LuaTable, source: string, short: string, proto: Proto | null): void {
    t.setStr('source', source);
    t.setStr('short_src', short);
    t.setStr('what', proto === null ? 'C' : proto.what);
    t.setStr('linedefined', proto === null ? -1 : proto.lineDefined);
    t.setStr('lastlinedefined', proto === null ? -1 : proto.lastLineDefined);
  }

  function fillUps(t: LuaTable, proto: Proto | null, fn?: LuaValue): void {
    const cups = proto === null ? (fn as { C?: Cell[] } | undefined)?.C : undefined;
    t.setStr('nups', proto !== null ? proto.upvalueNames.length : cups ? cups.length : 0);
    if (v51) return; // (5.1 has no nparams, isvararg)
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
    let options = args[arg + 1] === undefined ? (v51 ? 'flnSu' : 'flnSrtu') : checkString(args, arg + 1);
    const fv = args[arg];
    if (v51) {
      // 5.1: a level is any number (numeric strings too); a '>' may start the options of a level.
      const isLevel = typeof fv === 'number' || fv instanceof LuaFloat || (typeof fv === 'string' && str2number51(fv) !== undefined);
      if (!isLevel && typeof fv !== 'function') argError(arg + 1, 'function or level expected');
      if (isLevel && options.startsWith('>')) options = options.slice(1);
    } else if (options.startsWith('>')) argError(arg + 2, "invalid option '>'");
    const valid = v51 ? 'SlnufL' : VALID_OPTIONS;
    const t = new LuaTable();
    const checkOptions = (): void => {
      for (const c of options) if (!valid.includes(c)) argError(arg + 2, 'invalid option');
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
          case 'u': fillUps(t, proto, fv); break;
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
    const levels = isCurrent(thread) ? stackLevels() : threadLevels(thread!);
    const n = Number(levelNum);
    // 5.1: after a function reached by tail calls come its "(tail call)" levels.
    let lv: TraceLevel | undefined;
    if (v51) {
      lv = levelAt51(levels, n);
      if (lv === undefined) return undefined;
    } else {
      if (n < 0 || n >= levels.length) return undefined;
      lv = levels[n]!;
    }
    checkOptions();
    if (lv === TAIL51) {
      // lua5.1's info_tailcall: no function, no lines.
      for (const c of options) {
        switch (c) {
          case 'S':
            t.setStr('source', '=(tail call)'); t.setStr('short_src', '(tail call)');
            t.setStr('linedefined', -1); t.setStr('lastlinedefined', -1); t.setStr('what', 'tail');
            break;
          case 'l': t.setStr('currentline', -1); break;
          case 'u': t.setStr('nups', 0); break;
          case 'n': t.setStr('name', ''); t.setStr('namewhat', ''); break;
        }
      }
      return t;
    }
    const dbg = lv.kind === 'lua' && lv.chunk ? lv.chunk.debug : undefined;
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
          // 5.1 has no name for a function reached by a tail call.
          if (v51 && lv.tail === true) {
            t.setStr('namewhat', '');
            break;
          }
          t.setStr('namewhat', lv.namewhat);
          if (lv.namewhat !== '') t.setStr('name', lv.name);
          break;
        case 't': t.setStr('istailcall', lv.tail === true); break;
        case 'r': {
          const rec = lv.rec as FrameRec | undefined;
          const tr = rec?.transfer ?? null;
          t.setStr('ftransfer', tr === null ? 0 : rec!.ftransfer);
          t.setStr('ntransfer', tr === null ? 0 : tr.length);
          break;
        }
        case 'f': t.setStr('func', lv.fn !== undefined ? lv.fn as LuaValue : lv.kind === 'C' ? hostFunctionOf(lv) : undefined); break;
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
    if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) expectedError(args, 1, 'nil or table');
    const v = args[0];
    const m = (mt as LuaTable | undefined) ?? null;
    if (v instanceof LuaTable || v instanceof LuaUserdata) {
      if (v instanceof LuaTable && v.readonly) readonlyLibraryError();
      v.metatable = m;
      collectorOf(L).noteMetatable(v, m);
    } else {
      const type = luaType(v) as keyof typeof E.typeMetatables;
      // A read-only type metatable (a sandbox's string metatable) stays, like a read-only table's.
      if (E.typeMetatables[type]?.readonly === true) readonlyLibraryError();
      E.typeMetatables[type] = m;
    }
    // lua5.1 answers lua_setmetatable's result: true.
    return v51 ? true : v;
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

  /** Hooks are per thread; the main thread's key is MAIN_THREAD. */
  function hookKey(thread: LuaThreadBase | null): object {
    const t = thread ?? (running() as unknown as LuaThreadBase);
    return (t as { isMain?: boolean }).isMain ? MAIN_THREAD : t;
  }

  function db_sethook(...args: Args): unknown {
    const { thread, arg } = threadArg(args);
    const key = hookKey(thread);
    if (args[arg] === undefined) {
      setHook(key, null);
      return ops.EMPTY;
    }
    const smask = checkString(args, arg + 1);
    if (typeof args[arg] !== 'function') typeError(args, arg, 'function');
    const count = optInteger(args, arg + 2, 0);
    let mask = '';
    if (smask.includes('c')) mask += 'c';
    if (smask.includes('r')) mask += 'r';
    if (smask.includes('l')) mask += 'l';
    const n = typeof count === 'bigint' ? (count > 0n ? Number.MAX_SAFE_INTEGER : 0) : Math.max(0, count);
    setHook(key, mask === '' && n === 0 ? null : { fn: args[arg], mask, count: n, left: n });
    // ldblib keeps hooks in a registry table with weak keys (threads).
    let table = L.registry.getStr('_HOOKKEY');
    if (!(table instanceof LuaTable)) {
      table = new LuaTable();
      const mt = new LuaTable();
      mt.setStr('__mode', 'k');
      (table as LuaTable).metatable = mt;
      L.registry.setStr('_HOOKKEY', table);
    }
    (table as LuaTable).set(thread ?? (running() as unknown as LuaValue), args[arg]);
    return ops.EMPTY;
  }

  function db_gethook(...args: Args): unknown {
    const { thread } = threadArg(args);
    const h = getHook(hookKey(thread));
    // lua5.1 always answers three values: nil, "" and 0 without a hook.
    if (h === undefined) return v51 ? [undefined, '', 0] : undefined;
    return [h.fn, h.mask, h.count];
  }

  // --------------------------------------------------------------- locals

  /** The frame record of stack level `level` (instrumented code only), after checking the level. */
  function levelRecord(thread: LuaThreadBase | null, level: number, arg: number): FrameRec | undefined {
    const levels = isCurrent(thread) ? stackLevels() : threadLevels(thread!);
    // 5.1 counts a "(tail call)" level per caller a tail call removed; it has no locals.
    const lv = v51 ? (level < 0 ? undefined : levelAt51(levels, level)) : levels[level];
    if (level < 0 || lv === undefined) argError(arg + 1, 'level out of range');
    return lv!.rec as FrameRec | undefined;
  }

  /** The names of unnamed slots (DialectSpec `internalNames`). */
  const temporary = (): string => (E.dialect.internalNames === '5.3' ? '(*temporary)' : '(temporary)');
  const cTemporary = (): string => (E.dialect.internalNames === '5.3' ? '(*temporary)' : '(C temporary)');

  /** luaG_findlocal: the slot for local `n` (n < 0: vararg -n) of a frame. */
  function findLocal(rec: FrameRec | undefined, n: number): { name: string; get: () => LuaValue; set: (v: LuaValue) => void } | null {
    if (rec === undefined) return null;
    if (n < 0) {
      const va = rec.va;
      if (va === null || -n > va.length) return null;
      return { name: E.dialect.internalNames === '5.3' ? '(*vararg)' : '(vararg)', get: () => va[-n - 1], set: (v) => { va[-n - 1] = v; } };
    }
    const t = rec.transfer;
    if (t !== null && n >= rec.ftransfer && n < rec.ftransfer + t.length) {
      // Values passed to or returned by the function whose hook is running.
      const name = rec.fn !== null && (rec.fn as { P?: unknown }).P === undefined ? cTemporary() : temporary();
      return { name, get: () => t[n - rec.ftransfer], set: (v) => { t[n - rec.ftransfer] = v; } };
    }
    if (n > rec.n) {
      const i = n - rec.n - 1, temps = rec.temps;
      if (i < temps.length) return { name: temporary(), get: () => temps[i], set: (v) => { temps[i] = v; } };
      if (rec.hooked && i === temps.length) return { name: temporary(), get: () => undefined, set: () => {} };
      return null;
    }
    if (n === 0) return null;
    const [name, get, set] = rec.slots[n - 1]!;
    return { name, get, set };
  }

  function db_getlocal(...args: Args): unknown {
    const { thread, arg } = threadArg(args);
    const nvar = checkInteger(args, arg + 1);
    const f = args[arg];
    if (typeof f === 'function') {
      const names = infoOf(f)?.proto.paramNames;
      const i = Number(nvar);
      return names && i >= 1 && i <= names.length ? names[i - 1] : undefined;
    }
    const level = Number(checkInteger(args, arg));
    const rec = levelRecord(thread, level, arg);
    // Level 0 is getlocal itself: its "C temporaries" are its arguments.
    if (level === 0 && isCurrent(thread)) {
      const i = Number(nvar);
      return i >= 1 && i <= args.length ? [cTemporary(), args[i - 1]] : undefined;
    }
    const slot = findLocal(rec, Number(nvar));
    if (slot === null) return undefined;
    return [slot.name, slot.get()];
  }

  function db_setlocal(...args: Args): LuaValue {
    const { thread, arg } = threadArg(args);
    const level = Number(checkInteger(args, arg));
    const nvar = Number(checkInteger(args, arg + 1));
    const rec = levelRecord(thread, level, arg);
    checkAny(args, arg + 2);
    const slot = findLocal(rec, nvar);
    if (slot === null) return undefined;
    slot.set(args[arg + 2]);
    return slot.name;
  }

  /** The levels of a coroutine other than the running one (level 0: its innermost frame). */
  function threadLevels(co: LuaThreadBase): TraceLevel[] {
    const m = (co as { machine?: Machine }).machine;
    const dead = (co as { deadFrames?: Frame[] | null }).deadFrames;
    if (dead) return levelsFromFrames(dead);
    return m === undefined ? [] : levelsFromFrames(machineStack(m, m.stack.length - 1, Infinity));
  }


  // ------------------------------------------------------------- upvalues

  /** The name of upvalue n of f and its cell (when exposed); null when there is none. */
  function upvalue(args: Args, argf: number, argn: number): { name: string; cell: Cell | undefined } | null {
    const n = Number(checkInteger(args, argn));
    const f = args[argf];
    if (typeof f !== 'function') typeError(args, argf, 'function');
    const info = infoOf(f);
    if (!info) {
      // Library closures with upvalues (gmatch's iterator) list them as `.C`; C upvalues have empty names.
      const cups = (f as { C?: Cell[] }).C;
      return cups !== undefined && n >= 1 && n <= cups.length ? { name: '', cell: cups[n - 1] } : null;
    }
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

  function upvalueIdOf(cell: Cell): LuaLightUserdata {
    let id = upvalueIds.get(cell);
    if (id === undefined) {
      id = new LuaLightUserdata(cell);
      upvalueIds.set(cell, id);
    }
    return id;
  }

  function db_upvalueid(...args: Args): LuaValue {
    const u = upvalue(args, 0, 1);
    if (u === null || u.cell === undefined) return E.dialect.upvalueidNil ? undefined : argError(2, 'invalid upvalue index');
    return upvalueIdOf(u.cell);
  }

  function db_upvaluejoin(...args: Args): unknown {
    for (const [argf, argn] of [[0, 1], [2, 3]] as const) {
      const u = upvalue(args, argf, argn);
      if (u === null) argError(argn + 1, 'invalid upvalue index');
    }
    if (!infoOf(args[0])) argError(1, 'Lua function expected');
    if (!infoOf(args[2])) argError(3, 'Lua function expected');
    // Compiled code holds its cells in JS closures, so f1 cannot be
    // re-pointed in place: it gets a twin built over the new cells, which
    // debug mode (runtime/hooks.ts) runs whenever f1 is called.
    const f1 = args[0] as LuaFunction & { I?: LuaFunction; U: Cell[] };
    const f2 = args[2] as { U: Cell[] };
    f1.U = f1.U.slice();
    f1.U[Number(args[1]) - 1] = f2.U[Number(args[3]) - 1]!;
    f1.I = instrumentTwin(f1);
    forceDebugMode();
    return ops.EMPTY;
  }

  function db_setcstacklimit(...args: Args): LuaValue {
    checkInteger(args, 0);
    return 200;
  }

  /**
   * db_debug: reads commands from standard input (through the io library's
   * stdin, which stands for C's stdin) and runs them, until `cont` or end of
   * input; errors are written to standard error.
   */
  function db_debug(): unknown {
    const io = L.loaded.getStr('io');
    const stdin = io instanceof LuaTable ? io.getStr('stdin') : undefined;
    for (;;) {
      L.host.stderr.write('lua_debug> ');
      L.host.stderr.flush();
      const line = stdin === undefined ? undefined : ops.first(protectedCall(ops.index(stdin, 'read'), [stdin, 'L'], true));
      if (typeof line !== 'string' || line === 'cont\n') return ops.EMPTY;
      let r: unknown;
      try {
        r = protectedCall(L.compile(line, '=(debug command)'), [], true);
      } catch (e) {
        if (!(e instanceof LuaSyntaxError)) throw e;
        r = new Caught(e.message);
      }
      if (r instanceof Caught) {
        const v = r.error instanceof LuaSyntaxError ? r.error.message : errorValue(r.error);
        // luaL_tolstring (5.4), or lua_tostring, NULL for other values (5.3).
        const text = E.dialect.debugMessagesTolstring ? tostring(v) : ops.tostringBasic(v) ?? '(null)';
        L.host.stderr.write(`${text}\n`);
      }
    }
  }

  setFuncs(debug, 'debug.', {
    debug: db_debug,
    getuservalue: db_getuservalue, gethook: db_gethook, getinfo: db_getinfo, getlocal: db_getlocal,
    getregistry: db_getregistry, getmetatable: db_getmetatable, getupvalue: db_getupvalue,
    upvaluejoin: db_upvaluejoin, upvalueid: db_upvalueid, setuservalue: db_setuservalue,
    sethook: db_sethook, setlocal: db_setlocal, setmetatable: db_setmetatable,
    setupvalue: db_setupvalue, traceback: v51 ? db_traceback51 : db_traceback,
  });
  if (L.engine.dialect.cstackLimit) setFuncs(debug, 'debug.', { setcstacklimit: db_setcstacklimit });
  L.loaded.setStr('debug', debug);
  L.globals.setStr('debug', debug);
}
