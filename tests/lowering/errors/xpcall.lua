-- xpcall calls a message handler with the error before unwinding.
local function handler(msg)
    return "handled: " .. tostring(msg)
end
print(xpcall(function(a) return a .. nil end, handler, "x"))
