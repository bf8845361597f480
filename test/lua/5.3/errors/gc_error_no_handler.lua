setmetatable({}, {__gc = function() error("fin") end}) print(xpcall(collectgarbage, function(m) return "H:" .. m end))
