-- a module with a syntax error, and one that raises
local base = os.tmpname()
local function clean(s) return (tostring(s):gsub(base:gsub("%p", "%%%0"), "BASE")) end
local f = io.open(base .. "_bad.lua", "w"); f:write("local x = = 1\n"); f:close()
f = io.open(base .. "_raise.lua", "w"); f:write("error('boom from module')\n"); f:close()
f = io.open(base .. "_dir_init.lua", "w"); f:write("return ...\n"); f:close()
package.path = base .. "_?.lua;" .. base .. "_?_init.lua"
local ok, err = pcall(require, "bad")
print(ok, clean(err))
ok, err = pcall(require, "raise")
print(ok, clean(err))
print(package.loaded.raise)
print(clean(select(1, require("dir"))), clean(select(2, require("dir"))))
for _, n in ipairs{"bad", "raise", "dir_init"} do os.remove(base .. "_" .. n .. ".lua") end
os.remove(base)
