print(pcall(load("error('e')", "line1\nline2")))
print(pcall(load("error('e')", "\"quoted\"")))
print(pcall(load("error('e')", "=\0nul")))
print(pcall(load("\n\nerror('e')", "@path/with'quote.lua")))
