local cases = {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
  "\xC1\xBF", "\xE0\x9F\xBF", "\xF0\x8F\xBF\xBF", "\xF5\x80\x80\x80", "\xC2", "\xE2\x82", "\xFE", "\xFF", "\xBF"}
for _, s in ipairs(cases) do
  local ok, cp = pcall(utf8.codepoint, s)
  io.write(string.format("%q", s):gsub("\n", "n"), " ", tostring(ok), " ", tostring(cp), " ", tostring(utf8.len(s)), "\n")
end
