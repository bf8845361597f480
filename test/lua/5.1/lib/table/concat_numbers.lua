-- concat of numbers uses the number format
print(table.concat({1, 2.5, -3, 1e15, 1e16, 0.1, 1/3}, " "))
print(table.concat({2^53, -0.0, 100}, ","))
