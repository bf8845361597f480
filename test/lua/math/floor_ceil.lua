-- math.floor / math.ceil: integers when the result fits, floats otherwise
local function show(...)
  local out = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    out[i] = tostring(v) .. ':' .. tostring(math.type(v))
  end
  print(table.concat(out, ' '))
end
show(math.floor(3.7), math.floor(-3.7), math.floor(3), math.floor(-3), math.floor(0.0), math.floor(-0.0))
show(math.ceil(3.2), math.ceil(-3.2), math.ceil(3), math.ceil(-0.5), math.ceil(0.5), math.ceil(-0.0))
show(math.floor(2^53), math.floor(2^62), math.floor(2^63), math.floor(-2^63), math.floor(2^64))
show(math.ceil(2^53), math.ceil(2^62), math.ceil(2^63), math.ceil(-2^63), math.ceil(-2^64))
show(math.floor(1e308), math.ceil(-1e308), math.floor(math.huge), math.ceil(-math.huge))
show(math.floor(math.maxinteger), math.ceil(math.mininteger))
show(math.floor(4503599627370495.5), math.ceil(4503599627370495.5))
show(math.floor(-4503599627370495.5), math.ceil(-4503599627370495.5))
show(math.floor(9007199254740993), math.floor(-9007199254740993))
show(math.floor('3.7'), math.ceil('3.2'), math.floor('10'), math.ceil('0x1p4'))
show(math.floor(0.9999999999999999), math.ceil(1.0000000000000002))
show(math.floor(1e-300), math.ceil(1e-300), math.floor(-1e-300), math.ceil(-1e-300))
local n = math.floor(0/0)
print(n ~= n, math.type(n))
n = math.ceil(0/0)
print(n ~= n, math.type(n))
print(pcall(function() return (math.floor()) end))
print(pcall(function() return (math.floor('x')) end))
print(pcall(function() return (math.ceil({})) end))
print(pcall(function() return (math.ceil(nil)) end))
