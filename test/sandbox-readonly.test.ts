// Read-only tables (issue 9, section 3): every write path refuses a frozen
// table with `attempt to modify a readonly table`, a Lua error with the
// writer's position that pcall catches; reads, traversals and other tables
// are unaffected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lua, LuaError, LuaTableHandle } from '../src/index.js';

const RO = 'attempt to modify a readonly table';

/**
 * A state with a frozen table T = {10, 20, 30, s = 'x', [2.5] = 'h', [true] = 'b'} and an ordinary one U,
 * both filled further by `fill` (Lua code naming the table X) before T is frozen.
 */
function frozenState(fill = ''): Lua {
  const lua = new Lua();
  const make = (name: string) => `local ${name} = {10, 20, 30, s = 'x', [2.5] = 'h', [true] = 'b'} ${fill.replaceAll('X', name)} return ${name}`;
  const [t] = lua.doString(make('X')) as [LuaTableHandle];
  lua.freeze(t);
  lua.global.set('T', t);
  lua.doString(`U = (function () ${make('X')} end)()`);
  return lua;
}

/** Runs write `w` (naming the table X) on the frozen T, which refuses it and stays `unchanged` (what `check` returns), then on U, which takes it. */
function refusedWrite(fill: string, w: string, check: string, unchanged: string): void {
  const lua = frozenState(fill);
  assert.throws(() => lua.doString(w.replaceAll('X', 'T'), { chunkName: '=w' }), (e: unknown) => {
    assert.ok(e instanceof LuaError, w);
    assert.equal(e.message, `w:1: ${RO}`, w);
    return true;
  });
  assert.equal(lua.doString(check).join(' '), unchanged, w);
  if (!w.includes('error(')) lua.doString(w.replaceAll('X', 'U'), { chunkName: '=w' });
}

// Each write, as one line of Lua: on T it fails at line 1 of chunk "=w", on U it works.
const WRITES = [
  'X[1] = 5', // array part, existing slot (the inline store of generated code)
  'X[3] = nil', // last slot (shrink)
  'X[2] = nil', // middle slot
  'X[4] = 40', // append
  'X[4] = nil', // nil at #t+1: no change, still a write
  'X[100] = 1', 'X[-1] = nil', 'X[0] = 0', // hash part, integer keys
  'X.s = "y"', 'X.s = nil', 'X.new = 1', 'X.new = nil', // string keys: existing, new, absent
  'X[2.5] = 1', 'X[2.5] = nil', 'X[true] = nil', 'X[X] = 1', 'X[2^53] = 1', // other keys
  'X["__proto__"] = 1', 'X.constructor = 1', 'X.toString = nil',
  'rawset(X, 1, 0)', 'rawset(X, "s", nil)', 'rawset(X, {}, 1)',
  'table.insert(X, 1)', 'table.insert(X, 1, 0)', 'table.remove(X)', 'table.remove(X, 1)',
  'table.remove(X, 4)', // #t+1: lua5.4 stores nil there
  'table.move({1, 2}, 1, 2, 1, X)', 'table.move(X, 1, 3, 2)', 'table.sort(X, function (a, b) error("comparator ran") end)',
  'setmetatable(X, {})', 'setmetatable(X, nil)', 'debug.setmetatable(X, {})',
  'local function f(t) t.s = 1 end f(X)', // in a function
  'for i = 1, 3 do X[i] = i end', // in a loop (compiled inline stores)
];

test('every write path refuses a frozen table and works on an ordinary one', () => {
  for (const w of WRITES) {
    refusedWrite('', w, 'local n = 0 for k, v in pairs(T) do n = n + 1 end return n, #T, T[1], T[3], T.s, T[2.5], T[true], getmetatable(T)',
      '6 3 10 30 x h b ');
  }
});

