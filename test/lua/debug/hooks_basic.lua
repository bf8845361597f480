-- Hooks: call/return/line events (lines inside functions called after sethook),
-- coroutine hooks, gethook, count hooks.
local co = coroutine.create(function ()
  coroutine.yield(10)
  return 20;
end)
local trace = {}
local function dotrace (event) trace[#trace + 1] = event end
debug.sethook(co, dotrace, "clr")
repeat until not coroutine.resume(co)
print(table.concat(trace, " "))
print(select(2, debug.gethook(co)), select(3, debug.gethook(co)))
print(debug.gethook())

local function f(x)
  local y = x + 1
  for i = 1, 2 do
    y = y + i
  end
  while y < 12 do
    y = y + 1
  end
  return y
end
local function run(mask, count)
  local t = {}
  local function h(e, l) t[#t + 1] = l and (e .. l) or e end
  local function go() return f(3) end
  debug.sethook(h, mask, count)
  go()
  debug.sethook()
  return table.concat(t, " ")
end
print(run("l"))
print(run("cr"))

local n = 0
local function loop() for i = 1, 200 do local x = i end end
debug.sethook(function(e) n = n + 1 end, "", 10)
loop()
debug.sethook()
print(n > 0, debug.gethook())

-- hooks do not run inside hooks
local depth, maxdepth = 0, 0
debug.sethook(function()
  depth = depth + 1
  if depth > maxdepth then maxdepth = depth end
  local function inner() return 1 end
  inner()
  depth = depth - 1
end, "c")
f(1)
debug.sethook()
print(maxdepth)
print(pcall(debug.sethook, 1, "l"))
