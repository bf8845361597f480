print(load('x =', "'); process.exit(1); ('"))
print(load('x =', '=*/ ${x} `'))
print(load('x =', '@\xE2\x80\xA8.lua'))
print(load('return "\\', 'c'))
