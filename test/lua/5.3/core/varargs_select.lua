local function f(...) return select('#', ...), ... end
print(f())
print(f(nil))
print(f(nil, nil))
print(f(1, nil, 3))
local function g(...) local a, b = ... return a, b end
print(g(1), g(1, 2, 3))
local function h(...) return {...}, table.pack(...).n end
local t, n = h(1, nil, nil)
print(#t <= 3, n)
print((f(1, 2, 3)))
local function tail(...) return select(2, ...) end
print(tail(1, 2, 3))
