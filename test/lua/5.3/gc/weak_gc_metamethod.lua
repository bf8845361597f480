local u = setmetatable({}, {__gc = true})
setmetatable(getmetatable(u), {__mode = "v"})
getmetatable(u).__gc = function (o) print("called!") end
u = nil
print(pcall(collectgarbage))
print("end")
