"""Lua coroutines (``coroutine.create/resume/yield``); see issue 3."""


class Coroutine:
    """A Lua thread value."""

    lua_name = "thread"
