-- In an activity, http_client.get is a real HTTP request (activities may do I/O).
local http = require("http_client")

local function fetch(url)
    local resp, err = http.get(url, {timeout = "3s", headers = {Accept = "text/plain"}})
    if err then
        return nil, err
    end
    return {status = resp.status_code, size = #resp.body}
end

return {fetch = fetch}
