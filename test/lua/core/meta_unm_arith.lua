local mt = {}
local names = {'add', 'sub', 'mul', 'div', 'mod', 'pow', 'idiv', 'band', 'bor', 'bxor', 'shl', 'shr'}
for _, n in ipairs(names) do
  mt['__' .. n] = function(a, b)
    local av = type(a) == 'table' and 'T' or tostring(a)
    local bv = type(b) == 'table' and 'T' or tostring(b)
    return n .. '(' .. av .. ',' .. bv .. ')'
  end
end
mt.__unm = function(a, b) return 'unm(' .. type(a) .. ',' .. type(b) .. ')' end
mt.__bnot = function(a, b) return 'bnot(' .. type(a) .. ',' .. type(b) .. ')' end
local T = setmetatable({}, mt)
print(T + 1, 1 - T, T * T, T / 2, 2 % T, T ^ 3)
print(T // 1, T & 1, 1 | T, T ~ T, T << 1, 1 >> T)
print(-T, ~T)
print(2.5 + T, 'str' .. '' == 'str')
