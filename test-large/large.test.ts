// Tests with very large inputs or long runtimes, kept out of `npm test`:
//
//   npm run test:large
//
// Each compares with lua5.4 where the reference is installed, and bounds the
// time, so that a return of quadratic behaviour fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differentialTest } from '../test/support/differential.js';
import { StrBuf } from '../src/stdlib/strbuf.js';

const MINUTE = 60_000;

differentialTest('gsub with 5 million matches (was quadratic: over 60 s)', `
local t = os.clock()
local s, n = ("ab"):rep(5e6):gsub("a", "xyz")
print(#s, n, s:sub(1, 10), s:sub(-10))
local s2, n2 = ("ab"):rep(2e6):gsub("b", function() return "<>" end)
print(#s2, n2, s2:sub(1, 10), s2:sub(-10))
io.stderr:write(os.clock() - t < 20 and "" or "too slow\\n")
`, { timeoutMs: 2 * MINUTE });

differentialTest('table.concat of 10 million pieces', `
local t = {}
for i = 1, 1e7 do t[i] = i % 10 == 0 and i or "ab" end
local s = table.concat(t, ",")
print(#s, s:sub(1, 20), s:sub(-20))
`, { timeoutMs: 2 * MINUTE });

differentialTest('string.reverse of 90 MB', `
local s = ("abc"):rep(3e7):reverse()
print(#s, s:sub(1, 7), s:sub(-7))
`, { timeoutMs: 2 * MINUTE });

differentialTest('compile 20,000 goto/label lines (was quadratic: over 60 s)', `
local t = {"local x = 0"}
for i = 1, 20000 do t[#t + 1] = ("x = x + 1 if x > 1e9 then goto l%d end ::l%d::"):format(i, i) end
t[#t + 1] = "return x"
local c = os.clock()
local f = assert(load(table.concat(t, "\\n")))
print(f())
io.stderr:write(os.clock() - c < 20 and "" or "too slow\\n")
`, { timeoutMs: 2 * MINUTE });

differentialTest('compile 20,000 backward-goto lines (nested JS loops overflowed V8)', `
local t = {"local x = 0"}
for i = 1, 20000 do t[#t + 1] = ("::l%d:: x = x + 1 if x < %d then goto l%d end"):format(i, i * 2, i) end
t[#t + 1] = "return x"
print(assert(load(table.concat(t, "\\n")))())
`, { timeoutMs: 2 * MINUTE });

test('StrBuf: 20 million pieces (three levels of groups) in order', () => {
  const b = new StrBuf();
  const all: string[] = [];
  const n = 20_000_000;
  for (let i = 0; i < n; i++) {
    const piece = i % 1000 === 0 ? `<${i}>` : 'x';
    b.add(piece);
    all.push(piece);
  }
  assert.ok(b.toString() === all.join(''));
});

test('a string past V8\'s longest is lua5.4\'s catchable "not enough memory", not "stack overflow" (inline concatenation, library, coroutine, API)', async () => {
  const { Lua, LuaError } = await import('../src/index.js');
  const lua = new Lua();
  assert.deepEqual(lua.doString(`
    local s = ("x"):rep(2^28)
    local a = {pcall(function() return s .. s end)}
    local b = {pcall(function() return s .. s .. 1 end)}
    local c = {coroutine.resume(coroutine.create(function() return s .. s end))}
    local d = {pcall(string.rep, s, 3)}
    return a[1], a[2], b[1], b[2], c[1], c[2], d[1], d[2]`),
  [false, 'not enough memory', false, 'not enough memory', false, 'not enough memory', false, 'resulting string too large']);
  assert.throws(() => lua.doString('local s = ("x"):rep(2^28) return s .. s'), (e: unknown) => e instanceof LuaError && e.message === 'not enough memory');
  lua.close();
});

test('tables past V8\'s array and Map limits fail with a catchable "not enough memory" (V8 would abort the process)', async () => {
  const { Lua } = await import('../src/index.js');
  const lua = new Lua();
  assert.deepEqual(lua.doString(`
    local t = {}
    local ok, e = pcall(function() for i = 1, 2^28 do t[i] = true end end)
    local n = #t
    t = nil
    local h = {}
    local ok2, e2 = pcall(function() for i = 1, 2^25 do h[i + 0.5] = true end end)
    h = nil
    collectgarbage()
    return ok, e, n, ok2, e2`), [false, 'not enough memory', 2 ** 26 - 1, false, 'not enough memory']);
  // The state goes on.
  assert.deepEqual(lua.doString('local t = {} for i = 1, 10 do t[i] = i end return #t'), [10]);
  lua.close();
});

test('large strings up to the heap\'s limit: a catchable "not enough memory" before V8 would abort the process', async () => {
  const { Lua } = await import('../src/index.js');
  await import('../src/node.js');
  const lua = new Lua();
  const [ok, err, n] = lua.doString(`
    local t = {}
    local ok, e = pcall(function() for i = 1, 64 do t[i] = string.rep(string.char(65 + i % 26), 2^28 - 64 - i) end end)
    local n = #t
    t = nil
    collectgarbage()
    return ok, e, n`);
  assert.equal(ok, false);
  assert.equal(err, 'not enough memory');
  assert.ok((n as number) > 2 && (n as number) < 64, `${n} strings`);
  assert.deepEqual(lua.doString('return #string.rep("x", 1e6)'), [1e6]);
  lua.close();
});
