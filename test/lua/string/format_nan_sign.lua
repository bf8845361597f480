-- Fuzzer finding: string.format prints a NaN's sign as glibc does ("nan" for -(0/0)).
local v = -(0/0)
print(string.format("%.20f", v), string.format("%f", 0/0), string.format("%.3f", -(0/0)), string.format("%g", -(0/0)), string.format("%e", 0/0), string.format("%5.1f|", -(0/0)), string.format("%a", -(0/0)))
print(-(0/0), 0/0, tostring(-(0/0)))
print(string.format("%+f %+e % g %-6.1f| %5.2E %G", 0/0, -(0/0), -(0/0), 0/0, -(0/0), 0/0))
