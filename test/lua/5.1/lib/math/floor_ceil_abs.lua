-- floor, ceil, abs return numbers (doubles); strings are converted
print(math.floor(3.7), math.floor(-3.7), math.floor(5), math.floor("2.5"), math.floor(2^40 + 0.5))
print(math.ceil(3.2), math.ceil(-3.2), math.ceil(5), math.ceil("-0.5") == 0)
print(math.abs(-5), math.abs(5.5), math.abs("-3"), math.abs(-1/0))
print(math.floor(1/0), math.ceil(-1/0), math.floor(0/0) ~= math.floor(0/0))
print(pcall(math.floor, "x"))
print(pcall(math.floor))
print(pcall(math.abs, {}))
print(math.floor(2^53), math.floor(-2^60), string.format("%.0f", math.floor(1e20)))
