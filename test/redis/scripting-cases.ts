// Scripts for the differential tests of Redis's scripting environment
// (test/redis-scripting.test.ts): each case is a command as a client sends
// it; its reply bytes from redis-server and from Regolith must be equal.
// Cases run in order on one server and one environment (math.random's
// rand48 state and cjson's settings carry over between scripts, as in
// Redis), each under RESP2 and RESP3 clients.
import { latin1, type RespValue } from '../../src/redis/resp.js';

/**
 * A command's argument: text (sent as UTF-8), bytes, or bytes made from the
 * reply to an earlier case, which each side takes from its own reply
 * (redis-server's for redis-server, Regolith's for Regolith, per client):
 * a FUNCTION DUMP payload restored as it is, or damaged by `edit`.
 */
export type Arg = string | Uint8Array | FromReply;

export interface FromReply {
  /** The earlier case's name; its reply must be a bulk string. */
  reply: string;
  edit?: (bytes: Uint8Array) => Uint8Array;
}

export interface Case {
  /** What it checks (the test name; unique where a later case takes its reply). */
  name: string;
  argv: Arg[];
  /**
   * 'length': only the reply's length is compared, for a reply whose order
   * redis-server does not fix (a dump of several libraries: its dict's
   * order, seeded randomly at start).
   */
  compare?: 'length';
}

/** One side's replies to earlier cases, by case name (one for each server and client). */
export class CaseReplies {
  private readonly byName = new Map<string, RespValue>();

  /** The case's command as bytes. */
  argv(c: Case): Uint8Array[] {
    return c.argv.map((a) => {
      if (typeof a === 'string') return new TextEncoder().encode(a);
      if (a instanceof Uint8Array) return a;
      const r = this.byName.get(a.reply);
      if (r === undefined || r.type !== 'bulk') throw new Error(`case ${c.name}: no bulk reply to "${a.reply}" to take an argument from`);
      return a.edit === undefined ? r.value : a.edit(r.value.slice());
    });
  }

  record(c: Case, reply: RespValue): void {
    this.byName.set(c.name, reply);
  }
}

/** What of a reply's bytes a case compares. */
export function comparable(c: Case, raw: Uint8Array): string {
  return c.compare === 'length' ? `(a reply of ${raw.length} bytes)` : latin1(raw);
}

/** Reply bytes as text for messages (one char per byte, the first 2000). */
export function showBytes(b: Uint8Array): string {
  return JSON.stringify(latin1(b).slice(0, 2000));
}

/** The case's command, for messages. */
export function showArgv(c: Case): string {
  return JSON.stringify(c.argv.map((a) => (typeof a === 'string' ? a : a instanceof Uint8Array ? latin1(a) : `<the reply to "${a.reply}"${a.edit ? ', edited' : ''}>`)));
}

const ev = (name: string, script: string, ...rest: string[]): Case => ({ name, argv: ['EVAL', script, ...(rest.length > 0 ? rest : ['0'])] });

/** Library contents and globals. */
export const ENVIRONMENT: Case[] = [
  ev('_VERSION', 'return _VERSION'),
  ev('global names, sorted', `local t = {} for k in pairs(_G) do t[#t + 1] = k end table.sort(t) return t`),
  ev('string library', `local t = {} for k in pairs(string) do t[#t + 1] = k end table.sort(t) return t`),
  ev('table library', `local t = {} for k in pairs(table) do t[#t + 1] = k end table.sort(t) return t`),
  ev('math library', `local t = {} for k in pairs(math) do t[#t + 1] = k end table.sort(t) return t`),
  ev('coroutine library', `local t = {} for k in pairs(coroutine) do t[#t + 1] = k end table.sort(t) return t`),
  ev('redis table', `local t = {} for k, v in pairs(redis) do t[#t + 1] = k .. '=' .. type(v) end table.sort(t) return t`),
  ev('redis constants', `return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING, redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL, redis.REDIS_VERSION, redis.REDIS_VERSION_NUM}`),
  ev('bit library', `local t = {} for k in pairs(bit) do t[#t + 1] = k end table.sort(t) return t`),
  ev('no print', 'return print'),
  ev('no dofile', 'return dofile'),
  ev('no loadfile', 'return loadfile'),
  ev('no require', 'return require'),
  ev('no module', 'return module'),
  ev('no getfenv', 'return getfenv'),
  ev('no setfenv', 'return setfenv'),
  ev('no newproxy', 'return newproxy'),
  ev('no os', 'return os'),
  ev('no io', 'return io'),
  ev('no debug', 'return debug'),
  ev('no package', 'return package'),
  ev('gcinfo is there', 'return type(gcinfo)'),
  ev('hex floats in tonumber', 'return tonumber("0x1p4")'),
  ev('no \\u escape', 'return #"\\u{48}"'),
  ev('5.3 syntax: //', 'return 10 // 3'),
  ev('5.3 syntax: goto', 'goto x'),
  ev('5.4 syntax: attributes', 'local a <const> = 1 return a'),
  ev('bytecode is refused', 'return {loadstring(string.dump(function() return 1 end))}'),
  ev('loadstring works', 'return loadstring("return 1 + 1")()'),
  ev('load with a reader', 'local done = false return load(function() if done then return nil end done = true return "return 7" end)()'),
  // (How deep exactly depends on the state's history in Lua 5.1: after a first
  // overflow its call-info array stays at 20000 entries. Not compared.)
  ev('deep recursion', 'local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(10000)'),
  ev('stack overflow', 'local function f(n) return 1 + f(n + 1) end return f(1)'),
  ev('string.format %d', 'return string.format("%d %5.2f %s %q", 42, 3.14159, "x", "a\\nb")'),
  ev('table.getn and friends', 'local t = {1, 2, 3} return {table.getn(t), table.maxn(t), #t}'),
  ev('math.mod and pow', 'return {math.mod(7, 3), math.pow(2, 10), math.fmod(-7, 3)}'),
  ev('unpack', 'return {unpack({1, 2, 3})}'),
  ev('gfind', 'local t = {} for w in string.gfind("a b c", "%a") do t[#t + 1] = w end return t'),
  ev('coroutines', 'local co = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) return {co(1), co(10)}'),
  ev('collectgarbage count is a number', 'return type(collectgarbage("count"))'),
];

/** Globals protection. */
export const PROTECTION: Case[] = [
  ev('reading an undeclared global', 'return x'),
  ev('reading an undeclared global in a function', 'local function f() return y end return f()'),
  ev('_G.nosuch', 'return _G.nosuch'),
  ev('_G[1]', 'return _G[1]'),
  ev('_G[true]', 'return _G[true]'),
  ev('rawget on _G', 'return rawget(_G, "nosuch")'),
  ev('writing a global', 'x = 1'),
  ev('writing a global in a function', 'local f = function() y = 2 end f()'),
  ev('_G.x = 1', '_G.x = 1'),
  ev('redis.call = nil', 'redis.call = nil'),
  ev('string.len = nil', 'string.len = nil'),
  ev('KEYS = {}', 'KEYS = {}'),
  ev('getmetatable(_G).__index = nil', 'getmetatable(_G).__index = nil'),
  ev('rawset on _G', 'rawset(_G, "x", 1)'),
  ev('setmetatable on _G', 'setmetatable(_G, nil)'),
  ev('the string metatable', 'getmetatable("").__index = {}'),
  ev('table.insert into a library', 'table.insert(string, "x")'),
  ev('a loaded chunk writing a global', 'local f = loadstring("x = 1") return {pcall(f)}'),
  ev('KEYS is writable', 'KEYS[1] = "x" table.insert(KEYS, "z") return KEYS', '1', 'a'),
  ev('ARGV is writable', 'ARGV[5] = "e" return {#ARGV, ARGV[1], ARGV[5]}', '0', 'a', 'b'),
  ev('KEYS is fresh for each script', 'return KEYS', '0'),
  ev('rawget(_G, "KEYS") is KEYS', 'return rawget(_G, "KEYS") == KEYS'),
  ev('a metatable on KEYS', 'setmetatable(KEYS, {__index = function() return "dflt" end}) return KEYS[9]'),
  ev('KEYS lost its metatable', 'return getmetatable(KEYS) == nil'),
];

