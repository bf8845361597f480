print(("5"):rep(3), (5):type == nil)
print(pcall(function() return (5):rep(2) end))
print(#tostring(12345), ("%d"):format(7), ("abc"):upper())
local s = "hello"
print(s:len(), s:sub(2, 3), s:byte(1), s:find("l"))
