-- concatenation is right associative; a metamethod sees the partial result
local log = {}
local mt = {__concat = function(a, b)
  local as = type(a) == 'table' and a.n or a
  local bs = type(b) == 'table' and b.n or b
  log[#log + 1] = as .. '|' .. bs
  return '(' .. as .. bs .. ')'
end}
local A = setmetatable({n = 'A'}, mt)
local B = setmetatable({n = 'B'}, mt)
print(A .. 'y' .. 'z')
print('x' .. 'y' .. A)
print(A .. B, 1 .. A, A .. 2.5)
print(table.concat(log, ' '))
