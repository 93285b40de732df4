-- local function becomes a Python def; calls to it are direct calls.
local function square(x)
    return x * x
end
print(square(3))
