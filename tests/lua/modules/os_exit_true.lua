-- os.exit(true) ends the program successfully; nothing after it runs
print(select("#", os.execute()))
for i = 1, 3 do
  print(i)
  if i == 2 then os.exit(true) end
end
error("not reached")
