-- lax mode across every function: surrogates, > 10FFFF, up to 7FFFFFFF
local vals = {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x10FFFF, 0x110000, 0x1FFFFF, 0x200000,
              0x3FFFFFF, 0x4000000, 0x7FFFFFFF}
for _, v in ipairs(vals) do
  local c = utf8.char(v)
  local strict = {pcall(utf8.codepoint, c)}
  local lax = {pcall(utf8.codepoint, c, 1, -1, true)}
  print(string.format("%X", v), #c, strict[1], strict[2], lax[1], lax[2] == v,
        utf8.len(c), utf8.len(c, 1, -1, true),
        pcall(function() for _ in utf8.codes(c) do end end),
        utf8.offset(c, 2), utf8.offset(c, -1), utf8.offset(c, 0, #c))
  for p, cp in utf8.codes(c, true) do print("", p, cp == v) end
end
-- mixed string with invalid-in-strict codes
local s = "a" .. utf8.char(0xD800) .. "b" .. utf8.char(0x7FFFFFFF) .. "c"
print(utf8.len(s), utf8.len(s, 1, -1, true))
print(utf8.codepoint(s, 1, -1, true))
for p, c in utf8.codes(s, true) do io.write(p, ":", c, " ") end print()
print(pcall(function() for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end end))
-- truthiness of the lax flag
for _, flag in ipairs{0, "", {}, true} do
  print(type(flag), utf8.len("\xED\xA0\x80", 1, -1, flag), utf8.codepoint("\xED\xA0\x80", 1, 1, flag))
end
print(utf8.len("\xED\xA0\x80", 1, -1, false), utf8.len("\xED\xA0\x80", 1, -1, nil))
-- lax still rejects overlong and malformed sequences
print(utf8.len("\xC0\x80", 1, -1, true), utf8.len("\xFC\x80\x80\x80\x80\x80", 1, -1, true))
print(utf8.len("\xFE\x80\x80\x80\x80\x80\x80", 1, -1, true), utf8.len("\xFF", 1, -1, true))
print(pcall(utf8.codepoint, "\xF8\x80\x80\x80\x80", 1, 1, true))
