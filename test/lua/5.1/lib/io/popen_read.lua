-- popen in read mode: lines and all at once; close answers true
local p = io.popen("printf 'a\\nb\\nc\\n'")
for l in p:lines() do io.write("<", l, ">") end print()
print(p:close())
local q = io.popen("exit 5")
print(q:read("*a"), q:close())
print(io.type(q))
