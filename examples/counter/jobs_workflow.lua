local funcs = require("funcs")

-- The seeds' job workflow: jobs arrive on "add_job", each is an activity
-- call; "exit" ends the loop.
local function main(input)
    local results = {}
    local job_ch = process.listen("add_job")
    local exit_ch = process.listen("exit")

    while true do
        local result = channel.select{
            job_ch:case_receive(),
            exit_ch:case_receive()
        }

        if result.channel == exit_ch then
            break
        elseif result.channel == job_ch then
            local job_data = result.value
            local activity_result, err = funcs.call(
                "counter:echo_activity",
                {job_id = job_data.id, data = job_data}
            )
            table.insert(results, {
                job_id = job_data.id,
                result = activity_result,
                error = err and tostring(err)
            })
        end
    end

    return {total_jobs = #results, results = results}
end

return {main = main}
