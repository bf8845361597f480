-- module() with package.seeall, nested names, _NAME/_M/_PACKAGE
package.path = "test/lua/5.1/lib/package/mods/?.lm;" .. package.path
local a = require("mod51a")
print(a.hello("you"), a.version, a._NAME, a._PACKAGE, a._M == a, mod51a == a, package.loaded.mod51a == a)
print(a.get_hidden(), a.hidden, version)
local b = require("sub.mod51b")
print(b.show(), sub.mod51b == b, b._NAME, b._PACKAGE, b.print ~= nil)
print(getmetatable(a).__index == _G, getmetatable(b))
