-- Numeric for: floats, strings, negative steps, accumulation.
for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 2, 0.25 do io.write(i, " ") end print()
for i = 0, 1, 0.1 do io.write(i, " ") end print()
for i = "1", "3" do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty")
for i = 2^53, 2^53 + 4, 2 do io.write(i, " ") end print()
for i = 1, 3 do local j = i i = i * 10 io.write(j, ":", i, " ") end print()
for i = -1, -3, -0.5 do io.write(i, " ") end print()
local n = 0
for i = 1, 10, 0 do n = n + 1 if n > 3 then break end end
print("zero step ran", n)
for i = 0.1, 0.3, 0.1 do io.write(i, " ") end print()
