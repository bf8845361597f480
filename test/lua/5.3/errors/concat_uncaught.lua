local t = {}
print("value: " .. t.missing)
