-- Escape sequences in short string literals
print(#"\a\b\f\n\r\t\v\\\"\x27")
print(string.format("%q", "\a\b\f\n\r\t\v\\\"\x27"))
print("\x41\x42\x43", "\x7a\x7A", "\65\066\0067")
print(#"\0", #"a\0b", string.format("%q", "a\0b"), string.byte("\0"))
print("\1234", #"\1234", "\0651")
print("\u{48}\u{49}", #"\u{7FF}", #"\u{800}", #"\u{FFFF}", #"\u{10000}", #"\u{10FFFF}")
print(#"\u{7FFFFFFF}", string.byte("\u{7FFFFFFF}", 1, -1))
print(string.byte("\u{E9}", 1, -1))
print("a\z
       b\z   c")
print("line1\
line2")
print(#"tab\tend", "quote's", 'dq"inside')
print("\\n is not a newline", '\n' == "\10")
print("\255" == "\xff", #"\255\254", string.byte("\xFe"))
print(string.format("%q", "\r\n\0001\127\200"))
print(string.format("%q", "x\0y\0"))
local s = "\u{0}" print(#s, s == "\0")
print("\x00\x0a" == "\0\n")
print(string.format("%q", "\z
   "))
print(("\97\98\99"):upper())
