// struct (src/redis/struct.ts) side by side with a real redis-server 7.0.15:
// every snippet runs there through EVAL and in a Regolith 5.1 state, and the
// strings they return must be equal byte for byte (see
// test/support/redis-lua.ts for the helpers H, D and R).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Lua } from '../src/index.js';
import { openStruct } from '../src/redis/struct.js';
import { redisSkip } from './support/redis.js';
import { SideBySide, type Case } from './support/redis-lua.js';

const cases: Case[] = [];
const add = (name: string, code: string) => cases.push({ name, code });
/** pack(<args>): the hex of the result, or the error. */
const pack = (args: string) =>
  add(`pack(${args})`, `local ok, r = pcall(struct.pack, ${args}) return tostring(ok) .. ' ' .. (ok and H(r) or r)`);
/** unpack(<args>): everything it returns, rendered, or the error. */
const unpack = (args: string) => add(`unpack(${args})`, `return R(pcall(struct.unpack, ${args}))`);
/** size(<args>). */
const size = (args: string) => add(`size(${args})`, `return R(pcall(struct.size, ${args}))`);

// ------------------------------------------------------------ the table
add('keys', `local k = {} for n, v in pairs(struct) do k[#k + 1] = n .. ':' .. type(v) end table.sort(k) return table.concat(k, ' ')`);

// ------------------------------------------------------------ pack: integers
for (const args of [
  '">I2", 258', '"<I2", 258', '"<i4", -2', '">i4", -2', '"b", -1', '"b", 127', '"b", 128', '"b", 255', '"b", 256', '"b", -129',
  '"B", -1', '"B", 300', '"h", -1', '">h", -2', '"H", 65535', '"H", 65536', '"l", -1', '">l", 1', '"L", 2^63', '"l", -2^63',
  '">L", 2^64 - 2048', '"T", 1', '">T", 2^40', '"i", 1', '"I", -1', '">i", 16909060', '"i1", 1', '"i2", -2', '">i3", 66051',
  '"<i3", -1', '">i5", 2^33 + 5', '"<i6", -3', '">i7", 2^50', '"i8", 2^53 + 2', '">i8", -2^53', '"<i9", -1', '">i9", -1',
  '">I9", 2^64 - 4096', '"<i16", -1', '">i16", -1', '"<i16", 1', '"i32", 1', '">i32", -1', '"i0", 5', '"I0", 5',
  '">i4", 1.9', '">i4", -1.9', '"b", 0.5', '"b", -0.5', '">I8", 2^64', '">I8", 2^63', '">I8", 2^63 + 2048', '">i8", 0/0',
  '">i8", -(0/0)', '">I8", math.huge', '">i8", -math.huge', '">i8", -2^63 - 4096', '">I8", 1e300', '">i8", -1e300',
  '">i4", 2^32 + 7', '">i2", 70000', '">i4", "12"', '">i4", " 0x10 "', '">i4", "1e2"', '">i4", "abc"', '">i4"', '">i4", nil',
  '">i4", {}', '"bb", 1', '"i33", 1', '"I33", 1', '"i99999999999", 1', '"i2147483647", 1', '"i2147483648", 1', '"i214748364", 1',
  '"i0000000000000000004", 1',
  '"<i4", -2^31 - 1', '"<I4", 2^32 + 1', '"!08 b d", 1, 2', '"c00", "abc"', '"c01", "abc"',
]) pack(args);
add('pack many integers', `return H(struct.pack("<bBhHlLTiI", -1, 2, -3, 4, -5, 6, 7, -8, 9))`);
add('pack many integers big endian', `return H(struct.pack(">bBhHlLTiI", -1, 2, -3, 4, -5, 6, 7, -8, 9))`);

