-- Calling a method on a nil field: index error names the field
local app = {db = {query = function(self, q) return "rows for " .. q end}}
print(app.db:query("x"))
local function run(a) return a.cache:get("k") end
print(pcall(run, app))
app.cache = {}
print(pcall(run, app))
app.cache = nil
run(app)
