"""jobs_workflow.lua as workflow code (compiled by luac2py; edit the Lua, not this file)."""

from datetime import timedelta
from luac2py.runtime import (
    LuaSource,
    MetaTable,
    Table,
    acall,
    ainvoke,
    eq,
    first,
    index,
    length,
    spread,
    truthy,
)
from luac2py.runtime import lib as lua
from luac2py.runtime.wippy.channel import channel
from luac2py.runtime.wippy.funcs import DEFAULT_RETRY_POLICY, activity_result
from temporalio import workflow

ACTIVITY_OPTIONS = dict(
    start_to_close_timeout=timedelta(minutes=10), retry_policy=DEFAULT_RETRY_POLICY
)


def chunk(_ENV, *varargs):  # jobs_workflow.lua
    funcs = first(_ENV["require"]("funcs"))

    async def main(input=None, *_):  # jobs_workflow.lua:5
        results = Table()
        job_ch = first(await acall(index(_ENV["process"], "listen"), "add_job"))
        exit_ch = first(await acall(index(_ENV["process"], "listen"), "exit"))
        while True:
            result = await channel.select(
                Table.of(
                    (
                        first(await ainvoke(job_ch, "case_receive")),
                        *spread(await ainvoke(exit_ch, "case_receive")),
                    )
                )
            )
            if (
                _t == exit_ch
                if type((_t := index(result, "channel"))) is type(exit_ch) is not MetaTable
                else eq(_t, exit_ch)
            ):
                break
            elif (
                _t_2 == job_ch
                if type((_t_2 := index(result, "channel"))) is type(job_ch) is not MetaTable
                else eq(_t_2, job_ch)
            ):
                job_data = index(result, "value")
                activity_result_, err = await activity_result(
                    workflow.execute_activity(
                        "counter:echo_activity",
                        args=[Table(job_id=index(job_data, "id"), data=job_data)],
                        **ACTIVITY_OPTIONS,
                    )
                )
                lua.table.insert(
                    results,
                    Table(
                        job_id=index(job_data, "id"),
                        result=activity_result_,
                        error=lua.tostring(err) if truthy(err) else err,
                    ),
                )
        return Table(total_jobs=length(results), results=results)

    return Table(main=main)


__lua__ = LuaSource(
    "jobs_workflow.lua",
    "27:1,30:5,31:6,32:7,33:8,34:10,35:11,38:12,39:11,43:24,44:16,47:24,48:17,49:24,50:18,53:24,54:19,55:20,58:22,59:20,62:24,65:25,66:26,67:27,68:24,70:32,72:35",
    "activity_result_=activity_result",
)
