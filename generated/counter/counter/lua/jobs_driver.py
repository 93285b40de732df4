"""jobs_driver.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import (
    LuaSource,
    MetaTable,
    Table,
    acall,
    adjust,
    ainvoke,
    eq,
    first,
    for_limit,
    index,
)
from luac2py.runtime import lib as lua


def chunk(_ENV, *varargs):  # jobs_driver.lua

    async def main(input=None, *_):  # jobs_driver.lua:3
        input = input if input is not None and input is not False else Table()
        pid, err = adjust(
            await acall(
                (
                    _t["spawn_monitored"]
                    if type((_t := _ENV["process"])) is not str
                    else index(_t, "spawn_monitored")
                ),
                "counter:jobs_workflow",
                "counter:worker",
                Table(),
            ),
            2,
        )
        if pid is None or pid is False:
            return (None, err)
        for i in range(
            1,
            for_limit(
                (
                    _t_2
                    if (_t_2 := (input["jobs"] if type(input) is not str else index(input, "jobs")))
                    is not None
                    and _t_2 is not False
                    else 3
                ),
                1,
            )
            + 1,
        ):
            lua.print(f"add_job {i}")
            await acall(
                _t_3["send"] if type((_t_3 := _ENV["process"])) is not str else index(_t_3, "send"),
                pid,
                "add_job",
                Table(id=f"job-{i}", n=i),
            )
        lua.print("exit")
        await acall(
            _t_4["send"] if type((_t_4 := _ENV["process"])) is not str else index(_t_4, "send"),
            pid,
            "exit",
            Table(),
        )
        events = first(
            await acall(
                _t_5["events"]
                if type((_t_5 := _ENV["process"])) is not str
                else index(_t_5, "events")
            )
        )
        while True:
            event = first(await ainvoke(events, "receive"))
            if (
                _t_8 == _t_9
                if type(
                    (_t_8 := (event["kind"] if type(event) is not str else index(event, "kind")))
                )
                is type(
                    (
                        _t_9 := (
                            _t_7["EXIT"]
                            if type(
                                (
                                    _t_7 := (
                                        _t_6["event"]
                                        if type((_t_6 := _ENV["process"])) is not str
                                        else index(_t_6, "event")
                                    )
                                )
                            )
                            is not str
                            else index(_t_7, "EXIT")
                        )
                    )
                )
                is not MetaTable
                else eq(_t_8, _t_9)
            ) and (
                _t_10 == pid
                if type(
                    (_t_10 := (event["from"] if type(event) is not str else index(event, "from")))
                )
                is type(pid)
                is not MetaTable
                else eq(_t_10, pid)
            ):
                if (
                    _t_12 := (
                        _t_11["error"]
                        if type(
                            (
                                _t_11 := (
                                    event["result"]
                                    if type(event) is not str
                                    else index(event, "result")
                                )
                            )
                        )
                        is not str
                        else index(_t_11, "error")
                    )
                ) is not None and _t_12 is not False:
                    return (
                        None,
                        (
                            _t_13["error"]
                            if type(
                                (
                                    _t_13 := (
                                        event["result"]
                                        if type(event) is not str
                                        else index(event, "result")
                                    )
                                )
                            )
                            is not str
                            else index(_t_13, "error")
                        ),
                    )
                return (
                    _t_14["value"]
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
                    else index(_t_14, "value")
                )
        return ()

    return Table(main=main)


__lua__ = LuaSource(
    "jobs_driver.lua",
    "18:1,20:3,21:4,22:5,35:6,36:7,37:11,38:9,39:11,41:9,46:11,51:10,52:11,58:13,59:14,65:16,72:17,73:18,74:23,75:19,99:23,100:19,107:23,108:21,110:20,122:21,141:23,157:28",
)
