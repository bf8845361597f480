// Differential tests of the `cjson` library (src/redis/cjson.ts) against a
// real redis-server 7.0 (lua-cjson 2.1.0 with Redis's patches): every case
// is one Lua 5.1 snippet, run by the server with `EVAL <snippet> 0` and by a
// Regolith 5.1 state with cjson opened; the returned strings must be equal,
// byte for byte.
//
// Each snippet starts with PRELUDE, which puts the configuration back to
// lua-cjson's defaults (on the server it persists across EVALs) and defines:
//   D(...)   a string showing all its arguments (numbers with %.17g, strings
//            with their bytes escaped, tables with their keys sorted, since
//            the traversal order of a Lua 5.1 table is not Regolith's);
//   R(f,...) D(pcall(f, ...)).
// Most cases run their body as `R(function() BODY end)`, so an error carries
// the position prefix `user_script:1:` on both sides (Regolith runs the
// snippet as the chunk '@user_script', the server names it so).
//
// Known difference, compared differently on purpose: the member order of an
// object with several keys. cjson writes members in the order `next`
// returns them; Lua 5.1 orders them by its hash layout, Regolith's tables by
// insertion (array part, string keys, other keys). Cases marked `members`
// compare the members of a flat object as sorted sets instead of as text.
//
// Known difference, asserted as such: a table key -0. Lua 5.1 keeps the
// key as first stored, so `cjson.encode({[-0] = 1})` is `{"-0":1}` on the
// server; Regolith's tables hold number keys in JS Maps and arrays, which
// cannot tell -0 from 0 (a Map stores -0 as +0), so the key reads back as
// 0 and the result is `{"0":1}`. This is a property of the table, not of
// cjson; the test below pins both results so that a change on either side
// is noticed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Lua, LuaLimitError, type Limits } from '../src/index.js';
import { NULL_LIGHTUSERDATA } from '../src/runtime/value.js';
import { openCjson } from '../src/redis/cjson.js';
import { latin1 } from '../src/redis/resp.js';
import { redisSkip, startRedis, type RedisConnection, type RedisServer } from './support/redis.js';

const PRELUDE = [
  'cjson.encode_sparse_array(false, 2, 10) cjson.encode_max_depth(1000) cjson.decode_max_depth(1000)',
  'cjson.encode_number_precision(14) cjson.encode_keep_buffer(true) cjson.encode_invalid_numbers(false)',
  'cjson.decode_invalid_numbers(true)',
  'local function esc(s) return (string.gsub(s, \'[%z\\1-\\31\\127-\\255"\\\\]\', function(c) return string.format("\\\\%03d", string.byte(c)) end)) end',
  'local function before(a, b) local ta, tb = type(a), type(b) if ta ~= tb then return ta < tb end',
  'if ta == "number" or ta == "string" then return a < b end return tostring(a) < tostring(b) end',
  'local dump dump = function(v) local t = type(v)',
  'if t == "string" then return \'"\' .. esc(v) .. \'"\' elseif t == "number" then return string.format("%.17g", v)',
  'elseif t == "table" then local keys = {} for k in pairs(v) do keys[#keys + 1] = k end table.sort(keys, before)',
  'local parts = {} for i, k in ipairs(keys) do parts[i] = "[" .. dump(k) .. "]=" .. dump(v[k]) end',
  'return "{" .. table.concat(parts, ",") .. "}" else return tostring(v) end end',
  'local function D(...) local out = {} for i = 1, select("#", ...) do out[i] = dump((select(i, ...))) end return table.concat(out, " | ") end',
  'local function R(f, ...) return D(pcall(f, ...)) end',
].join(' ');

interface Case {
  name: string;
  /** The expression the snippet returns (after PRELUDE). */
  expr: string;
  /** Compare the members of a flat JSON object as a set (see the header). */
  members?: boolean;
}

const cases: Case[] = [];
const names = new Set<string>();

function add(name: string, expr: string, members = false): void {
  assert.ok(!names.has(name), `duplicate case name ${name}`);
  names.add(name);
  cases.push({ name, expr, members });
}

/** A case whose body runs in `R(function() ... end)`. */
function body(name: string, code: string, members = false): void {
  add(name, `R(function() ${code} end)`, members);
}

/** cjson.encode(expr), after optional setup statements. */
function enc(expr: string, setup = '', members = false): void {
  body(`encode ${setup ? setup + ' ; ' : ''}${expr}`, `${setup} return cjson.encode(${expr})`, members);
}

/** A Lua string literal holding exactly the bytes of `s` (one char per byte). */
function luaStr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) out += s[i];
    else out += '\\' + String(c).padStart(3, '0');
  }
  return out + '"';
}

