local loop = {}
setmetatable(loop, {__newindex = loop})
print(pcall(function() loop.x = 1 end))
