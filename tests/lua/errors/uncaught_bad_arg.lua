print(select("#"))
setmetatable({}, 5)
