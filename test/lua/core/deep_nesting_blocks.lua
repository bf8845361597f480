local x = 0
do do do do do do do do do do
  x = x + 1
end end end end end end end end end end
print(x)
local function nest(n) if n == 0 then return 'leaf' end return (function() return nest(n - 1) end)() end
print(nest(100))
if true then if false then else if nil then else print('nested if') end end end
