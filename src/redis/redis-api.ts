// The `redis` table scripts see (script_lua.c's luaRegisterRedisAPI): calls
// into the server, reply helpers, logging, protocol and replication
// switches, and constants. Errors are raised the Redis 7 way: as tables
// {err = "ERR ..."}, which the error handler and the global pcall know.
import { LuaTable } from '../runtime/table.js';
import type { LuaValue } from '../runtime/value.js';
import { bytesToLua, luaToBytes } from '../api/strings.js';
import { LuaError } from '../runtime/errors.js';
import { formatG } from '../runtime/numfmt.js';
import { setFuncs, type Args } from '../stdlib/lauxlib.js';
import { str2number51 } from '../runtime/strtod.js';
import type { CommandContext, CommandSpec, RedisExecutor } from './executor.js';
import { respToLua } from './convert.js';
import { sha1hex } from './sha1.js';
import type { RespValue } from './resp.js';

/** What a running script's `redis` functions act on (set by the scripting layer for each run). */
export interface ScriptRun {
  executor: RedisExecutor;
  /** The protocol of replies to redis.call (redis.setresp); also how booleans are returned. */
  resp: 2 | 3;
  /** Replication flags (redis.set_repl). */
  repl: number;
  /** The script may not write (EVAL_RO, FCALL_RO, the no-writes flag). */
  readOnly: boolean;
  /** A write command has run: SCRIPT KILL can no longer stop the script. */
  wrote: boolean;
  db: number;
  /** The time commands see, frozen at the script's start. */
  now: number;
  /** What the executor gets: this run's protocol, database and frozen time (made once per run). */
  ctx: CommandContext;
}

/** A run's command context: it follows redis.setresp. */
export function runContext(run: Omit<ScriptRun, 'ctx'>): CommandContext {
  return { resp: run.resp, db: run.db, now: () => run.now };
}

/** Where redis.log writes: the level (0..3) and the message as bytes. */
export type RedisLogger = (level: number, message: Uint8Array) => void;

export interface RedisApiHost {
  /** The run in progress (the functions are only called while a script runs). */
  run(): ScriptRun;
  log: RedisLogger;
  /** Redis's lowest level that is logged (loglevel: 0 debug .. 3 warning). */
  logLevel: number;
  version: RedisVersionInfo;
}

/** Which Redis the environment behaves as (the differences that scripts can see; RedisScriptingOptions.version). */
export type RedisRelease = '7.0' | '7.2' | '7.4';

export interface RedisVersionInfo {
  release: RedisRelease;
  /** REDIS_VERSION, REDIS_VERSION_NUM. */
  text: string;
  num: number;
}

/** The release of each line whose behaviour is modelled: 7.0.15 (Debian's, checked against it), and the 2025 releases of 7.2 and 7.4. */
export const REDIS_VERSIONS: Record<RedisRelease, RedisVersionInfo> = {
  '7.0': { release: '7.0', text: '7.0.15', num: 0x07000f },
  '7.2': { release: '7.2', text: '7.2.11', num: 0x07020b },
  '7.4': { release: '7.4', text: '7.4.6', num: 0x070406 },
};

/**
 * A number argument of redis.call as Redis sends it: 7.0 writes "%.17g"
 * (0.1 is sent as 0.10000000000000001); from 7.2.5 and 7.4 an integral
 * value that fits in a long long is written as an integer and any other in
 * the shortest form that reads back the same.
 */
export function commandNumber(n: number, release: RedisRelease): string {
  if (release === '7.0') return formatG(n, 17);
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return shortestNumber(n);
}

