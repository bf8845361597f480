-- table.setn is obsolete
local t = {1, 2}
print(table.getn(t))
table.setn(t, 1)
