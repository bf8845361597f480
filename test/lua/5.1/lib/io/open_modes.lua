-- io.open hands the mode to fopen: glibc's reading of it
local name = os.tmpname()
local function try(mode)
  local f, err, code = io.open(name, mode)
  if f then
    local w = f:write("x")
    f:close()
    print(mode, "opened", w == true)
  else
    print(mode, (string.gsub(err, "^[^:]*", "NAME")), code)
  end
end
for _, m in ipairs{"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "r+b", "rw", "rt", "z", "", "+r", "wx", "r,ccs=UTF-8"} do try(m) end
print(io.open("/nonexistent/dir/f", "w"))
print(pcall(io.open))
print(pcall(io.open, name, {}))
os.remove(name)
