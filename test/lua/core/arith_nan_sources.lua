-- NaN produced by different operations, and how it prints on this platform
print(math.huge % 2)
print(math.huge - math.huge)
print(0 * math.huge)
print(-(math.huge - math.huge))
print(1 % 0.0, -1 % 0.0)
print(math.huge / math.huge)
print(tostring(0/0) == tostring(0/0))
