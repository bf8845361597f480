-- errors and yields inside gsub/gmatch callbacks
print(pcall(string.gsub, "abc", "%w", function(c) error("bad " .. c) end))
print(pcall(string.gsub, "abc", "%w", function(c) error("lvl2 " .. c, 2) end))
print(pcall(string.gsub, "abc", "%w", function(c) local x = nil; return x.y end))
print(pcall(string.gsub, "abc", "%w", function(c) return c + 1 end))
print(pcall(string.gsub, "abc", "%w", setmetatable({}, {__index = function(t, k) error("idx " .. k) end})))
local co = coroutine.wrap(function()
  return string.gsub("abc", "%w", function(c) coroutine.yield(c) return c end)
end)
print(pcall(co))
local co2 = coroutine.create(function()
  for w in string.gmatch("a b", "%a") do coroutine.yield(w) end
  return "done"
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.resume(co2))
local co3 = coroutine.create(function()
  local r = string.gsub("xyz", ".", function(c) return c:upper() end)
  coroutine.yield(r)
  return string.format("%s-%d", r, 5)
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3))
local depth = 0
local function rec(s)
  depth = depth + 1
  if depth > 50 then return s end
  return (s:gsub("a", function(c) return rec(c) end))
end
print(rec("aaa"), depth)
print(pcall(string.gsub, "abc", "%w", function() return string.rep("x", -1) end))
print(select(2, pcall(string.gsub, "abc", "%w", function() string.rep() end)))
