-- Resumable variants compiled on first use (runtime/loader.ts
-- compileVariants) in 5.1: a function's own environment (setfenv) inside a
-- coroutine, closures made by resumable code take their creator's.
local function reader() return x end
setfenv(reader, {x = "fenv"})
print(reader(), coroutine.wrap(reader)())
x = "global"
local function mk() return function() return x end end
local f = mk()
setfenv(mk, {x = "mk env"})
print(f(), coroutine.wrap(function() return mk()() end)())
local co = coroutine.wrap(function()
  setfenv(1, setmetatable({y = "coroutine env"}, {__index = _G}))
  coroutine.yield(y)
  local g = function() return y end
  coroutine.yield(g())
  return getfenv(g) == getfenv(1)
end)
print(co(), co(), co())
print(pcall(coroutine.wrap(function() local t = nil; return t.k end)))