/** The script's result as a reply. */
export const CONVERSIONS: Case[] = [
  ev('integer', 'return 42'),
  ev('negative', 'return -7'),
  ev('float truncated', 'return 3.99'),
  ev('negative float truncated', 'return -3.99'),
  ev('huge float', 'return 1e300'),
  ev('nan', 'return 0/0'),
  ev('inf', 'return 1/0'),
  ev('string', 'return "hello"'),
  ev('binary string', 'return "a\\0b\\255"'),
  ev('true', 'return true'),
  ev('false', 'return false'),
  ev('nil', 'return nil'),
  ev('nothing', 'local x = 1'),
  ev('a function', 'return print'),
  ev('array', 'return {1, "two", 3.5}'),
  ev('array stops at nil', 'return {1, 2, nil, 4}'),
  ev('hash keys are ignored', 'return {a = 1, b = 2}'),
  ev('nested arrays', 'return {{1, {2, {3}}}, "x"}'),
  ev('nested error', 'return {{err = "e"}, 2}'),
  ev('nested status', 'return {1, {ok = "fine"}}'),
  ev('booleans in arrays', 'return {true, false, true}'),
  ev('err table', 'return {err = "MYERR returned"}'),
  ev('err lowercase', 'return {err = "lowercase thing"}'),
  ev('err empty', 'return {err = ""}'),
  ev('err with newlines', 'return {err = "a\\r\\nb"}'),
  ev('ok table', 'return {ok = "fine"}'),
  ev('ok with newline', 'return {ok = "a\\nb"}'),
  ev('err before ok', 'return {ok = "a", err = "b"}'),
  ev('non-string err', 'return {err = 1, ok = "x"}'),
  ev('double', 'return {double = 3.14}'),
  ev('double integral', 'return {double = 2}'),
  ev('double inf', 'return {double = 1/0}'),
  ev('big_number', 'return {big_number = "123456789012345678901234567890"}'),
  ev('verbatim', 'return {verbatim_string = {format = "txt", string = "hi"}}'),
  ev('map', 'return {map = {a = 1}}'),
  ev('set', 'return {set = {x = true}}'),
  ev('setresp(3) true', 'redis.setresp(3) return true'),
  ev('setresp(3) false', 'redis.setresp(3) return false'),
  ev('setresp(3) double', 'redis.setresp(3) return {double = 0.1}'),
  ev('setresp(3) map', 'redis.setresp(3) return {map = {k = "v"}}'),
  ev('setresp(3) set', 'redis.setresp(3) return {set = {m = true}}'),
  ev('setresp(2) after 3', 'redis.setresp(3) redis.setresp(2) return false'),
  ev('a recursive table', 'local t = {} t[1] = t return t'),
  ev('a recursive table with a value first', 'local t = {1} t[2] = t return t'),
  ev('a recursive map', 'local t = {} t.map = t return t'),
  ev('a recursive set', 'local t = {} t[1] = {set = {[t] = true}} return t'),
  ev('a map holding the table', 'local t = {} t[1] = {map = {a = t}} return t'),
  ev('a table with an erroring __index', 'local a = {} setmetatable(a, {__index = function() foo() end}) return a'),
  ev('_G', 'return _G'),
  ev('only the first result', 'return 1, 2, 3'),
  ev('many results', 'return unpack({1, 2, 3})'),
];

/** Errors and their replies. */
export const ERRORS: Case[] = [
  ev('error("boom")', 'error("boom")'),
  ev('error on line 3', 'local a = 1\nlocal b = 2\nerror("three")'),
  ev('error level 0', 'error("boom", 0)'),
  ev('error level 2', 'local function f() error("deep", 2) end\nf()'),
  ev('error(123)', 'error(123)'),
  ev('error()', 'error()'),
  ev('error(nil)', 'error(nil)'),
  ev('error(true)', 'error(true)'),
  ev('error with newline', 'error("a\\nb")'),
  ev('error table', 'error({err = "MYCODE custom message"})'),
  ev('error table without code', 'error({err = "no code"})'),
  ev('runtime error', 'local x = nil\nreturn x.y'),
  ev('arithmetic on nil', 'return 1 + nil'),
  ev('error in a called function', 'local function f()\n  return nil .. "x"\nend\nreturn f()'),
  ev('error in a library call', 'return string.rep()'),
  ev('error in table.sort comparator', 'table.sort({3, 2, 1}, function(a, b)\nerror("cmp") end)'),
  ev('redis.error_reply returned', 'return redis.error_reply("MYERR from error_reply")'),
  ev('redis.error_reply with dash', 'return redis.error_reply("-MYERR with dash")'),
  ev('redis.error_reply no space', 'return redis.error_reply("nospace")'),
  ev('redis.error_reply empty', 'return redis.error_reply("")'),
  ev('redis.error_reply no argument', 'return redis.error_reply()'),
  ev('redis.error_reply number', 'return redis.error_reply(1)'),
  ev('redis.error_reply raised', 'error(redis.error_reply("BAD thing"))'),
  ev('redis.status_reply', 'return redis.status_reply("FINE")'),
  ev('redis.status_reply number', 'return redis.status_reply(1)'),
  ev('redis.status_reply newline', 'return redis.status_reply("has\\nnewline")'),
  ev('pcall catches an error table as its string', 'return {pcall(error, {err = "X y"})}'),
  ev('pcall second value', 'local ok, e = pcall(error, {err = "X y"}) return {tostring(ok), e}'),
  ev('pcall of a string error', 'local ok, e = pcall(error, "plain") return {tostring(ok), e}'),
  ev('pcall of a table without err', 'local ok, e = pcall(error, {1}) return {tostring(ok), type(e)}'),
  ev('xpcall keeps the table', 'return xpcall(function() error({err = "T"}) end, function(e) return type(e) end)'),
  ev('xpcall result', 'local ok, r = xpcall(function() error({err = "T"}) end, function(e) return e.err end) return {tostring(ok), r}'),
  ev('compile error', 'return 1 +'),
  ev('compile error line 2', 'local x = 1\nx('),
  ev('compile error unfinished string', 'return "abc'),
];

/** redis.* functions other than call. */
export const REDIS_API: Case[] = [
  ev('sha1hex empty', 'return redis.sha1hex("")'),
  ev('sha1hex text', 'return redis.sha1hex("Pizza & Mandolino")'),
  ev('sha1hex number', 'return redis.sha1hex(123)'),
  ev('sha1hex table', 'return redis.sha1hex({})'),
  ev('sha1hex no argument', 'return redis.sha1hex()'),
  ev('sha1hex two arguments', 'return redis.sha1hex("a", "b")'),
  ev('log', 'return redis.log(redis.LOG_WARNING, "hello", "world")'),
  ev('log skips non-strings', 'return redis.log(redis.LOG_WARNING, {}, "a", nil, "b")'),
  ev('log one argument', 'return redis.log(1)'),
  ev('log no arguments', 'return redis.log()'),
  ev('log bad level type', 'return redis.log("x", "y")'),
  ev('log bad level', 'return redis.log(7, "y")'),
  ev('log negative level', 'return redis.log(-1, "y")'),
  ev('setresp no argument', 'return redis.setresp()'),
  ev('setresp 4', 'return redis.setresp(4)'),
  ev('setresp string', 'return redis.setresp("3")'),
  ev('setresp non-number', 'return redis.setresp("x")'),
  ev('set_repl no argument', 'redis.set_repl()'),
  ev('set_repl bad flags', 'redis.set_repl(17)'),
  ev('set_repl all', 'redis.set_repl(redis.REPL_ALL) return 1'),
  ev('set_repl none', 'redis.set_repl(redis.REPL_NONE) return 1'),
  ev('replicate_commands', 'return redis.replicate_commands()'),
  ev('breakpoint', 'return redis.breakpoint()'),
  ev('debug', 'return redis.debug("x", 1)'),
  ev('acl_check_cmd unknown', 'return redis.acl_check_cmd("nosuch")'),
  ev('acl_check_cmd get', 'return redis.acl_check_cmd("get", "k")'),
  ev('acl_check_cmd no argument', 'return redis.acl_check_cmd()'),
  ev('register_function outside FUNCTION LOAD', 'return redis.register_function("f", function() end)'),
  ev('math.random float', 'return tostring(math.random())'),
  ev('math.random(n)', 'return {math.random(10), math.random(100), math.random(1000)}'),
  ev('math.random(m, n)', 'return {math.random(5, 7), math.random(-3, 3)}'),
  ev('math.random empty interval', 'return math.random(0)'),
  ev('math.random empty interval 2', 'return math.random(5, 1)'),
  ev('math.random three arguments', 'return math.random(1, 2, 3)'),
  ev('math.randomseed', 'math.randomseed(42) return {tostring(math.random()), math.random(100)}'),
  ev('math.randomseed again', 'math.randomseed(42) return {tostring(math.random()), math.random(100)}'),
  ev('math.randomseed no argument', 'math.randomseed()'),
];

