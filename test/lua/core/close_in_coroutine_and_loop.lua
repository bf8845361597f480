local log = {}
local function mk(n) return setmetatable({}, {__close = function() log[#log + 1] = n end}) end
for i = 1, 3 do
  local c <close> = mk('i' .. i)
end
print(table.concat(log, ','))
log = {}
local i = 0
while true do
  i = i + 1
  local w <close> = mk('w' .. i)
  if i == 2 then break end
end
print(table.concat(log, ','))
