-- Backward gotos forming loops
local i = 1
::top::
io.write(i, " ")
i = i + 1
if i <= 5 then goto top end
print()

-- a goto-based loop inside a function with early exit
local function collatz(n)
  local steps = 0
  ::again::
  if n == 1 then return steps end
  if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
  steps = steps + 1
  goto again
end
print(collatz(1), collatz(6), collatz(27))

-- nested goto loops
local out = {}
local a = 0
::outer::
a = a + 1
do
  local b = 0
  ::inner::
  b = b + 1
  out[#out + 1] = a * 10 + b
  if b < 2 then goto inner end
end
if a < 3 then goto outer end
print(table.concat(out, " "))

-- a state machine with gotos
local function machine(input)
  local pos, trace = 1, {}
  ::start::
  local c = input:sub(pos, pos)
  pos = pos + 1
  if c == "" then goto finish end
  if c == "a" then goto sawA end
  trace[#trace + 1] = "other:" .. c
  goto start
  ::sawA::
  trace[#trace + 1] = "A"
  goto start
  ::finish::
  return table.concat(trace, ",")
end
print(machine("abca"), machine(""), machine("aaa"))

-- goto loop in a while body
local count = 0
while count < 2 do
  local n = 0
  ::spin::
  n = n + 1
  if n < 3 then goto spin end
  count = count + 1
  io.write("round", count, ":", n, " ")
end
print()
