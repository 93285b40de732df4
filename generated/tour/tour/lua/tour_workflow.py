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
    truthy,
)
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow

ACTIVITY_OPTIONS = dict(
    start_to_close_timeout=timedelta(minutes=10), retry_policy=DEFAULT_RETRY_POLICY
)


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
        payload, err = json.encode(Table(order=index(order, "id"), total=index(order, "total")))
        if truthy(err):
            return (None, err)
        signed, err = await activity_result(
            workflow.execute_activity(
                "tour:sign", args=[base64.encode(payload)], **ACTIVITY_OPTIONS
            )
        )
        if truthy(err):
            return (None, err)
        return Table(payload=payload, signature=signed)

    async def main(order=None, *_):  # tour_workflow.lua:20
        if lua.type(order) != "table" or not truthy(index(order, "id")):
            return (
                None,
                *spread(
                    await acall(
                        index(_ENV["errors"], "new"),
                        Table(
                            kind=index(_ENV["errors"], "INVALID"),
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
                search=Table(TourOrder=index(order, "id")),
                memo=Table(requested_by=first(ctx.get("user"))),
            )
        )
        signed, err = await workflow_.exec("tour:receipt_workflow", order)
        if truthy(err):
            return (None, *spread(await acall(index(_ENV["errors"], "wrap"), err, "receipt")))
        await time.sleep(
            _t if (_t := index(order, "hold")) is not None and _t is not False else "2s"
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
            await ainvoke(fetcher, "call", "tour:fetch", index(order, "status_url")), 2
        )
        stamp = first(
            await activity_result(
                workflow.execute_local_activity("tour:stamp", args=[request_id], **ACTIVITY_OPTIONS)
            )
        )
        label = None
        if eq(workflow_.version("label", 1, 2), 2):
            label = (
                f"order {_t_2}"
                if type((_t_2 := index(order, "id"))) is str
                else concat("order ", _t_2)
            )
        else:
            label = index(order, "id")
        return Table(
            label=label,
            request_id=request_id,
            nonce_bytes=length(nonce),
            receipt=signed,
            waited_ms=first(await ainvoke(waited, "milliseconds")),
            page=(
                _t_3
                if (_t_3 := (index(page, "status") if truthy(page) else page)) is not None
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
    "28:1,29:3,30:4,31:5,32:6,33:7,34:8,35:9,36:10,38:12,39:13,40:14,42:15,47:16,49:17,51:20,52:21,53:22,66:24,67:25,68:26,69:27,75:29,76:30,78:33,81:34,82:36,88:37,92:38,95:37,97:36,100:39,101:36,103:40,106:42,111:43,112:44,113:45,118:47,120:50,121:51,122:52,123:53,124:54,125:55,126:50,127:56,131:50,132:57,133:58,134:59,135:50,137:63",
    "workflow_=workflow",
)
