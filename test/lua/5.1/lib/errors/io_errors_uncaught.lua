-- using a closed file, uncaught
local name = os.tmpname()
local f = io.open(name, "w")
f:close()
os.remove(name)
print(io.type(f))
f:write("x")
