-- bit is not opened by default
print(bit, package.loaded.bit)
