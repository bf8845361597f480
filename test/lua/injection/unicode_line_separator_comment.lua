-- a comment containing a raw U+2028   and U+2029   is just a comment in Lua
local x = 1 -- trailing   print('not executed')
print(x)
--[[ long comment   with separators   ]] print('after')
