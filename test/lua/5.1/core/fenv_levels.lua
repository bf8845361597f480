-- Levels: 1 is the caller, 2 its caller; setfenv returns the function.
local function inner() return getfenv(2) end
local function outer() local r = inner() return r end
print(outer() == _G)
-- A tail call leaves a "(tail call)" level without a function.
local function tailer() return inner() end
print(pcall(tailer))
local function setter() assert(setfenv(2, {a = "ten", print = print}) ~= nil) end
local function user()
  setter()
  return a
end
print(user(), a)
local function g() setfenv(1, {print = print, x = 3}) print(x) end
g()
print(x)
local function deep(n) if n == 0 then return getfenv(3) == _G end local r = deep(n - 1) return r end
print(deep(5))
local function viapcall() return select(2, pcall(getfenv, 2)) end
print(viapcall() == _G)
print(select(2, pcall(getfenv, 1)) == _G)
