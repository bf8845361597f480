-- io.read("n"): numeral termination, and numerals longer than 200 characters fail
local file = os.tmpname()
local f = assert(io.open(file, "w"))
f:write[[
-12.3-	-0xffff+  .3|5.E-3X  +234e+13E 0xDEADBEEFDEADBEEFx
0x1.13Ap+3e
]]
f:write("1234"); for i = 1, 1000 do f:write("0") end;  f:write("\n")
f:write[[
.e+	0.e;	--;  0xX;
]]
f:close()
f = assert(io.open(file, "r"))
for i = 1, 7 do print(f:read("n"), f:read(1)) end
print(f:read("n"))
print(#f:read("L"))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(2))
print(f:read("n"), f:read(2))
f:close()
os.remove(file)
