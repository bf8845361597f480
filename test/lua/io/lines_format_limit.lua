-- io.lines and file:lines take at most 250 formats
local file = os.tmpname()
local f = io.open(file, "w"); f:write("a\nb\n"); f:close()
local t = {} for i = 1, 250 do t[i] = 1 end
print(select('#', io.lines(file, table.unpack(t))()))
t[#t + 1] = 1
print(pcall(io.lines, file, table.unpack(t)))
f = io.open(file)
print(pcall(f.lines, f, table.unpack(t)))
f:close()
os.remove(file)
