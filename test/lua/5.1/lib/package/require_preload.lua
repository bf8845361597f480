-- require with package.preload: the loader gets the name only; results
package.preload.m1 = function(...) print("loader args", select("#", ...), ...) return nil end
print(require("m1"), package.loaded.m1)
package.preload.m2 = function() return "value" end
print(require("m2"), require("m2"))
package.preload.m3 = function() return false end
print(require("m3"), package.loaded.m3)
package.preload.m4 = function(name) package.loaded[name] = "set by itself" end
print(require("m4"))
print(pcall(require))
print(pcall(require, {}))
package.loaded.m5 = false
package.preload.m5 = function() return "reloaded" end
print(require("m5"))
print(require("string") == string, require("_G") == _G)
