// Redis Functions (function_lua.c, functions.c): FUNCTION LOAD, FCALL and
// the rest, over a Lua environment of their own. Each library's code runs
// with a fresh read-only globals table; while it loads, that table sees
// only `redis.register_function`, `redis.log` and the constants, and after
// it sees the functions environment's globals.
import { LuaTable } from '../runtime/table.js';
import type { LuaValue } from '../runtime/value.js';
import { LuaError, adoptError } from '../runtime/errors.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import { LuaLimitError } from '../api/index.js';
import { luaToBytes } from '../api/strings.js';
import { globMatch } from './store/glob.js';
import { luaError, setFuncs, type Args } from '../stdlib/lauxlib.js';
import { errorTable, type RedisApiHost } from './redis-api.js';
import type { ScriptEnvironment } from './environment.js';
import type { RespValue } from './resp.js';

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

export class FunctionLibraries {
  readonly libraries = new Map<string, Library>();
  readonly functions = new Map<string, RedisFunction>();

  constructor(private readonly env: () => ScriptEnvironment, private readonly api: RedisApiHost) {}

  get(name: string): RedisFunction | undefined {
    return this.functions.get(name);
  }

  /** FUNCTION LOAD [REPLACE] code: the library's name, or the error reply. */
  load(code: string, replace: boolean): RespValue {
    const meta = parseMetadata(code);
    if ('error' in meta) return error(meta.error);
    const existing = this.libraries.get(meta.name);
    if (existing !== undefined && !replace) return error(`ERR Library '${meta.name}' already exists`);
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
      if (e instanceof LuaSyntaxError) return error(`ERR Error compiling function: ${e.message}`);
      throw e;
    }
    // The code runs unprotected by the error handler, with a deadline.
    const outcome = this.runLoad(env, chunk);
    if (outcome !== null) return error(`ERR Error registering functions: ${outcome}`);
    if (library.functions.size === 0) return error('ERR No functions registered');
    for (const f of library.functions.values()) {
      const owner = this.functions.get(f.name);
      if (owner !== undefined && owner.library.name !== library.name) return error(`ERR Function ${f.name} already exists`);
    }
    // After the load, the library's globals are the environment's.
    libMeta.setStr('__index', env.L.globals);
    libMeta.freeze();
    if (existing !== undefined) this.remove(existing);
    this.libraries.set(library.name, library);
    for (const f of library.functions.values()) this.functions.set(f.name, f);
    return bulk(library.name);
  }

  /** Runs a library's code; null when it loaded, else the error text. */
  private runLoad(env: ScriptEnvironment, chunk: LuaValue): string | null {
    try {
      env.lua.withLimits({ timeoutMs: LOAD_TIMEOUT_MS }, () => env.lua.state.run(() => {
        try {
          return (chunk as (...a: unknown[]) => unknown)();
        } catch (e) {
          // Inside the run: a write to the read-only globals, a JS TypeError,
          // becomes its Lua error with the position of the code that wrote.
          throw adoptError(e);
        }
      }));
      return null;
    } catch (thrown) {
      if (thrown instanceof LuaLimitError && thrown.kind === 'time') return 'ERR FUNCTION LOAD timeout';
      const e = thrown;
      const value = e instanceof LuaError ? e.value : (e as { value?: unknown }).value;
      if (value instanceof LuaTable) {
        const err = value.getStr('err');
        return typeof err === 'string' ? err : 'ERR unknown error';
      }
      if (typeof value === 'string') return `ERR ${value}`;
      throw e;
    }
  }

  private remove(library: Library): void {
    this.libraries.delete(library.name);
    for (const name of library.functions.keys()) this.functions.delete(name);
  }

  /** FUNCTION DELETE name. */
  delete(name: string): RespValue {
    const library = this.libraries.get(name);
    if (library === undefined) return error('ERR Library not found');
    this.remove(library);
    return { type: 'simple', value: luaToBytes('OK') };
  }

  /** FUNCTION FLUSH. */
  flush(): void {
    this.libraries.clear();
    this.functions.clear();
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
    for (const library of this.libraries.values()) {
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
          [bulk('libraries_count'), { type: 'integer', value: BigInt(this.libraries.size) }],
          [bulk('functions_count'), { type: 'integer', value: BigInt(this.functions.size) }],
        ] }]] }],
      ],
    };
  }
}

function raise(message: string): never {
  throw new LuaError(errorTable(`ERR ${message}`));
}

/** `#!lua name=<lib>` (functionExtractLibMetaData): the name and the code with that line emptied. */
function parseMetadata(code: string): { name: string; code: string } | { error: string } {
  if (!code.startsWith('#!')) return { error: 'ERR Missing library metadata' };
  const nl = code.indexOf('\n');
  if (nl < 0) return { error: 'ERR Invalid library metadata' };
  const parts = code.slice(0, nl).split(' ').filter((p) => p !== '');
  if (parts[0] !== '#!lua') return { error: `ERR Engine '${parts[0]!.slice(2)}' not found` };
  let name: string | null = null;
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `ERR Invalid metadata value given: ${part}` };
    const key = part.slice(0, eq);
    if (key !== 'name') return { error: `ERR Invalid metadata value given: ${part}` };
    if (name !== null) return { error: 'ERR Invalid metadata value, name argument was given multiple times' };
    name = part.slice(eq + 1);
  }
  if (name === null) return { error: 'ERR Library name was not given' };
  if (!NAME.test(name)) return { error: 'ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long' };
  return { name, code: code.slice(nl) };
}
