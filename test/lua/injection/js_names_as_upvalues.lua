local this = 'outer this'
local arguments = 'outer arguments'
local function f()
  return function() return this, arguments end
end
print(f()())
local eval = 0
local function inc() eval = eval + 1 return eval end
inc(); inc()
print(eval)
