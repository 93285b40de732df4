-- coroutine.wrap: a generator as a function that resumes on each call.
local function numbers(n)
    return coroutine.wrap(function()
        for i = 1, n do
            coroutine.yield(i)
        end
    end)
end
for v in numbers(3) do
    print(v)
end
