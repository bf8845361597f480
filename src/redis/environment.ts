// The Lua state Redis scripts run in (eval.c's scriptingInit,
// script_lua.c): Lua 5.1 with Redis's libraries and nothing else, Redis's
// pcall and math.random, the `redis` table, the error handler, and the
// globals protection that makes every table reachable from _G read-only.
import { Lua, type LuaOptions } from '../api/lua.js';
import { LuaTableHandle, type LuaFunctionHandle } from '../api/handles.js';
import { LuaError as ApiLuaError, LuaLimitError } from '../api/index.js';
import { bytesToLua } from '../api/strings.js';
import type { Limits } from '../runtime/limits.js';
import { LuaTable } from '../runtime/table.js';
import type { LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import type { Frame, LuaFunction } from '../runtime/trampoline.js';
import { argError, checkInteger, luaError, setFuncs, type Args } from '../stdlib/lauxlib.js';
import { makeRedisTable, type RedisApiHost } from './redis-api.js';
import { Rand48 } from './rand48.js';
import { openCjson } from './cjson.js';
import { openCmsgpack } from './cmsgpack.js';
import { openStruct } from './struct.js';

/** A library a scripting environment opens besides Lua's own (cjson, cmsgpack, struct). */
export type LibraryOpener = (L: LuaState) => LuaTable;

export interface EnvironmentOptions {
  /** Regolith's limits on every script (instructions, memory, time...). */
  limits?: Limits;
  /** Async runs give the event loop a turn this often (milliseconds). */
  sliceMs?: number;
  /** Redis 7.4's `os` table, which holds only `clock`. */
  osClock?: boolean;
  /** More libraries to open as globals by name, after Redis's own. */
  libraries?: Record<string, LibraryOpener>;
}

/** The libraries Redis adds to Lua's (bit is LuaBitOp, opened with Lua's). */
const REDIS_LIBRARIES: Record<string, LibraryOpener> = { cjson: openCjson, struct: openStruct, cmsgpack: openCmsgpack };

/** The globals Redis 7's scripts have from Lua's base library (print, dofile, loadfile, getfenv, setfenv and newproxy are gone). */
const BASE_REMOVED = ['print', 'dofile', 'loadfile', 'getfenv', 'setfenv', 'newproxy'];

/** The error handler scripts run under (EVAL's `__redis__err__handler`, a global). */
const ERROR_HANDLER = `
local getinfo, type, tostring = ...
return function(err)
  -- Where the error was raised: the function that raised it, or its caller
  -- when that is a library function (error, redis.call).
  local where = getinfo(2, 'nSl')
  if where and where.what == 'C' then where = getinfo(3, 'nSl') end
  if type(err) ~= 'table' then err = { err = 'ERR ' .. tostring(err) } end
  if where then
    err.source = where.source
    err.line = where.currentline
  end
  return err
end`;

/** Runs a compiled script (its argument) under the handler (both globals are read-only). */
const RUNNER = 'return xpcall((...), __redis__err__handler)';

/** Runs a function of a library with its KEYS and ARGV tables under the handler. */
const FUNCTION_RUNNER = 'local f, h, keys, args = ... return xpcall(function() return f(keys, args) end, h)';

/**
 * Runs a library's code (FUNCTION LOAD): Redis runs it unprotected by the
 * handler, so an error is its raw value.
 */
const LIBRARY_RUNNER = 'local f = ... return xpcall(f, function(e) return e end)';

/**
 * The same in an async run (time-sliced, so that a server goes on serving
 * while a script runs). Not under xpcall, though 5.1's xpcall pauses too
 * (docs/ARCHITECTURE.md, "Lua 5.1: what does not yield"): in resumable code
 * it costs two frames more, about 0.3 µs of an EVALSHA's 2 µs. The
 * handler's work is done from the error's frames instead (runAsync).
 */
const ASYNC_RUNNER = `local f, keys, args, isFunction = ...
if isFunction then return (f(keys, args)) end
return (f())`;

/** What a run ended with: the script's first result, or the handler's error table. */
export type RunOutcome = { ok: true; value: LuaValue } | { ok: false; error: LuaValue };

/** Which scripts an environment runs: EVAL's, or FUNCTION libraries' (a Lua state of their own in Redis). */
export type EnvironmentKind = 'eval' | 'functions';

/**
 * What the error handler makes of an error, from the error itself: the
 * value as a table {err = ...} ('ERR ' and the text for any other value),
 * with the source and line of the function that raised it, or of its
 * caller when that is a library function (error, redis.call).
 */
function handledError(e: ApiLuaError): LuaValue {
  const v = e.value;
  const raw = v instanceof LuaTableHandle ? v.ref : v;
  let err: LuaTable;
  if (raw instanceof LuaTable) err = raw;
  else {
    err = new LuaTable();
    err.setStr('err', 'ERR ' + (raw instanceof Uint8Array ? bytesToLua(raw) : raw === undefined || raw === null ? 'nil' : String(raw)));
  }
  let frame = e.frames[0];
  if (frame?.what === 'C') frame = e.frames[1];
  if (frame !== undefined && !err.readonly) {
    err.setStr('source', frame.source.startsWith('[') ? frame.source : '@' + frame.source);
    err.setStr('line', frame.line);
  }
  return err;
}

/** A run's error as the handler's table; a limit (or a host failure) is thrown on. */
function failedRun(e: unknown): RunOutcome {
  if (e instanceof LuaLimitError || !(e instanceof ApiLuaError)) throw e;
  return { ok: false, error: handledError(e) };
}

/** Redis's pcall's results from Lua's: a caught error table with a string `err` becomes that string. */
function caughtAsString(r: unknown): unknown {
  if (Array.isArray(r) && r[0] === false && r[1] instanceof LuaTable) {
    const err = r[1].getStr('err');
    if (typeof err === 'string') return [false, err];
  }
  return r;
}

function outcome(r: readonly LuaValue[]): RunOutcome {
  return r[0] === true ? { ok: true, value: r[1] } : { ok: false, error: r[1] };
}

export class ScriptEnvironment {
  readonly lua: Lua;
  readonly L: LuaState;
  /** KEYS and ARGV (EVAL): refilled for every script (they sit in the read-only globals, writable themselves). */
  readonly keys: LuaTable;
  readonly argv: LuaTable;
  private readonly runner: LuaFunctionHandle;
  private readonly handler: LuaValue;

  /**
   * Runs a compiled script under the error handler: its first result, or
   * the handler's error table ({err, source, line}). A function of a
   * library gets its keys and arguments.
   */
  run(script: LuaValue, keys?: LuaTable, args?: LuaTable): RunOutcome {
    const r = keys === undefined ? this.runner.callRaw(script) : this.runner.callRaw(script, this.handler, keys, args);
    return outcome(Array.isArray(r) ? r : [r]);
  }

  private libraryRunner: LuaFunctionHandle | null = null;

  /**
   * Runs a library's code: its first result, or its error's raw value. It
   * is a run of its own (entered through a handle), so that the limits of
   * an enclosing `lua.withLimits` apply to it: FUNCTION LOAD's deadline.
   */
  runLibrary(chunk: LuaValue): RunOutcome {
    const runner = (this.libraryRunner ??= this.lua.load(LIBRARY_RUNNER, { chunkName: '=redis' }));
    const r = runner.callRaw(chunk);
    return outcome(Array.isArray(r) ? r : [r]);
  }

  private asyncRunner: LuaFunctionHandle | null = null;

  /**
   * `run` as an async run, time-sliced by the state's sliceMs: the outcome
   * at once when the script ends in its first slice, else a promise of it.
   */
  runAsync(script: LuaValue, keys?: LuaTable, args?: LuaTable): RunOutcome | Promise<RunOutcome> {
    const runner = (this.asyncRunner ??= this.lua.load(ASYNC_RUNNER, { chunkName: '=redis' }));
    let r: { value: unknown } | Promise<unknown>;
    try {
      r = runner.callRawAsync(script, keys, args, keys !== undefined);
    } catch (e) {
      return failedRun(e);
    }
    if (!(r instanceof Promise)) return { ok: true, value: r.value as LuaValue };
    return r.then((value) => ({ ok: true, value: value as LuaValue }), failedRun);
  }

  constructor(api: RedisApiHost, readonly rand: Rand48, options: EnvironmentOptions = {}, readonly kind: EnvironmentKind = 'eval') {
    const luaOptions: LuaOptions = {
      dialect: '5.1',
      libs: { base: { except: BASE_REMOVED }, coroutine: true, table: true, string: true, math: true, debug: true, bit: true },
      // Always compiled with limit checks: a busy script can be killed, a FUNCTION LOAD times out.
      limits: options.limits ?? {},
      sliceMs: options.sliceMs ?? 10,
      // Error values reach runAsync as bytes (messages are byte strings).
      strings: 'bytes',
    };
    this.lua = new Lua(luaOptions);
    const L = (this.L = this.lua.state);
    const G = L.globals;
    for (const [name, open] of Object.entries({ ...REDIS_LIBRARIES, ...options.libraries })) G.setStr(name, open(L));
    if (options.osClock === true) {
      const os = new LuaTable();
      setFuncs(os, 'os.', { clock: () => L.host.clock() });
      G.setStr('os', os);
    }
    this.replaceRandom(G);
    this.replacePcall(G);
    G.setStr('redis', makeRedisTable(api, kind === 'functions'));

    // The handler keeps debug.getinfo; debug itself goes (Redis removes it after init).
    const debug = G.getStr('debug') as LuaTable;
    this.handler = this.lua.load(ERROR_HANDLER, { chunkName: '=redis' }).callRaw(debug.getStr('getinfo'), G.getStr('type'), G.getStr('tostring')) as LuaValue;
    G.setStr('debug', undefined);
    L.loaded.setStr('debug', undefined);
    this.keys = new LuaTable();
    this.argv = new LuaTable();
    if (kind === 'eval') {
      // EVAL's handler is a global (functions keep theirs out of sight).
      G.setStr('__redis__err__handler', this.handler);
      this.runner = this.lua.load(RUNNER, { chunkName: '=redis' });
      G.setStr('KEYS', this.keys);
      G.setStr('ARGV', this.argv);
    } else {
      this.runner = this.lua.load(FUNCTION_RUNNER, { chunkName: '=redis' });
    }
    this.protectGlobals();
  }

  /** math.random and math.randomseed over the environment's rand48 (script_lua.c's redis_math_random). */
  private replaceRandom(G: LuaTable): void {
    const rand = this.rand;
    const math = G.getStr('math') as LuaTable;
    setFuncs(math, 'math.', {
      random: (...args: Args) => {
        const r = rand.fraction();
        switch (args.length) {
          case 0: return r;
          case 1: {
            const u = checkInteger(args, 0) as number;
            if (!(1 <= u)) argError(1, 'interval is empty');
            return Math.floor(r * u) + 1;
          }
          case 2: {
            const l = checkInteger(args, 0) as number;
            const u = checkInteger(args, 1) as number;
            if (!(l <= u)) argError(2, 'interval is empty');
            return Math.floor(r * (u - l + 1)) + l;
          }
          default: return luaError('wrong number of arguments');
        }
      },
      randomseed: (...args: Args) => {
        rand.seed(checkInteger(args, 0) as number);
        return undefined;
      },
    });
  }

  /**
   * Redis's pcall: an error that is a table with a string `err` is caught as
   * that string (xpcall is left alone). Like Lua's pcall it has a resumable
   * variant, so that an async run pauses inside it (a busy script can be
   * killed), and is a C boundary that coroutines cannot yield across.
   */
  private replacePcall(G: LuaTable): void {
    const pcall = G.getStr('pcall') as LuaFunction;
    const pcallG = pcall.G!;
    const redisPcall: LuaFunction = Object.assign((...args: Args): unknown => caughtAsString(pcall(...args)), {
      G: function* redisPcallG(...args: Args): Frame {
        return caughtAsString(yield* pcallG(...args));
      },
      catchesErrors: pcall.catchesErrors,
      cBoundary: pcall.cBoundary,
    });
    setFuncs(G, '', { pcall: redisPcall });
  }

  /**
   * scriptingInit's last step: reading an undeclared global fails, and _G,
   * every table reachable from it and their metatables become read-only
   * (KEYS and ARGV excepted), as does the string metatable.
   */
  private protectGlobals(): void {
    const L = this.L;
    const G = L.globals;
    const meta = new LuaTable();
    setFuncs(meta, '', {
      __index: (...args: Args) => {
        const k = args[1];
        if (typeof k !== 'string' && typeof k !== 'number') luaError('Second argument to luaProtectedTableError must be a string or number');
        return luaError(`Script attempted to access nonexistent global variable '${typeof k === 'number' ? String(k) : k}'`);
      },
    });
    G.metatable = meta;
    const seen = new Set<LuaTable>([this.keys, this.argv]);
    const freeze = (t: LuaTable) => {
      if (seen.has(t)) return;
      seen.add(t);
      t.freeze();
      if (t.metatable !== null) freeze(t.metatable);
      for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
        if (e[0] instanceof LuaTable) freeze(e[0]);
        if (e[1] instanceof LuaTable) freeze(e[1]);
      }
    };
    freeze(G);
    const stringMeta = L.engine.typeMetatables.string;
    if (stringMeta !== null) freeze(stringMeta);
    L.engine.readonlyStyle = { message: 'Attempt to modify a readonly table', libraryPosition: false };
    L.engine.binaryAsText = true;
  }
}

