local function gen(n)
  return coroutine.wrap(function() for i = 2, n do coroutine.yield(i) end end)
end
local function filter(p, g)
  return coroutine.wrap(function()
    for n in g do if n % p ~= 0 then coroutine.yield(n) end end
  end)
end
local primes = {}
local g = gen(100)
while true do
  local p = g()
  if p == nil then break end
  primes[#primes + 1] = p
  g = filter(p, g)
end
print(table.concat(primes, ' '))
