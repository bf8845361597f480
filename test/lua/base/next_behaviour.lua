print(next({}))
local t = {'a'}
print(next(t))
print(next(t, 1))
print(next({}, nil))
local k, v = next({x = 1})
print(k, v)
local t2 = {1, 2, 3}
local n = 0
local key = nil
repeat
  key = next(t2, key)
  if key then n = n + 1 end
until key == nil
print(n)
