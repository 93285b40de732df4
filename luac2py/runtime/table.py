"""Lua tables.

A table is a ``dict`` subclass, of one of two classes: ``Table`` while it has
no metatable, ``MetaTable`` once it has one (``setmetatable`` switches the
instance's class). Reads ``t[k]`` run at C speed on both and fall back to
``__missing__`` only on a miss. Subscript stores are dict stores on both (raw);
``MetaTable.set`` applies ``__newindex`` to absent keys, and generated code
stores into a MetaTable through it (``newindex(t)[k] = v``) unless it proved
the store raw (the key present, the value not nil).
Generated code stores raw keys (``raw_key``: float keys with an integer value
become integers, nil and NaN keys are errors); "is it a table" is
``isinstance(v, Table)``, and ``type(v) is Table`` means a plain one.

Python's ``True == 1`` would make ``t[true]`` and ``t[1]`` one slot, so boolean
keys are stored as the two ``BoolKey`` sentinels and turned back on iteration.
"""

from __future__ import annotations



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


class _Layout(dict):
    """The instance layout of every table, so that ``setmetatable`` can switch
    an instance between Table and MetaTable: ``meta`` is a slot, read at the
    speed of a slot (a dict subclass's instance-dict attributes are not
    specialised by CPython), and ``__dict__`` holds ``border`` and ``walk``."""

    __slots__ = ("meta", "__dict__")


class Table(_Layout):
    """A Lua table without a metatable. ``Table()`` and ``Table(x=1, y=2)`` are
    dict constructors (C speed); ``Table.of(seq, fields)`` builds any other
    constructor. ``setmetatable`` switches an instance to ``MetaTable``, whose
    Python-level ``__missing__`` and ``set`` apply the metamethods, so a
    plain table's reads *and* writes stay dict operations.

    Stores into a plain table are dict stores: generated code passes keys
    that are already raw (``raw_key``) and may store None, which every
    reader treats as an absent key (``setmetatable`` purges them)."""

    __hash__ = object.__hash__

    meta = None  # (a MetaTable's metatable is its slot: MetaTable.meta)
    border = 0  # where the last ``#`` found a border
    walk = None  # (keys, position) of the last ``next``

    @staticmethod
    def of(seq=(), fields=None, /, **named) -> "Table":
        """``{seq..., [k] = v...}``: positional items, other keys (a dict, or a
        list of pairs) and identifier keys; nil values are left out."""
        t = Table()
        if named:
            fields = [*(fields.items() if type(fields) is dict else fields or ()), *named.items()]
        if fields:
            for k, v in fields.items() if type(fields) is dict else fields:
                if v is not None:
                    t[raw_key(k)] = v  # (a plain table's store is the dict's own)
        # Positional items are stored last, as Lua does: `{[1] = "a", "b"}[1]` is "b".
        n = 0
        for v in seq:
            n += 1
            if v is not None:
                t[n] = v
            elif fields:
                dict.pop(t, n, None)
        if n:
            t.border = n
        return t

    # Python's `==` on tables is raw equality (identity): dict keys and runtime
    # code compare so. Lua's `==` with `__eq` is ops.eq: a method here could not
    # tell `plain == meta` from `meta == plain`, as Python tries a subclass's
    # method first with the operands swapped.
    __eq__ = object.__eq__
    __ne__ = object.__ne__

    def __bool__(self):
        return True

    def __repr__(self):
        return f"<table: 0x{id(self):08x}>"

    def __missing__(self, key):
        if type(key) is bool:
            return dict.get(self, TRUE_KEY if key else FALSE_KEY)
        return None

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
        Table.set(self, key, value)  # raw even for a MetaTable

    def set(self, key, value):
        """``t[key] = value`` with Lua's rules, for a key of any type."""
        key = raw_key(key)
        if value is None:
            dict.pop(self, key, None)
        else:
            dict.__setitem__(self, key, value)

    def length(self) -> int:
        """A border, as Lua's ``#`` (without ``__len``) finds one."""
        get = dict.get
        n = self.border
        if n > 0 and get(self, n) is not None:
            while get(self, n + 1) is not None:
                n += 1
        else:
            while n > 0 and get(self, n) is None:
                n -= 1
            if n == 0:
                while get(self, n + 1) is not None:
                    n += 1
        self.border = n
        return n

    def append(self, value) -> None:
        """``t[#t + 1] = value`` for a table without metamethods."""
        n = self.border
        get = dict.get
        if get(self, n + 1) is not None or (n > 0 and get(self, n) is None):
            n = self.length()  # (else the last border still is one: the usual case)
        n += 1
        if value is not None:
            self[n] = value  # (a plain table's store is the dict's own)
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

    def fields(self) -> list:
        """The (stored key, value) pairs with a value, for runtime code."""
        return [(k, v) for k, v in dict.items(self) if v is not None]

