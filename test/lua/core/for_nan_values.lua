-- Fuzzer finding: numeric for loops with a NaN initial value, limit or step.
-- lua5.4 runs a float loop's body once unless its first test skips it, and an
-- integer loop with a NaN limit and a negative step runs down to math.mininteger.
for i = 4, -(0/0), 0/0 do print("A", i) break end
for i = 4, 0/0, 1 do print("B", i) break end
for i = 4, 5, 0/0 do print("C", i) break end
for i = 4.0, 5, 0/0 do print("D", i) break end
for i = 4, -(0/0), -(0/0) do print("E", i) break end
for i = 1, 0/0 do print("F", i) break end
for i = 1.0, 0/0 do print("G", i) break end
for i = 1.0, 0/0, -1 do print("H", i) break end
for i = 1, 0/0, -1 do print("I", i) if i < -2 then break end end
for i = 0/0, 1 do print("J", i) end
for i = 1, 2, 0/0 do print("K", i) end
for i = 3, -(0/0), -2 do print("L", i) if i < 0 then break end end
print(pcall(function() for i = 1.0, 0/0, 0.0 do end end))
