-- print fails when tostring gives something that is not a string
local t = setmetatable({}, {__tostring = function() return {} end})
print(pcall(print, t))
print(pcall(print, "before", t))
local old = tostring
tostring = nil
local ok, e = pcall(print, 1)
tostring = old
print(ok, e)
tostring = function() return nil end
ok, e = pcall(print, 1)
tostring = old
print(ok, e)
tostring = function() return true end
ok, e = pcall(print, 1)
tostring = old
print(ok, e)
