-- io.read("a") on stdin, then at end of file
local s = io.read("a")
print(#s, s:sub(1, 10))
print(io.read("a") == "", io.read("l"), io.read("n"), io.stdin:read(1))
