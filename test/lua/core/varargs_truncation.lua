local function three() return 1, 2, 3 end
print(three())
print(three(), 10)
print(10, three())
print((three()))
local t = {three(), three()}
print(#t, t[1], t[2], t[3], t[4])
local u = {three(), (three())}
print(#u)
print(#{three(), nil})
