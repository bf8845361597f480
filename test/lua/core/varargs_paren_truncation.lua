local function f() return 'a', 'b' end
local t = {(f())}
print(#t)
print((f()))
local function g() return (f()) end
print(g())
local function h() return f() end
print(h())
local function none() end
print((none()))
print(select('#', (none())))
print(select('#', none()))
