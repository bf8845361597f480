-- the preload loader requires a table; loaders are called in order
package.preload = 1
print(pcall(require, "p1"))
package.preload = {}
local order = {}
local saved = package.loaders
package.loaders = {
  function(n) order[#order + 1] = "first " .. n return nil end,
  function(n) order[#order + 1] = "second " .. n return function() return "found" end end,
  function(n) order[#order + 1] = "third" end,
}
print(require("p2"))
print(table.concat(order, ", "))
package.loaders = saved
