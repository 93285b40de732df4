-- an uncaught error for an invalid capture in a replacement string
local s = "key=value"
print((s:gsub("(%w+)=(%w+)", "%2=%1")))
print((s:gsub("(%w+)=(%w+)", "%3")))
