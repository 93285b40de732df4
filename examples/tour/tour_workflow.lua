-- One order's paperwork: ids, a signed receipt (child workflow), a status
-- page fetched over HTTP, search attributes, and a versioned step.
local funcs = require("funcs")
local time = require("time")
local workflow = require("workflow")
local uuid = require("uuid")
local crypto = require("crypto")
local ctx = require("ctx")
local json = require("json")
local base64 = require("base64")

local function receipt(order)
    local payload, err = json.encode({order = order.id, total = order.total})
    if err then return nil, err end
    local signed, err = funcs.call("tour:sign", base64.encode(payload))
    if err then return nil, err end
    return {payload = payload, signature = signed}
end

local function main(order)
    if type(order) ~= "table" or not order.id then
        return nil, errors.new({kind = errors.INVALID, message = "an order needs an id", retryable = false})
    end
    local started = time.now()
    local request_id = uuid.v4()
    local nonce = crypto.random_bytes(8)
    workflow.attrs({search = {TourOrder = order.id}, memo = {requested_by = ctx.get("user")}})

    local signed, err = workflow.exec("tour:receipt_workflow", order)
    if err then return nil, errors.wrap(err, "receipt") end

    -- A short, durable timer; Wippy durations and time constants.
    time.sleep(order.hold or "2s")
    local waited = time.now():sub(started)

    local fetcher = funcs.new()
        :with_options({["activity.start_to_close_timeout"] = "10s",
                       ["activity.retry_policy"] = {maximum_attempts = 2, initial_interval = 200}})
        :with_context({purpose = "status page"})
    local page, fetch_err = fetcher:call("tour:fetch", order.status_url)

    local stamp = funcs.call("tour:stamp", request_id)
    local label
    if workflow.version("label", 1, 2) == 2 then
        label = "order " .. order.id
    else
        label = order.id
    end

    return {
        label = label,
        request_id = request_id,
        nonce_bytes = #nonce,
        receipt = signed,
        waited_ms = waited:milliseconds(),
        page = page and page.status or fetch_err:kind(),
        stamp = stamp,
        user = ctx.get("user"),
        history_length = workflow.history_length() > 0,
    }
end

return {main = main, receipt = receipt}
