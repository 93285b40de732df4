"""wippy/activity_http_get.lua as activity code."""

from luac2py.runtime import LuaSource, Table, first, index, length


def chunk(_ENV, *varargs):  # wippy/activity_http_get.lua
    http = first(_ENV["require"]("http_client"))

    def fetch(url=None, *_):  # wippy/activity_http_get.lua:4
        resp, err = http.get(url, Table(timeout="3s", headers=Table(Accept="text/plain")))
        if err is not None and err is not False:
            return (None, err)
        return Table(
            status=resp["status_code"] if type(resp) is not str else index(resp, "status_code"),
            size=length(resp["body"] if type(resp) is not str else index(resp, "body")),
        )

    return Table(fetch=fetch)


__lua__ = LuaSource(
    "wippy/activity_http_get.lua",
    "6:1,7:2,9:4,10:5,11:6,12:7,13:9,18:12",
)
