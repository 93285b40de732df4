-- Globals live in the chunk's environment table: reads and stores go through _ENV.
counter = 0
function bump(n)
    counter = counter + n
end
bump(2)
print(counter, undefined_name)
