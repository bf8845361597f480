local t = setmetatable({}, {__close = function() print("never") end, __gc = true})
do local x = t end
print("__close is not an event in 5.3")
print(getmetatable(t).__close ~= nil)
