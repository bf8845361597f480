-- command-line arguments and script names are byte strings: bytes that are
-- not valid UTF-8 reach arg[] (and the file system) unchanged
local interpreter = arg[-1]
local function run(cmd)
  local p = io.popen(cmd .. " 2>&1")
  local out = p:read("a")
  print((out:gsub("[^\n]*lua_%w+", "TMP")), p:close())
end
run(string.format([[%s -e "io.write(table.concat({arg[1]:byte(1, -1)}, ' '), '|', table.concat({arg[2]:byte(1, -1)}, ' '), '\n')" /dev/null "$(printf 'a\377\200')" "$(printf '\303\251')"]], interpreter))
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local script = dir .. "/s\xff\xfe.lua"
local f = assert(io.open(script, "w"))
f:write("print(arg[0], arg[1] == '\\x80', select('#', ...))\nerror('from the script')\n")
f:close()
run(string.format([[cd %s && %s "$(printf 's\377\376.lua')" "$(printf '\200')"]], dir, interpreter))
run(string.format([[cd %s && %s "$(printf 's\377\375.lua')"]], dir, interpreter))
os.execute("rm -r " .. dir)