/** cjson.decode(json), after optional setup statements. */
function dec(json: string, setup = ''): void {
  body(`decode ${setup ? setup + ' ; ' : ''}${JSON.stringify(json)}`, `${setup} return cjson.decode(${luaStr(json)})`);
}

// ------------------------------------------------------------ the module

add('_NAME, _VERSION', 'D(cjson._NAME, cjson._VERSION)');
add('tostring(cjson.null)', 'D(tostring(cjson.null))');
add('type(cjson.null)', 'D(type(cjson.null))');
add('cjson.null == cjson.null', 'D(cjson.null == cjson.null, rawequal(cjson.null, cjson.null))');
add('decode("null") == cjson.null', 'D(cjson.decode("null") == cjson.null)');
add('new().null == cjson.null', 'D(cjson.new().null == cjson.null)');
add('cjson.null ~= nil and not false', 'D(cjson.null ~= nil, cjson.null ~= false, not cjson.null)');
add('cjson.null as a table key', 'D((function() local t = {[cjson.null] = 1} return t[cjson.null] end)())');
add('keys of cjson', 'D((function() local k = {} for n, v in pairs(cjson) do k[#k + 1] = n .. ":" .. type(v) end table.sort(k) return table.concat(k, " ") end)())');
add('keys of cjson.new()', 'D((function() local k = {} for n, v in pairs(cjson.new()) do k[#k + 1] = n .. ":" .. type(v) end table.sort(k) return table.concat(k, " ") end)())');
add('cjson.new() is a new table', 'D(cjson.new() ~= cjson, cjson.new() ~= cjson.new(), cjson.new().encode ~= cjson.encode)');
add('cjson.new().new()', 'D(cjson.new().new().encode({1, "a"}))');
add('cjson.new() table is writable', 'D((function() local c = cjson.new() c.x = 1 return c.x end)())');
body('cjson.new() has its own configuration',
  'local c = cjson.new() c.encode_number_precision(3) return c.encode(1/3), cjson.encode(1/3), c.encode_number_precision(), cjson.encode_number_precision()');
body('cjson.new() starts from the defaults',
  'cjson.encode_number_precision(5) cjson.encode_sparse_array(true, 5, 5) cjson.decode_invalid_numbers(false) local c = cjson.new() return c.encode_number_precision(), c.encode_sparse_array(), c.decode_invalid_numbers()');
body('configuration of a new() module does not leak', 'local c = cjson.new() c.encode_invalid_numbers("null") return c.encode(0/0), pcall(cjson.encode, 0/0)');
body('the module functions of new() work', 'local c = cjson.new() return c.decode(c.encode({1, {2, "x"}, cjson.null}))[2][2]');
body('encode/decode ignore self', 'return cjson.encode(cjson.null), pcall(cjson.encode)');

// ------------------------------------------------------------ configuration

const getters = ['encode_sparse_array', 'encode_max_depth', 'decode_max_depth', 'encode_number_precision',
  'encode_keep_buffer', 'encode_invalid_numbers', 'decode_invalid_numbers'];
for (const g of getters) add(`getter ${g}()`, `D(cjson.${g}())`);
for (const g of getters) add(`getter ${g}(nil)`, `D(cjson.${g}(nil))`);

