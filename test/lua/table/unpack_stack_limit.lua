-- results near lua5.4's stack limit (LUAI_MAXSTACK = 1000000 slots)
print(select('#', table.unpack({}, 1, 200000)))
print(pcall(table.unpack, {}, 1, 1e6))
print(pcall(table.unpack, {}, 1, 2e6))
