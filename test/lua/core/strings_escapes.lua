print("tab\tend", 'q"uote', "s'ingle", "back\\slash")
print("\65\066\x43\u{44}\z
       E")
print(#"\0abc", #"\u{7FFFFFFF}", ("\u{48}\u{49}"))
print([[long
string]], [==[with ]] inside]==])
print([[
first newline skipped]])
print("a\
b")
print('\'' == "'", "\"" == '"')
