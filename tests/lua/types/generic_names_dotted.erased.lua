-- Generic type names (Channel<T>) and dotted type names (process.Message).

local function push(q, v)
  q.items[#q.items + 1] = v
  return #q.items
end
local function recv(ch, fallback)
  return ch and "chan" or fallback
end
local function handle(msg, reply)
  return msg.topic .. ":" .. tostring(reply)
end
local q = {items = {}, head = 1}
print(push(q, {items = {1}, head = 1}), push(q, {items = {}, head = 1}))
print(recv(nil, "none"), recv({}, "none"))
print(handle({topic = "ping"}), handle({topic = "pong"}, 5))
local futures = {}
local inbox = nil
print(#futures, inbox)
