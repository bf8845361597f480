-- debug.debug reads commands from standard input until "cont"
print("before")
debug.debug()
print("after", x)
