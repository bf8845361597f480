-- A stack overflow that an xpcall inside a coroutine catches: the handler's
-- traceback shows the outermost levels too (the xpcall, the coroutine's
-- body), as lua's does with the first and the last levels of a deep stack.
local function y() y() end
local function g() y() end
coroutine.wrap(function()
  local _, tb = xpcall(g, debug.traceback)
  local lines = {}
  for line in tb:gmatch("[^\n]+") do lines[#lines + 1] = line end
  print(#lines)
  for i = #lines - 4, #lines do print(lines[i]) end
end)()
