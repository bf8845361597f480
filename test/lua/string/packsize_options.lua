local opts = {"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "f", "d", "n", "x", "c0", "c1", "c100", " ", "<", ">", "=", "!"}
for _, o in ipairs(opts) do print(o, string.packsize(o)) end
for i = 1, 16 do print("i" .. i, string.packsize("i" .. i), string.packsize("I" .. i), pcall(string.packsize, "!" .. (i <= 8 and 8 or 16) .. "bi" .. i)) end
print(string.packsize("!bhbibjbd"), string.packsize("!2bhbibjbd"), string.packsize("!4bhbibjbd"), string.packsize("bhbibjbd"))
print(string.packsize("!8 b Xd"), string.packsize("!8 b Xh"), string.packsize("!8 bXjb"), string.packsize("!8 b Xi16"))
print(pcall(string.packsize, "i0"), pcall(string.packsize, "!17"))
print(pcall(string.packsize, "w"))
print(pcall(string.packsize, "c"))
print(pcall(string.packsize, "c-1"))
print(pcall(string.packsize, "Xw"))
print(pcall(string.packsize, "i4X"))
print(pcall(string.packsize, "s4"))
print(pcall(string.packsize))
print(string.packsize(""), string.packsize("   "), string.packsize("<>=!<"))
print(pcall(string.packsize, "c1073741824c1073741824"))
print(pcall(string.packsize, "c1073741823c1073741823c2"))
