local it = string.gmatch("a b c", "%a")
print(it(), it(), it(), it(), it())
local it1, it2 = string.gmatch("1 2 3", "%d"), string.gmatch("1 2 3", "%d")
print(it1(), it1(), it2(), it1(), it2())
local function collect(s, p, init)
  local out = {}
  for a, b in string.gmatch(s, p, init) do out[#out + 1] = tostring(a) .. (b ~= nil and ("=" .. tostring(b)) or "") end
  return table.concat(out, ",")
end
print(collect("a=1,b=2,c=3", "(%w+)=(%w+)"))
print(collect("a=1,b=2,c=3", "(%w+)=(%w+)", 4))
print(collect("a=1,b=2,c=3", "(%w+)=(%w+)", -3))
print(collect("abc", ".-"))
print(collect("abc", ".?"))
print(collect("abc", "()."))
print(collect("abc", "(.)()"))
print(collect("aaa", "a-"))
print(collect("a,,b,", "([^,]*)"))
print(collect("one two  three", "%S+"))
print(collect("(a)(b)((c))", "%b()"))
print(collect("THE (quick) fox", "%f[%a]%a+"))
print(collect("", ".*"), collect("", ""), collect("x", "", 2), collect("x", "", 3))
local s = "k1=v1;k2=v2"
local t = {}
for k, v in s:gmatch("(%w+)=(%w+)") do t[k] = v end
print(t.k1, t.k2)
print(pcall(function() for x in string.gmatch("abc", "(%w") do end end))
print(pcall(function() for x in string.gmatch("abc", "%w)") do end end))
