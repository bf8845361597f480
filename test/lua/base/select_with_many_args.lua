local t = {}
for i = 1, 300 do t[i] = i end
print(select(300, table.unpack(t)))
print(select(-300, table.unpack(t)))
print(select('#', select(100, table.unpack(t))))
print(pcall(select, -301, table.unpack(t)))
