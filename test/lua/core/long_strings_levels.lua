print([==[a]]b]=]c]==])
print([[
]])
print(#[[

two newlines]])
print([=[
x]=] == 'x')
local s = [[a\nb]]
print(s, #s)
