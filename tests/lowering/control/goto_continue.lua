-- goto continue, with the label at the end of the loop body, becomes Python's continue.
for i = 1, 5 do
    if i % 2 == 0 then
        goto continue
    end
    print(i)
    ::continue::
end
