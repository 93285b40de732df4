-- T:is(v) on unions, literal unions, optional types and arrays; only pass/fail is printed.
type Id = string | integer
type Mode = "r" | "w"
type MaybeNum = number?
type Nums = {number}
local function passes(v: any, err: any): boolean
  return err == nil
end
print("id", passes(Id:is(3)), passes(Id:is("a")), passes(Id:is(2.5)), passes(Id:is(true)))
print("mode", passes(Mode:is("r")), passes(Mode:is("w")), passes(Mode:is("x")))
print("maybe", passes(MaybeNum:is(nil)), passes(MaybeNum:is(4)), passes(MaybeNum:is({})))
print("nums", passes(Nums:is({1, 2.5})), passes(Nums:is({1, "a"})), passes(Nums:is("x")))
local v: Id? = Id:is(42)
print(v)
