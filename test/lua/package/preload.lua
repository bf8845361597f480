-- package.preload and custom searchers
package.preload.foo = function(...)
  print("preload loader", ...)
  return {foo = true}
end
local m, extra = require("foo")
print(m.foo, extra)
print(require("foo") == m)
package.preload.nothing = function() end
print(require("nothing"))
print(package.loaded.nothing)
-- a custom searcher
table.insert(package.searchers, 2, function(name)
  if name:match("^virt") then
    return function(n, data) return "virtual " .. n .. " " .. data end, "DATA"
  end
  return "\n\tno virtual module '" .. name .. "'"
end)
print(require("virt1"))
local ok, err = pcall(require, "nope")
print(ok, (err:gsub("\n", "|")))
print(#package.searchers)
package.searchers = nil
print(pcall(require, "other"))
