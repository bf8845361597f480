-- io.write formats numbers with %.14g, strings as they are
io.write(1, " ", -0.5, " ", 1e100, " ", 2^63, " ", 123456789012345678, " ", 1/3, " ", 100, "\n")
io.write("a\0b", "\n")
io.stdout:write(3, "\n")
local ok, err = pcall(io.write, 1, {}, 2)
print("\n", ok, err)