test('a frozen table with a large string part (its string keys in its Map) refuses every write too', () => {
  // 1,200 string keys: past the size at which a table moves them into its hash part (runtime/table.ts).
  const fill = 'for i = 1, 1200 do X["k" .. i] = i end X.__e = "e"';
  const writes = [...WRITES, 'X.k5 = 1', 'X.k5 = nil', 'X["k" .. 6] = 1', 'X["k" .. 7] = nil', 'X.__e = 1', 'X.__e = nil', 'X.__new = 1',
    'X["__" .. "new"] = 1', 'rawset(X, "k8", 0)'];
  for (const w of writes) {
    refusedWrite(fill, w, 'local n = 0 for k, v in pairs(T) do n = n + 1 end return n, #T, T[1], T.s, T.k5, T["k" .. 6], T.__e, T.k8, T.__new',
      '1207 3 10 x 5 6 e 8 ');
  }
});

test('the error is an ordinary Lua error: pcall, error handlers, coroutines, resumable code', () => {
  const lua = frozenState();
  assert.deepEqual(lua.doString('return pcall(function () T.s = 1 end)', { chunkName: '=p' }), [false, `p:1: ${RO}`]);
  assert.deepEqual(lua.doString('return pcall(rawset, T, 1, 1)'), [false, RO]); // called directly: no Lua caller
  assert.deepEqual(lua.doString('return select(2, xpcall(function () T[1] = 1 end, function (m) return "handled: " .. m end))', { chunkName: '=x' }),
    [`handled: x:1: ${RO}`]);
  assert.deepEqual(lua.doString('return coroutine.resume(coroutine.create(function () coroutine.yield() T.s = 1 end))'), [true]);
  assert.deepEqual(lua.doString(`local co = coroutine.create(function () coroutine.yield()
    T[1] = 2 end)
    coroutine.resume(co) return coroutine.resume(co)`, { chunkName: '=c' }), [false, `c:2: ${RO}`]);
  // A metamethod running in resumable code (inside a coroutine).
  assert.deepEqual(lua.doString(`local p = setmetatable({}, {__newindex = function (_, k, v) T[k] = v end})
    return coroutine.wrap(function () return pcall(function () p.s = 1 end) end)()`, { chunkName: '=m' }), [false, `m:1: ${RO}`]);
  // To-be-closed variables see the error value.
  assert.deepEqual(lua.doString(`local seen
    local ok, e = pcall(function ()
      local c <close> = setmetatable({}, {__close = function (_, err) seen = err end})
      T.s = 2
    end)
    return ok, e, seen`, { chunkName: '=t' }), [false, `t:4: ${RO}`, `t:4: ${RO}`]);
  // Debug mode (hooks) runs instrumented code.
  assert.deepEqual(lua.doString(`debug.sethook(function () end, "l")
    local ok, e = pcall(function () T.s = 1 end)
    debug.sethook()
    return ok, e`, { chunkName: '=d' }), [false, `d:2: ${RO}`]);
});

test('uncaught, the error reaches the embedder as a LuaError with a traceback of the write', () => {
  const lua = frozenState();
  lua.doString('function writer() T.s = 1 end', { chunkName: '=def' });
  assert.throws(() => lua.doString('writer()', { chunkName: '=call' }), (e: unknown) => {
    assert.ok(e instanceof LuaError);
    assert.equal(e.message, `def:1: ${RO}`);
    assert.match(e.traceback, /def:1: in function 'writer'\n\tcall:1: in main chunk/);
    return true;
  });
});

test('reads and traversals of a frozen table work, bookkeeping included', () => {
  const lua = new Lua();
  const [t] = lua.doString(`local t = {}
    for i = 1, 50 do t[i] = i; t["k" .. i] = i; t[i + 0.5] = i end
    for i = 1, 40 do t["k" .. i] = nil end -- dead keys in the string store
    return t`) as [LuaTableHandle];
  lua.freeze(t);
  lua.global.set('T', t);
  assert.deepEqual(lua.doString(`local n = 0
    for k, v in pairs(T) do n = n + 1 end
    local m = 0
    for i, v in ipairs(T) do m = m + 1 end
    local k, v = next(T, "k45")
    return n, m, #T, T.k50, T[1.5], type(k), table.concat(T, ",", 1, 3), select("#", table.unpack(T)), rawlen(T), rawget(T, 50)`),
  [110, 50, 50, 50, 1, 'string', '1,2,3', 50, 50, 50]);
  assert.equal(lua.isFrozen(t), true);
  assert.equal(lua.isFrozen(lua.globals), false);
  // Freezing twice is harmless; an empty table can be frozen.
  lua.freeze(t);
  const [e] = lua.doString('return {}') as [LuaTableHandle];
  lua.freeze(e);
  lua.global.set('E', e);
  assert.throws(() => lua.doString('E.x = 1'), /attempt to modify a readonly table/);
  assert.throws(() => lua.doString('E[1] = 1'), /attempt to modify a readonly table/);
  assert.throws(() => lua.doString('E[{}] = 1'), /attempt to modify a readonly table/);
  assert.deepEqual(lua.doString('return next(E), #E'), [undefined, 0]);
});

