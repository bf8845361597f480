local s = {}
local mt = {__gc = function(o) s[#s+1] = o.i; if o.i == 3 then error("boom") end end}
for i = 1, 5 do setmetatable({i = i}, mt) end
print(pcall(collectgarbage))
print(table.concat(s, ","))
print(pcall(collectgarbage))
print(table.concat(s, ","))
setmetatable({}, {__gc = function() error({}) end})
print(pcall(collectgarbage))
setmetatable({}, {__gc = function() error("x", 0) end})
print(pcall(collectgarbage))
setmetatable({}, {__gc = function() error(42) end})
print(pcall(collectgarbage))
setmetatable({}, {__gc = function() error("at close") end})
setmetatable({}, {__gc = function() print("closing") end})
