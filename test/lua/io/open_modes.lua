-- io.open modes and errors
local name = os.tmpname()
print(io.open("/nonexistent/dir/file"))
print(io.open("/nonexistent/dir/file", "w"))
for _, m in ipairs{"rw", "x", "", "r+b", "wb", "ab+", "rb+", "+r"} do
  local ok, err = pcall(io.open, name, m)
  print(m, ok, ok and io.type(err) or err)
  if ok and err then err:close() end
end
local f = io.open(name, "w"); f:write("hello"); f:close()
f = io.open(name, "a"); f:write(" world"); f:close()
f = io.open(name, "r"); print(f:read("a")); f:close()
f = io.open(name, "r+"); f:write("J"); f:seek("set", 0); print(f:read("a")); f:close()
f = io.open(name, "w+"); f:write("abc"); f:seek("set"); print(f:read("a")); f:close()
f = io.open(name, "a+"); f:write("def"); f:seek("set"); print(f:read("a")); f:write("g"); f:seek("set", 1); print(f:read("a")); f:close()
f = io.open(name, "r"); print(f:write("x")); f:close()
os.remove(name)
print(pcall(io.open))
print(pcall(io.open, {}))
