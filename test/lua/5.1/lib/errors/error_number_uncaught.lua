-- error with a number: 5.1 adds the position and the message is a string
print("before")
error(42)
