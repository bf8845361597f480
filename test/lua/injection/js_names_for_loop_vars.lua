for constructor = 1, 2 do print('c', constructor) end
for __proto__, prototype in ipairs({'x', 'y'}) do print(__proto__, prototype) end
for this, arguments in pairs({only = 'one'}) do print(this, arguments) end
local undefined = 0
for NaN = 1, 3 do undefined = undefined + NaN end
print(undefined)
