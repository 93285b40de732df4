"""activities.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, acall, ainvoke, first, index, length, spread


def chunk(_ENV, *varargs):  # activities.lua
    hash = first(_ENV["require"]("hash"))
    crypto = first(_ENV["require"]("crypto"))
    uuid = first(_ENV["require"]("uuid"))
    json = first(_ENV["require"]("json"))
    base64 = first(_ENV["require"]("base64"))
    time = first(_ENV["require"]("time"))
    ctx = first(_ENV["require"]("ctx"))
    http = first(_ENV["require"]("http_client"))

    async def sign(encoded=None, *_):  # activities.lua:12
        payload, err = base64.decode(encoded)
        if err is not None and err is not False:
            return (None, err)
        key = (
            _t
            if (_t := first(ctx.get("signing_key"))) is not None and _t is not False
            else "tour-demo-key"
        )
        digest = first(
            await acall(
                (
                    _t_2["sha256"]
                    if type((_t_2 := index(crypto, "hmac"))) is not str
                    else index(_t_2, "sha256")
                ),
                key,
                payload,
            )
        )
        return Table(
            hmac=digest, sha256=first(hash.sha256(payload)), fields=first(json.decode(payload))
        )

    async def fetch(url=None, *_):  # activities.lua:21
        if url is None or url is False:
            return (
                None,
                *spread(
                    await acall(
                        (
                            _t_2["new"]
                            if type((_t_2 := _ENV["errors"])) is not str
                            else index(_t_2, "new")
                        ),
                        Table(
                            kind=(
                                _t["INVALID"]
                                if type((_t := _ENV["errors"])) is not str
                                else index(_t, "INVALID")
                            ),
                            message="no status URL",
                            retryable=False,
                        ),
                    )
                ),
            )
        resp, err = http.get(url, Table(timeout="3s", headers=Table(Accept="text/plain")))
        if err is not None and err is not False:
            return (None, err)
        return Table(
            status=resp["status_code"] if type(resp) is not str else index(resp, "status_code"),
            size=length(resp["body"] if type(resp) is not str else index(resp, "body")),
            purpose=first(ctx.get("purpose")),
        )

    async def stamp(request_id=None, *_):  # activities.lua:30
        ok = first(uuid.validate(request_id))
        return Table(valid=ok, at=first(await ainvoke(time.now(), "format_rfc3339")) != "")

    return Table(sign=sign, fetch=fetch, stamp=stamp)


__lua__ = LuaSource(
    "activities.lua",
    "6:1,7:2,8:3,9:4,10:5,11:6,12:7,13:8,14:9,16:12,17:13,18:14,20:15,25:16,36:17,40:21,41:22,42:23,63:25,64:26,66:27,72:30,73:31,74:32,76:35",
)
