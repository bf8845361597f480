// Redis's scripting commands over a ScriptEnvironment and an executor:
// EVAL, EVALSHA, EVAL_RO, EVALSHA_RO and SCRIPT (eval.c), with the script
// cache by SHA-1, shebang flags, and replies and errors byte for byte as
// Redis 7.0's. Every other command goes to the executor.
import type { LuaFunctionHandle } from '../api/handles.js';
import { LuaError as ApiLuaError, LuaLimitError } from '../api/index.js';
import { LuaSyntaxError } from '../syntax/errors.js';
import type { Limits } from '../runtime/limits.js';
import { LuaTable } from '../runtime/table.js';
import { bytesToLua, luaToBytes } from '../api/strings.js';
import type { RedisExecutor } from './executor.js';
import { luaToResp } from './convert.js';
import { ScriptEnvironment, type LibraryOpener, type RunOutcome } from './environment.js';
import { REDIS_VERSIONS, runContext, type RedisApiHost, type RedisLogger, type RedisRelease, type ScriptRun } from './redis-api.js';
import { sha1hex } from './sha1.js';
import { Rand48 } from './rand48.js';
import { FunctionLibraries, cString, type RestorePolicy } from './functions.js';
import { splitArgs } from './request.js';
import { parseIntegerNumber } from './store/numbers.js';
import { MemoryStore } from './store/index.js';
import type { LuaValue } from '../runtime/value.js';
import type { RespValue } from './resp.js';

export interface RedisScriptingOptions {
  /** Who runs the commands scripts call, and the commands that are not about scripting (default: a new MemoryStore). */
  executor?: RedisExecutor;
  /** Regolith's limits on every script (instructions, memory, time): they reach inside library calls. */
  limits?: Limits;
  /** Extra libraries by global name (cjson, cmsgpack, struct). */
  libraries?: Record<string, LibraryOpener>;
  /** Where redis.log writes (default: nowhere). */
  log?: RedisLogger;
  /** Redis's loglevel: messages below it are dropped (0 debug, 1 verbose, 2 notice (default), 3 warning). */
  logLevel?: number;
  /** The milliseconds clock commands see (frozen while a script runs). Default Date.now. */
  clock?: () => number;
  /**
   * Which Redis to behave as: '7.0' (default; checked against redis-server
   * 7.0.15), '7.2' or '7.4' (their documented differences: how numbers are
   * written, os.clock in 7.4, a few messages, EVAL's script cache of 500 in 7.4).
   */
  version?: RedisRelease;
  /** Redis's busy-reply-threshold: after it, other clients of the RESP server get BUSY (default 5000 ms). */
  busyThresholdMs?: number;
}

/** The script running now. */
interface RunningScript {
  /** Its sha (EVAL) or function name (FCALL), as error replies name it. */
  name: string;
  functions: boolean;
  started: number;
  run: ScriptRun;
  /** SCRIPT KILL or FUNCTION KILL asked for it to stop (the interrupt limit sees it). */
  kill: boolean;
}

/** A client's connection state that scripting reads. */
export interface ClientState {
  resp: 2 | 3;
  db: number;
}

/** Script flags from a `#!lua flags=...` line (eval.c's evalExtractShebangFlags). */
interface ScriptFlags {
  /** A shebang was given: the script is not in compatibility mode. */
  shebang: boolean;
  noWrites: boolean;
}

interface CachedScript {
  fn: LuaFunctionHandle;
  flags: ScriptFlags;
  /** Cached by EVAL rather than SCRIPT LOAD (Redis 7.4 evicts those past EVAL_CACHE_LIMIT). */
  byEval: boolean;
}

/** Redis 7.4 keeps at most this many EVAL-ed scripts, evicting the least recently used. */
const EVAL_CACHE_LIMIT = 500;

const FLAG_NAMES = ['no-writes', 'allow-oom', 'allow-stale', 'no-cluster', 'allow-cross-slot-keys'];

