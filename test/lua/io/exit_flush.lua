-- files left open are flushed at exit; "w" pipes left open run at exit
local i = 0
while arg[i] do i = i - 1 end
local lua = arg[i + 1]
local name = os.tmpname()

local function child(code)
  local p = io.popen(lua .. " -e '" .. code .. "'")
  local out = p:read("a")
  return out, p:close()
end

local function contents()
  local f = io.open(name)
  local s = f:read("a")
  f:close()
  return s
end

print(child('local f = io.open("' .. name .. '", "w") f:write("at normal exit")'))
print(contents())
print(child('local f = io.open("' .. name .. '", "w") f:write("at os.exit") os.exit(3)'))
print(contents())
print(child('local f = io.open("' .. name .. '", "w") f:write("at an error") error("boom")'))
print(contents())
print(child('io.output("' .. name .. '") io.write("default output")'))
print(contents())
print(child('io.popen("cat", "w"):write("from a pipe left open\\n") print("printed")'))
os.remove(name)
