setmetatable({}, {__gc = function() print("finalized at close 1") end})
setmetatable({}, {__gc = function() print("finalized at close 2") end})
setmetatable({}, {__gc = function() error("error at close is ignored") end})
print("end of script")
