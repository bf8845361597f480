-- luaL_len: __len results must be integers (floats with integral values and
-- numeric strings are converted); anything else is "object length is not an integer"
local function L(v) return setmetatable({'a', 'b', 'c', 'd'}, {__len = function() return v end}) end
local function try(name, f) local ok, e = pcall(f) print(name, ok, e) end
for _, v in ipairs{2, 2.0, '2', ' 0x2 ', '2.0', 2.5, '2.5', 'x', true, {}} do
  print('len', type(v), tostring(v) == tostring(v) and (type(v) ~= 'table' and tostring(v) or 'tbl'))
  try('concat', function() return (table.concat(L(v), ',')) end)
  try('unpack', function() return select('#', table.unpack(L(v))) end)
  try('insert', function() local t = L(v) table.insert(t, 'x') return rawget(t, 3) end)
  try('remove', function() return (table.remove(L(v))) end)
  try('sort', function() local t = L(v) table.sort(t, function(a, b) return a > b end) return rawget(t, 1) end)
end
-- __len returning nil
try('nil', function() return (table.concat(L(nil))) end)
-- __len with several results: only the first counts
try('multi', function() return (table.concat(setmetatable({'a', 'b'}, {__len = function() return 1, 2 end}), ',')) end)
-- negative lengths
try('neg', function() return select('#', table.unpack(L(-3))) end)
try('negsort', function() local t = L(-3) table.sort(t) return rawget(t, 1) end)
try('neginsert', function() local t = L(-3) table.insert(t, 'x') return rawget(t, -2) end)
try('negremove', function() return (table.remove(L(-3))) end)