test('handles and global paths refuse frozen tables too; other tables and states are unaffected', () => {
  const lua = frozenState();
  const t = lua.globals.get<LuaTableHandle>('T');
  assert.throws(() => t.set('s', 1), (e: unknown) => e instanceof LuaError && e.message === RO);
  assert.throws(() => t.rawset(1, 1), (e: unknown) => e instanceof LuaError && e.message === RO);
  assert.throws(() => t.setMetatable({}), (e: unknown) => e instanceof LuaError && e.message === RO);
  assert.throws(() => lua.global.set('T.s', 1), (e: unknown) => e instanceof LuaError && e.message === RO);
  assert.equal(lua.doString('U.s = 2 return U.s')[0], 2);
  const other = new Lua({ libs: 'safe' });
  other.doString('local t = {} t.x = 1');
  assert.throws(() => other.doString('string.x = 1'), /readonly/);
  assert.equal(new Lua().doString('string.x = 1 return string.x')[0], 1);
});

test('a frozen weak table keeps its entries (it cannot change), and collections go on', () => {
  const lua = new Lua();
  const [t] = lua.doString('return setmetatable({{}, x = {}}, {__mode = "v"})') as [LuaTableHandle];
  lua.freeze(t);
  lua.global.set('W', t);
  assert.deepEqual(lua.doString('collectgarbage() collectgarbage() return type(W[1]), type(W.x)'), ['table', 'table']);
});

test('a string metatable that is frozen cannot be replaced by debug.setmetatable', () => {
  const lua = new Lua({ freeze: true });
  assert.throws(() => lua.doString('debug.setmetatable("", nil)', { chunkName: '=s' }), { message: `s:1: ${RO}` });
  assert.throws(() => lua.doString('getmetatable("").__index = nil', { chunkName: '=s' }), { message: `s:1: ${RO}` });
  assert.throws(() => lua.doString('string.len = nil', { chunkName: '=s' }), { message: `s:1: ${RO}` });
  // Library tables are frozen, their contents are not copied: the globals stay writable.
  assert.deepEqual(lua.doString('print = nil string = nil return print, string'), [undefined, undefined]);
  assert.throws(() => lua.doString('getmetatable(io.stdout).__index.write = nil'), /readonly/);
  assert.deepEqual(lua.doString('package.loaded.x = 1 package.preload.y = 2 return package.loaded.x'), [1]);
  assert.throws(() => lua.doString('package.searchers[5] = print'), /readonly/);
  // Numbers have no metatable: setting one is not a table write.
  assert.deepEqual(lua.doString('debug.setmetatable(0, {}) return getmetatable(0) ~= nil'), [true]);
});

test('freeze: { globals: true } freezes the globals table; chunks get an env of their own', () => {
  const lua = new Lua({ freeze: { libraries: true, globals: true } });
  assert.throws(() => lua.doString('x = 1', { chunkName: '=g' }), { message: `g:1: ${RO}` });
  assert.throws(() => lua.doString('print = nil', { chunkName: '=g' }), { message: `g:1: ${RO}` });
  const env = lua.doString('return setmetatable({}, {__index = _G})')[0] as LuaTableHandle;
  assert.deepEqual(lua.doString('x = 1 return x, type(print)', { env }), [1, 'function']);
  assert.throws(() => lua.global.set('y', 1), /readonly/);
  assert.throws(() => lua.freeze('x' as unknown as LuaTableHandle), TypeError);
});