const setterCalls = [
  'encode_max_depth(5)', 'encode_max_depth("7")', 'encode_max_depth(7.9)', 'encode_max_depth(2^32 + 5)', 'encode_max_depth(2147483647)',
  'encode_max_depth(0)', 'encode_max_depth(-1)', 'encode_max_depth(2^31)', 'encode_max_depth("x")', 'encode_max_depth({})',
  'encode_max_depth(true)', 'encode_max_depth(1, 2)', 'encode_max_depth(nil, 2)', 'encode_max_depth(" 12 ")', 'encode_max_depth("0x10")',
  'decode_max_depth(5)', 'decode_max_depth(1)', 'decode_max_depth(0)', 'decode_max_depth(-5)', 'decode_max_depth("x")', 'decode_max_depth(1, 1)',
  'encode_number_precision(1)', 'encode_number_precision(14)', 'encode_number_precision(0)', 'encode_number_precision(15)',
  'encode_number_precision(3.7)', 'encode_number_precision("5")', 'encode_number_precision(nil, 1)', 'encode_number_precision(-1)',
  'encode_number_precision(2^32 + 3)', 'encode_number_precision(false)',
  'encode_sparse_array(true)', 'encode_sparse_array(true, 3)', 'encode_sparse_array(true, 3, 20)', 'encode_sparse_array(false, 0, 0)',
  'encode_sparse_array("on")', 'encode_sparse_array("off")', 'encode_sparse_array("x")', 'encode_sparse_array(1)',
  'encode_sparse_array(nil, -1)', 'encode_sparse_array(nil, nil, -1)', 'encode_sparse_array(nil, "x")', 'encode_sparse_array(nil, nil, {})',
  'encode_sparse_array(1, 2, 3, 4)', 'encode_sparse_array(nil, 2^31)', 'encode_sparse_array(nil, 7)', 'encode_sparse_array(nil, nil, 7)',
  'encode_sparse_array({})', 'encode_sparse_array("null")',
  'encode_keep_buffer(false)', 'encode_keep_buffer("on")', 'encode_keep_buffer("off")', 'encode_keep_buffer("x")', 'encode_keep_buffer(0)',
  'encode_keep_buffer(true, 1)',
  'encode_invalid_numbers(true)', 'encode_invalid_numbers("null")', 'encode_invalid_numbers("on")', 'encode_invalid_numbers("off")',
  'encode_invalid_numbers(false)', 'encode_invalid_numbers("x")', 'encode_invalid_numbers({})', 'encode_invalid_numbers("NULL")',
  'encode_invalid_numbers(1)',
  'decode_invalid_numbers(false)', 'decode_invalid_numbers("on")', 'decode_invalid_numbers("off")', 'decode_invalid_numbers("null")',
  'decode_invalid_numbers(true, true)',
];
for (const call of setterCalls) {
  const [fn, args] = call.split(/\((.*)\)$/s) as [string, string];
  // Called by name (the error names the function) and through pcall (it cannot: '?').
  body(`setter ${call}`, `return D(cjson.${call}) .. " / " .. D(cjson.${fn}())`);
  add(`setter via pcall ${call}`, `D(pcall(cjson.${fn}${args ? ', ' + args : ''})) .. " / " .. D(cjson.${fn}())`);
}
body('encode_sparse_array: a bad later argument keeps the earlier ones', 'pcall(cjson.encode_sparse_array, true, -1) return cjson.encode_sparse_array()');
body('encode_sparse_array: a bad third argument keeps the first two', 'pcall(cjson.encode_sparse_array, true, 4, "x") return cjson.encode_sparse_array()');
body('encode_invalid_numbers: true reads back as true', 'cjson.encode_invalid_numbers(true) return cjson.encode_invalid_numbers()');
body('encode_invalid_numbers: "null" reads back as "null"', 'cjson.encode_invalid_numbers("null") return cjson.encode_invalid_numbers()');
body('decode_invalid_numbers: "off" reads back as false', 'cjson.decode_invalid_numbers("off") return cjson.decode_invalid_numbers()');

// ------------------------------------------------------------ encode: numbers

const numbers = [
  '0', '-0', '1', '-1', '0.1', '-0.1', '1/3', '-1/3', '2/3', '100', '255', '65535', '1e14', '1e15', '1e16', '1e20', '1e21', '1e-4', '1e-5',
  '1e-7', '-1e-7', '0.5', '123456789012345', '12345678901234', '99999999999999', '999999999999999', '2^31', '2^32', '2^53', '2^63',
  '2^64', '1e300', '-1e300', '5e-324', '2.2250738585072014e-308', '1.7976931348623157e308', '3.14159265358979', 'math.pi', '-math.pi',
  '123456.789', '0.000123456', '1e20/3', '1.5', '2.5', '0.05', '1e100', '4503599627370496.5', '9007199254740993', '-2^63', '1e-310',
];
for (const n of numbers) enc(n);
for (const n of ['{' + numbers.slice(0, 12).join(', ') + '}', '{-0, 0, 1e300}']) enc(n);
for (let p = 1; p <= 14; p++) {
  for (const n of ['1/3', '123456.789', '0.000123456789', '1e20/3', '-2/3', '100', '99.5', '0.5', 'math.pi * 1e10']) {
    enc(n, `cjson.encode_number_precision(${p})`);
  }
}
for (const mode of ['false', 'true', '"on"', '"null"', '"off"']) {
  for (const n of ['math.huge', '-math.huge', '0/0', '-(0/0)', '{1, math.huge, 0/0}', '{[math.huge] = 1}', '{[-math.huge] = 1}', '{a = 0/0}']) {
    enc(n, `cjson.encode_invalid_numbers(${mode})`);
  }
}

// ------------------------------------------------------------ encode: strings

