print(#arg, arg[1], select('#', ...))
print(arg[0])
