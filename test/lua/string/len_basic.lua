print(string.len(""), string.len("abc"), string.len("a\0b\0"), ("xyz"):len(), #"hello")
print(string.len(123), string.len(1.5), string.len(-0.0), string.len(2^63))
print(pcall(string.len))
print(pcall(string.len, nil))
print(pcall(string.len, {}))
print(pcall(string.len, true))
local s = "x"
print(s:len(), ("\255\254"):len())
