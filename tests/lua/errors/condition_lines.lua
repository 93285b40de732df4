print(pcall(function()
  local i = 0
  repeat
    i = i + 1
    local x = nil
  until x.y
end))
print(pcall(function()
  local i = 0
  repeat
    i = i + 1
    if i == 1 then goto continue end
    ::continue::
  until i.y
end))
print(pcall(function()
  local t = {}
  while
    t.a.b
  do
  end
end))
