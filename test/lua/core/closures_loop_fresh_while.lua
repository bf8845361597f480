local fs = {}
local i = 1
while i <= 3 do
  local j = i
  fs[i] = function() return j end
  i = i + 1
end
print(fs[1](), fs[2](), fs[3]())
local rs = {}
local n = 0
repeat
  local m = n
  rs[#rs + 1] = function() m = m + 100 return m end
  n = n + 1
until m >= 2
print(rs[1](), rs[1](), rs[2](), rs[3]())
