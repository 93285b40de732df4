-- select: positive, negative, '#', out of range, conversions
local function show(...) print(select("#", ...), ...) end
show(select(1, "a", "b", "c"))
show(select(2, "a", "b", "c"))
show(select(3, "a", "b", "c"))
show(select(4, "a", "b", "c"))
show(select(10, "a", "b", "c"))
show(select(-1, "a", "b", "c"))
show(select(-2, "a", "b", "c"))
show(select(-3, "a", "b", "c"))
show(select("#"))
show(select("#", nil, nil))
show(select(2, nil, nil, nil))
show(select(-1, nil))
show(select(2.0, "x", "y"))
show(select("2", "x", "y"))
show(select(" 1 ", "x", "y"))
show(select(1))
-- select in the middle of an argument list gives one value
print(select(2, "a", "b", "c"), "end")
print((select(2, "a", "b", "c")))
-- select('#') counts trailing nils from calls
local function nils() return nil, nil, nil end
print(select("#", nils()), select("#", nils(), 1), select("#", 1, nils()))
-- errors
local function err(...) print(pcall(select, ...)) end
err(0, "a")
err(-3, "a", "b")
err(-1)
err(1.5, "a")
err("x", "a")
err(nil)
err({})
err("#x")
print(select(-1, 1, 2, 3) + select(-2, 10, 20, 30))
print(select(math.maxinteger, 1))
select(0)
