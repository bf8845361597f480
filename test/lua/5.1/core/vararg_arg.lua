-- Vararg functions that never use `...` get the arg table; others get nil.
local function f(...) return ... end
print(f(1, 2, 3))
print(select('#', f(nil, nil, nil)))
local function g(a, ...) return a, arg.n, arg[1], arg[2], arg[3] end
print(g(1, 2, nil))
print(g())
local function h(...) local n = select('#', ...) return n, arg end
print(h(1, 2))
local function k(...) local arg = arg return arg and #arg end
print(k("x", "y"))
local function m(...) return function() return arg end end
print(m(1, 2)() == nil)
local function p(...) arg = "replaced" return arg end
print(p(1))
function vararg_global(...) return arg.n end
print(vararg_global(1, 2, 3, 4))
