setmetatable({}, {__gc = function() error("in finalizer") end})
collectgarbage()
print("not reached")
