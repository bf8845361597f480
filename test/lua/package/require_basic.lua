-- require: Lua searcher, loader arguments, package.loaded, two results
local base = os.tmpname()
local function clean(s) return (tostring(s):gsub(base:gsub("%p", "%%%0"), "BASE")) end
local function put(name, text)
  local f = assert(io.open(base .. "_" .. name .. ".lua", "w"))
  f:write(text)
  f:close()
end
put("m1", "local name, file = ...\nprint('loading', name, file ~= nil)\nreturn {value = 42, name = name}\n")
put("m2", "#!/usr/bin/lua shebang\nx_loaded = (x_loaded or 0) + 1\n")
put("m3", "return false\n")
package.path = base .. "_?.lua"
local a, b = require("m1")
print(a.value, a.name, clean(b))
local c, d = require("m1")
print(c == a, d)
print(package.loaded.m1 == a)
local r, f = require("m2")
print(r, clean(f), x_loaded)
print(require("m2"), x_loaded)
print((require("m3")), clean(select(2, require("m3"))))
print(package.loaded.m3)
package.loaded.m1 = nil
print(require("m1") ~= a)
for _, n in ipairs{"m1", "m2", "m3"} do os.remove(base .. "_" .. n .. ".lua") end
os.remove(base)
