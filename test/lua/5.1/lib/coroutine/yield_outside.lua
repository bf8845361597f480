-- yield outside a coroutine, and through a C function
print(pcall(coroutine.yield, 1))
print(pcall(coroutine.yield))
local co = coroutine.create(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co))
local co2 = coroutine.create(function() return string.gsub("a", "a", function() coroutine.yield() end) end)
print(coroutine.resume(co2))
local keys = {}
for k in pairs(coroutine) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
