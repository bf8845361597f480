-- utf8.codes: iteration, lax mode, invalid sequences
local function run(s, lax)
  local t = {}
  local ok, err = pcall(function()
    for p, c in utf8.codes(s, lax) do t[#t + 1] = p .. ":" .. string.format("%X", c) end
  end)
  print(#tostring(s), table.concat(t, " "), ok, err)
end
run("")
run("hello")
run("aé中😀z")
run("\x80a")          -- leading continuation byte is skipped
run("a\x80")          -- trailing continuation byte
run("a\x80\x80b")
run("ab\xff")
run("ab\xfe\x80")
run("\xC0\x80")       -- overlong
run("\xE0\x80\x80")
run("\xF0\x80\x80\x80")
run("\xC1\xBF")
run("\xED\xA0\x80")   -- surrogate
run("\xED\xA0\x80", true)
run("\xF4\x90\x80\x80")          -- 0x110000
run("\xF4\x90\x80\x80", true)
run("\xFD\xBF\xBF\xBF\xBF\xBF", true)
run("\xFD\xBF\xBF\xBF\xBF\xBF")
run("\xF8\x88\x80\x80\x80", true)
run("\xF8\x87\xBF\xBF\xBF", true)  -- overlong 5-byte
run("\xE4\xB8")        -- truncated
run("x\xE4\xB8")
run("a\0b")
run("\xC3\xA9", nil)
run("\xC3\xA9", false)
run("\xED\xBF\xBF", 1)
run(12345)
print(pcall(utf8.codes))
print(pcall(utf8.codes, {}))
print(pcall(utf8.codes, nil, true))
local f, s, i = utf8.codes("héllo")
print(type(f), s, i)
print(f(s, 0)) print(f(s, 1)) print(f(s, 2)) print(f(s, 3)) print(f(s, 6))
print(select('#', f(s, 6)), select('#', f(s, 100)), select('#', f(s, -1)))
print(f(s, 2.0), f(s, "1"))
print(pcall(f, s, 1.5))
print(pcall(f, s, {}))
local g = utf8.codes("x", true)
print(g == f, g("\xED\xA0\x80", 0))
print(pcall(f, "\xED\xA0\x80", 0))
print(pcall(f))