/** redis.call's argument checks. */
export const CALL_CHECKS: Case[] = [
  ev('call with nil', 'return redis.call("set", "k", nil)'),
  ev('call with a table', 'return redis.call("get", {})'),
  ev('call with a boolean', 'return redis.call("get", true)'),
  ev('call with no arguments', 'return redis.call()'),
  ev('call of an unknown command', 'return redis.call("nosuch")'),
  ev('call with the wrong arity', 'return redis.call("get")'),
  ev('call of a noscript command', 'return redis.call("eval", "return 1", "0")'),
  ev('call of multi', 'return redis.call("multi")'),
  ev('pcall of an unknown command', 'local e = redis.pcall("nosuch") return {type(e), e.err}'),
  ev('pcall(redis.call) of an unknown command', 'local ok, e = pcall(redis.call, "nosuch") return {tostring(ok), type(e), e}'),
  ev('call with a number command name', 'return redis.call(1)'),
];

/** Commands about scripts. */
export const COMMANDS: Case[] = [
  { name: 'EVAL without numkeys', argv: ['EVAL', 'return 1'] },
  { name: 'EVAL numkeys not a number', argv: ['EVAL', 'return 1', 'abc'] },
  { name: 'EVAL numkeys negative', argv: ['EVAL', 'return 1', '-1'] },
  { name: 'EVAL numkeys too big', argv: ['EVAL', 'return 1', '2', 'a'] },
  { name: 'EVAL numkeys with a plus', argv: ['EVAL', 'return 1', '+1', 'a'] },
  { name: 'EVAL numkeys with spaces', argv: ['EVAL', 'return 1', ' 1', 'a'] },
  { name: 'EVAL numkeys huge', argv: ['EVAL', 'return 1', '99999999999999999999'] },
  { name: 'KEYS and ARGV', argv: ['EVAL', 'return {KEYS[1], KEYS[2], ARGV[1], #KEYS, #ARGV}', '2', 'k1', 'k2', 'a1'] },
  { name: 'binary arguments', argv: ['EVAL', 'return {#ARGV[1], ARGV[1]}', '0', 'a\u0000b'] },
  { name: 'SCRIPT LOAD', argv: ['SCRIPT', 'LOAD', 'return "loaded"'] },
  { name: 'EVALSHA', argv: ['EVALSHA', 'a2c8b7e1b1fa8aea2dc5a1fa22e0a2a1bd25f3d9', '0'] },
  { name: 'EVALSHA of a loaded script', argv: ['EVALSHA', 'e0c82beb678ad47bd658710d9905611aa4a0b187', '0'] },
  { name: 'SCRIPT LOAD compile error', argv: ['SCRIPT', 'LOAD', 'return +'] },
  { name: 'SCRIPT EXISTS', argv: ['SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', 'nope'] },
  { name: 'EVAL caches', argv: ['EVAL', 'return 1', '0'] },
  { name: 'SCRIPT EXISTS after EVAL', argv: ['SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db'] },
  { name: 'EVALSHA uppercase', argv: ['EVALSHA', 'E0E1F9FABFC9D4800C877A703B823AC0578FF8DB', '0'] },
  { name: 'EVALSHA short', argv: ['EVALSHA', 'e0e1f9', '0'] },
  { name: 'EVALSHA_RO', argv: ['EVALSHA_RO', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db', '0'] },
  { name: 'EVAL_RO', argv: ['EVAL_RO', 'return 2', '0'] },
  { name: 'SCRIPT FLUSH', argv: ['SCRIPT', 'FLUSH'] },
  { name: 'SCRIPT EXISTS after FLUSH', argv: ['SCRIPT', 'EXISTS', 'e0e1f9fabfc9d4800c877a703b823ac0578ff8db'] },
  { name: 'SCRIPT FLUSH ASYNC', argv: ['SCRIPT', 'FLUSH', 'ASYNC'] },
  { name: 'SCRIPT FLUSH sync', argv: ['SCRIPT', 'FLUSH', 'sync'] },
  { name: 'SCRIPT FLUSH bad option', argv: ['SCRIPT', 'FLUSH', 'x'] },
  { name: 'SCRIPT FLUSH two options', argv: ['SCRIPT', 'FLUSH', 'SYNC', 'ASYNC'] },
  { name: 'SCRIPT KILL with nothing running', argv: ['SCRIPT', 'KILL'] },
  { name: 'SCRIPT unknown', argv: ['SCRIPT', 'FOO'] },
  { name: 'SCRIPT alone', argv: ['SCRIPT'] },
  { name: 'SCRIPT LOAD alone', argv: ['SCRIPT', 'LOAD'] },
  { name: 'SCRIPT EXISTS alone', argv: ['SCRIPT', 'EXISTS'] },
  { name: 'SCRIPT LOAD two scripts', argv: ['SCRIPT', 'LOAD', 'return 1', 'return 2'] },
  { name: 'EVAL_RO write', argv: ['EVAL_RO', 'return redis.call("set", "a", "1")', '0'] },
  { name: 'EVAL_RO read', argv: ['EVAL_RO', 'return redis.call("get", "a")', '0'] },
];

/** Shebang lines and flags. */
export const SHEBANG: Case[] = [
  ev('#!lua', '#!lua\nreturn 1'),
  ev('#!lua no newline', '#!lua'),
  ev('#!python', '#!python\nreturn 1'),
  ev('unknown flag', '#!lua flags=bogus\nreturn 1'),
  ev('unknown option', '#!lua bogus=1\nreturn 1'),
  ev('name option in EVAL', '#!lua name=x\nreturn 1'),
  ev('several flags', '#!lua flags=no-writes,allow-oom\nreturn 1'),
  ev('empty flags', '#!lua flags=\nreturn 1'),
  ev('two spaces', '#!lua  flags=no-writes\nreturn 1'),
  ev('no-writes blocks writes', '#!lua flags=no-writes\nreturn redis.call("set", "a", "1")'),
  ev('no-writes allows reads', '#!lua flags=no-writes\nreturn redis.call("get", "a")'),
  ev('compile error counts the shebang line', '#!lua flags=no-writes\nx('),
  ev('error line counts the shebang line', '#!lua\nerror("two")'),
  ev('shebang with a body on many lines', '#!lua flags=allow-stale\nlocal a = 1\nreturn a + 1'),
  // The line is split as sdssplitargs splits an inline command, the flags by commas.
  ev('a trailing comma is an empty flag', '#!lua flags=no-writes,\nreturn 1'),
  ev('a leading comma is an empty flag', '#!lua flags=,no-writes\nreturn 1'),
  ev('a quoted option', '#!lua "flags=no-writes"\nreturn redis.call("set", "a", "1")'),
  ev('a tab between the words', '#!lua\tflags=no-writes\nreturn redis.call("set", "a", "1")'),
  ev('a CR before the newline', '#!lua flags=no-writes\r\nreturn redis.call("set", "a", "1")'),
  ev('unbalanced quotes in the shebang', '#!lua "unbalanced\nreturn 1'),
  ev('a space after #!', '#! lua\nreturn 1'),
  ev('#! alone', '#!\nreturn 1'),
  ev('#!LUA is not lua', '#!LUA\nreturn 1'),
  ev('flags given twice', '#!lua flags=no-writes flags=allow-oom\nreturn redis.call("set", "a", "1")'),
  ev('FLAGS= is not flags=', '#!lua FLAGS=no-writes\nreturn 1'),
  ev('an escaped word in the shebang', '#!lua "fl\\x61gs=no-writes"\nreturn redis.call("set", "a", "1")'),
];

const fn = (name: string, ...argv: Arg[]): Case => ({ name, argv });
const lib = (name: string, body: string) => `#!lua name=${name}\n${body}`;
/** Code registering a function that returns its name. */
const register = (fname: string) => `redis.register_function("${fname}", function() return "${fname}" end)`;

/** Redis Functions: FUNCTION LOAD, FCALL and the rest. */
export const FUNCTIONS: Case[] = [
  fn('FUNCTION FLUSH', 'FUNCTION', 'FLUSH'),
  fn('load a library', 'FUNCTION', 'LOAD', lib('mylib', 'redis.register_function("hello", function(keys, args) return "hi " .. (args[1] or "") end)')),
  fn('FCALL', 'FCALL', 'hello', '0', 'bob'),
  fn('FCALL_RO of a writing function', 'FCALL_RO', 'hello', '0'),
  fn('load it again', 'FUNCTION', 'LOAD', lib('mylib', 'redis.register_function("x", function() end)')),
  fn('missing metadata', 'FUNCTION', 'LOAD', 'return 1'),
  fn('metadata without a newline', 'FUNCTION', 'LOAD', '#!lua'),
  fn('name without a value', 'FUNCTION', 'LOAD', '#!lua name\nx'),
  fn('name twice', 'FUNCTION', 'LOAD', '#!lua name=a name=b\nx'),
  fn('unknown metadata', 'FUNCTION', 'LOAD', '#!lua engine=lua\nx'),
  fn('bad library name', 'FUNCTION', 'LOAD', lib('b-c', 'x')),
  fn('no functions registered', 'FUNCTION', 'LOAD', lib('lib2', 'local x = 1')),
  fn('a function name taken by another library', 'FUNCTION', 'LOAD', lib('lib3', 'redis.register_function("hello", function() end)')),
  fn('compile error', 'FUNCTION', 'LOAD', lib('lib4', 'x(')),
  fn('redis.call at load time', 'FUNCTION', 'LOAD', lib('lib5', 'redis.call("get","a")')),
  fn('a global write at load time', 'FUNCTION', 'LOAD', lib('lib6', 'y = 1')),
  fn('pairs at load time', 'FUNCTION', 'LOAD', lib('lib7', 'for k in pairs(redis) do end')),
  fn('error at load time', 'FUNCTION', 'LOAD', lib('lib8', 'error("x")')),
  fn('register_function()', 'FUNCTION', 'LOAD', lib('t3', 'redis.register_function()')),
  fn('register_function with a name only', 'FUNCTION', 'LOAD', lib('t4', 'redis.register_function("a")')),
  fn('register_function with a number name', 'FUNCTION', 'LOAD', lib('t5', 'redis.register_function(1, function() end)')),
  fn('register_function with a non-function', 'FUNCTION', 'LOAD', lib('t6', 'redis.register_function("a", 1)')),
  fn('named arguments without a callback', 'FUNCTION', 'LOAD', lib('t7', 'redis.register_function{function_name="a"}')),
  fn('named arguments without a name', 'FUNCTION', 'LOAD', lib('t8', 'redis.register_function{callback=function() end}')),
  fn('flags not a table', 'FUNCTION', 'LOAD', lib('t9', 'redis.register_function{function_name="a", callback=function() end, flags="x"}')),
  fn('unknown flag', 'FUNCTION', 'LOAD', lib('t10', 'redis.register_function{function_name="a", callback=function() end, flags={"bogus"}}')),
  fn('unknown named argument', 'FUNCTION', 'LOAD', lib('t11', 'redis.register_function{function_name="a", callback=function() end, bogus=1}')),
  fn('bad function name', 'FUNCTION', 'LOAD', lib('t12', 'redis.register_function("b-c", function() end)')),
  fn('a function registered twice', 'FUNCTION', 'LOAD', lib('t14', 'redis.register_function("x", function() end) redis.register_function("x", function() end)')),
  fn('a positional table argument', 'FUNCTION', 'LOAD', lib('t15', 'redis.register_function({[1]="x"})')),
  fn('three arguments', 'FUNCTION', 'LOAD', lib('t19', 'redis.register_function("f19", function() end, 1)')),
  fn('a library that loops at load time (FUNCTION LOAD\'s 500 ms deadline)', 'FUNCTION', 'LOAD', lib('t20', 'while true do end')),
  fn('redis.log and constants at load time', 'FUNCTION', 'LOAD', lib('t16', 'redis.log(redis.LOG_WARNING, "loading") return redis.REDIS_VERSION')),
  fn('FCALL of an unknown function', 'FCALL', 'nosuch', '0'),
  fn('FCALL numkeys negative', 'FCALL', 'hello', '-1'),
  fn('FCALL numkeys bad', 'FCALL', 'hello', 'abc'),
  fn('FCALL numkeys too big', 'FCALL', 'hello', '3', 'a'),
  fn('FCALL without numkeys', 'FCALL', 'hello'),
  fn('FUNCTION DELETE unknown', 'FUNCTION', 'DELETE', 'nosuch'),
  fn('FUNCTION STATS', 'FUNCTION', 'STATS'),
  fn('FUNCTION KILL', 'FUNCTION', 'KILL'),
  // (With several libraries, redis-server lists them in its dict's order, which is seeded randomly at start.)
  fn('FUNCTION LIST of one library', 'FUNCTION', 'LIST', 'LIBRARYNAME', 'mylib'),
  fn('load with named arguments and flags', 'FUNCTION', 'LOAD', lib('lib7', 'redis.register_function{function_name="ro", callback=function(k, a) return redis.call("get", k[1]) end, flags={"no-writes"}, description="read"}')),
  fn('FCALL_RO of a no-writes function', 'FCALL_RO', 'ro', '1', 'k'),
  fn('FUNCTION LIST WITHCODE LIBRARYNAME', 'FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'lib7'),
  fn('FUNCTION LIST LIBRARYNAME with a pattern', 'FUNCTION', 'LIST', 'LIBRARYNAME', 'lib*'),
  fn('FUNCTION LIST unknown argument', 'FUNCTION', 'LIST', 'x'),
  fn('FUNCTION LIST LIBRARYNAME alone', 'FUNCTION', 'LIST', 'LIBRARYNAME'),
  fn('FUNCTION LIST WITHCODE twice', 'FUNCTION', 'LIST', 'WITHCODE', 'WITHCODE'),
  fn('FUNCTION DELETE lib7', 'FUNCTION', 'DELETE', 'lib7'),
  fn('REPLACE with a failing function', 'FUNCTION', 'LOAD', 'REPLACE', lib('mylib', 'redis.register_function("hello", function(keys, args) error("boom") end)')),
  fn('FCALL raises', 'FCALL', 'hello', '0'),
  fn('no KEYS in functions', 'FUNCTION', 'LOAD', lib('lib8', 'redis.register_function("glob", function() return KEYS end)')),
  fn('FCALL reading KEYS', 'FCALL', 'glob', '0'),
  fn('a global write in a function', 'FUNCTION', 'LOAD', lib('lib9', 'redis.register_function("setg", function() y = 1 end)')),
  fn('FCALL writing a global', 'FCALL', 'setg', '0'),
  fn('keys and args', 'FUNCTION', 'LOAD', lib('lib10', 'redis.register_function("ka", function(keys, args) return {#keys, #args, keys[1], args[1], type(redis.setresp), type(redis.debug), type(redis.breakpoint), type(redis.register_function)} end)')),
  fn('FCALL with keys and args', 'FCALL', 'ka', '2', 'a', 'b', 'c'),
  fn('a function using the libraries', 'FUNCTION', 'LOAD', lib('lib11', 'local function helper(x) return string.rep(x, 2) end\nredis.register_function("rep", function(keys, args) return helper(args[1]) end)')),
  fn('FCALL of it', 'FCALL', 'rep', '0', 'ab'),
  fn('FUNCTION without a subcommand', 'FUNCTION'),
  fn('FUNCTION LOAD alone', 'FUNCTION', 'LOAD'),
  fn('FUNCTION unknown', 'FUNCTION', 'FOO'),
  fn('FUNCTION DELETE alone', 'FUNCTION', 'DELETE'),
  fn('FUNCTION FLUSH bad option', 'FUNCTION', 'FLUSH', 'x'),
  fn('FUNCTION RESTORE garbage', 'FUNCTION', 'RESTORE', 'abc'),
  fn('EVAL_RO of a shebang script that may write', 'EVAL_RO', '#!lua\nreturn 1', '0'),
  // The metadata line is split as Redis splits inline commands (sdssplitargs).
  fn('metadata split by a tab', 'FUNCTION', 'LOAD', `#!lua\tname=mt1\n${register('mt1f')}`),
  fn('a quoted name', 'FUNCTION', 'LOAD', `#!lua name="mt2"\n${register('mt2f')}`),
  fn('a quoted metadata part', 'FUNCTION', 'LOAD', `#!lua "name=mt3"\n${register('mt3f')}`),
  fn('an unbalanced quote in the metadata', 'FUNCTION', 'LOAD', `#!lua name="mt4\n${register('mt4f')}`),
  fn('a quote followed by a letter', 'FUNCTION', 'LOAD', `#!lua name="mt5"x\n${register('mt5f')}`),
  fn('a NUL in the metadata line', 'FUNCTION', 'LOAD', `#!lua name=mt6\0x\n${register('mt6f')}`),
  fn('a hex escape in a quoted name', 'FUNCTION', 'LOAD', `#!lua name="mt\\x37"\n${register('mt7f')}`),
  fn('a CR before the newline', 'FUNCTION', 'LOAD', `#!lua name=mt8\r\n${register('mt8f')}`),
  fn('the engine in capitals', 'FUNCTION', 'LOAD', `#!LUA name=mt9\n${register('mt9f')}`),
  fn('NAME in capitals', 'FUNCTION', 'LOAD', `#!lua NAME=mt10\n${register('mt10f')}`),
  fn('FUNCTION LIST WITHCODE of the library with a CR', 'FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'mt8'),
  fn('FCALL of the library with a hex escape', 'FCALL', 'mt7f', '0'),
  fn('an unknown engine and a bad name: the name is checked first', 'FUNCTION', 'LOAD', '#!python name=b-c\nx'),
  fn('an unknown engine without a name', 'FUNCTION', 'LOAD', '#!python\nx'),
  fn('an empty engine', 'FUNCTION', 'LOAD', '#! name=mt11\nx'),
  fn('an empty name', 'FUNCTION', 'LOAD', '#!lua name=\nx'),
  fn('a NUL in a quoted metadata part', 'FUNCTION', 'LOAD', '#!lua "foo\\x00bar"\nx'),
  fn('FUNCTION FLUSH at the end', 'FUNCTION', 'FLUSH', 'SYNC'),
  fn('FUNCTION LIST when empty', 'FUNCTION', 'LIST'),
];

// ------------------------------------------------------------------ FUNCTION DUMP and RESTORE
// Payloads are built here independently of src/redis/rdb.ts: RDB lengths
// and strings, LZF by hand, and a bitwise CRC-64.

const RDB_FUNCTION2 = 245;
const RDB_FUNCTION_PRE_GA = 246;

/** Bytes from pieces: numbers are bytes, text is one byte per char. */
function cat(...parts: (number | string | Uint8Array)[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (let i = 0; i < p.length; i++) out.push(p.charCodeAt(i) & 0xff);
    else out.push(...p);
  }
  return Uint8Array.from(out);
}

/** An RDB length in its short forms (6 or 14 bits). */
const len = (n: number) => (n < 64 ? cat(n) : cat(0x40 | (n >> 8), n & 0xff));
/** An RDB string of plain bytes. */
const rdbStr = (text: string | Uint8Array) => cat(len(text.length), text);

/** CRC-64 (Jones polynomial, reflected, as Redis's crc64.c), bit by bit; little-endian. */
function crc64(data: Uint8Array): Uint8Array {
  const poly = 0x95ac9329ac4bc9b5n;
  let crc = 0n;
  for (const b of data) {
    crc ^= BigInt(b);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ poly : crc >> 1n;
  }
  return Uint8Array.from({ length: 8 }, (_, i) => Number((crc >> BigInt(8 * i)) & 0xffn));
}

/** A dump payload: the body, the RDB version (2 bytes, little-endian) and the CRC of both. */
function payload(body: Uint8Array, version = 10): Uint8Array {
  const head = cat(body, version & 0xff, version >> 8);
  return cat(head, crc64(head));
}

/** A payload of libraries (FUNCTION2 records of plain strings). */
const libraries = (...codes: string[]) => payload(cat(...codes.flatMap((c) => [RDB_FUNCTION2, rdbStr(c)])));

/**
 * An LZF-compressed RDB string from pieces: text as literal runs, and
 * [back, count] as a reference to `count` bytes that start `back` + 1 bytes
 * before; `length` is the length it claims (by default the true one).
 */
function lzf(pieces: (string | [number, number])[], length?: number): Uint8Array {
  const data: number[] = [];
  let total = 0;
  for (const p of pieces) {
    if (typeof p === 'string') {
      for (let i = 0; i < p.length; i += 32) data.push(Math.min(32, p.length - i) - 1, ...cat(p.slice(i, i + 32)));
      total += p.length;
    } else {
      const [back, count] = p;
      const l = count - 2;
      if (l < 7) data.push((back >> 8) | (l << 5), back & 0xff);
      else data.push((back >> 8) | (7 << 5), l - 7, back & 0xff);
      total += count;
    }
  }
  return cat(0xc3, len(data.length), len(length ?? total), Uint8Array.from(data));
}

/**
 * Bytes that LZF cannot shrink (a fixed pseudo-random sequence), for a Lua
 * long comment's body: without `[` or `]` (Lua 5.1 refuses a nested `[[`).
 */
function noise(n: number): Uint8Array {
  let x = 12345;
  return Uint8Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    const b = x >> 23;
    return b === 0x5b || b === 0x5d ? 0x5c : b;
  });
}

/** A library of `n` bytes of noise and a repeat of their first 3: LZF barely shrinks it. */
const nearlyNoise = (n: number) => cat(`${libr('big', 'bigf')}\n--[[`, noise(n), noise(3), ']]');

const DUMPED = 'FUNCTION DUMP of one library';
/** The payload the same client's FUNCTION DUMP gave, edited or not. */
const dumped = (edit?: (b: Uint8Array) => Uint8Array): Arg => ({ reply: DUMPED, edit });
const flip = (i: number) => (b: Uint8Array) => {
  b[i < 0 ? b.length + i : i]! ^= 1;
  return b;
};
const restore = (name: string, data: Arg, ...policy: string[]): Case => fn(name, 'FUNCTION', 'RESTORE', data, ...policy);
/** A library whose function `fname` returns its name. */
const libr = (name: string, fname: string) => lib(name, register(fname));
/** A library code whose string in the payload takes in the footer's version bytes. */
function intoFooter(version: number): Uint8Array {
  const code = `${libr('ft', 'ftf')}\n--`;
  return payload(cat(RDB_FUNCTION2, len(code.length + 2), code), version);
}
const LZF_CODE: (string | [number, number])[] = ['#!lua name=lz\nredis.register_function("lzf1", function() return "z', [0, 19], '" end)'];
const LZF_LENGTH = (LZF_CODE[0] as string).length + 19 + (LZF_CODE[2] as string).length;
const BIG_NOISE = cat(`${libr('big', 'bigf')}\n--[[`, noise(17000), ']]');
const BIG_RUNS = `${libr('big', 'bigf')}\n--[[${'a run of words, '.repeat(1200)}]]`;

/** FUNCTION DUMP and FUNCTION RESTORE: payloads made by each side's DUMP, damaged ones, and ones built here. */
export const DUMP_RESTORE: Case[] = [
  fn('start with no libraries', 'FUNCTION', 'FLUSH'),
  fn('FUNCTION DUMP with no libraries', 'FUNCTION', 'DUMP'),
  fn('FUNCTION DUMP with an argument', 'FUNCTION', 'DUMP', 'x'),
  fn('load a library to dump', 'FUNCTION', 'LOAD', lib('dl', 'redis.register_function("dlf", function(keys, args) return "dl " .. (args[1] or "") end)')),
  fn(DUMPED, 'FUNCTION', 'DUMP'),
  restore('RESTORE of a library that exists (APPEND by default)', dumped()),
  restore('RESTORE APPEND in lowercase', dumped(), 'append'),
  restore('RESTORE REPLACE in mixed case', dumped(), 'rEpLaCe'),
  fn('FCALL after RESTORE REPLACE', 'FCALL', 'dlf', '0', 'x'),
  fn('flush before restoring', 'FUNCTION', 'FLUSH'),
  restore('RESTORE into no libraries', dumped()),
  fn('FUNCTION LIST WITHCODE of the restored library', 'FUNCTION', 'LIST', 'WITHCODE'),
  fn('FCALL of the restored library', 'FCALL', 'dlf', '0', 'y'),
  fn('load another library', 'FUNCTION', 'LOAD', libr('dm', 'dmf')),
  restore('RESTORE FLUSH drops the other library', dumped(), 'FLUSH'),
  fn('FUNCTION LIST after RESTORE FLUSH', 'FUNCTION', 'LIST'),
  fn('lowercase function dump', 'function', 'dump'),

  // Damaged payloads, and the footer.
  restore('a payload with a flipped byte', dumped(flip(3))),
  restore('a payload with a flipped checksum byte', dumped(flip(-1))),
  restore('a payload with a flipped version byte', dumped(flip(-10))),
  restore('a truncated payload', dumped((b) => b.subarray(0, b.length - 1))),
  restore('a payload without its footer', dumped((b) => b.subarray(0, b.length - 10))),
  restore('a payload with a byte more', dumped((b) => cat(b, 0))),
  restore('an empty payload', ''),
  restore('a payload shorter than a footer', 'abc'),
  restore('ten zero bytes (version 0, and zeros have the CRC 0)', new Uint8Array(10)),
  restore('no libraries, version 11', payload(cat(), 11)),
  restore('no libraries, version 266 (10 in its low byte)', payload(cat(), 266)),
  restore('no libraries, version 9', payload(cat(), 9)),
  restore('a library, version 11', payload(cat(RDB_FUNCTION2, rdbStr(libr('v11', 'v11f'))), 11)),
  restore('a library, version 1', payload(cat(RDB_FUNCTION2, rdbStr(libr('v1', 'v1f'))), 1)),
  fn('FUNCTION LIST LIBRARYNAME v*', 'FUNCTION', 'LIST', 'LIBRARYNAME', 'v*'),

  // Arguments.
  fn('RESTORE without a payload', 'FUNCTION', 'RESTORE'),
  restore('RESTORE with two policies', dumped(), 'FLUSH', 'APPEND'),
  fn('lowercase restore with too many arguments', 'function', 'restore', 'a', 'b', 'c'),
  restore('an unknown policy', dumped(), 'MERGE'),
  restore('an empty policy', dumped(), ''),
  restore('an unknown policy is reported before a bad payload', 'garbage', 'MERGE'),
  restore('a policy followed by a NUL byte', dumped(), 'replace\0x'),

  // Clashes between the payload's libraries and the live ones.
  fn('flush before the clashes', 'FUNCTION', 'FLUSH'),
  // (Each case runs again for the RESP3 client: where the second run would
  // clash on several libraries, redis-server names the first in its dict's
  // order, so those restores REPLACE.)
  restore('two libraries in a payload', libraries(libr('ca', 'caf'), libr('cb', 'cbf')), 'REPLACE'),
  fn('FUNCTION STATS after restoring two', 'FUNCTION', 'STATS'),
  restore('APPEND of a library that exists', libraries(libr('ca', 'caf2'))),
  restore('APPEND of a function that exists', libraries(libr('cc', 'caf'))),
  restore('REPLACE of a function that another library has', libraries(libr('cc', 'caf')), 'REPLACE'),
  restore('a library clash is reported before a function clash', libraries(libr('cd', 'caf'), libr('ca', 'cax'))),
  fn('FUNCTION STATS after the failed restores', 'FUNCTION', 'STATS'),
  restore('REPLACE of a library whose function moves to another', libraries(libr('cc', 'cbf'), libr('cb', 'cbf2')), 'REPLACE'),
  fn('FCALL of the moved function', 'FCALL', 'cbf', '0'),
  fn('FCALL of the replaced library', 'FCALL', 'cbf2', '0'),
  restore('RESTORE FLUSH of a payload that fails', libraries(libr('ce', 'cef'), 'nope'), 'FLUSH'),
  fn('FUNCTION STATS after it', 'FUNCTION', 'STATS'),
  { name: 'FUNCTION DUMP of three libraries', argv: ['FUNCTION', 'DUMP'], compare: 'length' },
  restore('RESTORE FLUSH of no libraries', payload(cat()), 'FLUSH'),
  fn('FUNCTION STATS with no libraries', 'FUNCTION', 'STATS'),
  restore('RESTORE of the three libraries', { reply: 'FUNCTION DUMP of three libraries' }, 'REPLACE'),
  fn('FUNCTION STATS after restoring them', 'FUNCTION', 'STATS'),
  fn('FCALL of a function restored with the three', 'FCALL', 'caf', '0'),

  // Long libraries: LZF, and the 32-bit length.
  fn('flush before long libraries', 'FUNCTION', 'FLUSH'),
  fn('load a library that LZF shrinks', 'FUNCTION', 'LOAD', BIG_RUNS),
  fn('FUNCTION DUMP of the library LZF shrinks', 'FUNCTION', 'DUMP'),
  restore('RESTORE REPLACE of the library LZF shrinks', { reply: 'FUNCTION DUMP of the library LZF shrinks' }, 'REPLACE'),
  fn('load a long library that LZF cannot shrink', 'FUNCTION', 'LOAD', 'REPLACE', BIG_NOISE),
  fn('FUNCTION DUMP of the long library', 'FUNCTION', 'DUMP'),
  restore('RESTORE FLUSH of the long library', { reply: 'FUNCTION DUMP of the long library' }, 'FLUSH'),
  fn('FCALL of the long library', 'FCALL', 'bigf', '0'),
  fn('load a short library that LZF shrinks', 'FUNCTION', 'LOAD', 'REPLACE', lib('big', `${register('bigf')} -- ${'z'.repeat(60)}`)),
  fn('FUNCTION DUMP of the short library', 'FUNCTION', 'DUMP'),
  // liblzf's ways: a match found 19 bytes from the end runs to the end (it
  // compares 16 bytes before it looks at the limit), and it refers at most
  // 8192 bytes back.
  fn('load a library that ends in a repeat of 19 bytes', 'FUNCTION', 'LOAD', 'REPLACE', lib('big', `${register('bigf')}${'\n--ABCDEFGHIJKLMNOP'.repeat(2)}`)),
  fn('FUNCTION DUMP of the library ending in a repeat', 'FUNCTION', 'DUMP'),
  fn('load a library with a repeat 9000 bytes back', 'FUNCTION', 'LOAD', 'REPLACE', cat(`${libr('big', 'bigf')}\n--[[`, noise(60), 'a run of words, '.repeat(600), noise(60), ']]')),
  fn('FUNCTION DUMP of the library with a far repeat', 'FUNCTION', 'DUMP'),
  // Many short matches: where the next one is found depends on the table's updates.
  fn('load a library of random text in four letters', 'FUNCTION', 'LOAD', 'REPLACE', cat(`${libr('big', 'bigf')}\n--[[`, noise(3000).map((b) => 0x61 + (b & 3)), ']]')),
  fn('FUNCTION DUMP of the random text', 'FUNCTION', 'DUMP'),
  // AAA and ZFB share a slot of liblzf's hash: the second AAA finds ZFB there, and no match.
  fn('load a library where two sequences share a hash slot', 'FUNCTION', 'LOAD', 'REPLACE', lib('big', `${register('bigf')}\n-- AAAxyzw.ZFB:AAAxyzw`)),
  fn('FUNCTION DUMP of the library with a shared slot', 'FUNCTION', 'DUMP'),
  // Redis keeps LZF only if it saves 4 bytes, and liblzf checks for room
  // before it knows what comes: output that would just fit is given up.
  fn('load a library that LZF shrinks by 5 bytes', 'FUNCTION', 'LOAD', 'REPLACE', nearlyNoise(23)),
  fn('FUNCTION DUMP of the library shrunk by 5 bytes', 'FUNCTION', 'DUMP'),
  fn('load a library that LZF would shrink by 4 bytes', 'FUNCTION', 'LOAD', 'REPLACE', nearlyNoise(55)),
  fn('FUNCTION DUMP of the library LZF gives up on', 'FUNCTION', 'DUMP'),

  // The library code in a payload.
  fn('flush before bad libraries', 'FUNCTION', 'FLUSH'),
  restore('a compile error', libraries(lib('be', 'x('))),
  restore('code without metadata', libraries('return 1')),
  restore('code stored as an 8-bit integer', payload(cat(RDB_FUNCTION2, 0xc0, 123))),
  restore('code stored as a 16-bit integer', payload(cat(RDB_FUNCTION2, 0xc1, 0x39, 0x30))),
  restore('no functions registered', libraries(lib('bn', 'local x = 1'))),
  restore('an error while loading', libraries(lib('bl', 'error("x")'))),
  restore('a library twice in a payload', libraries(libr('bt', 'btf'), libr('bt', 'btf'))),
  restore('a function in two libraries of a payload', libraries(libr('bu', 'g'), libr('bv', 'g'))),
  restore('a bad library name', libraries(lib('b-c', 'x'))),
  restore('an unknown engine', libraries('#!python name=bp\nx')),
  restore('the engine in capitals', libraries(`#!LUA name=bq\n${register('bqf')}`)),
  restore('opcode 0', payload(cat(0, rdbStr(libr('bo', 'bof'))))),
  restore('the EOF opcode', payload(cat(255))),
  restore('a library then a stray byte', payload(cat(RDB_FUNCTION2, rdbStr(libr('bs', 'bsf')), 0))),
  fn('FUNCTION LIST: only bq', 'FUNCTION', 'LIST'),

  // RDB lengths and string encodings.
  restore('a length beyond the payload', payload(cat(RDB_FUNCTION2, 0x3f))),
  restore('an unknown length form', payload(cat(RDB_FUNCTION2, 0x82, 0, 0, 0, 5))),
  restore('an unknown string encoding', payload(cat(RDB_FUNCTION2, 0xc4))),
  restore('a 14-bit length', payload(cat(RDB_FUNCTION2, 0x40, libr('l14', 'l14f').length, libr('l14', 'l14f')))),
  restore('a 32-bit length', payload(cat(RDB_FUNCTION2, 0x80, 0, 0, 0, libr('l32', 'l32f').length, libr('l32', 'l32f')))),
  restore('a 64-bit length', payload(cat(RDB_FUNCTION2, 0x81, 0, 0, 0, 0, 0, 0, 0, libr('l64', 'l64f').length, libr('l64', 'l64f')))),
  restore('a 64-bit length of 2^63', payload(cat(RDB_FUNCTION2, 0x81, 0x80, 0, 0, 0, 0, 0, 0, 0, 'x'))),
  // (One library a listing: redis-server lists several in its dict's order.)
  ...['l14', 'l32', 'l64'].map((name) => fn(`FUNCTION LIST LIBRARYNAME ${name}`, 'FUNCTION', 'LIST', 'LIBRARYNAME', name)),
  restore('a string that takes in the footer\'s version (9: a tab and a NUL in a comment)', intoFooter(9)),
  fn('FUNCTION LIST WITHCODE LIBRARYNAME ft', 'FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'ft'),
  restore('a string that takes in the footer\'s version (10: a NUL on a line of its own)', intoFooter(10)),
  restore('an LZF string', payload(cat(RDB_FUNCTION2, lzf(LZF_CODE)))),
  fn('FCALL of the LZF library', 'FCALL', 'lzf1', '0'),
  restore('LZF data that falls short of its length', payload(cat(RDB_FUNCTION2, lzf(LZF_CODE, LZF_LENGTH + 1)))),
  restore('LZF data beyond its length', payload(cat(RDB_FUNCTION2, lzf(LZF_CODE, LZF_LENGTH - 1)))),
  restore('an LZF reference before the start', payload(cat(RDB_FUNCTION2, lzf(['ab', [5, 3]])))),
  restore('an LZF reference cut short', payload(cat(RDB_FUNCTION2, 0xc3, 3, 4, 0, 0x61, 0x40))),
  restore('LZF of length 0', payload(cat(RDB_FUNCTION2, 0xc3, 1, 0, 0))),
  restore('LZF of length 0 without data', payload(cat(RDB_FUNCTION2, 0xc3, 0, 0))),
  restore('LZF of length 5 without data', payload(cat(RDB_FUNCTION2, 0xc3, 0, 5))),

  // The format of Redis 7.0's release candidates: name, engine, description?, code.
  restore('a release candidate\'s library', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('pg'), rdbStr('LUA'), 0, rdbStr(register('pgf'))))),
  restore('a release candidate\'s library with a description', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('pg2'), rdbStr('lua'), 1, rdbStr('about it'), rdbStr(register('pg2f'))))),
  restore('a release candidate\'s library with NULs in its name and code', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('pg3\0x'), rdbStr('lua'), 0, rdbStr(`${register('pg3f')}\0 x(`)))),
  restore('a release candidate\'s library with an integer name', payload(cat(RDB_FUNCTION_PRE_GA, 0xc1, 0x39, 0x30, rdbStr('lua'), 0, rdbStr(register('pg4f'))))),
  ...['pg', 'pg2', 'pg3', '12345'].map((name) => fn(`FUNCTION LIST WITHCODE LIBRARYNAME ${name}`, 'FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', name)),
  restore('a release candidate\'s library with an integer engine', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('x'), 0xc2, 0, 0, 0, 0x80, 0, rdbStr('x')))),
  restore('a release candidate\'s library cut after its opcode', payload(cat(RDB_FUNCTION_PRE_GA))),
  restore('... cut after its name', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('x')))),
  restore('... with a bad description flag', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('x'), rdbStr('lua'), 0x82))),
  restore('... with a bad description', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('x'), rdbStr('lua'), 1, 0x82))),
  restore('... with bad code', payload(cat(RDB_FUNCTION_PRE_GA, rdbStr('x'), rdbStr('lua'), 0, 0x82))),
  fn('FUNCTION FLUSH after dump and restore', 'FUNCTION', 'FLUSH'),
];

