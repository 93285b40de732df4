-- funcs.new():with_options{...}:with_context{...}:call(...): an executor with its own options and context.
local funcs = require("funcs")

local function main(url)
    local fetcher = funcs.new()
        :with_options({["activity.start_to_close_timeout"] = "10s",
                       ["activity.retry_policy"] = {maximum_attempts = 2}})
        :with_context({purpose = "status page"})
    local page, err = fetcher:call("shop:fetch", url)
    return page, err
end

return {main = main}
