-- file names are byte strings: names that are not valid UTF-8 reach the file
-- system unchanged (io.open, os.remove, os.rename, io.lines, dofile,
-- loadfile, and messages show the original bytes)
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    if type(t[i]) == "string" then t[i] = t[i]:gsub(dir, "DIR", 1, true) end
    t[i] = tostring(t[i])
  end
  print(table.concat(t, "\t"))
end
local base = dir .. "/f"
local suffixes = {"\xff", "\xfe", "\x80", "\xc3\xa9", "\xef\xbf\xbd", "\xed\xa0\x80", "\xc0\xaf"}
for _, suffix in ipairs(suffixes) do
  local f = assert(io.open(base .. suffix, "w"))
  f:write("content", suffix:byte(1, -1))
  f:close()
end
-- what the file system holds: one file per name, with exactly those bytes
local p = io.popen("cd " .. dir .. " && ls | od -An -tx1")
print((p:read("a"):gsub("%s+", " ")))
p:close()
for _, suffix in ipairs(suffixes) do
  local f = assert(io.open(base .. suffix))
  show(f:read("a"))
  f:close()
end
show(io.open(base .. "\xfd"))
show(os.rename(base .. "\xff", base .. "\xfd"))
show(io.open(base .. "\xff"))
show(io.open(base .. "\xfd"):read("a"))
show(os.rename(base .. "\xff", base .. "\xfd"))
show(os.remove(base .. "\x81"))
show(os.remove(base .. "\x80"))
show(io.open(base .. "\x80"))
show(io.open(base .. "\xfe"):read("a"))
show(pcall(io.lines, base .. "\xf0"))
show(pcall(io.input, base .. "\xf0"))
show(pcall(dofile, base .. "\xf1"))
show(loadfile(base .. "\xf2"))
local f = assert(io.open(base .. "\xf3.lua", "w"))
f:write("return 'chunk \\xf3', ...")
f:close()
show(dofile(base .. "\xf3.lua"))
show(loadfile(base .. "\xf3.lua")("arg"))
for l in io.lines(base .. "\xfe") do show(l) end
-- a name cut at a NUL, as C sees it
show(io.open(base .. "\xfe\0ignored"):read("a"))
show(os.remove(base .. "\xfa\0ignored"))
show(os.execute("rm -r " .. dir))
