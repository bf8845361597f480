x = 5
debug.debug()
print("after", x)
debug.debug()
print("end")
