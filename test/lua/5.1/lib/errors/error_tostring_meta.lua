-- an error whose value has __tostring, uncaught
local e = setmetatable({}, {__tostring = function() return "custom error object" end})
print(pcall(error, e))
error(e)
