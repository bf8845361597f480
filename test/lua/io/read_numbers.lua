-- read("n") edge cases
local name = os.tmpname()
local f = io.open(name, "w")
f:write("0x10 -7 +3 1e2 2.5E-1 0x1p4 .5 5. - 99\n", "123456789012345678901 0xffffffffffffffff\n", "  \n\t 8", " inf")
f:close()
f = io.open(name)
for i = 1, 9 do local v = f:read("n"); print(v, math.type(v)) end
print(f:read("n"))
print(f:read("l"))
print(f:read("n"), f:read("n"))
print(f:read("n"), f:read("n"))
print(f:read("a"))
f:close()
os.remove(name)
