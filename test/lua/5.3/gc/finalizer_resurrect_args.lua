local got
setmetatable({name = "obj"}, {__gc = function(o) got = o.name end})
collectgarbage()
print(got)
local count = 0
local mt = {__gc = function(o) count = count + 1 end}
for i = 1, 100 do setmetatable({}, mt) end
collectgarbage()
print(count)