const error = (text: string): RespValue => ({ type: 'error', value: luaToBytes(text) });
const OK: RespValue = { type: 'simple', value: luaToBytes('OK') };

export class RedisScripting {
  private env: ScriptEnvironment;
  /** FUNCTION libraries run in a Lua state of their own, as in Redis. */
  private readonly fenv: ScriptEnvironment;
  private readonly functions: FunctionLibraries;
  private readonly scripts = new Map<string, CachedScript>();
  private current: ScriptRun | null = null;
  private running: RunningScript | null = null;
  /** Set while commandAsync runs a command: scripts then run as async runs. */
  private async = false;
  private readonly clock: () => number;
  /** math.random's generator: one per server in Redis, shared by EVAL and functions, kept by SCRIPT FLUSH. */
  private readonly rand = new Rand48();

  private readonly executor: RedisExecutor;

  constructor(private readonly options: RedisScriptingOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.executor = options.executor ?? new MemoryStore();
    this.env = this.newEnvironment('eval');
    this.fenv = this.newEnvironment('functions');
    this.functions = new FunctionLibraries(() => this.fenv, this.apiHost());
  }

  private apiHost(): RedisApiHost {
    return {
      run: () => {
        if (this.current === null) throw new Error('redis.* called outside a script');
        return this.current;
      },
      log: this.options.log ?? (() => {}),
      logLevel: this.options.logLevel ?? 2,
      version: REDIS_VERSIONS[this.options.version ?? '7.0'],
    };
  }

  private newEnvironment(kind: 'eval' | 'functions'): ScriptEnvironment {
    // Every script can be killed: an interrupt at the run's safe points sees SCRIPT KILL.
    const user = this.options.limits?.interrupt;
    const limits = { ...this.options.limits, interrupt: () => this.running?.kill === true || user?.() === true };
    return new ScriptEnvironment(this.apiHost(), this.rand, { limits, libraries: this.options.libraries, osClock: this.options.version === '7.4' }, kind);
  }

  /** Runs one command of a client: the scripting commands here, the rest by the executor. */
  command(argv: readonly Uint8Array[], client: ClientState): RespValue {
    const name = bytesToLua(argv[0] ?? new Uint8Array()).toLowerCase();
    switch (name) {
      case 'eval': case 'eval_ro': case 'evalsha': case 'evalsha_ro':
        return this.evalCommand(name, argv, client);
      case 'script':
        return this.scriptCommand(argv);
      case 'fcall': case 'fcall_ro':
        return this.fcallCommand(name, argv, client);
      case 'function':
        return this.functionCommand(argv);
      default: {
        const r = this.executor.execute(argv, { resp: client.resp, db: client.db, now: this.clock });
        if (r instanceof Promise) return error('ERR this executor is asynchronous');
        return r;
      }
    }
  }

  // ------------------------------------------------------------- EVAL

  private evalCommand(name: string, argv: readonly Uint8Array[], client: ClientState): RespValue {
    if (argv.length < 3) return error(`ERR wrong number of arguments for '${name}' command`);
    const numkeys = parseIntegerNumber(argv[2]!);
    if (numkeys === null) return error('ERR value is not an integer or out of range');
    if (numkeys > argv.length - 3) return error("ERR Number of keys can't be greater than number of args");
    if (numkeys < 0) return error("ERR Number of keys can't be negative");
    const byHash = name.startsWith('evalsha');
    let script: CachedScript, sha: string;
    if (byHash) {
      sha = bytesToLua(argv[1]!).toLowerCase();
      const found = sha.length === 40 ? this.scripts.get(sha) : undefined;
      if (found === undefined) return error('NOSCRIPT No matching script. Please use EVAL.');
      script = found;
    } else {
      const body = bytesToLua(argv[1]!);
      sha = sha1hex(body);
      const found = this.scripts.get(sha) ?? this.compile(body, sha, true);
      if (!('fn' in found)) return found;
      script = found;
      if (found.byEval && this.options.version === '7.4') this.touchEvalScript(sha, found);
    }
    const keys = argv.slice(3, 3 + numkeys);
    const args = argv.slice(3 + numkeys);
    const ro = name.endsWith('_ro');
    if (ro && script.flags.shebang && !script.flags.noWrites) return error('ERR Can not execute a script with write flag using *_ro command.');
    fillArray(this.env.keys, keys);
    fillArray(this.env.argv, args);
    return this.runScript(this.env, script.fn.ref, sha, client, ro || script.flags.noWrites);
  }

