-- error with a table value, uncaught
print("before")
error({code = 1})
