for i = 1, 1 do
  local x = nil
  local function set(v) x = v end
  print(pcall(function() return x.field end))
  print(pcall(function() return x + 1 end))
  print(pcall(function() x() end))
  set(5)
  print(pcall(function() return #x end))
  print(pcall(function() return x.y end))
  local ok, e = pcall(function() local r = x .. nil end)
  print(ok, e)
  x = nil
  print(pcall(function() return x.z end))
  print(pcall(function() return i.z end))
end
