-- A message handler's traceback of a stack overflow ends with the outermost
-- levels (lua5.1 prints the first 12 and the last 10 levels).
function y() y() end
local function g() y() end
local _, msg = xpcall(g, debug.traceback)
local last = {}
for line in msg:gmatch("[^\n]+") do last[#last + 1] = line end
print(msg:match("^[^\n]*"))
for i = #last - 4, #last do print(last[i]) end
