-- Generic type names (Channel<T>) and dotted type names (process.Message).
type Queue<T> = {items: {T}, head: integer}
local function push<T>(q: Queue<T>, v: T): integer
  q.items[#q.items + 1] = v
  return #q.items
end
local function recv(ch: Channel<string>?, fallback: string): string
  return ch and "chan" or fallback
end
local function handle(msg: process.Message, reply: time.Duration?): string
  return msg.topic .. ":" .. tostring(reply)
end
local q: Queue<Queue<integer>> = {items = {}, head = 1}
print(push(q, {items = {1}, head = 1}), push(q, {items = {}, head = 1}))
print(recv(nil, "none"), recv({}, "none"))
print(handle({topic = "ping"}), handle({topic = "pong"}, 5))
local futures: {Future<Result<string, errors.Error>>} = {}
local inbox: Channel<process.Message> | nil = nil
print(#futures, inbox)
