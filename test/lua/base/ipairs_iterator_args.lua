-- dialects: 5.4 5.3
-- ipairs's iterator called directly or by a generic for with a control value
-- that is not a small integer: lua's ipairsaux checks it (luaL_checkinteger)
-- and adds 1 with wrap-around. (Found by the fuzzer: a nil control value
-- reached a JS TypeError.)
local f = ipairs({})
print(pcall(f, {1,2}))
print(pcall(f, {1,2}, nil))
print(pcall(f, {1,2}, 1))
print(pcall(f, {1,2}, 1.5))
print(pcall(f, {1,2}, 1.0))
print(pcall(f, {1,2}, "1"))
print(pcall(f, {1,2}, math.maxinteger))
print(pcall(f, {1,2}, 2^31))
print(pcall(f, {1,2}, -1))
print(pcall(f, nil, 0))
print(pcall(f, setmetatable({}, {__index = function(t, k) return k * 10 end}), 2^40))
print(pcall(function() for k, v in f, {10, 20} do print(k, v) end end))
for k, v in ipairs({1, 2, 3}) do io.write(k, v, " ") end print()
