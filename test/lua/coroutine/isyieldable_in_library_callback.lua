-- inside a library function's call back into Lua a coroutine cannot yield
local co = coroutine.wrap(function()
  local inside
  local s = string.gsub("a", ".", function(c) inside = coroutine.isyieldable() return c .. c end)
  return coroutine.isyieldable(), inside, s
end)
print(co())
local ok, err = pcall(coroutine.wrap(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end))
print(ok, err)
