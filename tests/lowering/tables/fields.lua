-- Field reads and stores: t.k and t[k], through index/setindex when the table is unknown.
local function move(p, dx, key)
    p.x = p.x + dx
    p[key] = p[key] or 0
    return p.x, p[key]
end
print(move({x = 1}, 2, "y"))
