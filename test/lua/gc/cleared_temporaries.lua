-- Chunks that call collectgarbage clear dead temporaries and block locals:
-- what is unreachable in Lua is collected, and nothing still in use is lost.
local weak = setmetatable({}, {__mode = 'k'})
for i = 1, 10 do local t = {}; weak[t] = i end
do local t = {}; weak[t] = 0 end
weak[{}] = -1
local kept = {}
weak[kept] = 99
collectgarbage()
local n = 0
for k, v in pairs(weak) do n = n + 1; print("kept", v) end
print(n)
-- locals after <close> variables and labels stay usable
do
  local a = {1}
  local c <close> = setmetatable({}, {__close = function() print("closed") end})
  local b = {2}
  collectgarbage()
  print(a[1], b[1])
end
do
  local i = 0
  ::again::
  local x = {i}
  i = i + 1
  if i < 3 then goto again end
  collectgarbage()
  print(x[1])
end
local wv = setmetatable({}, {__mode = 'v'})
wv[1] = {}
wv[2] = kept
collectgarbage("step", 0)
print(wv[1], wv[2] == kept)
