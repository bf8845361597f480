// Scripts for the differential tests of Redis's scripting environment
// (test/redis-scripting.test.ts): each case is a command as a client sends
// it; its reply bytes from redis-server and from Regolith must be equal.
// Cases run in order on one server and one environment (math.random's
// rand48 state and cjson's settings carry over between scripts, as in
// Redis), each under RESP2 and RESP3 clients.

export interface Case {
  /** What it checks (the test name). */
  name: string;
  argv: string[];
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
];

const fn = (name: string, ...argv: string[]): Case => ({ name, argv });
const lib = (name: string, body: string) => `#!lua name=${name}\n${body}`;

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
  fn('FUNCTION FLUSH at the end', 'FUNCTION', 'FLUSH', 'SYNC'),
  fn('FUNCTION LIST when empty', 'FUNCTION', 'LIST'),
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
  ['common scripts', PATTERNS],
];
