local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1 == c2)
local fs = {}
for i = 1, 3 do local j = i fs[i] = function() return j end end
print(fs[1](), fs[3](), fs[1] == fs[2])
local shared = 0
local inc, get = function() shared = shared + 1 end, function() return shared end
inc() inc()
print(get())
print(debug.upvalueid(inc, 1) == debug.upvalueid(get, 1))
