local f = string.format
for _, spec in ipairs{'%10.3q','%-q','%5.3d','%#d','%123d','%1.123d','%.3c','%#s','%05s','%y','%','%-+ #0d','%0-5d','%00005d','%5.3.2f','%lld','%10.100f', '%.100f', '%99.99f', '%#c', '%+s', '%-5c','% x','%+x','%#u','%+u', '%#i','%-#1.2e','%0p','%#p','%.3p','%a','%10.3a', '%F', '%n', '%h', '%L', '%b', '%5', '%-', '%.', '%0', '%.5', '%000000000000000000000d', '%00000000000000000000d', '%0000000000000000000d', '%-----d', '%++++d', '%  d', '%##x', '%1$d', '%*d', '%.*d', '%D', '%S', '%Q', '%C', '%l', '%ld', '%hd', '%zd', '%jd', '%td', '%qq', '%ss', '%5.s', '%.d', '%-.3d', '%10.e', '%#.x', '%099d', '%100d', '%0100d', '%09.9d'} do
  print(spec, pcall(f, spec, 1))
end
print(pcall(f, "%d %d", 1))
print(pcall(f, "%d", nil))
print(pcall(f))
print(pcall(f, {}))
print(pcall(f, 12, 1))
print(pcall(f, "%s %s %s", 1, 2))
print(pcall(f, "%\0d", 1))
print(pcall(f, "abc%"))
print(f("%5.2s|%.3s", "abc", "abcdef"))
print(pcall(f, "%p", 1), pcall(f, "%p", nil))
print(f("%p|%10p|%-10p|%p|%p", 1, nil, true, 1.5, 2^63))
print(f("%p", {}) == f("%p", {}), f("%p", print) == f("%p", print))
local t = {}
print(f("%p", t) == f("%p", t), f("%p", "abc") == f("%p", "abc"), f("%p", t):match("^0x%x+$") ~= nil)
print(#f("%20p", t), f("%-20p|", t):match("^0x%x+ +|$") ~= nil)
