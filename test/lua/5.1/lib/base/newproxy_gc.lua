-- a proxy's __gc runs when it is collected (userdata finalizers exist in 5.1)
local p = newproxy(true)
getmetatable(p).__gc = function() print("proxy collected") end
p = nil
collectgarbage()
collectgarbage()
print("end of script")
