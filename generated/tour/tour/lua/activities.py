"""activities.lua as activity code (compiled by luac2py; edit the Lua, not this file)."""

from luac2py.runtime import LuaSource, Table, first, index, length, method, spread


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
            _t_2
            if (_t_2 := (_t if type((_t := ctx.get("signing_key"))) is not tuple else first(_t)))
            is not None
            and _t_2 is not False
            else "tour-demo-key"
        )
        digest = (
            _t_4
            if type(
                (
                    _t_4 := (
                        _t_3["sha256"]
                        if type((_t_3 := index(crypto, "hmac"))) is not str
                        else index(_t_3, "sha256")
                    )(key, payload)
                )
            )
            is not tuple
            else first(_t_4)
        )
        return Table(
            hmac=digest,
            sha256=_t_5 if type((_t_5 := hash.sha256(payload))) is not tuple else first(_t_5),
            fields=_t_6 if type((_t_6 := json.decode(payload))) is not tuple else first(_t_6),
        )

    def fetch(url=None, *_):  # activities.lua:21
        if url is None or url is False:
            return (
                None,
                *spread(
                    (
                        _t_2["new"]
                        if type((_t_2 := _ENV["errors"])) is not str
                        else index(_t_2, "new")
                    )(
                        Table(
                            kind=(
                                _t["INVALID"]
                                if type((_t := _ENV["errors"])) is not str
                                else index(_t, "INVALID")
                            ),
                            message="no status URL",
                            retryable=False,
                        )
                    )
                ),
            )
        resp, err = http.get(url, Table(timeout="3s", headers=Table(Accept="text/plain")))
        if err is not None and err is not False:
            return (None, err)
        return Table(
            status=resp["status_code"] if type(resp) is not str else index(resp, "status_code"),
            size=length(resp["body"] if type(resp) is not str else index(resp, "body")),
            purpose=_t_3 if type((_t_3 := ctx.get("purpose"))) is not tuple else first(_t_3),
        )

    def stamp(request_id=None, *_):  # activities.lua:30
        ok = _t if type((_t := uuid.validate(request_id))) is not tuple else first(_t)
        return Table(
            valid=ok,
            at=(
                _t_3
                if type((_t_3 := method((_t_2 := time.now()), "format_rfc3339")(_t_2))) is not tuple
                else first(_t_3)
            )
            != "",
        )

    return Table(sign=sign, fetch=fetch, stamp=stamp)


__lua__ = LuaSource(
    "activities.lua",
    "6:1,7:2,8:3,9:4,10:5,11:6,12:7,13:8,14:9,16:12,17:13,18:14,20:15,27:16,41:17,47:21,48:22,49:23,69:25,70:26,72:27,78:30,79:31,80:32,90:35",
)
