-- dialects: 5.4 5.3 5.1
-- io.write and file:write to the standard streams: many arguments (strings,
-- integers, floats) in one call, and a bad argument after good ones: what
-- came before it is written, then the error names its position.
io.write("a", 1, " ", 2.5, " ", -0.0, " ", 1e100, " ", 2^53, "|", "\n")
print(pcall(io.write, "x", 1, {}, "never"))
print(pcall(io.write, nil))
print(pcall(function() return io.stdout:write("y", 2, true) end))
print(io.write() == io.stdout, io.stdout:write("") == io.stdout)
io.stderr:write("to stderr ", 3, "\n")
print(pcall(io.stderr.write, io.stderr, "e", {}))
io.write(("z"):rep(70000), "\n")
io.write("end\n")
