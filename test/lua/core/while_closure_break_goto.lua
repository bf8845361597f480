local fs = {}
local n = 0
while true do
  n = n + 1
  local m = n
  fs[n] = function() m = m + 1 return m end
  if n == 3 then break end
end
print(fs[1](), fs[1](), fs[2](), fs[3]())
