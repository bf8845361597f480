setmetatable({}, {__gc = function() print("closed state") end})
os.exit(true, true)
