"""Running a compiled script like ``lua FILE.lua``."""

from __future__ import annotations

import os
import sys
import threading

from .env import new_env
from .errors import LuaError, from_python
from .table import Table
from .values import from_text


# Lua recursion depth: Lua 5.4 allows about 200000 nested Lua calls ("stack
# overflow" beyond). Python calls between Python functions do not use the C
# stack, and the large thread stack covers those through C (metamethods).
RECURSION_LIMIT = 200_000
THREAD_STACK = 512 * 1024 * 1024


def run_script(chunk, source, concurrent: bool = False) -> None:
    """``concurrent``: the script uses Wippy's ``channel`` or
    ``coroutine.spawn``, so it is async code run on an asyncio loop, with
    those globals and the async form of ``coroutine``."""
    args = [from_text(a) for a in sys.argv[1:]]
    env = new_env(search_files=True)
    arg = Table.of((*args,), {0: from_text(sys.argv[0]), -1: "lua"})
    env["arg"] = arg
    result = {"status": 0}
    if concurrent:
        import asyncio

        from .wippy.channel import COROUTINE, channel, run_main

        dict.__setitem__(env, "channel", channel)
        dict.__setitem__(env, "coroutine", COROUTINE)
        dict.__setitem__(dict.get(dict.get(env, "package"), "loaded"), "coroutine", COROUTINE)

    def main():
        try:
            if concurrent:
                asyncio.run(run_main(chunk, env, *args))
            else:
                chunk(env, *args)
        except LuaError as e:
            result["status"] = _report(e)
        except Exception as e:  # noqa: BLE001  any failure is reported as Lua reports it
            result["status"] = _report(from_python(e))

    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK)
    thread = threading.Thread(target=main, name="lua")
    thread.start()
    thread.join()
    status = result["status"]
    sys.stdout.flush()
    sys.stdout.buffer.flush()
    # Skip interpreter teardown: nothing is left to release, and it is slow.
    os._exit(status)


def _report(err: LuaError) -> int:
    from .lib.base import tostring

    value = err.value
    if type(value) in (str, int, float):
        msg = tostring(value)
    elif isinstance(value, Table) and value.meta is not None and dict.get(value.meta, "__tostring"):
        msg = tostring(value)
    else:
        from .values import type_name

        msg = f"(error object is a {type_name(value)} value)" if value is not None else "nil"
    sys.stdout.flush()
    sys.stdout.buffer.flush()
    sys.stderr.buffer.write(f"lua: {msg}\nstack traceback:\n\t[C]: in ?\n".encode("latin-1", "replace"))
    sys.stderr.flush()
    return 1
