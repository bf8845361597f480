-- gmatch: no anchor ('^' is a plain character), empty matches, captures
local function collect(s, p)
  local out = {}
  for a, b in string.gmatch(s, p) do out[#out + 1] = b and (a .. "|" .. b) or a end
  return table.concat(out, ",")
end
print(collect("hello world from lua", "%a+"))
print(collect("abc", "%w*"))
print(collect("abc", ""))
print(collect("^abc^", "^"))
print(collect("^abc", "^a"))
print(collect("k1=v1, k2=v2", "(%w+)=(%w+)"))
print(collect("a,b,,c", "([^,]*)"))
print(collect("one two", "()"))
print(collect("aaa", "a-"))
print(collect("xyz", "x*"))
local it = string.gmatch("a1b2", "%a(%d)")
print(it(), it(), it(), it())
print(pcall(string.gmatch))
print(pcall(string.gmatch, "x"))
print(string.gfind == string.gmatch)
for w in string.gfind("gfind works", "%a+") do io.write(w, ";") end print()
