local mt = {__concat = function(a, b) return "C(" .. tostring(type(a)) .. "," .. tostring(type(b)) .. ")" end,
  __len = function() return 42 end, __unm = function() return "neg" end, __call = function(self, ...) return select('#', ...) end}
local t = setmetatable({}, mt)
print(t .. "x", "x" .. t, 1 .. t, t .. t)
print(#t, -t, t(1, 2, 3))
print("a" .. 1 .. 2.5, 1 .. 2)
print(pcall(function() return {} .. "x" end))
print(pcall(function() return "x" .. {} end))
print(pcall(function() return nil .. "x" end))
print(pcall(function() local t = {} return t.a .. "x" end))
print(pcall(function() return #5 end))
print(pcall(function() local n = nil return #n end))
