-- pairs with __pairs, ipairs stopping at nil, next
local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  return table.concat(keys, ",")
end
print(sorted_keys({1, 2, 3, x = 1, y = 2, [10] = 3, [2.5] = 4, [true] = 5}))
local arr = {"a", "b", nil, "d"}
local n = 0
for i, v in ipairs(arr) do n = n + 1 end
print(n)
for i, v in ipairs({10, 20, 30}) do print(i, v) end
for i, v in ipairs({}) do print("never") end
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 100 end end})
for i, v in ipairs(proxy) do print("proxy", i, v) end
local custom = setmetatable({}, {__pairs = function(t)
  local i = 0
  return function(_, k)
    i = i + 1
    if i <= 3 then return i, "item" .. i end
  end, t, nil
end})
for k, v in pairs(custom) do print("custom", k, v) end
local extra = setmetatable({}, {__pairs = function(t) return next, {p = 1}, nil end})
for k, v in pairs(extra) do print("extra", k, v) end
print(next({}), next({}, nil))
print(next({7}), next({7}, 1))
local t = {a = 1}
print(next(t), next(t, "a"))
print(pcall(next, {}, "missing"))
print(pcall(next))
print(pcall(pairs))
print(select("#", pairs(nil)), type(pairs(nil)))
print(pcall(ipairs))
print(select("#", ipairs(nil)), type(ipairs(nil)))
local f, s, init = ipairs({5})
print(type(f), type(s), init, f(s, 0), f(s, 1))
local g, s2, init2 = pairs({})
print(g == next, type(s2), init2)
local cnt = 0
local big = {}
for i = 1, 100 do big[i] = i end
for k, v in pairs(big) do cnt = cnt + v end
print(cnt)
local del = {a = 1, b = 2, c = 3, d = 4}
for k in pairs(del) do del[k] = nil end
print(next(del))
for i, c in ipairs({"x", "y", false, "z"}) do print(i, c) end
