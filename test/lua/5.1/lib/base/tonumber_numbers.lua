-- tonumber of numbers returns them; numeric strings with a base of 10 go through strtod
print(tonumber(5) == 5, tonumber(-0.5), tonumber(1e308) == 1e308, tonumber(2^53) == 2^53)
print(tonumber("5", 10) == 5, tonumber(" 0x1A ", 10), tonumber("1e2", 10))
print(tonumber("8", 8), tonumber("7", 8), tonumber("1010", 2), tonumber("1012", 2))
print(tonumber("  -7  ", 8), tonumber("\t+17\n", 8), tonumber("0x", 10), tonumber("1e+", 10))