for (let c = 0; c < 0x20; c++) enc(`string.char(${c})`);
for (const c of [0x22, 0x2f, 0x5c, 0x7f, 0x80, 0xc3, 0xff, 0x27, 0x3c, 0x26]) enc(`string.char(${c})`);
enc('"a/b\\"c\\\\d\\n\\t\\1\\127\\195\\169"');
enc('""');
enc('"\\0abc\\0"');
enc('"plain text"');
enc('"\\226\\130\\172 euro, \\240\\159\\152\\128 emoji, \\255\\254 invalid UTF-8"');
enc('(function() local t = {} for c = 0, 255 do t[#t + 1] = string.char(c) end return table.concat(t) end)()');
enc('{(function() local t = {} for c = 0, 255 do t[#t + 1] = string.char(c) end return table.concat(t) end)()}');
enc('string.rep("a\\"/\\n", 5000)');
enc('{["key/\\"q\\""] = "v"}');
enc('{["\\0"] = 1}');
enc('{[""] = ""}');

// ------------------------------------------------------------ encode: other types

for (const v of ['true', 'false', 'nil', 'cjson.null', '{cjson.null}', '{true, false}', '{cjson.null, cjson.null}', '{a = cjson.null}']) enc(v);
for (const v of ['function() end', 'coroutine.create(function() end)', '{function() end}', '{a = function() end}', '{{{function() end}}}',
  '{[true] = 1}', '{[false] = 1}', '{[{}] = 1}', '{[cjson.null] = 1}', '{[function() end] = 1}', '{[coroutine.create(type)] = 1}',
  'string.gmatch', '{1, 2, tostring}']) enc(v);
add('encode() through pcall', 'D(pcall(cjson.encode))');
add('encode(1, 2) through pcall', 'D(pcall(cjson.encode, 1, 2))');
add('encode(nil, nil) through pcall', 'D(pcall(cjson.encode, nil, nil))');
add('encode(nil) through pcall', 'D(pcall(cjson.encode, nil))');
add('encode(function) through pcall', 'D(pcall(cjson.encode, function() end))');
add('encode sparse through pcall', 'D(pcall(cjson.encode, {[1] = 1, [20] = 2}))');
body('encode() by name', 'return cjson.encode()');
body('encode(1, 2) by name', 'return cjson.encode(1, 2)');
body('encode called as a method', 'return cjson:encode()');
body('encode called as a method with a value', 'return cjson:encode(1)');
body('decode called as a method', 'return cjson:decode("1")');
body('a local alias in the error', 'local enc = cjson.encode return enc()');

// ------------------------------------------------------------ encode: arrays and objects

for (const t of [
  '{}', '{1, 2, 3}', '{{}}', '{{}, {}}', '{{1}, {2, {3}}}', '{[1] = 1, [3] = 3}', '{[2] = 1}', '{[1] = 1, [10] = 2}', '{[1] = 1, [11] = 2}',
  '{[11] = 1}', '{[10] = 1}', '{1, nil, 3}', '{nil, nil, 3}', '{n = 1}', '{[1.5] = 1}', '{[-1] = 1}', '{[0] = 1}', '{[0.1] = "x"}',
  '{1, a = 2}', '{1, 2, x = 1}', '{[2^31] = 1}', '{[2^32] = 1}', '{[2^31 - 1] = 1}', '{[2^53] = 1}', '{[1e20] = 1}', '{[1e300] = 1}',
  '{[-0.5] = 1}', '{[1] = 1, [2] = 2, [3] = 3, [100] = 4}', '{"a", {b = "c"}}', '{{a = {b = {c = {1, 2}}}}}',
  'setmetatable({}, {__len = function() return 3 end})', 'setmetatable({1}, {__index = {2, 3}})',
  'setmetatable({a = 1}, {__pairs = function() return next, {b = 2} end})', 'setmetatable({}, {__tojson = 1})',
  '{[1] = "a", [2] = "b", [4] = "d"}', '{[3] = 3, [1] = 1, [2] = 2}', '{[1] = 1, [2^31] = 2} and {[2^31 + 0.5] = 1}',
  '{[-2^31] = 1}', '{[20] = 1, [19] = 1, [18] = 1, [17] = 1, [16] = 1, [15] = 1, [14] = 1, [13] = 1, [12] = 1, [11] = 1}',
]) enc(t);
enc('{[1/3] = 1}', 'cjson.encode_number_precision(3)');
enc('{[123456789] = 1, [0] = 0}', 'cjson.encode_number_precision(2)', true);
enc('(function() local t = {} for i = 1, 1000 do t[i] = i * 1.5 end return t end)()');
enc('(function() local t = {} for i = 1, 100 do t[i] = {i, tostring(i)} end return t end)()');
enc('(function() local t = {1, 2, 3} t[2] = nil return t end)()');
enc('(function() local t = {1, 2, 3} t[3] = nil return t end)()');
enc('(function() local t = {} t[1] = 1 t[2] = 2 t[4] = 4 return t end)()');
enc('(function() local t = {} t.x = 1 t.x = nil t[1] = "a" return t end)()');
enc('(function() local t = {1, 2, 3} t[5] = 5 return t end)()');
enc('(function() local t = {1, 2, 3} t[9] = 9 return t end)()');
enc('(function() local t = {1, 2, 3} t[12] = 12 return t end)()');
enc('{["1"] = 1}');
enc('{["1"] = {[2] = {["3"] = {4}}}}');

