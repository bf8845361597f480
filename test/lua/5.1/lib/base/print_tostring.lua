-- print calls the global tostring for each value
print(1, "a", nil, true)
local calls = 0
local old = tostring
tostring = function(v) calls = calls + 1 return "<" .. type(v) .. ">" end
print(1, "a", nil, {})
tostring = function(v) return 7 end
print("x", "y")
tostring = old
print("calls", calls)
print("a\0b", "c")
