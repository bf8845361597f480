local function counter(start, step)
  local c = start
  return function() c = c + step; return c end
end
local a = counter(0, 1)
local b = counter(10, -2)
print(a(), a(), b(), a(), b())
