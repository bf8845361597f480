-- io.popen argument checks
for _, m in ipairs{"", "r+", "rw", "rb", "wb", "a", "ww"} do
  print(m, pcall(io.popen, "true", m))
end
print(pcall(io.popen))
print(pcall(io.popen, {}))
print(pcall(io.popen, "true", {}))
print(io.popen(42):close())
-- a command the shell cannot find still opens: the shell reports it
local f = io.popen("not-a-command-anywhere 2>/dev/null")
print(f:read("a"))
print(f:close())
