"""Lua tables.

A ``Table`` is a ``dict`` subclass: reads with ``t[k]`` run at C speed and fall
back to ``__missing__`` (nil, or the ``__index`` metamethod) only on a miss.
Writes go through ``__setitem__``, which applies Lua's rules: nil deletes,
float keys with an integer value become integers, ``__newindex`` applies to
absent keys, nil and NaN keys are errors.

Python's ``True == 1`` would make ``t[true]`` and ``t[1]`` one slot, so boolean
keys are stored as the two ``BoolKey`` sentinels and turned back on iteration.
"""

from __future__ import annotations

import math


class BoolKey:
    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __repr__(self):
        return f"BoolKey({self.value})"


TRUE_KEY = BoolKey(True)
FALSE_KEY = BoolKey(False)


def raw_key(key):
    """The dict key under which a Lua key is stored; raises for nil/NaN."""
    tk = type(key)
    if tk is str or tk is int:
        return key
    if tk is float:
        if key.is_integer():
            return int(key)
        if key != key:
            raise_lua("table index is NaN")
        return key
    if tk is bool:
        return TRUE_KEY if key else FALSE_KEY
    if key is None:
        raise_lua("table index is nil")
    return key


def lua_key(key):
    """The Lua value of a stored dict key."""
    if type(key) is BoolKey:
        return key.value
    return key


def raise_lua(message):
    from .errors import LuaError

    raise LuaError.at_caller(message)


class Table(dict):
    """A Lua table. ``Table(seq, fields, **named)``: positional items, other keys
    (a dict, or a list of pairs), and identifier keys; nil values are left out."""

    __slots__ = ("meta", "border", "walk", "__weakref__")
    __hash__ = object.__hash__

    def __init__(self, seq=(), fields=None, /, **named):
        self.meta = None
        self.walk = None
        if fields:
            for k, v in fields.items() if type(fields) is dict else fields:
                if v is not None:
                    dict.__setitem__(self, raw_key(k), v)
        if named:
            for k, v in named.items():
                if v is not None:
                    dict.__setitem__(self, k, v)
        # Positional items are stored last, as Lua does: `{[1] = "a", "b"}[1]` is "b".
        n = 0
        for v in seq:
            n += 1
            if v is not None:
                dict.__setitem__(self, n, v)
            elif fields:
                dict.pop(self, n, None)
        self.border = n

    # Identity semantics, with __eq for two tables.
    def __eq__(self, other):
        if self is other:
            return True
        if type(other) is not Table:
            return False
        from .ops import eq_metamethod

        return eq_metamethod(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __bool__(self):
        return True

    def __repr__(self):
        return f"<table: 0x{id(self):08x}>"

    def __missing__(self, key):
        meta = self.meta
        if meta is None:
            if type(key) is bool:
                return dict.get(self, TRUE_KEY if key else FALSE_KEY)
            return None
        if type(key) is bool:
            v = dict.get(self, TRUE_KEY if key else FALSE_KEY)
            if v is not None:
                return v
        handler = dict.get(meta, "__index")
        if handler is None:
            return None
        if type(handler) is Table:
            return handler[key]
        from .ops import index_with

        return index_with(handler, self, key)

    def __setitem__(self, key, value):
        tk = type(key)
        if not (tk is str or tk is int):
            key = raw_key(key)
        meta = self.meta
        if meta is not None and not dict.__contains__(self, key):
            handler = dict.get(meta, "__newindex")
            if handler is not None:
                from .ops import newindex_with

                newindex_with(handler, self, lua_key(key), value)
                return
        if value is None:
            dict.pop(self, key, None)
        else:
            dict.__setitem__(self, key, value)

    def rawget(self, key):
        tk = type(key)
        if tk is bool:
            key = TRUE_KEY if key else FALSE_KEY
        elif tk is float and key.is_integer():
            key = int(key)
        return dict.get(self, key)

    def rawset(self, key, value):
        # `rawset` is a C function in Lua: its own errors carry no position.
        if key is None or (type(key) is float and key != key):
            from .errors import LuaError

            raise LuaError("table index is nil" if key is None else "table index is NaN")
        key = raw_key(key)
        if value is None:
            dict.pop(self, key, None)
        else:
            dict.__setitem__(self, key, value)

    def length(self) -> int:
        """A border, as Lua's ``#`` (without ``__len``) finds one."""
        n = self.border
        if n > 0 and dict.__contains__(self, n):
            while dict.__contains__(self, n + 1):
                n += 1
        else:
            while n > 0 and not dict.__contains__(self, n):
                n -= 1
            if n == 0:
                while dict.__contains__(self, n + 1):
                    n += 1
        self.border = n
        return n

    def append(self, value) -> None:
        """``t[#t + 1] = value`` for a table without metamethods."""
        n = self.length() + 1
        if value is not None:
            dict.__setitem__(self, n, value)
            self.border = n

    def next(self, key):
        """Lua's ``next``: ``(k, v)`` after ``key`` (nil: the first), or None at
        the end. Keys are walked from a snapshot kept on the table, so a
        traversal is O(n) and assigning nil to fields during it is allowed."""
        if key is None:
            keys = list(dict.keys(self))
            pos = 0
        else:
            rk = raw_key(key)
            cache = self.walk
            if cache is not None and cache[1] < len(cache[0]) and cache[0][cache[1]] == rk:
                keys, pos = cache[0], cache[1] + 1
            else:
                keys = list(dict.keys(self))
                try:
                    pos = keys.index(rk) + 1
                except ValueError:
                    from .errors import LuaError

                    # Raised inside the C function `next`: no position.
                    raise LuaError("invalid key to 'next'") from None
        get = dict.get
        while pos < len(keys):
            k = keys[pos]
            v = get(self, k)
            if v is not None:
                self.walk = (keys, pos)
                return lua_key(k), v
            pos += 1
        self.walk = None
        return None

    def items_snapshot(self):
        """(key, value) pairs for a generic ``for`` over ``pairs(t)``."""
        get = dict.get
        for k in list(dict.keys(self)):
            v = get(self, k)
            if v is not None:
                yield (k.value if type(k) is BoolKey else k), v


def is_float_int(x) -> bool:
    return type(x) is float and x.is_integer() and not math.isinf(x)
