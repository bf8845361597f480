local function f(x) if type(x) == "table" then return "table", #x end return type(x), x end
print(f'str')
print(f"dq")
print(f[[long]])
print(f{1, 2})
local t = {f = f}
print(t.f'x')
print(type(f{}))
local s = ('abc'):upper()
print(s)
;(print)('parenthesized callee')
local g = function() return f end
print(g()('chained'))
