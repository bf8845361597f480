local old = tostring
tostring = function(v) return "<" .. old(v) .. ">" end
print(1, "a", nil, true)
print()
tostring = function(v) return 42 end
print(pcall(print, "x"))
tostring = function(v) return nil end
print(pcall(print, "x"))
tostring = function(v) return {} end
print(pcall(print, "y"))
tostring = old
print("restored", 1.5)
