-- error() without a value, uncaught
print("nil error")
error()
