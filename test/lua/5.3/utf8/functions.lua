local function p(...) local r = table.pack(pcall(...)) for i = 1, r.n do r[i] = tostring(r[i]) end print(table.concat(r, " ")) end
print(utf8.charpattern == "[\0-\x7F\xC2-\xF4][\x80-\xBF]*")
for _, c in ipairs{0, 0x7F, 0x80, 0x7FF, 0x800, 0xD800, 0xDFFF, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x7FFFFFFF, -1, math.maxinteger} do
  p(function() local s = utf8.char(c) return #s, s:byte(1, -1) end)
end
p(utf8.char) p(utf8.char, 72, 101, 108, 108, 111) p(utf8.char, "65") p(utf8.char, 1.5) p(utf8.char, 65, "x")
local strs = {"hello", "h\xC3\xA9llo", "\xED\xA0\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xC0\x80", "\xE0\x80\x80", "\x80", "abc\xFF", "\xE4\xB8\xAD\xE6\x96\x87", ""}
for _, s in ipairs(strs) do
  p(utf8.len, s) p(utf8.len, s, 2) p(utf8.len, s, -1) p(utf8.len, s, 1, -2)
  p(utf8.codepoint, s) p(utf8.codepoint, s, 1, -1)
  p(utf8.offset, s, 1) p(utf8.offset, s, 2) p(utf8.offset, s, -1) p(utf8.offset, s, 0, 2) p(utf8.offset, s, 3, 2)
  p(function() local t = {} for pos, c in utf8.codes(s) do t[#t+1] = pos .. "=" .. c end return table.concat(t, ",") end)
end
p(utf8.len, "abc", 5) p(utf8.len, "abc", 0) p(utf8.len, "abc", 1, 4) p(utf8.len, "abc", 4) p(utf8.len, "abc", -4)
p(utf8.codepoint, "abc", 0) p(utf8.codepoint, "abc", 1, 4) p(utf8.codepoint, "abc", 4) p(utf8.codepoint, "abc", 3, 2) p(utf8.codepoint, "abc", -1)
p(utf8.offset, "abc", 1, 5) p(utf8.offset, "abc", 1, 0) p(utf8.offset, "abc", 1, 4) p(utf8.offset, "abc", -1, 4) p(utf8.offset, "\xC3\xA9", 1, 2)
p(utf8.offset, "abc", 5) p(utf8.offset, "abc", -5) p(utf8.offset, "abc", 4)
p(utf8.len, "abc", 1, 3, true) p(function() return select("#", utf8.codes("abc", true)) end) p(utf8.codes) p(utf8.len) p(utf8.codepoint, {})
p(function() for p, c in utf8.codes("ab\xFFc") do end end)
p(function() for p, c in utf8.codes("a\xE4\xB8\xAD\x80") do end end)
for _, ctl in ipairs{0, 1, 2, 3, -1, "2", 2.0, 100} do p(utf8.codes("abc"), "abc", ctl) end
print(string.match("h\xC3\xA9llo", utf8.charpattern, 2))