// Sparse arrays: convert, ratio and safe.
for (const cfg of ['true', 'false, 0', 'false, 1, 0', 'false, 3, 5', 'true, 3, 5', 'false, 2, 0', 'false, 2, 100', '"on", 1, 1',
  'false, 2147483647, 1', 'false, 1073741824, 1', 'true, 2147483647, 0', 'false, 5, 30']) {
  for (const t of ['{[20] = 1}', '{[1] = 1, [3] = 3}', '{[4] = 4}', '{1, 2}', '{[1] = 1, [40] = 40}', '{1, 2, 3, [8] = 8}', '{[12] = "x"}']) {
    enc(t, `cjson.encode_sparse_array(${cfg})`);
  }
}

// Objects with several keys: their member order differs (see the header).
for (const t of ['{a = 1, b = 2}', '{a = 1, b = 2, c = 3, d = 4, e = 5}', '{[1] = 1, [11] = 2, x = "y"}', '{x = true, y = false, z = cjson.null}',
  '{[1.5] = 1, [2.5] = 2, ["3"] = 3}', '{["1"] = 1, [1] = 2, [0] = 0}']) {
  enc(t, '', true);
}
enc('{[1] = 1, [11] = 2}', 'cjson.encode_sparse_array(true)', true);
enc('{[1] = 1, [15] = 2, [30] = 3}', 'cjson.encode_sparse_array(true)', true);

// ------------------------------------------------------------ encode: depth

function nested(depth: number, key: string): string {
  return `(function() local t = {} local c = t for i = 2, ${depth} do c[${key}] = {} c = c[${key}] end return t end)()`;
}
for (const [max, depth] of [[1000, 1000], [1000, 1001], [5, 5], [5, 6], [1, 1], [1, 2], [100000, 5000], [100000, 7997], [100000, 7998],
  [100000, 8500], [9000, 7998], [7998, 7998], [7997, 7998]] as const) {
  enc(nested(depth, '1'), `cjson.encode_max_depth(${max})`);
}
for (const [max, depth] of [[1000, 1001], [100000, 3999], [100000, 4000], [100000, 4001], [3999, 4000], [4000, 4000]] as const) {
  body(`encode an object nested ${depth} deep (max ${max})`, `cjson.encode_max_depth(${max}) local s = cjson.encode(${nested(depth, '"a"')}) return #s, s:sub(1, 20)`);
}
body('encode a self-referencing array', 'local t = {} t[1] = t return cjson.encode(t)');
body('encode a self-referencing object', 'local t = {} t.a = t return cjson.encode(t)');
body('encode a self-referencing array, no depth limit', 'cjson.encode_max_depth(2^31 - 1) local t = {} t[1] = t return cjson.encode(t)');
body('encode a self-referencing object, no depth limit', 'cjson.encode_max_depth(2^31 - 1) local t = {} t.a = t return cjson.encode(t)');
body('encode alternating array/object nesting at the stack limit',
  'cjson.encode_max_depth(100000) local t = {} local c = t for i = 1, 6000 do if i % 2 == 0 then c[1] = {} c = c[1] else c.k = {} c = c.k end end return pcall(cjson.encode, t)');
body('depth is checked before sparseness', 'cjson.encode_max_depth(1) return cjson.encode({{[30] = 1}})');
body('the same table twice is fine', 'local s = {1} return cjson.encode({s, s, {s}})');

// ------------------------------------------------------------ decode: values

