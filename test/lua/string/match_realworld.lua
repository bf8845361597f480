local line = "2023-10-05 14:32:01 [ERROR] module.sub: Something failed (code=42)"
local date, time, level, mod, msg = line:match("^(%d+%-%d+%-%d+) (%d+:%d+:%d+) %[(%u+)%] ([%w%.]+): (.*)$")
print(date, time, level, mod, msg)
print(msg:match("code=(%d+)"), tonumber(msg:match("code=(%d+)")) + 1)
local csv = "name,age,,city"
local fields = {}
for field in (csv .. ","):gmatch("([^,]*),") do fields[#fields + 1] = "<" .. field .. ">" end
print(table.concat(fields, " "))
local url = "https://user:pw@example.com:8080/path/to?x=1&y=two#frag"
print(url:match("^(%a+)://([^:]+):([^@]+)@([^:/]+):(%d+)(/[^?]*)%??([^#]*)#?(.*)$"))
for k, v in url:gmatch("[?&](%w+)=(%w+)") do print(k, v) end
local function trim(s) return (s:gsub("^%s*(.-)%s*$", "%1")) end
print("[" .. trim("   hello  world  ") .. "]", "[" .. trim("") .. "]", "[" .. trim("   ") .. "]")
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
print(table.concat(split("a.b..c", "."), "|"), table.concat(split("one--two--", "--"), "|"))
local tmpl = "Hello ${name}, you are ${age} years old. ${unknown}"
print((tmpl:gsub("%${(%w+)}", {name = "Bob", age = 42})))
print(("%5.2f"):rep(3, " "):format(1, 2, 3))
local words = {}
for w in ("The rain in Spain stays mainly in the plain"):gmatch("%a*ain%a*") do words[#words + 1] = w end
print(table.concat(words, ","))
print(("hello world"):gsub("(%w+)", "<%1>"):upper())
local ip = "192.168.001.255"
print(ip:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$"))
print(("key1=val1;key2=val2"):gsub("(%w+)=(%w+)", "%2=%1"))
local xml = "<a><b>text</b><c/></a>"
for tag in xml:gmatch("<(%w+)") do print(tag) end
print(xml:match("<b>(.-)</b>"), xml:find("<c/>", 1, true))
print(("  multiple   spaces   here  "):gsub("%s+", " "))
print(string.format("%-20s|", "left") .. string.format("%20s|", "right"))