  // ------------------------------------------------------------- FCALL

  private fcallCommand(name: string, argv: readonly Uint8Array[], client: ClientState): RespValue {
    if (argv.length < 3) return error(`ERR wrong number of arguments for '${name}' command`);
    const fname = bytesToLua(argv[1]!);
    const fn = this.functions.get(fname);
    if (fn === undefined) return error('ERR Function not found');
    const numkeys = parseIntegerNumber(argv[2]!);
    if (numkeys === null) return error('ERR Bad number of keys provided');
    if (numkeys > argv.length - 3) return error("ERR Number of keys can't be greater than number of args");
    if (numkeys < 0) return error("ERR Number of keys can't be negative");
    const noWrites = fn.flags.includes('no-writes');
    if (name === 'fcall_ro' && !noWrites) return error('ERR Can not execute a script with write flag using *_ro command.');
    const keys = LuaTable.fromArray(argv.slice(3, 3 + numkeys).map(bytesToLua));
    const args = LuaTable.fromArray(argv.slice(3 + numkeys).map(bytesToLua));
    return this.runScript(this.fenv, fn.callback, fname, client, noWrites, keys, args);
  }

  // ------------------------------------------------------------- FUNCTION

  private functionCommand(argv: readonly Uint8Array[]): RespValue {
    if (argv.length < 2) return error("ERR wrong number of arguments for 'function' command");
    const sub = bytesToLua(argv[1]!).toLowerCase();
    const rest = argv.slice(2).map(bytesToLua);
    const arityError = error(`ERR wrong number of arguments for 'function|${sub}' command`);
    switch (sub) {
      case 'load': {
        if (rest.length < 1) return arityError;
        const replace = rest.length > 1 && rest[0]!.toLowerCase() === 'replace';
        if (rest.length > (replace ? 2 : 1)) return error(`ERR Unknown option given: ${rest[0]}`);
        return this.functions.load(rest[rest.length - 1]!, replace);
      }
      case 'delete':
        if (rest.length !== 1) return arityError;
        return this.functions.delete(rest[0]!);
      case 'flush':
        if (rest.length > 1 || (rest.length === 1 && !['sync', 'async'].includes(rest[0]!.toLowerCase()))) return error('ERR FUNCTION FLUSH only supports SYNC|ASYNC option');
        this.functions.flush();
        return OK;
      case 'list': {
        let pattern: string | null = null;
        let withCode = false;
        for (let i = 0; i < rest.length; i++) {
          const a = rest[i]!.toLowerCase();
          if (a === 'withcode' && !withCode) withCode = true;
          else if (a === 'libraryname' && pattern === null) {
            if (i + 1 >= rest.length) return error('ERR library name argument was not given');
            pattern = rest[++i]!;
          } else return error(`ERR Unknown argument ${rest[i]}`);
        }
        return this.functions.list(pattern, withCode);
      }
      case 'stats':
        if (rest.length !== 0) return arityError;
        return this.functions.stats();
      case 'kill':
        if (rest.length !== 0) return arityError;
        return error('NOTBUSY No scripts in execution right now.');
      case 'dump':
        if (rest.length !== 0) return arityError;
        return { type: 'bulk', value: this.functions.dump() };
      case 'restore': {
        if (rest.length < 1) return arityError;
        if (rest.length > 2) return error(`ERR unknown subcommand or wrong number of arguments for '${bytesToLua(argv[1]!)}'. Try FUNCTION HELP.`);
        const policy = rest.length === 2 ? restorePolicy(rest[1]!) : 'append';
        if (policy === null) return error('ERR Wrong restore policy given, value should be either FLUSH, APPEND or REPLACE.');
        return this.functions.restore(argv[2]!, policy);
      }
      default:
        return error(`ERR unknown subcommand '${bytesToLua(argv[1]!)}'. Try FUNCTION HELP.`);
    }
  }

