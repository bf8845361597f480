-- package's fields in 5.1: config, paths, loaders, seeall, loadlib
print(package.config)
print(type(package.path), type(package.cpath), type(package.loaded), type(package.preload), #package.loaders)
print(package.searchers, package.searchpath)
print(package.loaded._G == _G, package.loaded.package == package)
print(pcall(package.seeall))
print(pcall(package.seeall, 1))
local m = setmetatable({}, {__index = "keep"})
package.seeall(m)
print(getmetatable(m).__index == _G)
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))
local keys = {}
for k in pairs(package) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
