for w in string.gmatch("one two three", "%a+") do print(w) end
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do print(k, v) end
for p in string.gmatch("abc", "()") do print(p) end
for m in string.gmatch("abc", "") do print("[" .. m .. "]") end
for m in string.gmatch("aaa", "a*") do print("[" .. m .. "]") end
for m in string.gmatch("abc", "x*") do print("<" .. m .. ">") end
for a, b in string.gmatch("abcd", "(.)(.)") do print(a, b) end
for m in string.gmatch("^a^b", "^.") do print(m) end
for m in string.gmatch("hello world", "%a+", 3) do print("init3", m) end
for m in string.gmatch("hello world", "%a+", -5) do print("init-5", m) end
for m in string.gmatch("hello", ".", 10) do print("never", m) end
for m in string.gmatch("hello", "", 6) do print("at6", "[" .. m .. "]") end
for m in string.gmatch("hello", "()", 7) do print("at7", m) end
for m in string.gmatch("hello", "()", -100) do print("neg", m) end
local it = string.gmatch("a1b2", "%d")
print(it(), it(), it(), it())
print(pcall(string.gmatch))
print(pcall(string.gmatch, "x"))
print(pcall(string.gmatch, "x", "x", "y"))
local it2 = string.gmatch("abc", "(")
print(pcall(it2))
local it3 = string.gmatch("abc", "[a")
print(pcall(it3))
for a in string.gmatch(12345, 3) do print(a, math.type(a)) end
for w in ("The quick brown fox"):gmatch("%w+") do io_ = (io_ or "") .. w:sub(1, 1) end print(io_)
local n = 0 for _ in string.gmatch(string.rep("ab", 1000), "ab") do n = n + 1 end print(n)
for a, b, c in string.gmatch("x1y2", "(%a)(%d)()") do print(a, b, c) end
print(type(string.gmatch("", "")))
