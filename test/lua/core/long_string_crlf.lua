local s = [[line1
line2]]
print(#s, s:byte(6))
local s2 = [[a
b]]
print(#s2)
local s3 = "x\
y"
print(#s3)
