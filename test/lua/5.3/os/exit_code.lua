io.write("before exit\n")
os.exit(3)
