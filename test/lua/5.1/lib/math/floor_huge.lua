-- floor and ceil on large values and infinities; fmod and modf of big numbers
print(string.format("%.0f %.0f %.0f", math.floor(2^60 + 0.5), math.ceil(-2^60 - 0.5), math.floor(1e300)))
print(math.floor(-0.5), math.ceil(0.5), math.floor(2^31 + 0.5), math.ceil(-2^31 - 0.5))
print(string.format("%.17g %.17g", math.fmod(1e300, 3), math.fmod(-1e17, 7)))
print(string.format("%.17g %.17g", math.modf(1e20 + 0.5)))
