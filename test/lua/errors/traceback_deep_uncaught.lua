-- keep-traceback
-- an uncaught error in a deep (non-tail) recursion: lua.c's traceback
-- counts every level ("...(skipping 149982 levels)") and ends with the
-- outermost ones, part of the stack running on the heap here
local function f(n)
  if n == 0 then error("boom") end
  return 1 + f(n - 1)
end
local t = setmetatable({}, {__index = function(_, k) return f(k) end})
print(t[150000])
