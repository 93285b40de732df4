"""tour_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import (
    LuaSource,
    Table,
    acall,
    adjust,
    ainvoke,
    concat,
    eq,
    first,
    gt,
    index,
    length,
    spread,
)
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow


def chunk(_ENV, *varargs):  # tour_workflow.lua
    funcs = first(_ENV["require"]("funcs"))
    time = first(_ENV["require"]("time"))
    workflow_ = first(_ENV["require"]("workflow"))
    uuid = first(_ENV["require"]("uuid"))
    crypto = first(_ENV["require"]("crypto"))
    ctx = first(_ENV["require"]("ctx"))
    json = first(_ENV["require"]("json"))
    base64 = first(_ENV["require"]("base64"))

    async def receipt(order=None, *_):  # tour_workflow.lua:12
        payload, err = json.encode(
            Table(
                order=order["id"] if type(order) is not str else index(order, "id"),
                total=order["total"] if type(order) is not str else index(order, "total"),
            )
        )
        if err is not None and err is not False:
            return (None, err)
        signed, err = await activity_result(
            workflow.execute_activity(
                "tour:sign",
                args=[base64.encode(payload)],
                start_to_close_timeout=timedelta(minutes=10),
                retry_policy=DEFAULT_RETRY_POLICY,
            )
        )
        if err is not None and err is not False:
            return (None, err)
        return Table(payload=payload, signature=signed)

    async def main(order=None, *_):  # tour_workflow.lua:20
        if lua.type(order) != "table" or (
            (_t := (order["id"] if type(order) is not str else index(order, "id"))) is None
            or _t is False
        ):
            return (
                None,
                *spread(
                    await acall(
                        (
                            _t_3["new"]
                            if type((_t_3 := _ENV["errors"])) is not str
                            else index(_t_3, "new")
                        ),
                        Table(
                            kind=(
                                _t_2["INVALID"]
                                if type((_t_2 := _ENV["errors"])) is not str
                                else index(_t_2, "INVALID")
                            ),
                            message="an order needs an id",
                            retryable=False,
                        ),
                    )
                ),
            )
        started = time.now()
        request_id = first(uuid.v4())
        nonce = first(crypto.random_bytes(8))
        workflow_.attrs(
            Table(
                search=Table(
                    TourOrder=order["id"] if type(order) is not str else index(order, "id")
                ),
                memo=Table(requested_by=first(ctx.get("user"))),
            )
        )
        signed, err = await workflow_.exec("tour:receipt_workflow", order)
        if err is not None and err is not False:
            return (
                None,
                *spread(
                    await acall(
                        (
                            _t_4["wrap"]
                            if type((_t_4 := _ENV["errors"])) is not str
                            else index(_t_4, "wrap")
                        ),
                        err,
                        "receipt",
                    )
                ),
            )
        await time.sleep(
            _t_5
            if (_t_5 := (order["hold"] if type(order) is not str else index(order, "hold")))
            is not None
            and _t_5 is not False
            else "2s"
        )
        waited = first(await ainvoke(time.now(), "sub", started))
        fetcher = first(
            await ainvoke(
                first(
                    await ainvoke(
                        funcs.new(),
                        "with_options",
                        Table.of(
                            (),
                            {
                                "activity.start_to_close_timeout": "10s",
                                "activity.retry_policy": Table(
                                    maximum_attempts=2, initial_interval=200
                                ),
                            },
                        ),
                    )
                ),
                "with_context",
                Table(purpose="status page"),
            )
        )
        page, fetch_err = adjust(
            await ainvoke(
                fetcher,
                "call",
                "tour:fetch",
                order["status_url"] if type(order) is not str else index(order, "status_url"),
            ),
            2,
        )
        stamp = first(
            await activity_result(
                workflow.execute_local_activity(
                    "tour:stamp",
                    args=[request_id],
                    start_to_close_timeout=timedelta(minutes=10),
                    retry_policy=DEFAULT_RETRY_POLICY,
                )
            )
        )
        label = None
        if eq(workflow_.version("label", 1, 2), 2):
            label = (
                f"order {_t_6}"
                if type((_t_6 := (order["id"] if type(order) is not str else index(order, "id"))))
                is str
                else concat("order ", _t_6)
            )
        else:
            label = order["id"] if type(order) is not str else index(order, "id")
        return Table(
            label=label,
            request_id=request_id,
            nonce_bytes=length(nonce),
            receipt=signed,
            waited_ms=first(await ainvoke(waited, "milliseconds")),
            page=(
                _t_7
                if (
                    _t_7 := (
                        (page["status"] if type(page) is not str else index(page, "status"))
                        if page is not None and page is not False
                        else page
                    )
                )
                is not None
                and _t_7 is not False
                else first(await ainvoke(fetch_err, "kind"))
            ),
            stamp=stamp,
            user=first(ctx.get("user")),
            history_length=gt(workflow_.history_length(), 0),
        )

    return Table(main=main, receipt=receipt)


__lua__ = LuaSource(
    "tour_workflow.lua",
    "23:1,24:3,25:4,26:5,27:6,28:7,29:8,30:9,31:10,33:12,34:13,40:14,42:15,50:16,52:17,54:20,55:21,58:22,80:24,81:25,82:26,83:27,91:29,92:30,107:33,114:34,115:36,121:37,125:38,128:37,130:36,133:39,134:36,136:40,145:42,155:43,156:44,157:45,163:47,165:50,166:51,167:52,168:53,169:54,170:55,171:50,172:56,183:50,184:57,185:58,186:59,187:50,189:63",
    "workflow_=workflow",
)
