-- A generic for over a stateless iterator: the for calls it with its state and the last value until it returns nil.
local function countdown(from, current)
    if current > 1 then return current - 1 end
end
for v in countdown, 3, 4 do
    print(v)
end