// ------------------------------------------------------------ pack: floats
for (const args of [
  '"f", 1.5', '">f", 1.5', '"<f", -2', '"f", 0.1', '">f", 1e39', '">f", -1e39', '">f", 0/0', '">f", -(0/0)', '">f", math.huge',
  '">f", 2^-149', '">f", 2^-150', '">f", 3.4028235677973366e38', '">f", 16777217', '"d", 0.1', '">d", 0.1', '"<d", -0.0',
  '">d", 0/0', '">d", -(0/0)', '">d", math.huge', '">d", 2^-1074', '">d", "1.5"', '">d", "x"', '">f"', '"fd", 1, 2',
]) pack(args);
add('pack -0 as a double', `local z = 0 return H(struct.pack(">d", -z))`);

// ------------------------------------------------------------ pack: strings, padding, spaces
for (const args of [
  '"s", "ab"', '"s", ""', '"s", "a\\0b"', '"s", 12', '"s", 1.5', '"s", nil', '"s"', '"s5", "ab"', '"c5", "abc"', '"c3", "abcdef"',
  '"c0", "abc"', '"c", "abc"', '"c0", ""', '"c2 c2", "ab", "c"', '"c10", 12345', '"c99999999999", "a"', '"c1", {}',
  '"b c3", 1, "xy"', '"b s", 1, "xy"', '"x"', '"xxb", 7', '"x", 1, 2', '"bxb", 1, 2', '" b  b ", 1, 2', '""', '"", 1',
  '">h <h", 1, 1', '"<h >h", 1, 1', '">i2 <i2 >i2", 1, 2, 3',
]) pack(args);

// ------------------------------------------------------------ pack: alignment
for (const args of [
  '"!4 b i4", 1, 2', '"!8 b d", 1, 2', '"! b d", 1, 2', '"!b d", 1, 2', '"!2 b i4", 1, 2', '"!1 b i4", 1, 2', '"!16 b d", 1, 2',
  '"!4 b h b i", 1, 2, 3, 4', '"!4 c3 i4", "abc", 1', '"!4 b i3", 1, 2', '"!8 b i5", 1, 2', '"!4 b i16", 1, 2', '"!32 b i32", 1, 2',
  '"!64 b i32", 1, 2', '"!4 s i", "ab", 1', '"!4 x i", 1', '"!4 b f", 1, 1.5', '"!2 b l", 1, 2', '"!4 b !1 i", 1, 2',
  '"!4 b i0 b", 1, 2, 3', '"!3", 1', '"!0", 1', '"!6 b", 1', '"!2147483648 b", 1', '"!1073741824 b i", 1, 2', '"!99999999999", 1',
  '"b !4 b", 1, 2', '"!8 b T", 1, 2',
]) pack(args);

// ------------------------------------------------------------ pack: invalid formats and arguments
for (const args of ['"y", 1', '"b3", 1', '"z"', '"@"', '"%"', '"\\200"', '"b\\0b", 1, 2', '"\\0b", 1', '"=", 1', '"B-", 1', '12, 1', '{}, 1', 'nil']) pack(args);
add('pack no arguments', `return R(pcall(struct.pack))`);
add('pack invalid option (called)', `return R(pcall(function() return struct.pack("y") end))`);
add('pack integral size (called)', `return R(pcall(function() return struct.pack("i33", 1) end))`);
add('pack alignment (called)', `return R(pcall(function() return struct.pack("!3") end))`);
add('pack overflow (called)', `return R(pcall(function() return struct.pack("c99999999999") end))`);
add('pack string too short (called)', `return R(pcall(function() return struct.pack("c4", "ab") end))`);
add('pack string too short (local name)', `local p = struct.pack return R(pcall(function() return p("c4", "ab") end))`);
add('pack as a method', `return R(pcall(function() return struct:pack("b") end))`);
add('pack a long string', `local s = struct.pack("c0 s", string.rep("a", 100000), string.rep("b", 70000)) return #s .. ' ' .. H(string.sub(s, 99998, 100003)) .. ' ' .. H(string.sub(s, -2))`);

