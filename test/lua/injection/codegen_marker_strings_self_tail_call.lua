-- Functions that call themselves in tail position (compiled as a loop back to
-- their top) with strings shaped like the code generator's placeholders
-- (@TOP@, @TOPEND@, @W@, @CLR@) and markers in their bodies.
local function build(n, acc)
  if n == 0 then return acc .. "@TOPEND@" end
  local piece = n % 2 == 0 and "@TOP@" or "@W@"
  return build(n - 1, acc .. piece .. "/*@3#4*/")
end
print(build(5, "@CLR@"))
print(#build(2000, ""))

function count(n, s)
  if n <= 0 then return s, "@TOPEND@", [[
/*@5*/]] end
  return count(n - 1, s .. "yield* $index(")
end
print(count(3, "@TOP@"))
print(#count(2000, ""))

-- a long loop (no stack growth), the strings still intact at the end
local function spin(n, acc, s)
  if n == 0 then return acc, s end
  return spin(n - 1, acc + #s, s)
end
print(spin(300000, 0, "@TOPEND@/*@3#4*/"))

local function tail(n, s, ...)
  if n == 0 then return s, select('#', ...) end
  return tail(n - 1, s .. "@W@", "@CLR@", ...)
end
print(tail(4, "@TOP@"))

-- the same functions in a coroutine (their resumable variants)
print(coroutine.wrap(function() return build(3, "@TOPEND@"), count(2, "@W@") end)())
print(coroutine.wrap(function() return #build(2000, "@TOP@") end)())

-- a self tail call whose callee was replaced meanwhile is an ordinary call
local function again(n)
  if n == 0 then return "@TOP@ done" end
  return again(n - 1)
end
local saved = again
again = function(n) return "@TOPEND@ replaced " .. n end
print(saved(3))

-- collectgarbage() in the chunk: temporaries cleared at every statement
collectgarbage()
print(build(2, "/*@12*/"))
