print(loadfile('/nonexistent/file.lua'))
print(pcall(dofile, '/nonexistent/file.lua'))
