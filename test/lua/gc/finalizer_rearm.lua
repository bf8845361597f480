-- Automatic collections resume when a finalizer is set after the previous
-- ones have all run.
local name
setmetatable({}, {__gc = function () name = "first" end})
repeat local a = {} until name
print(name)
local t = {}
setmetatable(t, {__gc = function () name = "second" end})
t = nil
repeat local a = {} until name == "second"
print(name)
