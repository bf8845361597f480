local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
    return nil
  end)
end
for v in gen(5) do print(v) end
local g = coroutine.wrap(function() coroutine.yield(1) end)
print(g())
print(g())
print(pcall(g))
