-- if/elseif/else becomes if/elif/else; a condition of unknown type is tested with Lua's truthiness.
local function classify(n, flag)
    if n < 0 then
        return "negative"
    elseif n == 0 then
        return "zero"
    elseif flag then
        return "flagged"
    else
        return "positive"
    end
end
print(classify(-1), classify(0), classify(5, true))
