-- Arithmetic on values known to be integers is plain Python arithmetic (with 64-bit wrap-around where it can overflow).
local a = 7
local b = 2
local sum = a + b
local product = a * b
local quotient = a // b
local remainder = a % b
local ratio = a / b
print(sum, product, quotient, remainder, ratio, -a)
