-- math.fmod: truncated remainder; integers stay integers
local function show(...)
  local out = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    out[i] = tostring(v) .. ':' .. tostring(math.type(v))
  end
  print(table.concat(out, ' '))
end
show(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(-7, -3))
show(math.fmod(6, 3), math.fmod(-6, 3), math.fmod(0, 5), math.fmod(-4, 2))
show(math.fmod(7.5, 2), math.fmod(-7.5, 2), math.fmod(7, 2.5), math.fmod(-7, -2.5))
show(math.fmod(math.mininteger, -1), math.fmod(math.maxinteger, -1), math.fmod(5, -1))
show(math.fmod(math.mininteger, 10), math.fmod(math.maxinteger, 10), math.fmod(math.mininteger, math.maxinteger))
show(math.fmod(math.maxinteger, math.mininteger), math.fmod(3, math.mininteger), math.fmod(-3, math.mininteger))
show(math.fmod(1, math.huge), math.fmod(-1, math.huge), math.fmod(1e308, 3))
show(math.fmod(5.0, 3), math.fmod(5, 3.0), math.fmod(-0.0, 1))
show(math.fmod('7', 3), math.fmod(7, '3'), math.fmod('7.5', '2'))
show(math.fmod(2^53 + 1, 2), math.fmod(9007199254740993, 2), math.fmod(2^63, 10))
local function isnan(x) return x ~= x end
print(isnan(math.fmod(1, 0.0)), isnan(math.fmod(math.huge, 1)), isnan(math.fmod(0/0, 1)))
print(pcall(function() return (math.fmod(1, 0)) end))
print(pcall(function() return (math.fmod(math.mininteger, 0)) end))
print(pcall(function() return (math.fmod(1)) end))
print(pcall(function() return (math.fmod()) end))
print(pcall(function() return (math.fmod('a', 1)) end))
print(pcall(function() return (math.fmod(1, 'b')) end))
print(pcall(function() return (math.fmod(1.5, {})) end))
print(pcall(function() return (math.fmod('1', 0)) end))