// ------------------------------------------------------------ unpack: integers
for (const args of [
  '">I2", "\\1\\2"', '"<I2", "\\1\\2"', '"b", "\\255"', '"B", "\\255"', '">h", "\\255\\254"', '"<H", "\\255\\254"',
  '">I2", "\\1"', '">I8", string.rep("\\255", 8)', '"<i8", string.rep("\\255", 8)', '">l", "\\128\\0\\0\\0\\0\\0\\0\\0"',
  '"<L", "\\0\\0\\0\\0\\0\\0\\0\\128"', '"T", string.rep("\\255", 8)', '"i", "\\1\\2\\3\\4"', '"I", "\\255\\255\\255\\255"',
  '"i", "\\255\\255\\255\\255"', '">i3", "\\255\\255\\127"', '"<i3", "\\0\\0\\128"', '"<I3", "\\0\\0\\128"', '">i5", "\\128\\0\\0\\0\\1"',
  '">i7", "\\1\\2\\3\\4\\5\\6\\7"', '"<i9", string.rep("\\255", 9)', '"<i9", "\\128" .. string.rep("\\0", 8)',
  '"<i9", string.rep("\\0", 8) .. "\\255"', '">i9", "\\255" .. string.rep("\\0", 8)', '"<i12", "\\0\\0\\0\\128" .. string.rep("\\0", 8)',
  '"<i16", string.rep("\\255", 16)', '">i16", string.rep("\\255", 16)', '">i16", "\\128" .. string.rep("\\0", 15)',
  '">i16", string.rep("\\0", 8) .. "\\128" .. string.rep("\\0", 7)', '"<I16", string.rep("\\255", 16)', '"<i32", string.rep("\\255", 32)',
  '">I32", string.rep("\\1", 32)', '"i0", ""', '"I0", "abc"', '">I8", "\\0\\32\\0\\0\\0\\0\\0\\1"', '">I8", "\\255\\255\\255\\255\\255\\255\\252\\1"',
  '">i8", "\\128\\0\\0\\0\\0\\0\\4\\1"', '"bBhH", "\\255\\255\\255\\255\\255\\255"', '"i33", "x"', '"i99999999999", "x"',
]) unpack(args);

// ------------------------------------------------------------ unpack: floats
for (const args of [
  '">f", "\\63\\192\\0\\0"', '"<f", "\\0\\0\\192\\63"', '">f", "\\127\\128\\0\\0"', '">f", "\\0\\0\\0\\1"', '">d", "\\63\\185\\153\\153\\153\\153\\153\\154"',
  '"<d", "\\154\\153\\153\\153\\153\\153\\185\\63"', '">d", "\\127\\240\\0\\0\\0\\0\\0\\0"', '"d", "1234567"', '"f", "123"', '"fd", string.rep("\\0", 12)',
]) unpack(args);
add('unpack float nan bits', `local v = struct.unpack(">f", "\\255\\192\\0\\1") return H(struct.pack(">d", v))`);
add('unpack double nan bits', `local v = struct.unpack(">d", "\\127\\248\\0\\0\\0\\0\\0\\1") return H(struct.pack(">d", v))`);
add('round trip of floats', `return R(struct.unpack("<f>d<d", struct.pack("<f>d<d", 0.1, 0.1, -1e300)))`);

