local function outer(...)
  local n = select('#', ...)
  local function inner(...) return select('#', ...), ... end
  return n, inner(...), inner()
end
print(outer(1, 2, 3))
local function apply(f, ...) return f(...) end
print(apply(math.type, 1.0), apply(select, '#', nil, nil))
local function va(...)
  local a, b = ..., 'after'
  return a, b
end
print(va(1, 2, 3))
