"""Local arrays: a table local that lower/types.py proved is made by ``{}``,
never leaves its function and is only indexed with integers (``Var.local_array``)
lives in a Python list (runtime ``IntArray``): ``t[k]`` is ``t[k]`` when
0 < k < len(t), and the keys outside go to ``t.far``. A sieve's stores are list
stores instead of dict inserts."""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from . import pyast as P
from .types import nodes


def is_local_array(e) -> bool:
    return type(e) is lua.Name and getattr(e.var, "local_array", False)


class ArraysMixin:
    def array_read(self, e) -> ast.expr:
        """``t[k]``: the list item inside the list, else ``t.far.get(k)``."""
        t = self.expr(e.value)
        first, key = self.bind_operand(self.expr(e.idx))
        test = self._inside(t, first, e.idx)
        return ast.IfExp(test, P.subscript(t, key), P.call(P.attr(P.attr(t, "far"), "get"), key))

    def array_store(self, s) -> list[ast.stmt]:
        """``t[k] = v``: a list store inside the list, else ``t.put(k, v)``.
        A key expression is evaluated before ``v``; a variable is read after
        it, as Lua reads its register (``a[i] = f()`` where f changes i)."""
        target = s.targets[0]
        t = self.expr(target.value)
        out: list[ast.stmt] = []
        key = self.expr(target.idx)
        value = self.adjusted_values(s.values, 1)[0]
        if not P.is_simple(key):
            tmp = self.temp()
            out.append(P.assign(P.name(tmp, store=True), key))
            key = P.name(tmp)
        if not P.is_simple(value):
            tmp = self.temp()
            out.append(P.assign(P.name(tmp, store=True), value))
            value = P.name(tmp)
        inside = [P.assign(P.subscript(t, key, store=True), value)]
        outside = [P.expr_stmt(P.call(P.attr(t, "put"), key, value))]
        out.append(ast.If(self._inside(t, key, target.idx), inside, outside))
        return out

    def _inside(self, t: ast.expr, key: ast.expr, lua_key) -> ast.expr:
        size = P.call("len", t)
        r = self.int_range(lua_key)
        if r is not None and r[0] >= 1:
            return ast.Compare(key, [ast.Lt()], [size])
        return ast.Compare(P.const(0), [ast.Lt(), ast.Lt()], [key, size])


def find_local_arrays(lowerer, chunk, sources) -> None:
    """``Var.local_array`` for a plain table local made by ``{}`` whose every
    use is ``t[k]`` with an integer ``k``, read, or stored by a one-target
    assignment: kept in a list (ArraysMixin)."""
    candidates = {
        v for v, srcs in sources.items()
        if getattr(v, "plain_table", False) and not v.boxed and type(srcs[0]) is lua.Table and not srcs[0].fields
    }
    if not candidates:
        return
    declared = set()  # ids of the Name nodes that declare a candidate
    fine = set()  # ids of Name nodes used as an array
    multi = set()  # ids of Name nodes stored into by a multiple assignment
    names = []
    for node in nodes(chunk):
        t = type(node)
        if t is lua.Name and getattr(node, "var", None) in candidates:
            names.append(node)
        elif t is lua.LocalAssign:
            for target in node.targets:
                declared.add(id(target))
        elif t is lua.Index and type(node.value) is lua.Name and node.value.var in candidates:
            if node.notation != lua.IndexNotation.DOT and lowerer.static_type(node.idx) == "int":
                fine.add(id(node.value))
        elif t is lua.Assign and (len(node.targets) != 1 or len(node.values) != 1):
            for target in node.targets:
                if type(target) is lua.Index and type(target.value) is lua.Name:
                    multi.add(id(target.value))
    bad = {n.var for n in names if id(n) not in declared and (id(n) not in fine or id(n) in multi)}
    for v in candidates - bad:
        v.local_array = True
