-- coroutine.running and isyieldable tell the main thread from a coroutine.
print(coroutine.isyieldable())
local co = coroutine.create(function()
    local _, main = coroutine.running()
    print(main, coroutine.isyieldable())
end)
coroutine.resume(co)
