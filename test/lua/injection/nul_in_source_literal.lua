local s = "raw nul: <|> end"
print(#s)
print(s:byte(11))
