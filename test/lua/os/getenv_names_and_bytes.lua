-- os.getenv looks up the environment's own variables only (not names that
-- JS objects inherit), and names and values are byte strings, invalid UTF-8
-- included (checked in a child interpreter given such an environment)
for _, name in ipairs{"__proto__", "constructor", "toString", "valueOf", "hasOwnProperty",
                      "__defineGetter__", "isPrototypeOf", ""} do
  print(string.format("%q", name), os.getenv(name))
end
-- a C string: the name ends at a NUL
print(type(os.getenv("PATH")), os.getenv("PATH") == os.getenv("PATH\0ignored"))

local interpreter = arg[-1]
local child = [[
print(os.getenv("RG_V") == "a\xffb\xfe\x80", os.getenv("RG_U") == "h\xc3\xa9",
      os.getenv("RG_R") == "\xef\xbf\xbd", os.getenv("RG_N\xffME"), os.getenv("RG_N\xef\xbf\xbdME"))
]]
local f = io.popen(string.format(
  [[RG_V=$(printf 'a\377b\376\200') RG_U=$(printf 'h\303\251') RG_R=$(printf '\357\277\275') ]] ..
  [[env "$(printf 'RG_N\377ME=odd name')" %s -e '%s']], interpreter, child))
io.write(f:read("a"))
print(f:close())