const TOKEN_BUCKET = `
local key, rate, capacity, now, requested = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local state = redis.call('HMGET', key, 'tokens', 'ts')
local tokens = tonumber(state[1]) or capacity
local ts = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + (now - ts) * rate)
local allowed = tokens >= requested
if allowed then tokens = tokens - requested end
redis.call('HSET', key, 'tokens', tokens, 'ts', now)
redis.call('PEXPIRE', key, 60000)
return {allowed and 1 or 0, tostring(tokens)}`;

const SLIDING_WINDOW = `
local key, now, window, limit = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return {1, count + 1}
end
return {0, count}`;

const LOCK = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const QUEUE_TAKE = `
local item = redis.call('LMOVE', KEYS[1], KEYS[2], 'RIGHT', 'LEFT')
if not item then return false end
redis.call('HSET', KEYS[3], item, ARGV[1])
return item`;
const QUEUE_ACK = `
local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return removed`;

const LEADERBOARD = `
redis.call('ZINCRBY', KEYS[1], ARGV[2], ARGV[1])
local rank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
local top = redis.call('ZREVRANGE', KEYS[1], 0, 2, 'WITHSCORES')
return {rank, top}`;

/** The usual scripts: token bucket, sliding-window limiter, lock with a token, reliable queue, leaderboard, counters. */
export const PATTERNS: Case[] = [
  fn('start clean', 'FLUSHALL'),
  ...[1000, 1100, 1200, 1250, 5000, 5001, 5002].map((t, i) => ev(`token bucket ${i + 1}`, TOKEN_BUCKET, '1', 'bucket', '0.002', '3', String(t), '1')),
  ev('token bucket asking for too much', TOKEN_BUCKET, '1', 'bucket', '0.002', '3', '6000', '5'),
  ...[100, 200, 300, 400, 1150, 1250, 1300].map((t, i) => ev(`sliding window ${i + 1}`, SLIDING_WINDOW, '1', 'win', String(t), '1000', '3', `req${i}`)),
  ev('sliding window members', 'return redis.call("ZRANGE", KEYS[1], 0, -1, "WITHSCORES")', '1', 'win'),
  ev('lock taken', LOCK, '1', 'lock:a', 'token-1', '60000'),
  ev('lock busy', LOCK, '1', 'lock:a', 'token-2', '60000'),
  ev('unlock with the wrong token', UNLOCK, '1', 'lock:a', 'token-2'),
  ev('unlock with the right token', UNLOCK, '1', 'lock:a', 'token-1'),
  ev('lock again', LOCK, '1', 'lock:a', 'token-3', '60000'),
  ev('fill the queue', 'return redis.call("LPUSH", KEYS[1], "job1", "job2", "job3")', '1', 'queue'),
  ev('take a job', QUEUE_TAKE, '3', 'queue', 'processing', 'owners', 'worker-1'),
  ev('take another', QUEUE_TAKE, '3', 'queue', 'processing', 'owners', 'worker-2'),
  ev('ack the first', QUEUE_ACK, '2', 'processing', 'owners', 'job1'),
  ev('ack it twice', QUEUE_ACK, '2', 'processing', 'owners', 'job1'),
  ev('queue state', 'return {redis.call("LRANGE", KEYS[1], 0, -1), redis.call("LRANGE", KEYS[2], 0, -1), redis.call("HGETALL", KEYS[3])}', '3', 'queue', 'processing', 'owners'),
  ev('take the last', QUEUE_TAKE, '3', 'queue', 'processing', 'owners', 'worker-3'),
  ev('take from an empty queue', QUEUE_TAKE, '3', 'queue', 'processing', 'owners', 'worker-4'),
  ...[['alice', '10'], ['bob', '25'], ['carol', '5'], ['alice', '20'], ['dave', '7.5'], ['carol', '-1']].map(([who, pts], i) => ev(`leaderboard ${i + 1}`, LEADERBOARD, '1', 'board', who!, pts!)),
  ev('leaderboard scores', 'return {redis.call("ZSCORE", KEYS[1], "alice"), redis.call("ZSCORE", KEYS[1], "dave"), redis.call("ZCARD", KEYS[1])}', '1', 'board'),
  ev('counter with INCRBY', 'return {redis.call("INCRBY", KEYS[1], 5), redis.call("INCRBY", KEYS[1], -2), redis.call("GET", KEYS[1])}', '1', 'counter'),
  ev('INCRBYFLOAT', 'return redis.call("INCRBYFLOAT", KEYS[1], "0.1")', '1', 'fcounter'),
  ev('INCRBYFLOAT again', 'return redis.call("INCRBYFLOAT", KEYS[1], "0.2")', '1', 'fcounter'),
  ev('INCR of a non-number', 'redis.call("SET", KEYS[1], "abc") return redis.call("INCR", KEYS[1])', '1', 'bad'),
  ev('pcall of INCR of a non-number', 'local r = redis.pcall("INCR", KEYS[1]) return {type(r), r.err}', '1', 'bad'),
  ev('pcall(redis.call) of a WRONGTYPE', 'local ok, e = pcall(redis.call, "LPUSH", KEYS[1], "x") return {tostring(ok), e}', '1', 'bad'),
  ev('HGETALL as a table', 'redis.call("HSET", KEYS[1], "a", 1, "b", 2) return redis.call("HGETALL", KEYS[1])', '1', 'h'),
  ev('HGETALL in RESP3', 'redis.setresp(3) return redis.call("HGETALL", KEYS[1])', '1', 'h'),
  ev('HMGET with a missing field', 'return redis.call("HMGET", KEYS[1], "a", "zz", "b")', '1', 'h'),
  ev('GET of a missing key is false', 'return {redis.call("GET", "nokey") == false, type(redis.call("GET", "nokey"))}'),
  ev('GET of a missing key in RESP3 is nil', 'redis.setresp(3) return redis.call("GET", "nokey") == nil'),
  ev('status replies are tables', 'local r = redis.call("SET", "s", "v") return {type(r), r.ok}'),
  ev('PING from a script', 'return redis.call("PING")'),
  ev('TYPE from a script', 'redis.call("SET", "s", "v") return redis.call("TYPE", "s")'),
  ev('ZSCORE in RESP3 is a double table', 'redis.setresp(3) local r = redis.call("ZSCORE", KEYS[1], "alice") return {type(r), tostring(r.double)}', '1', 'board'),
  ev('a number argument as %.17g', 'redis.call("SET", KEYS[1], 0.1) return redis.call("GET", KEYS[1])', '1', 'n'),
  ev('an integral number argument', 'redis.call("SET", KEYS[1], 3) return redis.call("GET", KEYS[1])', '1', 'n'),
  ev('a big number argument', 'redis.call("SET", KEYS[1], 1e20) return redis.call("GET", KEYS[1])', '1', 'n'),
  ev('integers arrive as doubles', 'redis.call("SET", KEYS[1], "9007199254740993") return string.format("%.0f", redis.call("INCRBY", KEYS[1], 0))', '1', 'n'),
  ev('a write in EVAL_RO through pcall', 'return {pcall(redis.call, "SET", "a", "b")}'),
  ev('SELECT inside a script', 'redis.call("SELECT", 1) redis.call("SET", "db1key", "x") return redis.call("GET", "db1key")'),
  ev('the caller stays in db 0', 'return redis.call("GET", "db1key")'),
  ev('time is frozen in a script', 'redis.call("SET", KEYS[1], "v", "PX", 1) local i = 0 while i < 3000000 do i = i + 1 end return redis.call("EXISTS", KEYS[1])', '1', 'frozen'),
  ev('cjson round trip of a reply', 'redis.call("RPUSH", KEYS[1], "a", "b") return cjson.encode(redis.call("LRANGE", KEYS[1], 0, -1))', '1', 'jl'),
  ev('cmsgpack of a reply', 'return cmsgpack.pack(redis.call("LRANGE", KEYS[1], 0, -1))', '1', 'jl'),
  ev('clean up', 'return redis.call("FLUSHALL")'),
];

/** Every group of cases, in the order the tests run them. */
export const GROUPS: [string, Case[]][] = [
  ['environment', ENVIRONMENT],
  ['globals protection', PROTECTION],
  ['conversions', CONVERSIONS],
  ['errors', ERRORS],
  ['the redis table', REDIS_API],
  ['redis.call argument checks', CALL_CHECKS],
  ['scripting commands', COMMANDS],
  ['shebang flags', SHEBANG],
  ['functions', FUNCTIONS],
  ['function dump and restore', DUMP_RESTORE],
  ['common scripts', PATTERNS],
];
