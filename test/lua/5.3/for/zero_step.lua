local n = 0
for i = 1, 10, 0 do n = n + 1 if n > 3 then break end end
print("1,10,0", n)
n = 0
for i = 10, 1, 0 do n = n + 1 if n > 3 then break end end
print("10,1,0", n)
n = 0
for i = 5, 5, 0 do n = n + 1 if n > 3 then break end end
print("5,5,0", n)
n = 0
for i = 1.0, 10, 0.0 do n = n + 1 if n > 3 then break end end
print("1.0,10,0.0", n)
n = 0
for i = 10.0, 1, 0.0 do n = n + 1 if n > 3 then break end end
print("10.0,1,0.0", n, 10.0)
n = 0
for i = 1, 10, -0.0 do n = n + 1 if n > 3 then break end end
print("1,10,-0.0", n)
