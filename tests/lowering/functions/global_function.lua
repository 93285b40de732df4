-- A global function is a def stored in the environment; calls look it up there.
function greet(name)
    return "hi " .. name
end
print(greet("lua"))
