local co = coroutine.create(function()
  local ok, v = pcall(function() return coroutine.yield("in pcall") end)
  print("pcall got", ok, v)
  local t = setmetatable({}, {__index = function(_, k) return coroutine.yield("in __index " .. k) end})
  print("index got", t.key)
  for i, v in (function() return function(_, i) if i < 2 then return i + 1, coroutine.yield("in iterator") end end, nil, 0 end)() do print("iter", i, v) end
  print(pcall(table.sort, {3, 2, 1}, function(a, b) coroutine.yield("in sort") return a < b end))
  return "end"
end)
for i = 1, 8 do
  local ok, v = coroutine.resume(co, "r" .. i)
  print(ok, v)
  if coroutine.status(co) == "dead" then break end
end
