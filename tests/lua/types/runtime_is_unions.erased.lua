-- T:is(v) on unions, literal unions, optional types and arrays; only pass/fail is printed.
local function checker(test) return {is = function(_, v) if test(v) then return v, nil end return nil, "mismatch" end} end
local Id = checker(function(v) return type(v) == "string" or math.type(v) == "integer" end)
local Mode = checker(function(v) return v == "r" or v == "w" end)
local MaybeNum = checker(function(v) return v == nil or type(v) == "number" end)
local Nums = checker(function(v)
  if type(v) ~= "table" then return false end
  for _, x in ipairs(v) do if type(x) ~= "number" then return false end end
  return true
end)
local function passes(v, err)
  return err == nil
end
print("id", passes(Id:is(3)), passes(Id:is("a")), passes(Id:is(2.5)), passes(Id:is(true)))
print("mode", passes(Mode:is("r")), passes(Mode:is("w")), passes(Mode:is("x")))
print("maybe", passes(MaybeNum:is(nil)), passes(MaybeNum:is(4)), passes(MaybeNum:is({})))
print("nums", passes(Nums:is({1, 2.5})), passes(Nums:is({1, "a"})), passes(Nums:is("x")))
local v = Id:is(42)
print(v)
