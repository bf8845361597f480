-- chunks from loadstring run with the globals; each call is a new function
counter = 0
local f = loadstring("counter = counter + 1 return counter")
print(f(), f(), counter)
local g = loadstring("return ...")
print(g(1, 2, 3))
print(loadstring("return") and "compiled", select("#", loadstring("return")()))
local h1, h2 = loadstring("return 1"), loadstring("return 1")
print(h1 == h2, h1() == h2())
print(loadstring("return function() return 'nested' end")()())
