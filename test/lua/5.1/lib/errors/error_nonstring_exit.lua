-- uncaught errors with values that are not strings
print("boolean next")
error(false)
