-- require failures: loops, previous errors, not found, bad loaders table
package.preload.bad = function() error("oops") end
print(pcall(require, "bad"))
print(pcall(require, "bad"))
print(type(package.loaded.bad))
package.preload.loop = function() return require("loop") end
print(pcall(require, "loop"))
package.path = "./nothing/?.lua;;./other/?.lua"
package.cpath = ""
local ok, msg = pcall(require, "nonexistent_module_51")
print(ok, (string.gsub(msg, "\n\tno file '/[^']*'", "")))
package.path = "test/lua/5.1/lib/package/mods/?.lm"
print(pcall(require, "mod51err"))
print(pcall(require, "mod51syntax"))
print(require("mod51c").name, require("mod51c").count)
local saved = package.loaders
package.loaders = nil
print(pcall(require, "zzz"))
package.loaders = {function(n) return "\n\tcustom " .. n end, function() return 42 end, function() end}
print(pcall(require, "zzz"))
package.loaders = {function(n) return function(...) return select("#", ...) end end}
print(require("yyy"))
package.loaders = saved
package.path = 42
print(pcall(require, "www"))
package.path = {}
print(pcall(require, "www2"))
