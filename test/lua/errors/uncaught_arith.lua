local x = 'abc'
print(x + 1)
