-- table.concat with a value that is not a string
print(table.concat({1, 2, 3}, ","))
print(table.concat({1, true, 3}, ","))
