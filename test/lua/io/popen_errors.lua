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
-- C sees a command or a file name up to its first NUL
print(os.execute("true\0 false"))
print(io.popen("echo a\0b"):read("a"))
print(io.open("/nonexistent-dir/x\0y"))
print(pcall(io.lines, "/nonexistent-dir/x\0y"))
print(os.remove("/nonexistent-dir/x\0y"))
