local s = "  Hello, World!  "
print(s:gsub("^%s+", ""):gsub("%s+$", ""):upper():rep(2, "|"))
print(("abc"):upper():lower():reverse():rep(2):len())
print(("%s=%d"):format("x", 1):upper(), ("x"):rep(3):gsub("x", "y"), #("x"):rep(3))
print(("a,b,c"):gsub(",", " "):find("b"), ("test"):byte(1, -1))
print(("hello"):sub(2):sub(2):sub(2), ("hello"):sub(-2):upper())
local words = {}
for w in ("one two three"):upper():gmatch("%a+") do words[#words + 1] = w:lower():reverse() end
print(table.concat(words, "+"))
print(("x"):format(), ("%%"):format(), (""):rep(100):len())