class MetaTable(Table):
    """A Lua table with a metatable: misses go to ``__index``, stores of absent
    keys to ``__newindex``, calls to ``__call`` (ops.py); ``ops.eq`` applies ``__eq``.
    It never holds None values."""

    __slots__ = ()
    meta = _Layout.meta  # the slot, which Table's class-level None hides

    def __missing__(self, key):
        if type(key) is bool:
            v = dict.get(self, TRUE_KEY if key else FALSE_KEY)
            if v is not None:
                return v
        handler = dict.get(self.meta, "__index")
        if handler is None:
            return None
        if type(handler) is Table:
            return handler[key] if type(key) is not bool else handler.__missing__(key)
        from .ops import index_with

        return index_with(handler, self, key)

    # No ``__setitem__`` of its own: a subscript store is the dict's, raw (and
    # C speed, where generated code proved no __newindex applies).

    def set(self, key, value):
        """``t[key] = value`` with Lua's rules: ``__newindex`` for an absent key."""
        tk = type(key)
        if not (tk is str or tk is int):
            lua_value = lua_key(key)  # as __newindex must see it (2.0, not 2)
            key = raw_key(key)
        else:
            lua_value = key
        if not dict.__contains__(self, key):
            handler = dict.get(self.meta, "__newindex")
            if handler is not None:
                from .ops import newindex_with

                newindex_with(handler, self, lua_value, value)
                return
        if value is None:
            dict.pop(self, key, None)
        else:
            dict.__setitem__(self, key, value)


class newindex:
    """``newindex(t)[k] = v``: a store into MetaTable ``t`` with Lua's rules
    (``t.set``), where an assignment needs a subscript target."""

    __slots__ = ("table",)

    def __init__(self, table: MetaTable):
        self.table = table

    def __setitem__(self, key, value):
        self.table.set(key, value)


# Raw reads for generated code that has proved them right: no metamethod
# applies (``dict.get`` returns None for an absent key).
dict_get = dict.get


def drop_nils(t: Table) -> None:
    """Remove the None values a plain table may hold (a MetaTable holds none)."""
    for k in [k for k, v in dict.items(t) if v is None]:
        dict.__delitem__(t, k)


def put_meta(t: Table, mt) -> None:
    """Give table ``t`` metatable ``mt`` (a table, or None to remove it), with
    no argument checks: switches the instance's class."""
    if mt is None:
        if type(t) is MetaTable:
            del t.meta
            t.__class__ = Table
        return
    if type(t) is Table:
        if None in dict.values(t):
            drop_nils(t)
        t.__class__ = MetaTable
    t.meta = mt


# --- local arrays ------------------------------------------------------------------
# A local table the compiler proved is only read and written with integer keys
# and never leaves its function (lower/arrays.py) is a plain ``list`` (CPython's
# specialised list item loads and stores need the exact type): item k is Lua's
# ``t[k]`` for 0 < k < len(t); item 0 holds the other keys, a dict.


def new_array() -> list:
    return [{}]


def array_get(t: list, k: int):
    """``t[k]`` for k outside 0 < k < len(t)."""
    return t[0].get(k)


def array_put(t: list, k: int, value) -> None:
    """``t[k] = value`` for k outside 0 < k < len(t): a store just past the end
    grows the list (geometrically: few calls come here)."""
    n = len(t)
    far = t[0]
    if n <= k <= 2 * n + 64:
        size = max(k + 1, n + n // 2 + 16)
        t.extend([None] * (size - n))
        if far:
            for key in [key for key in far if n <= key < size]:
                t[key] = far.pop(key)
        t[k] = value
    elif value is None:
        far.pop(k, None)
    else:
        far[k] = value
