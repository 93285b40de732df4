"""echo.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, index


def chunk(_ENV, *varargs):  # echo.lua

    def echo(job=None, *_):  # echo.lua:2
        return Table(
            echoed=job["data"] if type(job) is not str else index(job, "data"),
            job_id=job["job_id"] if type(job) is not str else index(job, "job_id"),
        )

    return Table(echo=echo)


__lua__ = LuaSource(
    "echo.lua",
    "6:1,8:2,9:3,14:6",
)
