local co = coroutine.wrap(function(...)
  local function step(...) return coroutine.yield(...) end
  return step(step(...))
end)
print(co(1, 2))
print(co('a', 'b', 'c'))
print(co('end'))
