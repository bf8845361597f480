print(load("local x <const> = 1; x = 2"))
print(load("local x <close> = nil; x = 2"))
print(load("local x <foo> = 1"))
print(load("local a <close>, b <close> = nil, nil"))
print(load("local x <const> = 1; local function f() x = 3 end"))
local k <const> = 10
local s <const> = 'str'
print(k * 2, s .. '!')
local a <const>, b = 1, 2
b = 3
print(a, b)
