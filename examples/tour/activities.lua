-- Activities may do I/O and read the clock.
local hash = require("hash")
local crypto = require("crypto")
local uuid = require("uuid")
local json = require("json")
local base64 = require("base64")
local time = require("time")
local ctx = require("ctx")
local http = require("http_client")

-- An HMAC over the receipt, keyed by the caller's context (or a default).
local function sign(encoded)
    local payload, err = base64.decode(encoded)
    if err then return nil, err end
    local key = ctx.get("signing_key") or "tour-demo-key"
    local digest = crypto.hmac.sha256(key, payload)
    return {hmac = digest, sha256 = hash.sha256(payload), fields = json.decode(payload)}
end

-- A status page over HTTP; no URL or no network gives an error value.
local function fetch(url)
    if not url then
        return nil, errors.new({kind = errors.INVALID, message = "no status URL", retryable = false})
    end
    local resp, err = http.get(url, {timeout = "3s", headers = {Accept = "text/plain"}})
    if err then return nil, err end
    return {status = resp.status_code, size = #resp.body, purpose = ctx.get("purpose")}
end

local function stamp(request_id)
    local ok = uuid.validate(request_id)
    return {valid = ok, at = time.now():format_rfc3339() ~= ""}
end

return {sign = sign, fetch = fetch, stamp = stamp}
