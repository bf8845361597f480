local order = {}
for i = 1, 5 do setmetatable({}, {__gc = function() order[#order + 1] = i end}) end
collectgarbage()
print(table.concat(order, ","))
local mt = {}
local obj = setmetatable({}, mt)
mt.__gc = function() print("not marked: never called") end
obj = nil
collectgarbage()
local mt2 = {__gc = "not a function"}
setmetatable({}, mt2)
collectgarbage()
print("non-function __gc ignored")
setmetatable({}, {__gc = true})
collectgarbage()
print("true __gc ignored")