// ------------------------------------------------------------ unpack: strings, padding
for (const args of [
  '"s", "ab\\0cd"', '"s s", "a\\0b\\0"', '"s", "abc"', '"s", ""', '"s", "\\0"', '"s b", "a\\0"', '"c2", "abc"', '"c0", "abc"',
  '"b c0", "\\2abc"', '"b c0", "\\9abc"', '"B c0", "\\3abcdef"', '"c1 c0", "3abcd"', '"c1 c0", " 3abcd"', '"c1 c0", "xabc"',
  '"s c0", "2\\0ab"', '"s c0", "0x2\\0ab"', '"b c0", "\\0abc"', '"b c0", "\\255abc"', '"B x c0", "\\2-ab"', '"b c0 c0", "\\1" .. "2" .. "ab"',
  '"c0 b", "\\1"', '"x c0", "\\1"', '"c", "xy"', '"c3", "xy"', '"c99999999999", "x"', '"xb", "\\1\\2"', '"x", ""', '"bxxb", "\\1\\2\\3\\4"',
  '"c00", "abc"', '"b c00", "\\1ab"', '"", "abc"', '"  ", "abc"', '">h <h", "\\1\\2\\1\\2"',
]) unpack(args);
add('unpack c0 after a double', `return R(struct.unpack("d c0", struct.pack("d", 2.5) .. "abc"))`);
add('unpack c0 after a nan', `return R(pcall(struct.unpack, "d c0", struct.pack("d", 0/0) .. "abc"))`);
add('unpack c0 after a float', `return R(pcall(struct.unpack, "f c0", struct.pack("f", 3) .. "abcdef"))`);

// ------------------------------------------------------------ unpack: positions
for (const args of [
  '"b", "\\1\\2\\3", 2', '"b", "\\1\\2\\3", 3', '"b", "\\1\\2\\3", 4', '"b", "\\1\\2\\3", 0', '"b", "\\1\\2\\3", -1', '"", "abc", -5',
  '"", "abc", 100', '"", "abc", 0', '"!4 i4", "\\1\\0\\0\\0", -1', '"b", "\\1\\2\\3", 1.9', '"b", "\\1\\2\\3", "2"', '"b", "\\1\\2\\3", "x"',
  '"b", "\\1\\2\\3", nil', '"", "abc", 1e300', '"", "abc", 2^53', '"", "abc", -2^53', '"b", "\\1\\2\\3", 2^64', '"s", "ab\\0cd\\0", 4',
  '"c0", "abc", 2', '"!4 i4", "xxxx\\1\\0\\0\\0", 2', '"!4 b i4", "xxxx\\1\\0\\0\\0\\2\\0\\0\\0", 4', '"!2 h", "\\1\\1\\2", 2',
  '"b", "\\1\\2\\3", 1, 99',
]) unpack(args);

// ------------------------------------------------------------ unpack: alignment
for (const args of [
  '"!4 b i4", "\\1\\0\\0\\0\\2\\0\\0\\0"', '"!4 b i4", "\\1\\0\\0\\0\\2"', '"!8 b d", "\\1" .. string.rep("\\0", 7) .. "\\0\\0\\0\\0\\0\\0\\240\\63"',
  '"! b h", "\\1\\0\\2\\0"', '"!4 b i3", "\\1\\0\\0\\2\\0\\0"', '"!8 b i5 b", string.rep("\\1", 24)', '"!4 c3 i4", "abc\\0\\5\\0\\0\\0"',
  '"!4 s i", "ab\\0\\0\\7\\0\\0\\0"', '"!3", "x"', '"!0", ""', '"!99999999999", ""', '"!4 b !1 i", "\\1\\2\\0\\0\\0"',
]) unpack(args);

// ------------------------------------------------------------ unpack: invalid formats and arguments
for (const args of ['"y", ""', '"b y", "\\1"', '"y", "\\1"', '"b\\0b", "\\1\\2"', '"\\200", ""', '"b"', '"b", nil', '"b", 5', '"b", {}', 'nil, "x"', '12, "x"']) unpack(args);
add('unpack no arguments', `return R(pcall(struct.unpack))`);
add('unpack too short (called)', `return R(pcall(function() return struct.unpack(">I2", "\\1") end))`);
add('unpack offset (called)', `return R(pcall(function() return struct.unpack("b", "x", 0) end))`);
add('unpack unfinished string (called)', `return R(pcall(function() return struct.unpack("s", "abc") end))`);
add('unpack c0 without size (called)', `return R(pcall(function() return struct.unpack("c0", "abc") end))`);
add('unpack invalid option (called)', `return R(pcall(function() return struct.unpack("y", "") end))`);
add('unpack as a method', `return R(pcall(function() return struct:unpack("b") end))`);

