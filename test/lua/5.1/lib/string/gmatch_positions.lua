-- gmatch with position captures, anchored-looking patterns and long subjects
for p, w in string.gmatch("one two three", "()(%a+)") do io.write(p, ":", w, " ") end print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, v, ";") end print()
local n = 0
for _ in string.gmatch(string.rep("ab", 1000), "ab") do n = n + 1 end
print(n)
for w in string.gmatch("The quick brown fox", "%f[%a]%a") do io.write(w) end print()
local it = string.gmatch("", ".*")
print(it(), it())
for a in string.gmatch("a.b.c", "[^.]*") do io.write("<", a, ">") end print()
