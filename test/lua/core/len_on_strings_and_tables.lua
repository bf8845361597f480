print(#'', #'abc', #'\0\0', #"\u{10FFFF}", #'héllo')
local t = {1, 2, 3}
t[#t + 1] = 4
t[#t + 1] = 5
print(#t)
t[#t] = nil
print(#t)
print(#{n = 1, 2, 3}, #{[1] = 1, [2] = 2, [3] = 3})
