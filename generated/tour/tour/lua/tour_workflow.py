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
        payload, err = json.encode(Table(order=order["id"], total=order["total"]))
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
        if lua.type(order) != "table" or ((_t := order["id"]) is None or _t is False):
            return (
                None,
                *spread(
                    await acall(
                        _ENV["errors"]["new"],
                        Table(
                            kind=_ENV["errors"]["INVALID"],
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
                search=Table(TourOrder=order["id"]), memo=Table(requested_by=first(ctx.get("user")))
            )
        )
        signed, err = await workflow_.exec("tour:receipt_workflow", order)
        if err is not None and err is not False:
            return (None, *spread(await acall(_ENV["errors"]["wrap"], err, "receipt")))
        await time.sleep(
            _t_2 if (_t_2 := order["hold"]) is not None and _t_2 is not False else "2s"
        )
        waited = first(await ainvoke(time.now(), "sub", started))
        fetcher = first(
            await ainvoke(
                first(
                    await ainvoke(
                        funcs.new(),
                        "with_options",
                        Table(
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
            await ainvoke(fetcher, "call", "tour:fetch", order["status_url"]), 2
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
            label = concat("order ", order["id"])
        else:
            label = order["id"]
        return Table(
            label=label,
            request_id=request_id,
            nonce_bytes=length(nonce),
            receipt=signed,
            waited_ms=first(await ainvoke(waited, "milliseconds")),
            page=(
                _t_3
                if (_t_3 := (page["status"] if page is not None and page is not False else page))
                is not None
                and _t_3 is not False
                else first(await ainvoke(fetch_err, "kind"))
            ),
            stamp=stamp,
            user=first(ctx.get("user")),
            history_length=gt(workflow_.history_length(), 0),
        )

    return Table(main=main, receipt=receipt)


__lua__ = LuaSource(
    "tour_workflow.lua",
    "22:1,23:3,24:4,25:5,26:6,27:7,28:8,29:9,30:10,32:12,33:13,34:14,36:15,44:16,46:17,48:20,49:21,50:22,63:24,64:25,65:26,66:27,71:29,72:30,74:33,77:34,78:36,84:37,88:38,91:37,93:36,96:39,97:36,99:40,102:42,112:43,113:44,114:45,115:47,117:50,118:51,119:52,120:53,121:54,122:55,123:50,124:56,129:50,130:57,131:58,132:59,133:50,135:63",
    "workflow_=workflow",
)
