"""activities.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, first, index, invoke, length, spread


def chunk(_ENV, *varargs):  # activities.lua
    hash = first(_ENV["require"]("hash"))
    crypto = first(_ENV["require"]("crypto"))
    uuid = first(_ENV["require"]("uuid"))
    json = first(_ENV["require"]("json"))
    base64 = first(_ENV["require"]("base64"))
    time = first(_ENV["require"]("time"))
    ctx = first(_ENV["require"]("ctx"))
    http = first(_ENV["require"]("http_client"))

    def sign(encoded=None, *_):  # activities.lua:12
        payload, err = base64.decode(encoded)
        if err is not None and err is not False:
            return (None, err)
        key = (
            _t
            if (_t := first(ctx.get("signing_key"))) is not None and _t is not False
            else "tour-demo-key"
        )
        digest = first(index(crypto, "hmac")["sha256"](key, payload))
        return Table(
            hmac=digest, sha256=first(hash.sha256(payload)), fields=first(json.decode(payload))
        )

    def fetch(url=None, *_):  # activities.lua:21
        if url is None or url is False:
            return (
                None,
                *spread(
                    _ENV["errors"]["new"](
                        Table(
                            kind=_ENV["errors"]["INVALID"], message="no status URL", retryable=False
                        )
                    )
                ),
            )
        resp, err = http.get(url, Table(timeout="3s", headers=Table(Accept="text/plain")))
        if err is not None and err is not False:
            return (None, err)
        return Table(
            status=resp["status_code"], size=length(resp["body"]), purpose=first(ctx.get("purpose"))
        )

    def stamp(request_id=None, *_):  # activities.lua:30
        ok = first(uuid.validate(request_id))
        return Table(valid=ok, at=first(invoke(time.now(), "format_rfc3339")) != "")

    return Table(sign=sign, fetch=fetch, stamp=stamp)


__lua__ = LuaSource(
    "activities.lua",
    "6:1,7:2,8:3,9:4,10:5,11:6,12:7,13:8,14:9,16:12,17:13,18:14,20:15,25:16,26:17,30:21,31:22,32:23,42:25,43:26,45:27,49:30,50:31,51:32,53:35",
)
