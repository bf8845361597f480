-- an uncaught assertion failure
print("checking")
assert(1 == 1, "fine")
assert(false, "custom assertion message")
