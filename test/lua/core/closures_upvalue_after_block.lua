local f
do
  local secret = 'hidden'
  f = function(v) if v then secret = v end return secret end
end
print(f())
print(f('changed'))
print(f())
local fs = {}
for _, name in ipairs({'x', 'y'}) do
  local count = 0
  fs[name] = function() count = count + 1 return name .. count end
end
print(fs.x(), fs.x(), fs.y())
