-- Label visibility rules that ARE allowed
-- 1. a label at the end of a block may follow local declarations
do
  goto finish
  local skipped = 1
  print(skipped)
  ::finish::
end
print("1 ok")

-- 2. labels at block end followed by void statements (;) and other labels
do
  goto e1
  local y = 2
  print(y)
  ::e1:: ;; ::e2::
end
print("2 ok")

-- 3. goto to a label in an enclosing block, declared later, no locals between
do
  local a = "a"
  do
    if a then goto outer_label end
    print("not here")
  end
  print("not here either")
  ::outer_label::
  print("3 ok", a)
end

-- 4. the same label name in different (non-nested) blocks
for i = 1, 2 do
  do goto l end
  ::l::
end
do goto l ::l:: end
print("4 ok")

-- 5. nested functions have their own label namespace
::shared::
local function f()
  goto shared
  do return "skipped" end
  ::shared::
  return "inner label"
end
print(f())

-- 6. goto to an already-visible label backward from a nested block
local n = 0
::back::
n = n + 1
do
  do
    if n < 3 then goto back end
  end
end
print("6 ok", n)

-- 7. repeat with a label as the last statement before until
local r = 0
repeat
  r = r + 1
  goto cont
  ::cont::
until r == 3
print("7 ok", r)
