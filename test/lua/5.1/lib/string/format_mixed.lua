-- format with several items, literal text and percent signs
print(string.format("%s scored %d points (%.1f%%)", "Ann", 42.9, 87.25))
print(string.format("%-10s|%10s|", "left", "right"))
print(string.format("%3d|%-3d|%03d", 7, 7, 7))
print(string.format("[%s]", string.format("%q", "nested")))
print(string.format("%s %s %s", "a", 1, 2.5), string.format("%%"), string.format(""))
print(string.format("%c%c%c%c", 76, 117, 97, 33))
print(string.format("%5.2s|%.0s|%s", "abc", "abc", ""))
