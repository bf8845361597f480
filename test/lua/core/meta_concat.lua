local mt = {__concat = function(a, b)
  local av = type(a) == 'table' and a.s or tostring(a)
  local bv = type(b) == 'table' and b.s or tostring(b)
  return av .. '+' .. bv
end}
local o = setmetatable({s = 'O'}, mt)
print(o .. 'x', 'x' .. o, o .. 1, 2 .. o, o .. o)
print('a' .. 'b' .. o .. 'c')
print(1 .. 2 .. o)
