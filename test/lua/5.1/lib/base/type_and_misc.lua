-- type, and a few base functions' argument checks
print(type(nil), type(1), type("s"), type({}), type(print), type(true), type(coroutine.create(function() end)))
print(pcall(type))
print(type(newproxy()))
print(pcall(tostring))
print(pcall(ipairs, nil))
print(rawequal(print, print))
print(#_VERSION, _G._G == _G, _G._VERSION)
