local mt = {}
local t = setmetatable({}, mt)
print(getmetatable(t) == mt)
print(getmetatable({}))
print(getmetatable('x') ~= nil, getmetatable(1), getmetatable(true), getmetatable(nil))
mt.__metatable = {fake = true}
print(getmetatable(t).fake)
mt.__metatable = nil
print(getmetatable(t) == mt)
