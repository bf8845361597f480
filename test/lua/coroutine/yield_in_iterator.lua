local function iter_with_yield(t)
  local i = 0
  return function()
    i = i + 1
    coroutine.yield('before item ' .. i)
    return t[i]
  end
end
local co = coroutine.wrap(function()
  for v in iter_with_yield({'a', 'b'}) do
    coroutine.yield('item ' .. v)
  end
  return 'loop done'
end)
for i = 1, 6 do print(co()) end
