for i = 1, 2.5 do print(i, math.type(i)) end
for i = 3, 0.5, -1 do print(i, math.type(i)) end
for i = 1, 0x7fffffffffffffff + 0.0 do if i > 3 then break end print(i) end
for i = -1, -math.huge, -1 do if i < -2 then break end print(i) end