// The Lua stack: the values and the next position must fit LUAI_MAXCSTACK.
for (const n of [7997, 7998]) {
  add(`unpack ${n} values`, `return R(pcall(function() return select('#', struct.unpack(string.rep("b", ${n}), string.rep("\\1", ${n}))) end))`);
  add(`unpack ${n} values with a position`, `return R(pcall(function() return select('#', struct.unpack(string.rep("b", ${n}), string.rep("\\1", ${n}), 1)) end))`);
}
add('unpack 8000 paddings', `return R(struct.unpack(string.rep("x", 8000), string.rep("\\1", 8000)))`);
add('unpack 8000 c0 pairs', `return R(pcall(function() return select('#', struct.unpack(string.rep("b c0", 4000), string.rep("\\0", 4000))) end))`);

// ------------------------------------------------------------ size
for (const args of [
  '""', '"b"', '"B"', '"h"', '"H"', '"l"', '"L"', '"T"', '"i"', '"I"', '"i3"', '"i32"', '"i0"', '"f"', '"d"', '"x"', '"c"', '"c10"', '"c0"',
  '"s"', '"b d"', '"!8 b d"', '"! b d"', '"!4 b d"', '"!2 b i4"', '"!4 b i3"', '"<>"', '"  "', '"y"', '"yb"', '"1"', '"b3"', '"@"', '"!3"', '"i33"',
  '"c2147483647c2147483647c2147483647c2147483647c2147483647"', '"c99999999999"', '"b\\0b"', '"!4 c3 i4"', '"!16 b d"', '"bBhHlLTiIfdx"',
  '12', '{}', 'nil',
]) size(args);
add('size no arguments', `return R(pcall(struct.size))`);
add('size s (called)', `return R(pcall(function() return struct.size("s") end))`);
add('size invalid option (called)', `return R(pcall(function() return struct.size("@") end))`);

// ------------------------------------------------------------ round trips
add('round trip of a record', `local s = struct.pack(">!4 b i4 h c3 s d", -5, 123456, -2, "abc", "zz", 0.25) return H(s) .. ' ' .. R(struct.unpack(">!4 b i4 h c3 s d", s))`);
add('size matches pack', `local f = "<!8 b l h d i3 T f" return struct.size(f) .. ' ' .. #struct.pack(f, 1, 2, 3, 4, 5, 6, 7)`);

const skip = redisSkip();

describe('struct side by side with redis-server 7.0.15', { skip }, () => {
  let sides: SideBySide;
  before(async () => { sides = await SideBySide.start((L) => { openStruct(L); }); });
  after(async () => { await sides?.stop(); });

  for (const c of cases) {
    test(c.name, async () => {
      const expected = await sides.onServer(c.code);
      assert.equal(sides.onRegolith(c.code), expected);
    });
  }
});

describe('struct within Regolith limits', () => {
  test('a long format is stopped by the instruction limit', () => {
    const lua = new Lua({ dialect: '5.1', limits: { instructions: 100000 } });
    openStruct(lua.state);
    assert.throws(() => lua.doString('return struct.size(string.rep("b", 1000000))'), /instruction/i);
  });
  test('a long result counts toward the string size limit', () => {
    const lua = new Lua({ dialect: '5.1', limits: { stringSize: 1000 } });
    openStruct(lua.state);
    assert.throws(() => lua.doString('return struct.pack("c0 c0", string.rep("x", 600), string.rep("y", 600))'), /string/i);
    assert.equal(lua.doString('return #struct.pack("c0", string.rep("x", 999))')[0], 999);
  });
});
