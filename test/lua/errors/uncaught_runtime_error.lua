local t = nil
print('start')
local x = t.field
