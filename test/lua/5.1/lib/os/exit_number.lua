-- os.exit takes a number: the status
io.write("before exit\n")
os.exit(7)
print("not reached")
