// Redis Functions (function_lua.c, functions.c): FUNCTION LOAD, FCALL and
// the rest, over a Lua environment of their own. Each library's code runs
// with a fresh read-only globals table; while it loads, that table sees
// only `redis.register_function`, `redis.log` and the constants, and after
// it sees the functions environment's globals. FUNCTION DUMP and RESTORE
// move libraries as RDB payloads (rdb.ts).
import { LuaTable } from '../runtime/table.js';
import type { LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { LuaLimitError } from '../api/index.js';
import { bytesToLua, luaToBytes } from '../api/strings.js';
import { globMatch } from './store/glob.js';
import { luaError, setFuncs, type Args } from '../stdlib/lauxlib.js';
import { errorTable, type RedisApiHost } from './redis-api.js';
import type { RunOutcome, ScriptEnvironment } from './environment.js';
import type { RespValue } from './resp.js';
import { splitArgs } from './request.js';
import { RDB_OPCODE_FUNCTION2, RDB_OPCODE_FUNCTION_PRE_GA, RdbReader, RdbWriter, checkFooter, withFooter } from './rdb.js';

/** A registered function. */
interface RedisFunction {
  name: string;
  callback: LuaValue;
  description: string | null;
  flags: string[];
  library: Library;
}

interface Library {
  name: string;
  code: string;
  functions: Map<string, RedisFunction>;
}

const FUNCTION_FLAGS = ['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'];
const NAME = /^[A-Za-z0-9_]+$/;
/** LOAD_TIMEOUT_MS: how long a library's code may run while it loads. */
const LOAD_TIMEOUT_MS = 500;

const error = (text: string): RespValue => ({ type: 'error', value: luaToBytes(text) });
const bulk = (text: string): RespValue => ({ type: 'bulk', value: luaToBytes(text) });
const OK: RespValue = { type: 'simple', value: luaToBytes('OK') };

/** How FUNCTION RESTORE treats the libraries there are: APPEND (the default), REPLACE or FLUSH. */
export type RestorePolicy = 'append' | 'replace' | 'flush';

/**
 * Libraries and their functions by name (Redis's functionsLibCtx): the live
 * set, or the one FUNCTION RESTORE builds before it joins the live one.
 */
class LibrarySet {
  readonly libraries = new Map<string, Library>();
  readonly functions = new Map<string, RedisFunction>();

  link(library: Library): void {
    this.libraries.set(library.name, library);
    for (const f of library.functions.values()) this.functions.set(f.name, f);
  }

  unlink(library: Library): void {
    this.libraries.delete(library.name);
    for (const name of library.functions.keys()) this.functions.delete(name);
  }

  clear(): void {
    this.libraries.clear();
    this.functions.clear();
  }
}

export class FunctionLibraries {
  private readonly live = new LibrarySet();

  constructor(private readonly env: () => ScriptEnvironment, private readonly api: RedisApiHost) {}

  get(name: string): RedisFunction | undefined {
    return this.live.functions.get(name);
  }

  /** FUNCTION LOAD [REPLACE] code: the library's name, or the error reply. */
  load(code: string, replace: boolean): RespValue {
    const created = this.create(code, this.live, replace, true);
    return typeof created === 'string' ? error(created) : bulk(created.name);
  }

  /**
   * Makes a library of `code` and links it into `into`
   * (functionsCreateWithLibraryCtx): the library, or the error text. Its
   * code runs with FUNCTION LOAD's deadline only when `deadline` (Redis
   * restores libraries without one).
   */
  private create(code: string, into: LibrarySet, replace: boolean, deadline: boolean): Library | string {
    const meta = parseMetadata(code);
    if ('error' in meta) return meta.error;
    if (!NAME.test(meta.name)) return 'ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long';
    // Engines are looked up by name regardless of case.
    if (meta.engine.toLowerCase() !== 'lua') return `ERR Engine '${meta.engine}' not found`;
    const existing = into.libraries.get(meta.name);
    if (existing !== undefined && !replace) return `ERR Library '${meta.name}' already exists`;
    const env = this.env();
    const library: Library = { name: meta.name, code, functions: new Map() };
    let chunk: LuaValue;
    const libGlobals = new LuaTable();
    const libMeta = new LuaTable();
    libMeta.setStr('__index', this.loadTimeGlobals(library));
    libGlobals.metatable = libMeta;
    libGlobals.freeze();
    try {
      chunk = env.L.compile(meta.code, '@user_function', libGlobals);
    } catch (e) {
      if (e instanceof LuaSyntaxError) return `ERR Error compiling function: ${e.message}`;
      throw e;
    }
    // The code runs unprotected by the error handler.
    const outcome = this.runLoad(env, chunk, deadline);
    if (outcome !== null) return `ERR Error registering functions: ${outcome}`;
    if (library.functions.size === 0) return 'ERR No functions registered';
    for (const f of library.functions.values()) {
      const owner = into.functions.get(f.name);
      if (owner !== undefined && owner.library !== existing) return `ERR Function ${f.name} already exists`;
    }
    // After the load, the library's globals are the environment's.
    libMeta.setStr('__index', env.L.globals);
    libMeta.freeze();
    if (existing !== undefined) into.unlink(existing);
    into.link(library);
    return library;
  }

  /**
   * FUNCTION DUMP: every library's code after the FUNCTION2 opcode, as an
   * RDB string, then the footer (rdbSaveFunctions). Redis writes them in
   * its dict's order, which a random seed sets at start; here they come in
   * the order they were loaded.
   */
  dump(): Uint8Array {
    const w = new RdbWriter();
    for (const library of this.live.libraries.values()) {
      w.byte(RDB_OPCODE_FUNCTION2);
      w.string(luaToBytes(library.code));
    }
    return withFooter(w.finish());
  }

  /**
   * FUNCTION RESTORE payload [policy]: the payload's libraries are made
   * apart from the live ones, then take their place (FLUSH) or join them
   * (libraryJoin); on any error nothing changes.
   */
  restore(payload: Uint8Array, policy: RestorePolicy): RespValue {
    if (checkFooter(payload) === null) return error('ERR DUMP payload version or checksum are wrong');
    const incoming = new LibrarySet();
    const reader = new RdbReader(payload);
    // Up to the footer; a string may reach into it, as Redis reads the payload as one buffer.
    while (payload.length - reader.pos > 10) {
      const code = readLibraryCode(reader);
      if ('error' in code) return error(code.error);
      const created = this.create(code.code, incoming, false, false);
      if (typeof created === 'string') return error(created);
    }
    if (policy === 'flush') {
      this.live.clear();
      for (const library of incoming.libraries.values()) this.live.link(library);
      return OK;
    }
    const failed = this.join(incoming, policy === 'replace');
    return failed === null ? OK : error(failed);
  }

  /**
   * Links restored libraries into the live set (libraryJoin): a library of
   * the same name is an error, or with REPLACE goes; then a function name
   * still taken is an error. Null when they joined, else the error text.
   * (Redis checks in its dicts' order: with several clashes, which one it
   * names may differ.)
   */
  private join(incoming: LibrarySet, replace: boolean): string | null {
    const replaced = new Set<Library>();
    for (const library of incoming.libraries.values()) {
      const old = this.live.libraries.get(library.name);
      if (old === undefined) continue;
      if (!replace) return `ERR Library ${library.name} already exists`;
      replaced.add(old);
    }
    for (const f of incoming.functions.values()) {
      const owner = this.live.functions.get(f.name);
      if (owner !== undefined && !replaced.has(owner.library)) return `ERR Function ${f.name} already exists`;
    }
    for (const old of replaced) this.live.unlink(old);
    for (const library of incoming.libraries.values()) this.live.link(library);
    return null;
  }

  /**
   * Runs a library's code, within LOAD_TIMEOUT_MS if `deadline` (and within
   * the environment's own limits); null when it loaded, else the error text.
   */
  private runLoad(env: ScriptEnvironment, chunk: LuaValue, deadline: boolean): string | null {
    let outcome: RunOutcome;
    try {
      if (deadline) {
        const limits = env.lua.limits ?? {};
        const timeoutMs = Math.min(limits.timeoutMs ?? Infinity, LOAD_TIMEOUT_MS);
        outcome = env.lua.withLimits({ ...limits, timeoutMs }, () => env.runLibrary(chunk));
      } else {
        outcome = env.runLibrary(chunk);
      }
    } catch (e) {
      if (!(e instanceof LuaLimitError)) throw e;
      if (e.kind === 'time' && deadline) return 'ERR FUNCTION LOAD timeout';
      // One of Regolith's limits, which a real server lacks.
      return `ERR Script stopped by Regolith's ${e.kind} limit: ${e.message}`;
    }
    if (outcome.ok) return null;
    const value = outcome.error;
    if (value instanceof LuaTable) {
      const err = value.getStr('err');
      return typeof err === 'string' ? err : 'ERR unknown error';
    }
    // Only strings and tables can be raised here: load-time code sees only redis.*.
    return typeof value === 'string' ? `ERR ${value}` : 'ERR unknown error';
  }

  /** FUNCTION DELETE name. */
  delete(name: string): RespValue {
    const library = this.live.libraries.get(name);
    if (library === undefined) return error('ERR Library not found');
    this.live.unlink(library);
    return OK;
  }

  /** FUNCTION FLUSH. */
  flush(): void {
    this.live.clear();
  }

  /**
   * What a library's code sees while it loads: `redis` with
   * register_function, log and the constants, and nothing else (any other
   * name is an error, as is any other field of `redis`).
   */
  private loadTimeGlobals(library: Library): LuaTable {
    const missing = new LuaTable();
    setFuncs(missing, '', {
      __index: (...args: Args) => luaError(`Script attempted to access nonexistent global variable '${String(args[1])}'`),
    });
    const redis = new LuaTable();
    setFuncs(redis, 'redis.', {
      register_function: (...args: Args) => this.register(library, args),
      log: (this.env().L.globals.getStr('redis') as LuaTable).getStr('log') as (...a: Args) => unknown,
    });
    const constants: Record<string, LuaValue> = {
      LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3,
      REDIS_VERSION: this.api.version.text, REDIS_VERSION_NUM: this.api.version.num,
    };
    for (const [k, v] of Object.entries(constants)) redis.setStr(k, v);
    redis.metatable = missing;
    redis.freeze();
    const globals = new LuaTable();
    globals.setStr('redis', redis);
    globals.metatable = missing;
    globals.freeze();
    missing.freeze();
    return globals;
  }

  /** redis.register_function(name, callback) or ({function_name=, callback=, flags=, description=}). */
  private register(library: Library, args: Args): void {
    let name: LuaValue, callback: LuaValue, description: LuaValue, flags: LuaValue;
    if (args.length === 1) {
      const t = args[0];
      if (!(t instanceof LuaTable)) raise('calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).');
      for (let e = t.next(undefined); e !== undefined; e = t.next(e[0])) {
        const k = e[0];
        if (typeof k !== 'string' && typeof k !== 'number') raise('named argument key given to redis.register_function is not a string');
        const key = String(k).toLowerCase();
        const v = e[1];
        if (key === 'function_name') {
          if (typeof v !== 'string' && typeof v !== 'number') raise('function_name argument given to redis.register_function must be a string');
          name = v;
        } else if (key === 'description') {
          if (typeof v !== 'string' && typeof v !== 'number') raise('description argument given to redis.register_function must be a string');
          description = v;
        } else if (key === 'callback') {
          if (typeof v !== 'function') raise('callback argument given to redis.register_function must be a function');
          callback = v;
        } else if (key === 'flags') {
          if (!(v instanceof LuaTable)) raise('flags argument to redis.register_function must be a table representing function flags');
          flags = v;
        } else {
          raise('unknown argument given to redis.register_function');
        }
      }
      if (name === undefined) raise('redis.register_function must get a function name argument');
      if (callback === undefined) raise('redis.register_function must get a callback argument');
    } else if (args.length === 2) {
      [name, callback] = args;
      if (typeof name !== 'string' && typeof name !== 'number') raise('first argument to redis.register_function must be a string');
      if (typeof callback !== 'function') raise('second argument to redis.register_function must be a function');
    } else {
      raise('wrong number of arguments to redis.register_function');
    }
    const fname = typeof name === 'number' ? String(name) : (name as string);
    const flagList: string[] = [];
    if (flags instanceof LuaTable) {
      for (let i = 1; ; i++) {
        const f = flags.getInt(i);
        if (f === undefined) break;
        const text = typeof f === 'string' ? f.toLowerCase() : null;
        if (text === null || !FUNCTION_FLAGS.includes(text)) raise('unknown flag given');
        flagList.push(text);
      }
    }
    if (!NAME.test(fname)) raise('Library names can only contain letters, numbers, or underscores(_) and must be at least one character long');
    if (library.functions.has(fname)) raise('Function already exists in the library');
    library.functions.set(fname, {
      name: fname, callback, library, flags: flagList,
      description: description === undefined ? null : String(description),
    });
  }

  /** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE]. */
  list(pattern: string | null, withCode: boolean): RespValue {
    const items: RespValue[] = [];
    for (const library of this.live.libraries.values()) {
      if (pattern !== null && !globMatch(pattern, library.name)) continue;
      const functions: RespValue[] = [...library.functions.values()].map((f) => ({
        type: 'map',
        entries: [
          [bulk('name'), bulk(f.name)],
          [bulk('description'), f.description === null ? { type: 'null' } : bulk(f.description)],
          [bulk('flags'), { type: 'set', items: f.flags.map((flag): RespValue => ({ type: 'simple', value: luaToBytes(flag) })) }],
        ],
      }));
      const entries: [RespValue, RespValue][] = [
        [bulk('library_name'), bulk(library.name)],
        [bulk('engine'), bulk('LUA')],
        [bulk('functions'), { type: 'array', items: functions }],
      ];
      if (withCode) entries.push([bulk('library_code'), bulk(library.code)]);
      items.push({ type: 'map', entries });
    }
    return { type: 'array', items };
  }

  /** FUNCTION STATS (with no script running). */
  stats(): RespValue {
    return {
      type: 'map',
      entries: [
        [bulk('running_script'), { type: 'null' }],
        [bulk('engines'), { type: 'map', entries: [[bulk('LUA'), { type: 'map', entries: [
          [bulk('libraries_count'), { type: 'integer', value: BigInt(this.live.libraries.size) }],
          [bulk('functions_count'), { type: 'integer', value: BigInt(this.live.functions.size) }],
        ] }]] }],
      ],
    };
  }
}

function raise(message: string): never {
  throw new LuaError(errorTable(`ERR ${message}`));
}

/**
 * `#!lua name=<lib>` (functionExtractLibMetaData): the engine, the name and
 * the code with that line emptied. The line is split as Redis splits
 * inline commands (quotes, tabs, a CR before the newline); it ends at the
 * first newline, which must come before any NUL (Redis looks for it in a C
 * string). The name and the engine are checked by the caller, in Redis's
 * order.
 */
function parseMetadata(code: string): { engine: string; name: string; code: string } | { error: string } {
  if (!code.startsWith('#!')) return { error: 'ERR Missing library metadata' };
  const nl = code.indexOf('\n');
  const nul = code.indexOf('\0');
  if (nl < 0 || (nul >= 0 && nul < nl)) return { error: 'ERR Invalid library metadata' };
  const parts = splitArgs(luaToBytes(code.slice(0, nl)));
  if (parts === null || parts.length === 0) return { error: 'ERR Invalid library metadata' };
  let name: string | null = null;
  for (const part of parts.slice(1).map(bytesToLua)) {
    if (part.slice(0, 5).toLowerCase() !== 'name=') return { error: `ERR Invalid metadata value given: ${cString(part)}` };
    if (name !== null) return { error: 'ERR Invalid metadata value, name argument was given multiple times' };
    name = part.slice(5);
  }
  if (name === null) return { error: 'ERR Library name was not given' };
  return { engine: bytesToLua(parts[0]!).slice(2), name, code: code.slice(nl) };
}

/**
 * A library's code from a restore payload (rdbFunctionLoad), after its
 * opcode: FUNCTION2's is one string; the format of Redis 7.0's release
 * candidates, still read by 7.0.15, holds the name, the engine, an optional
 * description and the code, which become a metadata line and the code.
 */
function readLibraryCode(reader: RdbReader): { code: string } | { error: string } {
  const type = reader.type();
  if (type === RDB_OPCODE_FUNCTION2) {
    const code = reader.string();
    return code === null ? { error: 'ERR Failed loading library payload' } : { code: bytesToLua(code) };
  }
  if (type !== RDB_OPCODE_FUNCTION_PRE_GA) return { error: 'ERR given type is not a function' };
  const name = reader.string();
  if (name === null) return { error: 'ERR Failed loading library name' };
  const engine = reader.string();
  if (engine === null) return { error: 'ERR Failed loading engine name' };
  const hasDescription = reader.length();
  if (hasDescription === null) return { error: 'ERR Failed loading library description indicator' };
  if (hasDescription.value !== 0 && reader.string() === null) return { error: 'ERR Failed loading library description' };
  const blob = reader.string();
  if (blob === null) return { error: 'ERR Failed loading library blob' };
  // Redis formats the three as C strings: each ends at its first NUL.
  const [e, n, b] = [engine, name, blob].map((s) => cString(bytesToLua(s)));
  return { code: `#!${e} name=${n}\n${b}` };
}

/** Text up to its first NUL byte, as C's %s prints it. */
export function cString(s: string): string {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
}
