io.write("partial output\n")
local t = setmetatable({}, {__index = function(t, k) error("no field " .. k, 2) end})
print(t.missing)
