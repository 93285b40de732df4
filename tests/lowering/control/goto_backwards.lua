-- A backward goto makes a loop of the statements between its label and the jump.
local n = 0
::again::
n = n + 1
if n < 3 then
    goto again
end
print(n)
