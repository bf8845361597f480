local a, b = 1, 2
local function f1() return a end
local function f2() return b end
print(f1(), f2())
debug.upvaluejoin(f1, 1, f2, 1)
print(f1(), f2())
b = 30
print(f1(), f2(), debug.upvalueid(f1, 1) == debug.upvalueid(f2, 1))
a = 5
print(f1(), a)
print(pcall(debug.upvaluejoin, f1, 2, f2, 1))
print(pcall(debug.upvaluejoin, f1, 1, print, 1))
print(pcall(debug.upvaluejoin, {}, 1, f2, 1))
-- a joined function inside a coroutine and as a callback
print(coroutine.wrap(function() return f1() end)())
local t = {3, 1, 2}
local function cmp(x, y) return x < y end
local k = 0
local function counter() k = k + 1; return k end
local j = 100
local function other() return j end
debug.upvaluejoin(counter, 1, other, 1)
print(counter(), counter(), j)
table.sort(t, cmp)
print(table.concat(t, ","))
-- string.dump header is lua5.4's
local c = string.dump(function() return 1 end)
print(#c > 31, c:sub(1, 4) == "\27Lua", string.unpack("jn", c, 16))
for i = 1, 40 do
  local ok, msg = load(c:sub(1, i))
  if ok or not msg:find("truncated") then print("bad truncation", i, msg) end
end
print(load(c)())
