-- An activity: answers with what it was given.
local function echo(job)
    return {echoed = job.data, job_id = job.job_id}
end

return {echo = echo}
