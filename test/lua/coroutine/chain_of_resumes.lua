local function make(depth)
  if depth == 0 then
    return coroutine.create(function() coroutine.yield('bottom') return 'bottom done' end)
  end
  local child = make(depth - 1)
  return coroutine.create(function()
    local ok, v = coroutine.resume(child)
    coroutine.yield(v .. '<' .. depth)
    local ok2, v2 = coroutine.resume(child)
    return v2 .. '<' .. depth
  end)
end
local top = make(50)
local ok, v = coroutine.resume(top)
print(ok, #v)
local ok2, v2 = coroutine.resume(top)
print(ok2, v2:sub(1, 20))
