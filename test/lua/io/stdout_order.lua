-- io.write and print share one stream
io.write("a")
print("b")
io.stdout:write("c", 1, "\n")
print(io.write("d\n") == io.stdout)
io.stdout:write("e"):write("f\n")
io.stderr:write("")
print(1.5, io.write(2.5, " ", 10 // 3, " ", 1e100, "\n") == io.stdout)
