-- without the library opened, bit is not there
print(bit, package.loaded.bit)
