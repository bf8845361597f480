-- string functions convert number arguments to strings
print(string.len(1234), string.sub(12345, 2, 3), string.rep(7, 3), string.upper(1e100), string.byte(65))
print(string.find(12345, 34), string.match(3.25, "%.(%d+)"), string.gsub(1000, "0", "o"))
print(("x"):rep(2) .. 1, #tostring(12), string.format("%s", 12))
