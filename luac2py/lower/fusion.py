"""Fused arithmetic: a statement's value that is a tree of ``+ - *`` (and
unary minus) over operands of unknown type, such as ``s + a[k] * b[k][j]`` or
``self.x * o.x + self.y * o.y``, is one Python expression behind one test
that every operand is a float (in a function that writes floats) or an
integer, instead of a test per operation. Integers are computed exactly and
range-checked once at the root: wrap-around commutes with ``+ - *``, so an
exact result inside 64 bits is Lua's. When the test fails, the general
lowering computes the value from the same operands.

Operands are evaluated in Lua's order. Those before the tree's first
operation (in evaluation order) go to temporaries first, and the general
lowering reuses them. Later ones must be numerals, locals, or fields of
locals: the test reads such a field raw (``dict_get``: no metamethod, no
error, no effect), and the general lowering reads it again as Lua would.
"""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from . import pyast as P

_OPS = {lua.AddOp: ast.Add, lua.SubOp: ast.Sub, lua.MultOp: ast.Mult}


def fused_value(cx, e) -> ast.expr | None:
    """``e`` fused, its early operands' statements added to ``cx.pre``;
    None when ``e`` is not such a tree."""
    tree, modulo = e, None
    if (
        type(e) in (lua.ModOp, lua.FloorDivOp)
        and type(e.right) is lua.Number
        and type(e.right.value) is int
        and e.right.value > 0
    ):
        tree, modulo = e.left, e  # `(a * 31 + b) % M` on integers
    if type(tree) not in _OPS or expressions.static_type(cx, e) in ("int", "float"):
        return None
    floats = modulo is None and (expressions.writes_floats(cx) or cx.scope.int_spec is not None)
    leaves = []  # (leaf, after the first operation)
    ops = 0
    numerals_only = False  # an operation on two numerals (integers in Lua, wrapping)

    def walk(n) -> bool:
        """Collects the leaves under ``n``; whether one is no numeral."""
        nonlocal ops, numerals_only
        if type(n) in _OPS:
            left, right = walk(n.left), walk(n.right)
            ops += 1
            numerals_only = numerals_only or not (left or right)
            return left or right
        if type(n) is lua.UMinusOp:
            inner = walk(n.operand)
            ops += 1
            return inner
        leaves.append((n, ops > 0))
        return type(n) is not lua.Number

    if not walk(tree) or ops < 2 or (floats and numerals_only):
        return None  # (floats: each operation needs a float operand to be Python's)
    early, checked, seen, bases, fast_of = [], [], set(), {}, {}
    for leaf, late in leaves:
        if type(leaf) is lua.Number:
            if type(leaf.value) is float and not floats:
                return None
            fast_of[id(leaf)] = expressions.expr(cx, leaf)
        elif type(leaf) is lua.Name and leaf.var is not None:
            if leaf.var not in seen and expressions.static_type(cx, leaf) != ("float" if floats else "int"):
                checked.append(expressions.expr(cx, leaf))
            seen.add(leaf.var)
            fast_of[id(leaf)] = expressions.expr(cx, leaf)
        elif not late:
            early.append(leaf)
        elif _peekable(cx, leaf):
            base = leaf.value.var
            if base not in bases:
                bases[base] = expressions.expr(cx, leaf.value)
            tmp = cx.temp()
            key = expressions.index_key(cx, leaf)
            checked.append(
                ast.NamedExpr(
                    P.name(tmp, store=True), cx.helper_call("dict_get", expressions.expr(cx, leaf.value), key)
                )
            )
            fast_of[id(leaf)] = P.name(tmp)
        else:
            return None
    # Every check is settled: now the statements, in Lua's order.
    substituted = {}
    for leaf in early:
        tmp = cx.temp()
        cx.pre.append(P.assign(P.name(tmp, store=True), expressions.expr(cx, leaf)))
        substituted[id(leaf)] = tmp
        checked.append(P.name(tmp))
        fast_of[id(leaf)] = P.name(tmp)
    general = expr_with(cx, e, substituted)
    tests = [ast.BoolOp(ast.Or(), [P.type_is(obj, "MetaTable"), P.type_is(obj, "Table")]) for obj in bases.values()]
    kind = "float" if floats else "int"
    calls = [P.call("type", x) for x in checked]
    if calls:  # (locals known to be of the kind need no test)
        tests.append(ast.Compare(calls[0], [ast.Is()] * len(calls), [*calls[1:], P.name(kind)]))
    fast = _fused(cx, tree, fast_of)
    if not floats:
        result = cx.temp()
        tests.append(expressions.range_test(ast.NamedExpr(P.name(result, store=True), fast), True, True))
        fast = P.name(result)
        if modulo is not None:
            op = ast.Mod() if type(modulo) is lua.ModOp else ast.FloorDiv()
            fast = ast.BinOp(fast, op, P.const(modulo.right.value))
    if not tests:  # (every operand known to be a float: the typed lowering's case)
        return general
    return ast.IfExp(P.all_of(tests), fast, general)


def _fused(cx, n, fast_of) -> ast.expr:
    if type(n) in _OPS:
        return ast.BinOp(_fused(cx, n.left, fast_of), _OPS[type(n)](), _fused(cx, n.right, fast_of))
    if type(n) is lua.UMinusOp:
        return ast.UnaryOp(ast.USub(), _fused(cx, n.operand, fast_of))
    return fast_of[id(n)]


def _peekable(cx, e) -> bool:
    """``x.f`` or ``x[k]`` of a local ``x`` (not kept in a list) with a key
    that is its own raw key: a string or integer numeral, or a local of
    one of those types."""
    if type(e) is not lua.Index or type(e.value) is not lua.Name or e.value.var is None:
        return False
    if is_local_array(e.value):
        return False
    if e.notation == lua.IndexNotation.DOT:
        return True
    k = e.idx
    if type(k) is lua.String or (type(k) is lua.Number and type(k.value) is int):
        return True
    return type(k) is lua.Name and k.var is not None and expressions.static_type(cx, k) in ("int", "string")


def expr_with(cx, e, substituted: dict) -> ast.expr:
    """``e`` lowered with some of its sub-expressions (by id) already in temporaries."""
    outer = cx.substituted
    cx.substituted = {**outer, **substituted}
    try:
        return expressions.expr(cx, e)
    finally:
        cx.substituted = outer


# The other areas of this pass, imported last: they import this module too.
from . import expressions  # noqa: E402
from .arrays import is_local_array  # noqa: E402
