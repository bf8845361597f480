local t = setmetatable({}, {__metatable = true})
setmetatable(t, {})
