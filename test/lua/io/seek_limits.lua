-- file:seek fails (EINVAL) for positions that are negative or that overflow,
-- and for positions beyond 2^53 - 1 (lua5.4 on ext4 refuses anything past
-- 16 TiB; positions between the two depend on the file system)
local f = io.tmpfile()
f:write("hello")
local cases = {
  {"set", math.maxinteger}, {"set", -1}, {"cur", -10}, {"end", -6}, {"end", math.mininteger},
  {"set", math.mininteger}, {"cur", math.maxinteger}, {"end", math.maxinteger},
  {"set", 2^53}, {"set", 1 << 53}, {"set", (1 << 53) + 1}, {"set", 1 << 62},
  {"cur", 0x7ffffffffffffff0}, {"end", 0x7ffffffffffffffb}, {"end", 0x7ffffffffffffffa},
  {"set", 3}, {"cur", -3}, {"end", -5}, {"end", 0}, {"set", 1 << 40}, {"cur", -(1 << 40)},
}
for _, c in ipairs(cases) do
  print(c[1], c[2], f:seek(c[1], c[2]))
  -- a failed seek leaves the position where it was
  print("", f:seek())
end
f:seek("set", 1)
print(f:read(2))
print(f:seek("cur", math.maxinteger))
print(f:read(2))
print(pcall(f.seek, f, "set", 2^63))
print(pcall(f.seek, f, "set", 1.5))
f:close()
