-- args: one two 3
print(#arg, arg[1], arg[2], arg[3], math.type(arg[3]), type(arg[3]))
print(arg[0])
print(select('#', ...), ...)
