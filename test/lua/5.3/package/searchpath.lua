print(package.searchpath("nothere", "./?.lua;/tmp/?.x"))
print(package.searchpath("a.b.c", "?", ".", "/"))
print(pcall(package.searchpath))
print(type(package.path), type(package.cpath), package.config)
