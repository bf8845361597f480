-- Every number is a double printed with %.14g (no ".0", no integer subtype).
print(1, -1, 0, 1.5, 10/2, 3/2, 2^53, 2^63, -2^63, 1e15, 1e14, 1e16, 123456789012345)
print(1e100, -1e-100, 1/3, 2/3, 0.1 + 0.2, 100000000000000, 1e300 * 1e10, -1e300 * 1e10)
print(tostring(7), tostring(7.25), 7 .. "", 7.0 .. "", -0.0 .. "")
print(string.format("%s %s", 12, 12.5), #tostring(2^31))
print(255 == 255.0, 1 == 1.0000000000000002, math.huge, -math.huge)