  /** Compiles and caches a script body (SCRIPT LOAD, EVAL); the error reply when it does not compile. */
  /** 7.4's script cache: an EVAL-ed script just used becomes the newest; past the limit the oldest goes. */
  private touchEvalScript(sha: string, script: CachedScript): void {
    this.scripts.delete(sha);
    this.scripts.set(sha, script);
    let count = 0;
    for (const s of this.scripts.values()) if (s.byEval) count++;
    for (const [k, s] of this.scripts) {
      if (count <= EVAL_CACHE_LIMIT) break;
      if (s.byEval) {
        this.scripts.delete(k);
        count--;
      }
    }
  }

  private compile(body: string, sha: string, byEval = false): CachedScript | RespValue {
    const shebang = parseShebang(body);
    if ('error' in shebang) return error(shebang.error);
    let fn: LuaFunctionHandle;
    try {
      fn = this.env.lua.load(luaToBytes(shebang.code), { chunkName: '@user_script', mode: 't' });
    } catch (e) {
      if (e instanceof LuaSyntaxError || e instanceof ApiLuaError) return error(`ERR Error compiling script (new function): ${e.message}`);
      throw e;
    }
    const script = { fn, flags: shebang.flags, byEval };
    this.scripts.set(sha, script);
    return script;
  }

  /**
   * Runs a script or a function (`name`: its sha or function name, for
   * error replies): the script's client starts in RESP2 on the caller's
   * database, with the time frozen.
   */
  private runScript(env: ScriptEnvironment, fn: LuaValue, name: string, client: ClientState, readOnly: boolean, keys?: LuaTable, args?: LuaTable): RespValue {
    const run = {
      executor: this.executor, resp: 2, repl: 3, wrote: false, db: client.db, now: this.clock(), readOnly,
    } as ScriptRun;
    run.ctx = runContext(run);
    const running: RunningScript = { name, functions: env.kind === 'functions', started: Date.now(), run, kill: false };
    this.current = run;
    this.running = running;
    if (this.async) {
      // The server's path: a time-sliced run that other clients' commands
      // can interleave with, if it lasts beyond its first slice.
      let r: RunOutcome | Promise<RunOutcome>;
      try {
        r = env.runAsync(fn, keys, args);
      } catch (e) {
        this.done();
        return this.failed(e, running);
      }
      if (!(r instanceof Promise)) {
        this.done();
        return this.finish(r, running);
      }
      return r.then(
        (outcome) => this.finish(outcome, running),
        (e: unknown) => this.failed(e, running),
      ).finally(() => this.done()) as unknown as RespValue;
    }
    try {
      return this.finish(env.run(fn, keys, args), running);
    } catch (e) {
      return this.failed(e, running);
    } finally {
      this.done();
    }
  }

  private finish(r: RunOutcome, running: RunningScript): RespValue {
    return r.ok ? luaToResp(r.value, running.run.resp, this.options.version ?? '7.0') : errorReply(r.error, running.name);
  }

