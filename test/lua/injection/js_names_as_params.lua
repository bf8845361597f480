local function f(constructor, arguments, this, eval, undefined, NaN)
  return constructor, arguments, this, eval, undefined, NaN
end
print(f(1, 2, 3, 4, 5, 6))
local function g(arguments, ...)
  return arguments, select('#', ...), ...
end
print(g('a', 'b', 'c'))
local function h(...)
  local arguments = {...}
  return #arguments
end
print(h(1, 2, 3))
local function k(this) return this end
print(k('explicit this'), k())
