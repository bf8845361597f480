package.preload.mymod = function(name, extra) print("loading", name, extra) return {value = 1} end
print(select('#', require("mymod")))
local m = require("mymod")
print(m.value, package.loaded.mymod == m)
package.preload.nilmod = function() end
print(require("nilmod"), package.loaded.nilmod)
package.preload.falsemod = function() return false end
print(require("falsemod"))
print(pcall(require, "does.not.exist.anywhere"))
print(pcall(require))
