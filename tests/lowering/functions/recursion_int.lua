-- A recursive local function that may get any argument has a second body for integers, entered behind one type test.
local function fib(n)
    if n < 2 then
        return n
    end
    return fib(n - 1) + fib(n - 2)
end
print(fib(20), fib(10.0))
return fib
