"""counter_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import (
    LuaSource,
    Table,
    acall,
    add,
    adjust,
    ainvoke,
    first,
    index,
    lt,
    sub,
    truthy,
)
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.channel import spawn


def chunk(_ENV, *varargs):  # counter_workflow.lua

    async def main(input=None, *_):  # counter_workflow.lua:4
        counter = _t if (_t := index(input, "initial")) is not None and _t is not False else 0
        done = False

        async def anonymous(*_):  # counter_workflow.lua:8
            nonlocal counter
            ch = first(
                await acall(index(_ENV["process"], "listen"), "increment", Table(message=True))
            )
            while not truthy(done):
                msg, ok = adjust(await ainvoke(ch, "receive"), 2)
                if not truthy(ok):
                    break
                data = first(await ainvoke(first(await ainvoke(msg, "payload")), "data"))
                reply_to = first(await ainvoke(msg, "from"))
                if lua.type(data) != "table" or lua.type(index(data, "amount")) != "number":
                    await acall(
                        index(_ENV["process"], "send"), reply_to, "nak", "amount must be a number"
                    )
                else:
                    await acall(index(_ENV["process"], "send"), reply_to, "ack")
                    counter = (
                        _t_2
                        if type(counter) is type((_t := index(data, "amount"))) is int
                        and abs((_t_2 := (counter + _t))) <= 9223372036854775807
                        else (
                            counter + _t if type(counter) is type(_t) is float else add(counter, _t)
                        )
                    )
                    await acall(
                        index(_ENV["process"], "send"), reply_to, "ok", Table(value=counter)
                    )
            return ()

        spawn(anonymous)

        async def anonymous_2(*_):  # counter_workflow.lua:27
            nonlocal counter
            ch = first(
                await acall(index(_ENV["process"], "listen"), "decrement", Table(message=True))
            )
            while not truthy(done):
                msg, ok = adjust(await ainvoke(ch, "receive"), 2)
                if not truthy(ok):
                    break
                data = first(await ainvoke(first(await ainvoke(msg, "payload")), "data"))
                reply_to = first(await ainvoke(msg, "from"))
                if lt(
                    (
                        _t_2
                        if type(counter) is type((_t := index(data, "amount"))) is int
                        and abs((_t_2 := (counter - _t))) <= 9223372036854775807
                        else (
                            counter - _t if type(counter) is type(_t) is float else sub(counter, _t)
                        )
                    ),
                    0,
                ):
                    await acall(
                        index(_ENV["process"], "send"),
                        reply_to,
                        "nak",
                        "would result in negative value",
                    )
                else:
                    await acall(index(_ENV["process"], "send"), reply_to, "ack")
                    counter = (
                        _t_4
                        if type(counter) is type((_t_3 := index(data, "amount"))) is int
                        and abs((_t_4 := (counter - _t_3))) <= 9223372036854775807
                        else (
                            counter - _t_3
                            if type(counter) is type(_t_3) is float
                            else sub(counter, _t_3)
                        )
                    )
                    await acall(
                        index(_ENV["process"], "send"), reply_to, "ok", Table(value=counter)
                    )
            return ()

        spawn(anonymous_2)
        finish_ch = first(
            await acall(index(_ENV["process"], "listen"), "finish", Table(message=True))
        )
        msg = first(await ainvoke(finish_ch, "receive"))
        await acall(index(_ENV["process"], "send"), first(await ainvoke(msg, "from")), "ack")
        await acall(
            index(_ENV["process"], "send"),
            first(await ainvoke(msg, "from")),
            "ok",
            Table(message="finishing"),
        )
        done = True
        return Table(final_counter=counter)

    return Table(main=main)


__lua__ = LuaSource(
    "counter_workflow.lua",
    "20:1,22:4,23:5,24:6,26:8,28:9,31:10,32:11,33:12,35:14,36:15,37:17,38:18,41:22,42:20,43:21,51:22,56:8,58:27,60:28,63:29,64:30,65:31,67:33,68:34,69:36,80:37,86:41,87:39,88:40,98:41,103:27,104:47,107:48,108:49,109:50,115:51,116:53,118:56",
)
