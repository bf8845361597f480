-- an invalid format option, uncaught
print(string.format("%5.1f", 1.25))
print(string.format("%y", 1))
