local mt = getmetatable("")
local keys = {}
for k in pairs(mt) do keys[#keys+1] = k end
table.sort(keys)
print(table.concat(keys, " "))
print(mt.__index == string, rawget(mt, "__add"), rawget(mt, "__unm"))
mt.__add = function(a, b) return "added" end
print(pcall(function() return "a" + 1 end))
print("1" + 1)
print(pcall(function() return {} + "a" end))
mt.__add = nil
