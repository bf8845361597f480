-- _VERSION, and names of later versions that 5.1 does not have
print(_VERSION)
print(rawlen, warn, utf8, bit32, table.unpack, table.pack, table.move)
print(math.type, math.tointeger, math.ult, math.maxinteger, math.mininteger)
print(string.pack, string.unpack, string.packsize, coroutine.isyieldable, coroutine.close)
print(package.searchers, package.searchpath, debug.upvalueid, debug.upvaluejoin)
print(debug.getuservalue, debug.setuservalue, debug.setcstacklimit)
print(string.gfind == string.gmatch, math.mod == math.fmod)
