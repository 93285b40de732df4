"""wippy/funcs_executor.lua as workflow code."""

from luac2py.runtime import LuaSource, Table, adjust, ainvoke, first


def chunk(_ENV, *varargs):  # wippy/funcs_executor.lua
    funcs = first(_ENV["require"]("funcs"))

    async def main(url=None, *_):  # wippy/funcs_executor.lua:4
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
                                "activity.retry_policy": Table(maximum_attempts=2),
                            },
                        ),
                    )
                ),
                "with_context",
                Table(purpose="status page"),
            )
        )
        page, err = adjust(await ainvoke(fetcher, "call", "shop:fetch", url), 2)
        return (page, err)

    return Table(main=main)


__lua__ = LuaSource(
    "wippy/funcs_executor.lua",
    "6:1,7:2,9:4,10:5,16:6,20:7,21:6,23:5,26:8,27:5,29:9,30:10,32:13",
)
