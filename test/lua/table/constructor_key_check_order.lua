-- Fuzzer finding: a constructor's nil or NaN key raises its error when the
-- item is stored (after its value, before the items that follow), as in lua5.4.
local G = {}
local log = {}
local function f(x) log[#log + 1] = x return x end
print(pcall(function() return {"abc", [nil] = f(1), G + 1} end))
print(pcall(function() return {[nil] = 1, x = G + 1} end))
print(pcall(function() return {[f(nil)] = f(2), [f(3)] = f(4)} end))
print(pcall(function() return {[0/0] = f(5), f(6)} end))
print(pcall(function() return {f(7), [f("k")] = f(8), [f(0/0)] = f(9), f(10)} end))
print(table.concat(log, " ", 1, 4), #log)
local co = coroutine.wrap(function()
  return pcall(function() return {[coroutine.yield(nil)] = coroutine.yield(1), G .. "x"} end)
end)
print(co())
print(co(nil))
print(co(2))
local k = 1
local t = {[k] = "a", [k + 1] = "b", [2.0] = "c", "d"}
print(t[1], t[2])
