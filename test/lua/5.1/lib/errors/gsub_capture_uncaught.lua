-- a replacement with a capture that does not exist, uncaught
print((string.gsub("abc", "(b)", "[%1]")))
print((string.gsub("abc", "(b)", "[%2]")))
