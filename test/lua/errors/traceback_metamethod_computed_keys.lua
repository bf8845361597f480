-- Tracebacks name the metamethod that raised the error when the access that
-- called it has a computed key (t[k], t[k] = v: generated code's inline
-- probe, then indexMiss/setindexMiss) or a constant one (t.x), for string,
-- number and other keys, through an __index table chain too.
-- keep-traceback
local mt = {__index = function(t, k) error("boom " .. tostring(k)) end,
            __newindex = function(t, k, v) error("nb " .. tostring(k)) end}
local t = setmetatable({}, mt)
local chained = setmetatable({}, {__index = t})
local function f() return t.x end
local function g(k) return t[k] end
local function h(k) t[k] = 1 end
local function c(k) return chained[k] end
print(pcall(f))
print(pcall(g, "y"))
for _, k in ipairs({"z", 5, 2.5, true}) do
  print(select(2, xpcall(g, debug.traceback, k)))
  print(select(2, xpcall(h, debug.traceback, k)))
  print(select(2, xpcall(c, debug.traceback, k)))
end
print(select(2, xpcall(f, debug.traceback)))
