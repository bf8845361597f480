-- os.exit(true) is an error in 5.1 (the status must be a number)
print(pcall(os.exit, true))
print(pcall(os.exit, "x"))
os.exit(2.9)
