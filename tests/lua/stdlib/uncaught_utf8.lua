-- an uncaught error from utf8.codepoint out of bounds
local s = "añb"
print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 10))
