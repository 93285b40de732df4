"""driver.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import (
    LuaSource,
    MetaTable,
    Table,
    acall,
    adjust,
    ainvoke,
    concat,
    eq,
    first,
    index,
    length,
    lt,
    spread,
)
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.channel import channel


def chunk(_ENV, *varargs):  # driver.lua
    time = first(_ENV["require"]("time"))

    async def replies(pid, n):  # driver.lua:5
        inbox = first(
            await acall(
                _t["inbox"] if type((_t := _ENV["process"])) is not str else index(_t, "inbox")
            )
        )
        got = Table()
        while lt(length(got), n):
            deadline = first(time.after("10s"))
            r = await channel.select(
                Table.of(
                    (
                        first(await ainvoke(inbox, "case_receive")),
                        *spread(await ainvoke(deadline, "case_receive")),
                    )
                )
            )
            if (
                _t_2 == deadline
                if type((_t_2 := (r["channel"] if type(r) is not str else index(r, "channel"))))
                is type(deadline)
                is not MetaTable
                else eq(_t_2, deadline)
            ):
                lua.error(
                    f"no reply from {pid} after {_t_3} of {n}"
                    if (type(pid) is str) & (type((_t_3 := length(got))) is str)
                    else concat("no reply from ", pid, " after ", _t_3, " of ", n)
                )
            msg = r["value"] if type(r) is not str else index(r, "value")
            if (
                _t_4 == pid
                if type((_t_4 := first(await ainvoke(msg, "from")))) is type(pid) is not MetaTable
                else eq(_t_4, pid)
            ):
                data = first(await ainvoke(first(await ainvoke(msg, "payload")), "data"))
                value = (
                    _t_6
                    if (
                        _t_6 := (
                            lua.type(data) == "table"
                            and (
                                _t_5
                                if (
                                    _t_5 := (
                                        data["value"]
                                        if type(data) is not str
                                        else index(data, "value")
                                    )
                                )
                                is not None
                                and _t_5 is not False
                                else (
                                    data["message"]
                                    if type(data) is not str
                                    else index(data, "message")
                                )
                            )
                        )
                    )
                    is not None
                    and _t_6 is not False
                    else data
                )
                line = (
                    _t_7
                    if (_t_7 := (value is None and first(await ainvoke(msg, "topic")))) is not None
                    and _t_7 is not False
                    else concat(first(await ainvoke(msg, "topic")), " ", lua.tostring(value))
                )
                lua.print(f"  <- {line}" if type(line) is str else concat("  <- ", line))
                lua.table.insert(got, line)
        return got

    async def main(input=None, *_3):  # driver.lua:26
        input = input if input is not None and input is not False else Table()
        name = (
            _t_2
            if (_t_2 := (input["name"] if type(input) is not str else index(input, "name")))
            is not None
            and _t_2 is not False
            else (
                f"counter-{_t}"
                if type((_t := first(await ainvoke(time.now(), "unix_nano")))) is str
                else concat("counter-", _t)
            )
        )
        lua.print(
            f"spawn {name} with increments 2, 1, 4"
            if type(name) is str
            else concat("spawn ", name, " with increments 2, 1, 4")
        )
        pid, err = adjust(
            await ainvoke(
                first(
                    await ainvoke(
                        first(
                            await ainvoke(
                                first(
                                    await ainvoke(
                                        first(
                                            await ainvoke(
                                                first(
                                                    await acall(
                                                        (
                                                            _t_3["with_options"]
                                                            if type((_t_3 := _ENV["process"]))
                                                            is not str
                                                            else index(_t_3, "with_options")
                                                        ),
                                                        Table(),
                                                    )
                                                ),
                                                "with_name",
                                                name,
                                            )
                                        ),
                                        "with_message",
                                        "increment",
                                        Table(amount=2),
                                    )
                                ),
                                "with_message",
                                "increment",
                                Table(amount=1),
                            )
                        ),
                        "with_message",
                        "increment",
                        Table(amount=4),
                    )
                ),
                "spawn_monitored",
                "counter:counter_workflow",
                "counter:worker",
                Table(initial=0),
            ),
            2,
        )
        if pid is None or pid is False:
            return (None, err)
        log = await replies(pid, 6)
        lua.print("decrement 10")
        await acall(
            _t_4["send"] if type((_t_4 := _ENV["process"])) is not str else index(_t_4, "send"),
            pid,
            "decrement",
            Table(amount=10),
        )
        lua.table.insert(
            log, _t_5[1] if type((_t_5 := (await replies(pid, 1)))) is not str else index(_t_5, 1)
        )
        lua.print("decrement 3")
        await acall(
            _t_6["send"] if type((_t_6 := _ENV["process"])) is not str else index(_t_6, "send"),
            pid,
            "decrement",
            Table(amount=3),
        )
        for _, line in lua.ipairs_iter(await replies(pid, 2)):
            lua.table.insert(log, line)
        lua.print("finish")
        await acall(
            _t_7["send"] if type((_t_7 := _ENV["process"])) is not str else index(_t_7, "send"),
            pid,
            "finish",
            Table(),
        )
        for _2, line_2 in lua.ipairs_iter(await replies(pid, 2)):
            lua.table.insert(log, line_2)
        events = first(
            await acall(
                _t_8["events"]
                if type((_t_8 := _ENV["process"])) is not str
                else index(_t_8, "events")
            )
        )
        while True:
            event = first(await ainvoke(events, "receive"))
            if (
                _t_11 == _t_12
                if type(
                    (_t_11 := (event["kind"] if type(event) is not str else index(event, "kind")))
                )
                is type(
                    (
                        _t_12 := (
                            _t_10["EXIT"]
                            if type(
                                (
                                    _t_10 := (
                                        _t_9["event"]
                                        if type((_t_9 := _ENV["process"])) is not str
                                        else index(_t_9, "event")
                                    )
                                )
                            )
                            is not str
                            else index(_t_10, "EXIT")
                        )
                    )
                )
                is not MetaTable
                else eq(_t_11, _t_12)
            ) and (
                _t_13 == pid
                if type(
                    (_t_13 := (event["from"] if type(event) is not str else index(event, "from")))
                )
                is type(pid)
                is not MetaTable
                else eq(_t_13, pid)
            ):
                if (
                    _t_15 := (
                        _t_14["error"]
                        if type(
                            (
                                _t_14 := (
                                    event["result"]
                                    if type(event) is not str
                                    else index(event, "result")
                                )
                            )
                        )
                        is not str
                        else index(_t_14, "error")
                    )
                ) is not None and _t_15 is not False:
                    return (
                        None,
                        (
                            _t_16["error"]
                            if type(
                                (
                                    _t_16 := (
                                        event["result"]
                                        if type(event) is not str
                                        else index(event, "result")
                                    )
                                )
                            )
                            is not str
                            else index(_t_16, "error")
                        ),
                    )
                return Table(
                    replies=log,
                    result=(
                        _t_17["value"]
                        if type(
                            (
                                _t_17 := (
                                    event["result"]
                                    if type(event) is not str
                                    else index(event, "result")
                                )
                            )
                        )
                        is not str
                        else index(_t_17, "value")
                    ),
                )
        return ()

    return Table(main=main)


__lua__ = LuaSource(
    "driver.lua",
    "22:1,25:5,26:6,31:7,32:8,33:9,34:10,42:12,43:11,48:12,54:14,55:20,56:15,59:20,60:16,61:17,89:18,95:19,96:20,97:23,99:26,100:27,101:28,112:31,117:32,127:33,138:32,139:34,140:32,143:35,145:32,148:36,150:32,153:37,155:32,158:38,161:32,164:39,165:40,166:42,167:44,168:45,174:46,177:48,178:49,184:50,186:52,187:53,193:54,195:57,202:58,203:59,204:64,205:60,229:64,230:60,237:64,238:62,240:61,252:62,271:64,290:69",
    "_2=_,line_2=line",
)
