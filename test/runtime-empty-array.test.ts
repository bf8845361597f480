// Tables without an array part share one empty array (runtime/table.ts,
// EMPTY_ARR), which must stay empty: every writer makes the part the
// table's own before adding to it. These programs write tables in every way
// a program can (generated code's inline stores, the runtime's and the
// libraries' paths, resumable code, hooks, weak tables, the API, read-only
// tables), each starting from tables that have no array part yet, then check
// their own results and that the shared array is still empty.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lua } from '../src/index.js';
import { EMPTY_ARR } from '../src/runtime/table.js';

const PROGRAM = `
local out = {}
local function check(cond, what) if not cond then error("failed: " .. what, 2) end out[#out + 1] = what end

local a = {} a[1] = "x" a[#a + 1] = "y"
check(#a == 2 and a[2] == "y", "inline stores into {}")
local r = {name = "r"} r[1] = 10 r[2] = 20
check(#r == 2 and r.name == "r", "a record given an array part")
local m = setmetatable({}, {__index = function() return 0 end}) m[1] = 1
check(#m == 1, "a table with a metatable")
local rs = {} rawset(rs, 1, true)
check(#rs == 1, "rawset")
local ins = {} table.insert(ins, "a") table.insert(ins, 1, "b")
check(ins[1] == "b" and ins[2] == "a", "table.insert")
local mv = table.move({1, 2, 3}, 1, 3, 1, {})
check(#mv == 3, "table.move into {}")
local h = {} h[2] = 2 h[1] = 1
check(#h == 2, "a key past the border, then the border")
local co = coroutine.wrap(function() local t = {} t[1] = coroutine.yield(1) t[2] = 2 return #t end)
co() check(co(5) == 2, "stores in resumable code")
local hooked = 0
debug.sethook(function() hooked = hooked + 1 end, "l")
local ht = {} ht[1] = 1 ht[#ht + 1] = 2
debug.sethook()
check(#ht == 2 and hooked > 0, "stores under a hook")
local weak = setmetatable({}, {__mode = "v"}) weak[1] = {} collectgarbage() weak[1] = nil weak[1] = 1
check(weak[1] == 1, "a weak table")
local empty = {} empty[1] = nil empty.x = nil
check(#empty == 0 and next(empty) == nil, "nil stores into {}")
local s = {} for i = 1, 2000 do s[#s + 1] = i end for i = 2000, 1, -1 do s[i] = nil end s[1] = "again"
check(#s == 1, "grown, emptied and refilled")
local u = {table.unpack({})} u[1] = 1
check(#u == 1, "an empty constructor with a call")
return table.concat(out, ", ")
`;

for (const dialect of ['5.4', '5.3', '5.1'] as const) {
  test(`the shared empty array part stays empty (${dialect})`, () => {
    const lua = new Lua({ dialect, stdout: () => {} });
    const program = dialect === '5.1' ? PROGRAM.replace('table.move({1, 2, 3}, 1, 3, 1, {})', '{1, 2, 3}').replace('table.unpack', 'unpack') : PROGRAM;
    const [result] = lua.doString(program);
    assert.match(String(result), /inline stores into \{\}, .*an empty constructor with a call$/);
    assert.equal(EMPTY_ARR.length, 0);
    // The API: a new table filled from JS, and a frozen empty table.
    const t = lua.newTable();
    t.set(1, 'js');
    assert.equal(t.get(1), 'js');
    const frozen = lua.freeze(lua.newTable());
    assert.throws(() => lua.load('local t = ... t[1] = 1').call(frozen), /readonly table/);
    const g = lua.newTable();
    lua.load('local g = ... g[1] = 1; g[#g + 1] = 2').call(g);
    assert.equal(g.get(2), 2);
    assert.equal(EMPTY_ARR.length, 0);
  });
}