  /** A run that a limit stopped: SCRIPT KILL's, or one of Regolith's limits (which a real server lacks). */
  private failed(e: unknown, running: RunningScript): RespValue {
    if (!(e instanceof LuaLimitError)) throw e;
    const frame = e.frames.find((f) => f.source === (running.functions ? 'user_function' : 'user_script'));
    const where = frame !== undefined ? `, on @${frame.source}:${frame.line}.` : '';
    const text = running.kill ? 'ERR Script killed by user with SCRIPT KILL...' : `ERR Script stopped by Regolith's ${e.kind} limit: ${e.message}`;
    return error(`${text} script: ${running.name}${where}`);
  }

  private done(): void {
    this.current = null;
    this.running = null;
  }

  /**
   * Runs one command as the RESP server does: scripts as time-sliced async
   * runs, so that the server can serve other clients meanwhile (BUSY
   * replies, SCRIPT KILL: see `whileBusy`).
   */
  commandAsync(argv: readonly Uint8Array[], client: ClientState): RespValue | Promise<RespValue> {
    this.async = true;
    try {
      // A promise only for a script that goes on beyond its first slice.
      return this.command(argv, client);
    } finally {
      this.async = false;
    }
  }

  /** The script running now (an async run), if any. */
  get busy(): { name: string; functions: boolean; elapsedMs: number; wrote: boolean } | null {
    const r = this.running;
    return r === null ? null : { name: r.name, functions: r.functions, elapsedMs: Date.now() - r.started, wrote: r.run.wrote };
  }

  /**
   * The reply to a command of another client while a script runs past the
   * busy threshold: SCRIPT KILL and FUNCTION KILL act on it (unless it has
   * written), everything else is refused with BUSY.
   */
  whileBusy(argv: readonly Uint8Array[]): RespValue {
    const r = this.running;
    const name = bytesToLua(argv[0] ?? new Uint8Array()).toLowerCase();
    const sub = bytesToLua(argv[1] ?? new Uint8Array()).toLowerCase();
    if ((name === 'script' || name === 'function') && sub === 'kill') {
      if (r === null) return error('NOTBUSY No scripts in execution right now.');
      // The other kind's KILL gets the BUSY reply for the kind that runs.
      if (r.functions !== (name === 'function')) return error(`BUSY Redis is busy running a script. You can only call ${r.functions ? 'FUNCTION' : 'SCRIPT'} KILL or SHUTDOWN NOSAVE.`);
      if (r.run.wrote) return error('UNKILLABLE Sorry the script already executed write commands against the dataset. You can either wait the script termination or kill the server in a hard way using the SHUTDOWN NOSAVE command.');
      r.kill = true;
      return OK;
    }
    return error(`BUSY Redis is busy running a script. You can only call ${r?.functions === true ? 'FUNCTION' : 'SCRIPT'} KILL or SHUTDOWN NOSAVE.`);
  }

  /** Redis's busy-reply-threshold (lua-time-limit): after it, other clients get BUSY replies. */
  get busyThresholdMs(): number {
    return this.options.busyThresholdMs ?? 5000;
  }

  // ------------------------------------------------------------- SCRIPT

