local real = tostring
tostring = function(v) return 'OVERRIDDEN' end
print(1, 'a', nil)
print(real(5))
tostring = real
print(tostring(5))
