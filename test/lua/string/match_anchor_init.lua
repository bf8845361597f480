local s = "aaa bbb aaa"
for init = -12, 13 do
  print(init, s:find("^a+", init), s:match("^(%a+)", init), s:find("^ ", init), s:find("^$", init), s:find("a$", init))
end
print(("^^"):find("^^"), ("^^"):find("^^", 2), ("x^"):find("^^"), ("x^"):find("%^"))
print(("abc"):gsub("^.", "X", 5), ("abc"):gsub("^", "X"), ("abc"):gsub("^%a*", "X"))
print(("$x$"):find("$"), ("$x$"):find("$", 2), ("$x$"):find("x$"), ("$x$"):find("%$$"))
