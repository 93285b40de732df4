"""Local arrays: a table local that lower/types.py proved is made by ``{}``,
never leaves its function and is only indexed with integers (``Var.local_array``)
lives in a plain Python list (runtime ``new_array``): ``t[k]`` is the list item
when 0 < k < len(t), and the keys outside go to the dict in item 0. A sieve's
stores are list stores instead of dict inserts; a store is tried, as the list
is usually long enough (a ``try`` costs nothing in CPython 3.11 until it raises)."""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from . import pyast as P


def is_local_array(e) -> bool:
    return type(e) is lua.Name and e.var is not None and e.var.local_array


def array_read(cx, e) -> ast.expr:
    """``t[k]``: the list item inside the list, else ``array_get(t, k)``."""
    t = expressions.expr(cx, e.value)
    first, key = expressions.bind_operand(cx, expressions.expr(cx, e.idx))
    size = P.call("len", t)
    if _positive(cx, e.idx):
        test = ast.Compare(first, [ast.Lt()], [size])
    else:
        test = ast.Compare(P.const(0), [ast.Lt(), ast.Lt()], [first, size])
    return ast.IfExp(test, P.subscript(t, key), cx.helper_call("array_get", t, key))


def array_store(cx, s) -> list[ast.stmt]:
    """``t[k] = v``: a list store, or ``array_put(t, k, v)`` when k is past
    the end (IndexError) or below 1. A key expression is evaluated before
    ``v``; a variable is read after it, as Lua reads its register
    (``a[i] = f()`` where f changes i)."""
    target = s.targets[0]
    t = expressions.expr(cx, target.value)
    out: list[ast.stmt] = []
    key = expressions.expr(cx, target.idx)
    value = statements.adjusted_values(cx, s.values, 1)[0]
    if not P.is_simple(key):
        tmp = cx.temp()
        out.append(P.assign(P.name(tmp, store=True), key))
        key = P.name(tmp)
    if not P.is_simple(value):
        tmp = cx.temp()
        out.append(P.assign(P.name(tmp, store=True), value))
        value = P.name(tmp)
    put = [P.expr_stmt(cx.helper_call("array_put", t, key, value))]
    handler = ast.ExceptHandler(P.name("IndexError"), None, put)
    store = ast.Try([P.assign(P.subscript(t, key, store=True), value)], [handler], [], [])
    if _positive(cx, target.idx):
        out.append(store)
    else:
        # (a key below 1 would be a Python index from the end, or item 0)
        positive = ast.Compare(key, [ast.Gt()], [P.const(0)])
        out.append(ast.If(positive, [store], [P.expr_stmt(cx.helper_call("array_put", t, key, value))]))
    return out


def _positive(cx, lua_key) -> bool:
    if type(lua_key) is lua.Name and lua_key.var in cx.positive_vars:
        return True  # (the positive version of a loop: statements.versioned_for)
    r = expressions.int_range(cx, lua_key)
    return r is not None and r[0] >= 1


class _Uses:
    """How a chunk uses some table locals, by the id of each of their Name
    nodes: declared by ``local``, indexed (``t[k]``, read or stored), measured
    (``#t``), or the table of an assignment's target (with the value stored,
    None when a call's values spread there, and whether it is a multiple
    assignment). A Name in none of these (an argument, say) lets the table escape."""

    def __init__(self, chunk, candidates, cx):
        self.names = []
        self.declared = set()
        self.index = {}  # id -> the Index node
        self.measured = set()
        self.stored = {}  # id -> (value node or None, multiple assignment)
        for node in nodes(chunk):
            t = type(node)
            if t is lua.Name and getattr(node, "var", None) in candidates:
                self.names.append(node)
            elif t is lua.LocalAssign:
                self.declared.update(id(target) for target in node.targets)
            elif t is lua.Index and type(node.value) is lua.Name:
                self.index[id(node.value)] = node
            elif t is lua.ULengthOP and type(node.operand) is lua.Name:
                self.measured.add(id(node.operand))
            if t is lua.Assign:
                values = node.values or []
                multiple = len(node.targets) != 1 or len(values) != 1
                for i, target in enumerate(node.targets):
                    if type(target) is lua.Index and type(target.value) is lua.Name:
                        value = values[i] if i < len(values) else None
                        if value is not None and i == len(values) - 1 and calls.is_multi(cx, value):
                            value = None
                        self.stored[id(target.value)] = (value, multiple)

    def escaping(self, also_bad) -> set:
        """The candidates with a use other than a declaration, an index or a
        measure, or with a use for which ``also_bad(name_id)`` holds."""
        return {
            n.var
            for n in self.names
            if id(n) not in self.declared
            and ((id(n) not in self.index and id(n) not in self.measured) or also_bad(id(n)))
        }


def find_local_arrays(cx, chunk, sources) -> None:
    """``Var.local_array`` for a plain table local made by ``{}`` whose every
    use is ``t[k]`` with an integer ``k``, read, or stored by a one-target
    assignment: kept in a list (arrays.py)."""
    candidates = {
        v
        for v, srcs in sources.items()
        if v.plain_table and not v.boxed and type(srcs[0]) is lua.Table and not srcs[0].fields
    }
    if not candidates:
        return
    uses = _Uses(chunk, candidates, cx)

    def not_array(name_id) -> bool:
        e = uses.index.get(name_id)
        if e is None or e.notation == lua.IndexNotation.DOT or expressions.static_type(cx, e.idx) != "int":
            return True
        return name_id in uses.stored and uses.stored[name_id][1]

    arrays = candidates - uses.escaping(not_array)
    for v in arrays:
        v.local_array = True
    # Arrays only ever given booleans, tables or functions: Python's truth of
    # an item is Lua's (`if not seen[i]` needs no test for false).
    untruthy = {
        n.var
        for n in uses.names
        if id(n) in uses.stored
        and expressions.static_type(cx, uses.stored[id(n)][0]) not in ("bool", "nil", "table", "function")
    }
    for v in arrays - untruthy:
        v.truthy_values = True


def find_string_free_tables(cx, chunk, sources) -> None:
    """``Var.no_string_values`` for a plain table local that is only indexed and
    measured (never passed anywhere) and whose every stored value has a known
    type other than string: what ``t[k]`` reads is no string, so it needs no
    test for the string library (``m[i][j]`` is two subscripts). And
    ``Var.no_string`` for a local only ever assigned such reads (``local row = m[i]``)."""
    known = ("table", "int", "float", "number", "function", "bool")
    candidates = set()
    for v, srcs in sources.items():
        ctor = srcs[0]
        if v.plain_table and len(srcs) == 1 and type(ctor) is lua.Table:
            if all(expressions.static_type(cx, f.value) in known for f in ctor.fields):
                candidates.add(v)
    if not candidates:
        return
    uses = _Uses(chunk, candidates, cx)

    def may_store_string(name_id) -> bool:
        if name_id not in uses.stored:
            return False
        value = uses.stored[name_id][0]
        return value is None or expressions.static_type(cx, value) not in known

    tables = candidates - uses.escaping(may_store_string)
    for v in tables:
        v.no_string_values = True
    for v, srcs in sources.items():
        if srcs and all(type(s) is lua.Index and type(s.value) is lua.Name and s.value.var in tables for s in srcs):
            v.no_string = True


# The other areas of this pass, imported last: they import this module too.
from . import calls, expressions, statements  # noqa: E402
from .types import nodes  # noqa: E402
