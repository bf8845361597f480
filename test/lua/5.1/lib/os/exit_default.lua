-- os.exit without an argument: success; output is flushed
io.write("buffered ")
io.stdout:write("output\n")
os.exit()