for (const j of [
  'true', 'false', 'null', '0', '-0', '1', '-1', '1.5', '1e3', '1E3', '1e+3', '1e-3', '1e400', '-1e400', '1e-400', '12345678901234567890',
  '0.1', '3.141592653589793', '-12.5e-1', '1.7976931348623157e308', '4.9e-324', '2.2250738585072011e-308', '0.30000000000000004',
  '123456789012345678901234567890e-10', '"abc"', '""', '[]', '{}', '[1,2,3]', '{"a":1}', '{"a":[1,{"b":null}]}', '  [ 1 , 2 ]  ',
  '\t\n\r [\t1\n,\r2 ] \n', '[1,null,3]', '[null]', '[null,null]', '{"1":2}', '{"a":1,"a":2}', '{"":1}', '{"a\\u0000b":1}', '[[[]]]',
  '[{},{},[]]', '{"a":{"b":{"c":{}}}}', '["a",1,true,false,null,{"k":"v"},[]]', '[-0,0,-0.0]', '1E400', '[1e309,-1e309]',
]) dec(j);
body('decode: [1,null,3] has three elements', 'local t = cjson.decode("[1,null,3]") return #t, t[2] == cjson.null');
body('decode: [] re-encodes as {}', 'return cjson.encode(cjson.decode("[]"))');
body('decode: -0 keeps its sign', 'return 1 / cjson.decode("-0"), 1 / cjson.decode("[-0]")[1]');
body('decode: the types of decoded values', 'local t = cjson.decode(\'[1,"s",true,null,{},[]]\') local r = {} for i = 1, 6 do r[i] = type(t[i]) end return table.concat(r, " ")');

// Numbers JSON does not allow, with decode_invalid_numbers on and off.
for (const mode of ['true', 'false']) {
  for (const j of ['nan', 'NaN', '-nan', 'inf', '-inf', 'Infinity', '-Infinity', 'INF', 'infinity', 'iNf', '0x10', '0X1f', '-0x10', '0x1p4',
    '0x1.8p1', '+1', '+', '01', '-01', '00', '1.', '.5', '-.5', '1e', '1e+', '-', '--1', '1.5.3', '0x', 'nan(123)', 'infx', '- 1',
    '[nan]', '[inf, -inf]', '{"a":0x10}', '-i', '-n', 'n', 'i', 'I', 'N', 'Nan', '+inf', '+nan', '+0x10', '1.5e3.2', '1e5e5',
    '-0x', '0x.8', '0xg', '1_000', '\u00801', '-\u0080']) {
    dec(j, `cjson.decode_invalid_numbers(${mode})`);
  }
}
dec('9'.repeat(400));
dec('-' + '9'.repeat(400) + 'e-800');
dec('0.' + '0'.repeat(400) + '1');
dec('0.' + '0'.repeat(300) + '2470328229206232720882');
dec('0x' + 'f'.repeat(300));
dec('0x1.fffffffffffff8p1023', 'cjson.decode_invalid_numbers(true)');
dec('1' + '0'.repeat(22) + '.5e-3');
body('decode: nan reads as a NaN', 'local n = cjson.decode("nan") return n ~= n, tostring(n), tostring(cjson.decode("-nan"))');
body('decode: inf and -inf', 'return cjson.decode("inf") == math.huge, cjson.decode("-inf") == -math.huge');

// Strings and escapes.
for (const j of [
  '"\\""', '"\\\\"', '"\\/"', '"\\b"', '"\\f"', '"\\n"', '"\\r"', '"\\t"', '"\\u0041"', '"\\u00e9"', '"\\u00E9"', '"\\u20ac"', '"\\u07ff"',
  '"\\u0800"', '"\\uffff"', '"\\ud83d\\ude00"', '"\\uD83D\\uDE00"', '"\\udbff\\udfff"', '"\\ud800\\udc00"', '"\\u0000"', '"a\\u0000b"',
  '"\\x"', '"\\U0041"', '"\\u12"', '"\\u12G4"', '"\\ud800"', '"\\ud800abc"', '"\\ud800\\u0041"', '"\\ud800\\ud800"', '"\\udc00"',
  '"\\udfff\\ud800"', '"\\ud800\\"', '"\\ud800\\u"', '"\\ud800\\udc0"', '"\\ud800\\ux000"', '"\\a"', '"\\0"', '"\\\'"', '"\\ "',
  '"tab\there"', '"new\nline"', '"\u0001\u001f"', '"\u00ff\u0080"', '"\u00c3\u00a9"', '"abc', '"abc\\', '"abc\\"', '"', '"a\u0000b"',
  '["a", "b\\u00e9"]', '{"\\u00e9":"\\u00e9"}', '{"k\\"":1}', '"\\u0041\\u0042\\u0043"', '"x\\ny\\tz\\\\w\\/v"', '"\\u00"',
  '"\\uDBFF"', '"\\uDFFF"', '"\\ud83d\\ude00\\ud83d"',
]) dec(j);

