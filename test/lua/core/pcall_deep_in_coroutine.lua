local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
local co = coroutine.wrap(function()
  local ok, v = pcall(sum, 100000)
  coroutine.yield(ok, v)
  local ok2, e = pcall(function() local function inf() return 1 + inf() end return inf() end)
  return ok2, e:find('stack overflow') ~= nil
end)
print(co())
print(co())
