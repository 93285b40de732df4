"""faults.lua: activities that fail in each way a workflow must tell apart.

 1  local time = require("time")
 2
 3  local function declined(input)
 4      return nil, errors.new("FAILED", "payment declined")
 5  end
 6
 7  local function rejected(input)
 8      return nil, errors.new({kind = "PermissionDenied", message = "not yours", retryable = false})
 9  end
10
11  local function crash(input)
12      local card = nil
13      return card.number
14  end
15
16  local function slow(input)
17      time.sleep(5 * time.SECOND)
18      return "late"
19  end
20
21  local function echo(...)
22      return ...
23  end
24
25  local function mixed(input)
26      return {1, 2, three = 3}
27  end
28
29  local function greet(input)
30      return {greeting = "hello, " .. input.name, bytes = #input.name}
31  end
32
33  local function double(n)
34      return n * 2
35  end
36
37  local function local_reject(n)
38      return false, errors.new({kind = errors.INVALID, message = "negative: " .. n, retryable = false})
39  end
40
41  return { declined = declined, rejected = rejected, crash = crash, slow = slow, echo = echo,
42           mixed = mixed, greet = greet, double = double, local_reject = local_reject }
"""

from luac2py.runtime import LuaSource, Table, concat, index, length, mul

__lua__ = LuaSource(
    "faults.lua",
    "56:1,61:3,62:4,65:7,66:8,69:11,70:12,71:13,74:16,75:17,76:18,79:21,80:22,83:25,84:26,87:29,88:30,91:33,92:34,95:37,96:38,99:41,100:42,102:45",
)


# faults.lua:1
def chunk(_ENV, *varargs):
    time = _ENV["require"]("time")[0]
    errors = _ENV["errors"]

    # faults.lua:3
    def declined(input=None, *_):
        return (None, errors.new("FAILED", "payment declined"))

    # faults.lua:7
    def rejected(input=None, *_):
        return (None, errors.new(Table(kind="PermissionDenied", message="not yours", retryable=False)))

    # faults.lua:11
    def crash(input=None, *_):
        card = None
        return index(card, "number")

    # faults.lua:16
    def slow(input=None, *_):
        time.sleep(mul(5, time.SECOND))
        return "late"

    # faults.lua:21
    def echo(*varargs):
        return varargs

    # faults.lua:25
    def mixed(input=None, *_):
        return Table.of([1, 2], three=3)

    # faults.lua:29
    def greet(input=None, *_):
        return Table(greeting=concat("hello, ", index(input, "name")), bytes=length(index(input, "name")))

    # faults.lua:33
    def double(n=None, *_):
        return mul(n, 2)

    # faults.lua:37
    def local_reject(n=None, *_):
        return (False, errors.new(Table(kind=errors.INVALID, message=concat("negative: ", n), retryable=False)))

    # faults.lua:41
    def busy(input=None, *_):
        return (None, errors.new(Table(kind=errors.UNAVAILABLE, message="busy", retryable=True)))

    return Table(
        busy=busy,
        declined=declined,
        rejected=rejected,
        crash=crash,
        slow=slow,
        echo=echo,
        mixed=mixed,
        greet=greet,
        double=double,
        local_reject=local_reject,
    )
