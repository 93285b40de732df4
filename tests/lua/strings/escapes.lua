print("tab\there", "nl\\n", 'single \'q\'', "double \"q\"")
print("\65\066\0671", "\x41\x62", "\u{41}\u{e9}", #"\u{e9}", #"\u{7FFFFFFF}")
print("a\z
       b", "line1\nline2")
print("bell\a" == "bell\7", "\r" == "\13", "\v\f\b" == "\11\12\8")
print(#"\0\00\000", ("\0"):byte(), "\1234" == "{4")
local s = "back\\slash"
print(s, #s)
print("\x7e\x7E", "\u{7e}")
print("cr\
lf")
