-- os.execute returns system()'s raw status
print(os.execute())
print(os.execute("true"))
print(os.execute("exit 3"))
print(os.execute("exit 255"))
print(os.execute("kill -9 $$"))
print(os.execute("echo from the shell > /dev/null"))
print(pcall(os.execute, {}))
