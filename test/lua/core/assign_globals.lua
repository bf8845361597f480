g1, g2 = "one", "two"
print(g1, g2, _G.g1, _ENV.g2)
g1 = nil
print(g1, rawget(_G, "g1"))
_G.newg = 42
print(newg)
