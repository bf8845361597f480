print(load('#!shebang line\nreturn 1'))
print(load('\xEF\xBB\xBFreturn 2'))
print(pcall(load('return 3', '=x', 't')))
