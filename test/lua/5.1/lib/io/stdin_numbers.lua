-- numbers from standard input, then what is left
print(io.read("*n", "*n", "*n"))
print(io.read("*n"))
print(io.read("*l"))
print(io.read("*a"))