/** The shortest text that reads back as `n` (fpconv_dtoa): JS's shortest digits, in C's exponent style. */
export function shortestNumber(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** A Redis error as scripts raise and see it. */
export function errorTable(message: string): LuaTable {
  const t = new LuaTable();
  t.setStr('err', message);
  return t;
}

/** Raises a Redis error table, as luaPushError + luaError do. */
function raise(message: string): never {
  throw new LuaError(errorTable(message));
}

/** The `redis` table for EVAL scripts; `functions` leaves out what FCALL's lacks. */
export function makeRedisTable(host: RedisApiHost, forFunctions = false): LuaTable {
  const t = new LuaTable();
  const call = (args: Args, raising: boolean): LuaValue => {
    let reply: RespValue;
    try {
      reply = executeFromScript(host, args);
    } catch (e) {
      // redis.pcall returns the argument and command errors too.
      if (!raising && e instanceof LuaError && e.value instanceof LuaTable) return e.value;
      throw e;
    }
    if (reply.type === 'error') {
      const e = errorTable(bytesToLua(reply.value));
      e.setStr('ignore_error_stats_update', true);
      if (raising) throw new LuaError(e);
      return e;
    }
    return respToLua(reply, host.run().resp);
  };
  const funcs: Record<string, (...args: Args) => unknown> = {
    call: (...args: Args) => call(args, true),
    pcall: (...args: Args) => call(args, false),
    error_reply: (...args: Args) => replyTable('err', args),
    status_reply: (...args: Args) => replyTable('ok', args),
    sha1hex: (...args: Args) => {
      if (args.length !== 1) raise('ERR wrong number of arguments');
      const v = args[0];
      // lua_tolstring: a number as Lua writes it.
      return sha1hex(typeof v === 'string' ? v : typeof v === 'number' ? formatG(v, 14) : '');
    },
    log: (...args: Args) => {
      if (args.length < 2) raise('ERR redis.log() requires two arguments or more.');
      const level = args[0];
      if (typeof level !== 'number') raise('ERR First argument must be a number (log level).');
      if (level < 0 || level > 3) raise(host.version.release === '7.4' ? 'ERR Invalid log level.' : 'ERR Invalid debug level.');
      if (level < host.logLevel) return undefined;
      // Non-string arguments are skipped, but their separator stays.
      let text = '';
      for (let i = 1; i < args.length; i++) {
        if (i > 1) text += ' ';
        const a = args[i];
        if (typeof a === 'string') text += a;
        else if (typeof a === 'number') text += formatG(a, 14);
      }
      host.log(level, luaToBytes(text));
      return undefined;
    },
    setresp: (...args: Args) => {
      if (args.length !== 1) raise('ERR redis.setresp() requires one argument.');
      // lua_tonumber: a numeric string counts, anything else is 0.
      const a = args[0];
      const v = typeof a === 'number' ? a : typeof a === 'string' ? str2number51(a) ?? 0 : 0;
      if (v !== 2 && v !== 3) raise('ERR RESP version must be 2 or 3.');
      const run = host.run();
      run.resp = v;
      run.ctx.resp = v;
      return undefined;
    },
    set_repl: (...args: Args) => {
      if (args.length !== 1) raise(host.version.release === '7.0' ? 'ERR redis.set_repl() requires two arguments.' : 'ERR redis.set_repl() requires one argument.');
      const flags = args[0];
      if (typeof flags !== 'number' || (flags & ~3) !== 0) raise('ERR Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.');
      host.run().repl = flags;
      return undefined;
    },
    acl_check_cmd: (...args: Args) => {
      if (args.length < 1) raise('ERR Please specify at least one argument for this redis lib call');
      const name = args[0];
      if (typeof name !== 'string' || lookup(host.run().executor, name) === undefined) raise('ERR Invalid command passed to redis.acl_check_cmd()');
      // The default user may run every command.
      return true;
    },
  };
  if (!forFunctions) {
    // Deprecated (effects replication is always on); an LDB session is never open here.
    funcs.replicate_commands = () => true;
    funcs.breakpoint = () => false;
    funcs.debug = () => undefined;
  }
  setFuncs(t, 'redis.', funcs);
  const constants: Record<string, LuaValue> = {
    LOG_DEBUG: 0, LOG_VERBOSE: 1, LOG_NOTICE: 2, LOG_WARNING: 3,
    REPL_NONE: 0, REPL_AOF: 1, REPL_SLAVE: 2, REPL_REPLICA: 2, REPL_ALL: 3,
    REDIS_VERSION: host.version.text, REDIS_VERSION_NUM: host.version.num,
  };
  for (const [k, v] of Object.entries(constants)) t.setStr(k, v);
  return t;
}

/** redis.error_reply / redis.status_reply: the table, or the arguments error (returned, not raised). */
function replyTable(kind: 'err' | 'ok', args: Args): LuaTable {
  const v = args[0];
  if (args.length !== 1 || typeof v !== 'string') return errorTable('ERR wrong number or type of arguments');
  if (kind === 'ok') {
    const t = new LuaTable();
    t.setStr('ok', v);
    return t;
  }
  // luaPushErrorBuff: a leading '-' goes; text without a space gets the ERR code.
  const text = v.startsWith('-') ? v.slice(1) : v;
  return errorTable(text.includes(' ') ? text : `ERR ${text}`);
}


function lookup(executor: RedisExecutor, name: string): CommandSpec | undefined {
  return executor.command(name.toLowerCase());
}

/**
 * luaRedisGenericCommand: checks the arguments and the command the way
 * Redis does from a script, in its order, then runs it.
 */
function executeFromScript(host: RedisApiHost, args: Args): RespValue {
  if (args.length === 0) raise('ERR Please specify at least one argument for this redis lib call');
  const argv: Uint8Array[] = [];
  for (const a of args) {
    if (typeof a === 'string') argv.push(luaToBytes(a));
    else if (typeof a === 'number') argv.push(luaToBytes(commandNumber(a, host.version.release)));
    else raise('ERR Lua redis lib command arguments must be strings or integers');
  }
  const run = host.run();
  const spec = lookup(run.executor, bytesToLua(argv[0]!));
  if (spec === undefined) raise('ERR Unknown Redis command called from script');
  if ((spec.arity > 0 && argv.length !== spec.arity) || (spec.arity < 0 && argv.length < -spec.arity)) {
    raise('ERR Wrong number of args calling Redis command from script');
  }
  if (spec.flags.includes('noscript')) raise('ERR This Redis command is not allowed from script');
  const writes = spec.flags.includes('write');
  if (writes && run.readOnly) raise('ERR Write commands are not allowed from read-only scripts.');
  const reply = run.executor.execute(argv, run.ctx);
  if (reply instanceof Promise) raise('ERR this executor is asynchronous: run the script with evalAsync');
  if (writes) run.wrote = true;
  return reply;
}
