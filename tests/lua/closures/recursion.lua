local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
-- Mutual recursion through forward-declared locals
local is_even, is_odd
function is_even(n) if n == 0 then return true end return is_odd(n - 1) end
function is_odd(n) if n == 0 then return false end return is_even(n - 1) end
print(is_even(10), is_odd(7), is_even(3))
-- Recursive anonymous via local
local hanoi_moves = 0
local function hanoi(n, a, b, c)
  if n == 0 then return end
  hanoi(n - 1, a, c, b)
  hanoi_moves = hanoi_moves + 1
  hanoi(n - 1, c, b, a)
end
hanoi(10, "A", "B", "C")
print(hanoi_moves)
-- Memoization
local memo = {}
local function mfib(n)
  if n < 2 then return n end
  local m = memo[n]
  if m then return m end
  local v = mfib(n - 1) + mfib(n - 2)
  memo[n] = v
  return v
end
print(mfib(80))
-- Deep-ish recursion
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(2000))
-- Recursion through a table field
local M = {}
function M.sum(t, i)
  i = i or 1
  if i > #t then return 0 end
  return t[i] + M.sum(t, i + 1)
end
print(M.sum({1, 2, 3, 4}))
-- Ackermann small
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3))
