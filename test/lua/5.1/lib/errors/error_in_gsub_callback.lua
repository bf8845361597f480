-- errors raised by callbacks of library functions keep their positions
print(pcall(string.gsub, "abc", "b", function() error("callback failed") end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("comparator failed") end))
print(pcall(table.foreach, {1}, function() error("foreach failed", 2) end))
string.gsub("x", "x", function() local t = nil; return t.y end)
