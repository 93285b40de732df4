-- 'asserts x' / 'asserts x is T' return types and boolean predicates.
local function assert_num(v: any): asserts v is number
  if type(v) ~= "number" then error("not a number: " .. tostring(v), 0) end
end
local function assert_ok(v: any?): asserts v
  if not v then error("falsy", 0) end
end
local function is_str(v: any): boolean
  return type(v) == "string"
end
assert_num(3)
print(pcall(assert_num, "x"))
print(pcall(assert_ok, nil))
print(pcall(assert_ok, 0), select("#", assert_ok(1)))
print(is_str("a"), is_str(1))
local checks: {(any) -> boolean} = {is_str, function(v: any): boolean return v == nil end}
print(checks[1]("s"), checks[2](nil), checks[2](false))