// Syntax errors and their positions.
for (const j of [
  '', ' ', '[', '[1', '[1,', '[1,]', '[,1]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,}', '{1:2}', '{"a" 1}', '{"a":1 "b":2}', '[1 2]',
  'tru', 'nul', 'fals', 'True', 'FALSE', 'NULL', 'undefined', "'a'", '@', ']', '}', ':', ',', '[1] x', '1 2', '{}}', '[1]]', '[1]\u0000xyz',
  '\u0000a', 'a\u0000', '\u0000', '\u0000\u0000', '1\u0000', '[\u0000]', '{"a":1}   ,', '[1,2', '[1,2]x', '{"a":1}{}', 'nulll', 'truex',
  'true false', '["\u00e9", x]', '{"a":[1,2}', '[{"a":1]', '{[1]:1}', '{null:1}', '{"a"::1}', '{,}', '[:]', '\f1', '1\f', '\u000b1',
  '[1,\t\n]', '{"a":tru}', '[-]', '[1,2,3,]', '   ', '\n\n\n?', 'abc', '[\u00ff]', '"\u00e9" x', '{"a":1,"b"}', '{"a":1,"b":}',
]) dec(j);

// Argument errors.
body('decode() by name', 'return cjson.decode()');
body('decode(1, 2) by name', 'return cjson.decode("1", 2)');
add('decode() through pcall', 'D(pcall(cjson.decode))');
add('decode("1", nil) through pcall', 'D(pcall(cjson.decode, "1", nil))');
for (const v of ['nil', '{}', 'true', 'cjson.null', 'function() end']) {
  body(`decode(${v}) by name`, `return cjson.decode(${v})`);
  add(`decode(${v}) through pcall`, `D(pcall(cjson.decode, ${v}))`);
}
for (const v of ['123', '1.5', '-0', '1e100', '2^53', '0.1', '1/3', '-1/0']) body(`decode(${v})`, `return cjson.decode(${v})`);
add('decode error through pcall has no position', 'D(pcall(cjson.decode, "[1,2"))');
add('decode UTF-16 error through pcall', 'D(pcall(cjson.decode, "\\0a"))');

// Depth.
for (const [max, depth] of [[1000, 1000], [1000, 1001], [5, 5], [5, 6], [1, 1], [1, 2], [100000, 7998], [100000, 7999], [100000, 9000],
  [7998, 7999], [7999, 7999]] as const) {
  body(`decode arrays nested ${depth} deep (max ${max})`,
    `cjson.decode_max_depth(${max}) local t = cjson.decode(string.rep("[", ${depth}) .. string.rep("]", ${depth})) local n = 0 while t[1] do t = t[1] n = n + 1 end return n`);
}
for (const [max, depth] of [[1000, 1001], [100000, 3999], [100000, 4000], [100000, 4500], [3999, 4000], [4000, 4000]] as const) {
  body(`decode objects nested ${depth} deep (max ${max})`,
    `cjson.decode_max_depth(${max}) local t = cjson.decode(string.rep('{"a":', ${depth}) .. "1" .. string.rep("}", ${depth})) local n = 0 while type(t) == "table" do t = t.a n = n + 1 end return n`);
}
body('decode: depth error before the syntax error', 'cjson.decode_max_depth(2) return cjson.decode("[[[")');
body('decode: syntax error within the depth', 'return cjson.decode("[[[")');
body('decode: empty containers count toward the depth', 'cjson.decode_max_depth(2) return cjson.decode("[[],{},[{}]]")');
body('decode: empty containers count toward the depth (error)', 'cjson.decode_max_depth(2) return cjson.decode("[[],{},[[]]]")');
body('decode: depth of objects in arrays', 'cjson.decode_max_depth(3) return cjson.decode(\'[{"a":[{"b":1}]}]\')');
body('decode: alternating arrays and objects at the stack limit',
  'cjson.decode_max_depth(100000) return pcall(cjson.decode, string.rep(\'[{"k":\', 3000))');

// ------------------------------------------------------------ round trips and big inputs

for (const j of ['[1,2,3]', '{"a":"b"}', '[[],{}]', '"\\u00e9\\/\\n"', '[1.5,-0,1e+20,null,true]', '{"k":[{"x":[null]}]}', '"\\u001f\\u007f"']) {
  body(`round trip ${j}`, `return cjson.encode(cjson.decode(${luaStr(j)}))`);
}
body('encode a long array', 'local t = {} for i = 1, 20000 do t[i] = i end return cjson.encode(t)');
body('decode a long array', 'local t = {} for i = 1, 20000 do t[i] = i end local d = cjson.decode("[" .. table.concat(t, ",") .. "]") return #d, d[20000], d[12345]');
body('encode a long string', 'return cjson.encode(string.rep("\\1\\"x", 30000))');
body('decode a long string with escapes', 'local s = cjson.decode(\'"\' .. string.rep("\\\\u00e9\\\\n", 20000) .. \'"\') return #s, s:sub(1, 6)');
body('decode long whitespace', 'return cjson.decode(string.rep(" ", 100000) .. "1" .. string.rep("\\n", 100000))');

