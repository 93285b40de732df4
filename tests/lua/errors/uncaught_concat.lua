local user = {first = "Ada"}
print("Hello " .. user.first)
print("Hello " .. user.first .. " " .. user.last)
