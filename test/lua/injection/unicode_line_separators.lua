local ls = "\xE2\x80\xA8"
local ps = "\xE2\x80\xA9"
local s = 'before' .. ls .. 'middle' .. ps .. 'after'
print(#ls, #ps, #s)
print(s)
local t = {[ls] = 'LS key', [ps] = 'PS key'}
print(t[ls], t[ps], t["\xE2\x80\xA8"])
print(ls == "\u{2028}", ps == "\u{2029}")
print(string.byte(ls, 1, -1))
-- in source as a raw character inside a string literal
local raw = " "
print(#raw, raw == ls)