// ------------------------------------------------------------ the runs

/** A flat JSON object's members, sorted (for the `members` cases). */
function sortedMembers(json: string): string {
  assert.ok(json.startsWith('true | "{') && json.endsWith('}"'), `not an object result: ${json}`);
  const inner = json.slice('true | "{'.length, -2);
  return inner.split(',').sort().join(',');
}

const skip = redisSkip();
let server: RedisServer | undefined;
let conn: RedisConnection | undefined;
const lua = new Lua({ dialect: '5.1', strings: 'bytes' });
openCjson(lua.state);

before(async () => {
  if (skip) return;
  server = await startRedis();
  conn = await server.connect();
});

after(async () => {
  conn?.close();
  await server?.stop();
});

function regolith(snippet: string): string {
  const r = lua.doString(snippet, { chunkName: '@user_script' });
  assert.equal(r.length, 1);
  assert.ok(r[0] instanceof Uint8Array, `not a string: ${String(r[0])}`);
  return latin1(r[0]);
}

async function redis(snippet: string): Promise<string> {
  const r = await conn!.command('EVAL', snippet, '0');
  assert.equal(r.value.type, 'bulk', `the server replied ${latin1(r.raw)}`);
  return latin1((r.value as { value: Uint8Array }).value);
}

test(`cjson: ${cases.length} snippets, Regolith and redis-server give the same result`, { skip }, async (t) => {
  for (const c of cases) {
    await t.test(c.name, async () => {
      const snippet = `${PRELUDE} return ${c.expr}`;
      const expected = await redis(snippet);
      const actual = regolith(snippet);
      if (c.members) assert.equal(sortedMembers(actual), sortedMembers(expected));
      else assert.equal(actual, expected);
    });
  }
});

test('known difference: a -0 table key is 0 in Regolith (see the header)', { skip }, async () => {
  const snippet = 'local t = {} t[-0] = 1 return cjson.encode({[-0] = 1}) .. " " .. cjson.encode(t)';
  assert.equal(await redis(snippet), '{"-0":1} {"-0":1}');
  assert.equal(regolith(snippet), '{"0":1} {"0":1}');
});

test('cjson.null is the one NULL light userdata, in every module', () => {
  const L = new Lua({ dialect: '5.1' });
  const cjson = openCjson(L.state);
  assert.equal(cjson.getStr('null'), NULL_LIGHTUSERDATA);
  assert.equal(L.state.globals.getStr('cjson'), cjson);
  assert.deepEqual(L.doString('return cjson.new() ~= cjson, cjson.null == cjson.new().null, tostring(cjson.new().null)'),
    [true, true, 'userdata: (nil)']);
});

// Regolith only: limits reach into cjson's loops, which a real server cannot
// interrupt (there the whole encode is one C call).
test('limits stop long encodes and decodes', () => {
  const limited = (limits: Limits): Lua => {
    const L = new Lua({ dialect: '5.1', limits });
    openCjson(L.state);
    return L;
  };
  const cases: [Limits, string, string][] = [
    // 10^8 nulls: an array that sparse-array checking would have refused.
    [{ instructions: 1e6 }, 'cjson.encode_sparse_array(false, 0) return #cjson.encode({[1e8] = 1})', 'instructions'],
    [{ timeoutMs: 100 }, 'cjson.encode_sparse_array(false, 0) return #cjson.encode({[1e8] = 1})', 'time'],
    [{ stringSize: 1e6 }, 'cjson.encode_sparse_array(false, 0) return #cjson.encode({[1e8] = 1})', 'string'],
    // the same table many times
    [{ instructions: 1e6 }, 'local t = {} for i = 1, 1000 do t[i] = i end local big = {} for i = 1, 1000 do big[i] = t end return #cjson.encode(big)', 'instructions'],
    // 3 million numbers
    [{ instructions: 1e6 }, 'return #cjson.decode("[" .. string.rep("1,", 3e6) .. "1]")', 'instructions'],
    [{ memory: 20e6 }, 'return #cjson.decode("[" .. string.rep("1,", 3e6) .. "1]")', 'memory'],
    // a long run of whitespace
    [{ instructions: 1e5 }, 'return cjson.decode(string.rep(" ", 2e7) .. "1")', 'instructions'],
  ];
  for (const [limits, code, kind] of cases) {
    assert.throws(() => limited(limits).doString(code), (e: unknown) => e instanceof LuaLimitError && e.kind === kind, code);
  }
  // Within the limits the same work succeeds.
  assert.deepEqual(limited({ instructions: 1e7 }).doString('return #cjson.decode("[" .. string.rep("1,", 1e5) .. "1]")'), [100001]);
});
