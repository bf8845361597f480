-- an uncaught argument error names the function as the call site does
print("start")
local s = string.rep("x", 3)
print(s)
string.rep()
