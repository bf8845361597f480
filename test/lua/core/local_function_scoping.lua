local function f() return 'outer f' end
do
  local function f() return 'inner f' end
  print(f())
end
print(f())
local x = 1
local x = x + 1
print(x)
function global_fn() return 'global' end
print(global_fn(), type(_G.global_fn))
local t = {a = {b = {}}}
function t.a.b.deep(v) return 'deep ' .. v end
function t.a.b:meth(v) return self == t.a.b, v end
print(t.a.b.deep(1), t.a.b:meth(2))