  private scriptCommand(argv: readonly Uint8Array[]): RespValue {
    if (argv.length < 2) return error("ERR wrong number of arguments for 'script' command");
    const sub = bytesToLua(argv[1]!).toLowerCase();
    const arity = (n: number, atLeast: boolean) => (atLeast ? argv.length >= n : argv.length === n);
    switch (sub) {
      case 'load': {
        if (!arity(3, false)) return error("ERR wrong number of arguments for 'script|load' command");
        const body = bytesToLua(argv[2]!);
        const sha = sha1hex(body);
        const found = this.scripts.get(sha) ?? this.compile(body, sha);
        if (!('fn' in found)) return found;
        // Loaded explicitly: never evicted (7.4).
        found.byEval = false;
        return { type: 'bulk', value: luaToBytes(sha) };
      }
      case 'exists': {
        if (!arity(3, true)) return error("ERR wrong number of arguments for 'script|exists' command");
        return { type: 'array', items: argv.slice(2).map((a) => ({ type: 'integer', value: this.scripts.has(bytesToLua(a).toLowerCase()) ? 1n : 0n })) };
      }
      case 'flush': {
        if (argv.length > 3) return error('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
        if (argv.length === 3 && !['sync', 'async'].includes(bytesToLua(argv[2]!).toLowerCase())) return error('ERR SCRIPT FLUSH only support SYNC|ASYNC option');
        // Redis starts a new Lua state: cjson's settings and the like go too (rand48's state does not).
        this.scripts.clear();
        this.env.lua.close();
        this.env = this.newEnvironment('eval');
        return OK;
      }
      case 'kill':
        if (!arity(2, false)) return error("ERR wrong number of arguments for 'script|kill' command");
        return error('NOTBUSY No scripts in execution right now.');
      default:
        return error(`ERR unknown subcommand '${bytesToLua(argv[1]!)}'. Try SCRIPT HELP.`);
    }
  }
}

/** FUNCTION RESTORE's policy argument, in any case (compared as a C string: up to a NUL), or null. */
function restorePolicy(arg: string): RestorePolicy | null {
  const nul = arg.indexOf('\0');
  const word = (nul < 0 ? arg : arg.slice(0, nul)).toLowerCase();
  return word === 'append' || word === 'replace' || word === 'flush' ? word : null;
}

/** KEYS or ARGV for a run: the table emptied and filled with `items` (as a new table would be). */
function fillArray(t: LuaTable, items: readonly Uint8Array[]): void {
  t.resetArray(items.map(bytesToLua));
}


/**
 * `#!lua flags=...` (evalExtractShebangFlags): the flags, and the code with
 * the shebang line emptied (its newline stays, so lines keep their numbers).
 */
function parseShebang(body: string): { code: string; flags: ScriptFlags } | { error: string } {
  if (!body.startsWith('#!')) return { code: body, flags: { shebang: false, noWrites: false } };
  const nl = body.indexOf('\n');
  if (nl < 0) return { error: 'ERR Invalid script shebang' };
  // The line is split as an inline command is (sdssplitargs): quotes,
  // escapes, any C whitespace; the flags by commas, empty ones included.
  const words = splitArgs(luaToBytes(body.slice(0, nl)));
  if (words === null || words.length === 0) return { error: 'ERR Invalid engine in script shebang' };
  const parts = words.map(bytesToLua);
  if (parts[0] !== '#!lua') return { error: `ERR Unexpected engine in script shebang: ${cString(parts[0]!)}` };
  const flags: ScriptFlags = { shebang: true, noWrites: false };
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return { error: `ERR Unknown lua shebang option: ${cString(part)}` };
    const list = part.slice(6);
    if (list === '') continue;
    for (const flag of list.split(',')) {
      if (!FLAG_NAMES.includes(flag)) return { error: `ERR Unexpected flag in script shebang: ${cString(flag)}` };
      if (flag === 'no-writes') flags.noWrites = true;
    }
  }
  return { code: body.slice(nl), flags };
}


/**
 * The reply for an error a script raised, from the handler's table
 * (luaCallFunction): `<err> script: <sha>, on <source>:<line>.`, or the
 * text alone when the position is unknown. A table without a string `err`
 * is `ERR unknown error` (Redis 7.0.15 crashes on it; fixed upstream in 2025).
 */
function errorReply(e: unknown, sha: string): RespValue {
  if (!(e instanceof LuaTable)) return error(`ERR ${typeof e === 'string' ? e : 'unknown error'}`);
  const err = e.getStr('err');
  const source = e.getStr('source');
  const line = e.getStr('line');
  const text = typeof err === 'string' ? err : 'ERR unknown error';
  const full = typeof source === 'string' && typeof line === 'number' ? `${text} script: ${sha}, on ${source}:${line}.` : text;
  return error(full.replace(/[\r\n]/g, ' '));
}
