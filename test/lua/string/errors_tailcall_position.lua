-- library errors raised from a tail-called library function keep the
-- caller's position and the call-site name (lua5.4 keeps the Lua frame)
print(pcall(function() return ("x"):rep(1e10) end))
print(pcall(function() return string.rep("x", 1e10) end))
print(pcall(function() return string.format("%d", 1.5) end))
print(pcall(function() return ("x"):format(1, 2, {}) end))
print(pcall(function() return string.find("x", "%") end))
print(pcall(function() return ("x"):gsub("(", "") end))
