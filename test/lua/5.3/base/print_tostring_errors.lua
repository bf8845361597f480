local old = tostring
tostring = nil
local ok, err = pcall(print, 1)
io.write(tostring == nil and "nil tostring: " or "", tostring(ok), " ", err, "\n")
tostring = old
tostring = function(v) if v == 2 then error("bad value") end return old(v) end
print(pcall(print, 1, 2, 3))
tostring = old
print(pcall(print, setmetatable({}, {__tostring = function() return 5 end})))
print(pcall(print, setmetatable({}, {__tostring = function() return {} end})))
print(pcall(print, setmetatable({}, {__tostring = function() error("ts err") end})))
