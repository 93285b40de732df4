-- yield may run in a function called from the coroutine, not only in its body.
local function emit(v)
    coroutine.yield(v)
end
local co = coroutine.wrap(function()
    emit("a")
    emit("b")
end)
print(co(), co())
