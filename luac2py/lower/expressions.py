"""Expressions: literals, names, indexing, operators, tables, truth tests.

Plain Python operators are emitted only where static types prove they mean
what Lua means; otherwise a runtime helper (``add``, ``lt``, ``concat``, ...).
"""

from __future__ import annotations

import ast
import keyword

from luaparser import astnodes as lua

from . import pyast as P

_ARITH_HELPERS = {
    lua.AddOp: ("add", ast.Add),
    lua.SubOp: ("sub", ast.Sub),
    lua.MultOp: ("mul", ast.Mult),
    lua.FloatDivOp: ("div", None),
    lua.FloorDivOp: ("idiv", None),
    lua.ModOp: ("mod", None),
    lua.ExpoOp: ("power", None),
    lua.BAndOp: ("band", None),
    lua.BOrOp: ("bor", None),
    lua.BXorOp: ("bxor", None),
    lua.BShiftLOp: ("shl", None),
    lua.BShiftROp: ("shr", None),
}

_ORDER = {
    lua.LessThanOp: ("lt", ast.Lt, False),
    lua.LessOrEqThanOp: ("le", ast.LtE, False),
    lua.GreaterThanOp: ("lt", ast.Gt, True),
    lua.GreaterOrEqThanOp: ("le", ast.GtE, True),
}

NUMERIC = ("int", "float", "number")
TRUTHY = ("table", "string", "int", "float", "number", "function")


def type_facts(cx):
    facts = cx.type_facts
    if facts is None:
        facts = cx.type_facts = TypeFacts(
            cx,
            lambda v: v.static_type,
            lambda v: (FULL if v.int_range is None else v.int_range) if v.static_type == "int" else None,
        )
    return facts


def static_type(cx, e):
    """The Lua type of ``e``'s value when known: int float number string bool
    nil table function, else None."""
    return type_facts(cx).type_of(e)


def int_range(cx, e):
    """(lo, hi) of an integer expression's value, or None."""
    return type_facts(cx).range_of(e)


# --- entry points -------------------------------------------------------------
def expr(cx, e) -> ast.expr:
    """``e`` as exactly one value."""
    if cx.substituted and id(e) in cx.substituted:
        return P.name(cx.substituted[id(e)])  # (evaluated already: fusion.py)
    handler = cx.expr_handlers.get(type(e))
    if handler is None:
        raise cx.internal(e, f"unsupported expression {type(e).__name__}")
    node = handler(cx, e)
    tok = getattr(e, "first_token", None)
    if tok is not None and not hasattr(node, "lua_line"):
        node.lua_line = tok.line  # errors inside multi-line statements point here
    return node


def cond(cx, e) -> ast.expr:
    """``e`` as a Python truth test with Lua's rules (only nil and false are false)."""
    t = type(e)
    if static_type(cx, e) == "bool":
        if t is lua.AndLoOp:
            return ast.BoolOp(ast.And(), [cond(cx, e.left), cond(cx, e.right)])
        if t is lua.OrLoOp:
            return ast.BoolOp(ast.Or(), [cond(cx, e.left), cond(cx, e.right)])
        return expr(cx, e)
    if t is lua.AndLoOp:
        return ast.BoolOp(ast.And(), [cond(cx, e.left), cond(cx, e.right)])
    if t is lua.OrLoOp:
        return ast.BoolOp(ast.Or(), [cond(cx, e.left), cond(cx, e.right)])
    if t is lua.ULNotOp:
        return _not(cx, e)
    if _reads_truthy_array(e):
        return expr(cx, e)
    st = static_type(cx, e)
    if st in ("table", "string", "int", "float", "number"):
        return P.const(True) if t in (lua.String, lua.Number, lua.Table) else P.not_none(expr(cx, e))
    if st == "nil":
        return P.const(False)
    return truth_test(cx, expr(cx, e))


def truth_test(cx, value: ast.expr, negate: bool = False) -> ast.expr:
    """Lua truth of a Python value, inline: ``x is not None and x is not False``
    (``(_t := t[k]) is None or _t is False`` negated); ``truthy(x)`` in
    workflow code, where reading matters more than speed."""
    if isinstance(value, ast.Constant):
        return P.const((value.value is None or value.value is False) is negate)
    if cx.role == "workflow":
        test = cx.helper_call("truthy", value)
        return ast.UnaryOp(ast.Not(), test) if negate else test
    if isinstance(value, ast.Name):
        first, again = value, value
    else:
        tmp = cx.temp()
        first, again = ast.NamedExpr(P.name(tmp, store=True), value), P.name(tmp)
    if negate:
        return ast.BoolOp(
            ast.Or(),
            [ast.Compare(first, [ast.Is()], [P.const(None)]), ast.Compare(again, [ast.Is()], [P.const(False)])],
        )
    return ast.BoolOp(
        ast.And(),
        [P.not_none(first), ast.Compare(again, [ast.IsNot()], [P.const(False)])],
    )


# --- literals and names ----------------------------------------------------------
def _nil(cx, e):
    return P.const(None)


def _true(cx, e):
    return P.const(True)


def _false(cx, e):
    return P.const(False)


def _number(cx, e):
    v = e.value
    if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
        return P.call(P.name("float"), P.const(repr(v)))
    return P.const(v)


def _string(cx, e):
    return P.const(e.value)


def _name(cx, e):
    v = e.var
    if v is None:
        env = getattr(e, "env_var", None)
        if env is not None:
            # A global inside the scope of `local _ENV = ...`.
            return P.subscript(var_load(cx, env), P.const(e.id))
        if e.id == "_ENV":
            return P.name("_ENV")
        return global_ref(cx, e.id)
    return var_load(cx, v)


def var_load(cx, v) -> ast.expr:
    if v.boxed:
        return P.attr(P.name(v.py), "v")
    return P.name(v.py)


def global_ref(cx, ident: str) -> ast.expr:
    static = cx.static_global(ident)
    if static is not None:
        return static
    return P.subscript(P.name("_ENV"), P.const(ident))


def _dots(cx, e):
    return cx.helper_call("first", P.name("varargs"))


# --- indexing ------------------------------------------------------------------
def _index(cx, e):
    if is_local_array(e.value):
        return arrays.array_read(cx, e)
    key = index_key(cx, e)
    obj = e.value
    # `string.format` and friends: the library function itself.
    if isinstance(obj, lua.Name) and obj.var is None and isinstance(key, ast.Constant):
        lib = cx.static_library_field(obj.id, key.value)
        if lib is not None:
            return lib
    mod = wippy.module_of(cx, obj)
    if mod is not None and isinstance(key, ast.Constant):
        return P.call("index", expr(cx, obj), key)
    target = expr(cx, obj)
    if isinstance(target, ast.Constant) or static_type(cx, obj) == "string":
        # A string reads the string library; other literals fail (at run time).
        return cx.helper_call("index", target, key)
    key_type = static_type(cx, e.idx)
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        key_type = "string"
    if cx.role == "workflow" and static_type(cx, obj) != "table" and not _never_string(obj):
        # Workflow code reads as Lua does; the inline fast paths below are for speed.
        return cx.helper_call("index", target, key)
    if key_type not in ("string", "int", "float", "number"):
        if not P.is_simple(key) or isinstance(key, ast.Constant):
            return cx.helper_call("index", target, key)
        # A key of any type: the subscript, but for a boolean key (Python
        # would find `true` at 1) and a string value (reads `string`).
        first, again = bind_operand(cx, target)
        test = P.type_is(key, "bool", negate=True)
        if static_type(cx, obj) != "table":
            test = ast.BoolOp(ast.And(), [P.type_is(first, "str", negate=True), test])
        elif first is not again:
            return cx.helper_call("index", target, key)
        return ast.IfExp(test, P.subscript(again, key), cx.helper_call("index", again, key))
    if static_type(cx, obj) == "table" or _never_string(obj):
        return P.subscript(target, key)
    if not P.is_simple(key):
        return cx.helper_call("index", target, key)
    # `obj.k`, `row[i]`: the value's own subscript (C speed for tables,
    # `lua_index` for userdata, a TypeError that errors.py words as Lua's
    # for the rest) unless it is a string, whose reads go to `string`.
    if not isinstance(target, ast.Name):
        tmp = cx.temp()
        checked = ast.NamedExpr(P.name(tmp, store=True), target)
        target = P.name(tmp)
    else:
        checked = target
    test = P.type_is(checked, "str", negate=True)
    return ast.IfExp(test, P.subscript(target, key), cx.helper_call("index", target, key))


def index_key(cx, e) -> ast.expr:
    if e.notation == lua.IndexNotation.DOT:
        return P.const(e.idx.id)
    return expr(cx, e.idx)


# --- operators -------------------------------------------------------------------
# Integer `+ - *` chains are computed exactly in Python and wrapped to 64 bits
# once, at the chain's root (wrap-around commutes with ring operations), and
# only when the operands' ranges allow an overflow at all. Operands of
# unknown type that are plain variables get an inline guard with the helper
# as the slow path (which names the variable in error messages).
def _arith(cx, e):
    kind = type(e)
    helper, pyop = _ARITH_HELPERS[kind]
    a, b = static_type(cx, e.left), static_type(cx, e.right)
    if pyop is not None:
        # Floats never wrap: a float operand makes the Python operator exact.
        if (a == "float" and b in NUMERIC) or (b == "float" and a in NUMERIC):
            return ast.BinOp(expr(cx, e.left), pyop(), expr(cx, e.right))
        if a == "int" and b == "int":
            return int_checked(cx, int_chain(cx, e), type_facts(cx).exact_range(e))
    if kind in (lua.ModOp, lua.FloorDivOp) and a == "int" and b == "int":
        rb = int_range(cx, e.right)
        if rb is not None and (rb[0] > 0 or rb[1] < 0):
            # A divisor that cannot be zero: Python's floored `%` and `//` are Lua's.
            exact = arith_range(kind, int_range(cx, e.left) or FULL, rb)
            node = ast.BinOp(expr(cx, e.left), ast.Mod() if kind is lua.ModOp else ast.FloorDiv(), expr(cx, e.right))
            return int_checked(cx, node, exact)
        if kind is lua.ModOp and not calls.may_call_lua(cx, e.right):
            # `i % #t`: Python's `%` unless the divisor is 0 (the helper's error).
            left = expr(cx, e.left)
            if _pure_cheap(left):
                first, divisor = bind_operand(cx, expr(cx, e.right))
                return ast.IfExp(first, ast.BinOp(left, ast.Mod(), divisor), cx.helper_call("mod", left, divisor))
    if (
        kind in (lua.ModOp, lua.FloorDivOp)
        and a in (None, "number")
        and isinstance(e.right, lua.Number)
        and type(e.right.value) is int
        and e.right.value > 0
        and not _not_int(e.left)
    ):
        # `x % 100` with x of unknown type: Python's `%` (`//`) for an integer,
        # Lua's for a positive divisor, and within 64 bits.
        first, left = bind_operand(cx, expr(cx, e.left))
        divisor = P.const(e.right.value)
        test = P.type_is(first, "int")
        op = ast.Mod() if kind is lua.ModOp else ast.FloorDiv()
        return ast.IfExp(test, ast.BinOp(left, op, divisor), cx.helper_call(helper, left, divisor))
    left, right = expr(cx, e.left), expr(cx, e.right)
    if pyop is not None:
        guarded = int_guarded(cx, kind, e, left, right, helper)
        if guarded is not None:
            return guarded
        if None in (a, b) and {a, b} <= {None, "float"}:
            # Two floats (values read from tables, say): the Python operator;
            # two integers: exact, then range-checked. With both types
            # unknown, the kind the function's numerals suggest is tried first
            # (floats in the generic body of an integer-specialised function).
            (l_test, left), (r_test, right) = bind_operand(cx, left), bind_operand(cx, right)
            slow = cx.helper_call(helper, left, right)
            if a is None and b is None and not (_not_int(e.left) or _not_int(e.right)):
                tmp = cx.temp()
                ints_first = not writes_floats(cx) and getattr(cx.scope, "int_spec", None) is None
                exact = ast.NamedExpr(P.name(tmp, store=True), ast.BinOp(left, pyop(), right))
                ints = P.all_of(
                    [
                        _same_type(l_test if ints_first else left, r_test if ints_first else right, "int"),
                        range_test(exact, True, True),
                    ]
                )
                if ints_first:
                    floats = _same_type(left, right, "float")
                    return ast.IfExp(ints, P.name(tmp), ast.IfExp(floats, ast.BinOp(left, pyop(), right), slow))
                slow = ast.IfExp(ints, P.name(tmp), slow)
            test = _same_type(l_test, r_test, "float")
            return ast.IfExp(test, ast.BinOp(left, pyop(), right), slow)
    return cx.helper_call(helper, left, right)


def writes_floats(cx) -> bool:
    """Whether the function being lowered (with its nested ones) writes a
    float numeral, ``/`` or ``^``: a hint that its values of unknown type
    are floats, which only orders the guards of its arithmetic."""
    scope = cx.scope
    known = cx.float_minded.get(id(scope))
    if known is None:
        known = any(
            (type(n) is lua.Number and type(n.value) is float) or type(n) in (lua.FloatDivOp, lua.ExpoOp)
            for n in nodes(scope.node)
        )
        cx.float_minded[id(scope)] = known
    return known


def int_chain(cx, e) -> ast.expr:
    """An integer ``+ - *`` (and unary minus) chain as exact Python arithmetic."""
    kind = type(e)
    if kind in (lua.AddOp, lua.SubOp, lua.MultOp) and static_type(cx, e) == "int":
        op = _ARITH_HELPERS[kind][1]
        return ast.BinOp(int_chain(cx, e.left), op(), int_chain(cx, e.right))
    if kind is lua.UMinusOp and static_type(cx, e) == "int":
        return ast.UnaryOp(ast.USub(), int_chain(cx, e.operand))
    return expr(cx, e)


def int_checked(cx, node: ast.expr, exact) -> ast.expr:
    """``node`` (an exact integer) wrapped to 64 bits where its range
    ``exact`` may leave them: ``_t if (_t := a + b) <= MAX else wrap(_t)``."""
    if fits(exact):
        return node
    low = exact is None or exact[0] < MININT
    high = exact is None or exact[1] > MAXINT
    tmp = cx.temp()
    target = ast.NamedExpr(P.name(tmp, store=True), node)
    test = range_test(target, low, high)
    cx.used_helpers.add("wrap")
    return ast.IfExp(test, P.name(tmp), P.call("wrap", P.name(tmp)))


def range_test(target: ast.expr, low: bool, high: bool) -> ast.expr:
    if low and high:
        # One comparison: only MININT itself fails it needlessly (the slow path is exact).
        return ast.Compare(P.call("abs", target), [ast.LtE()], [P.const(MAXINT)])
    if high:
        return ast.Compare(target, [ast.LtE()], [P.const(MAXINT)])
    return ast.Compare(target, [ast.GtE()], [P.const(MININT)])


def int_guarded(cx, kind, e, left, right, helper):
    """``k - 1`` for a variable ``k`` of unknown type: the integer operation
    behind ``type(k) is int`` (and a range check), else the helper."""
    types = (static_type(cx, e.left), static_type(cx, e.right))
    if not all(t in ("int", None) for t in types) or "int" not in types:
        return None  # guess an integer when the other operand is one
    if _not_int(e.left) or _not_int(e.right):
        return None
    if any(isinstance(x, ast.Constant) and type(x.value) is not int for x in (left, right)):
        return None
    bound = None
    if not P.is_simple(left) and types[0] is None and isinstance(right, ast.Constant):
        # `self.ops + 1`: the read once, into a temporary.
        bound, left = bind_operand(cx, left)
    elif not all(P.is_simple(x) for x in (left, right)):
        return None
    ranges = [int_range(cx, x) if t == "int" else FULL for x, t in zip((e.left, e.right), types)]
    exact = arith_range(kind, ranges[0] or FULL, ranges[1] or FULL)
    tests = [P.type_is(x, "int") for x, t in zip((bound or left, right), types) if t is None]
    op = _ARITH_HELPERS[kind][1]
    slow = cx.helper_call(helper, left, right)
    if fits(exact):
        return ast.IfExp(P.all_of(tests), ast.BinOp(left, op(), right), slow)
    tmp = cx.temp()
    target = ast.NamedExpr(P.name(tmp, store=True), ast.BinOp(left, op(), right))
    low, high = exact[0] < MININT, exact[1] > MAXINT
    tests.append(range_test(target, low, high))
    return ast.IfExp(P.all_of(tests), P.name(tmp), slow)


def bind_operand(cx, node: ast.expr):
    """(first use, later uses) of a value evaluated once: the node itself
    when simple, else ``(_t := node)`` and ``_t``."""
    if P.is_simple(node):
        return node, node
    tmp = cx.temp()
    return ast.NamedExpr(P.name(tmp, store=True), node), P.name(tmp)


def _compare_eq(cx, e, negate=False):
    left, right = e.left, e.right
    if isinstance(right, lua.Nil) or isinstance(left, lua.Nil):
        other = left if isinstance(right, lua.Nil) else right
        op = ast.IsNot() if negate else ast.Is()
        return ast.Compare(expr(cx, other), [op], [P.const(None)])
    a, b = static_type(cx, left), static_type(cx, right)
    plain = a == "string" or b == "string" or (a in NUMERIC and b in NUMERIC)
    l, r = expr(cx, left), expr(cx, right)
    if plain:
        return ast.Compare(l, [ast.NotEq() if negate else ast.Eq()], [r])
    if a is None and b is None:
        # Operands of one type other than MetaTable (no __eq): Python's `==`.
        (l_test, l), (r_test, r) = bind_operand(cx, l), bind_operand(cx, r)
        same = ast.Compare(
            P.call("type", l_test), [ast.Is(), ast.IsNot()], [P.call("type", r_test), P.name("MetaTable")]
        )
        fast = ast.Compare(l, [ast.NotEq() if negate else ast.Eq()], [r])
        slow = cx.helper_call("eq", l, r)
        return ast.IfExp(same, fast, ast.UnaryOp(ast.Not(), slow) if negate else slow)
    test = cx.helper_call("eq", l, r)
    return ast.UnaryOp(ast.Not(), test) if negate else test


def _eq(cx, e):
    return _compare_eq(cx, e)


def _ne(cx, e):
    return _compare_eq(cx, e, negate=True)


def _order(cx, e):
    helper, pyop, swapped = _ORDER[type(e)]
    a, b = static_type(cx, e.left), static_type(cx, e.right)
    l, r = expr(cx, e.left), expr(cx, e.right)
    if (a in NUMERIC and b in NUMERIC) or (a == "string" and b == "string"):
        return ast.Compare(l, [pyop()], [r])
    if swapped:
        slow = cx.helper_call("gt" if helper == "lt" else "ge", l, r)
    else:
        slow = cx.helper_call(helper, l, r)
    if P.is_simple(l) and P.is_simple(r) and (a in NUMERIC or b in NUMERIC) and None in (a, b):
        # `k < 2` for a variable `k` of unknown type: plain when it holds an integer.
        x = l if a is None else r
        if not isinstance(x, ast.Constant) and not _not_int(e.left if a is None else e.right):
            test = P.type_is(x, "int")
            return ast.IfExp(test, ast.Compare(l, [pyop()], [r]), slow)
    if a is None and b is None:
        # `a.score > b.score`: plain for two integers.
        (l_test, l), (r_test, r) = bind_operand(cx, l), bind_operand(cx, r)
        return ast.IfExp(_same_type(l_test, r_test, "int"), ast.Compare(l, [pyop()], [r]), P.call(slow.func, l, r))
    return slow


def _concat(cx, e):
    # `a .. b .. c` is right-nested; a parenthesized operand stays one part.
    parts = [e.left]
    node = e.right
    while isinstance(node, lua.Concat) and not node.wrapped:
        parts.append(node.left)
        node = node.right
    parts.append(node)
    types = [static_type(cx, p) for p in parts]
    if all(isinstance(p, lua.String) for p in parts):
        # Python would fold constants into one shared object; Lua makes a new string.
        return cx.helper_call("concat", *[expr(cx, p) for p in parts])
    if all(t == "string" for t in types):
        out = expr(cx, parts[0])
        for p in parts[1:]:
            out = ast.BinOp(out, ast.Add(), expr(cx, p))
        return out
    if all(t in ("string", "int") for t in types):
        # Integers print as Python prints them (Lua's "%d"): an f-string.
        lowered = [expr(cx, p) for p in parts]
        if _fstring_safe(parts, lowered):
            return _fstring(parts, lowered)
        return cx.helper_call("concat", *lowered)
    lowered = [expr(cx, p) for p in parts]
    if all(t in ("string", "int", None) for t in types) and all(
        t is None or _pure_cheap(v) for t, v in zip(types, lowered)
    ):
        # `w .. i` with `w` of unknown type: the f-string when it is a string
        # (the operands of unknown type are evaluated first, in order, and
        # the others cannot run code).
        tests, again = [], []
        for t, v in zip(types, lowered):
            if t is None:
                first, v = bind_operand(cx, v)
                tests.append(P.type_is(first, "str"))
            again.append(v)
        if _fstring_safe(parts, again):
            # `&`, not `and`: every operand is evaluated whatever the tests say.
            test = tests[0]
            for t in tests[1:]:
                test = ast.BinOp(test, ast.BitAnd(), t)
            return ast.IfExp(test, _fstring(parts, again), cx.helper_call("concat", *again))
    return cx.helper_call("concat", *lowered)


def _and(cx, e):
    return _logical(cx, e, is_and=True)


def _or(cx, e):
    return _logical(cx, e, is_and=False)


def _logical(cx, e, is_and):
    truthy = _constant_truth(e.left)
    if truthy is not None:
        # A constant's truth is known, as Lua's compiler folds it: `1 and x`
        # is x, `nil and f()` never calls f.
        return expr(cx, e.right if truthy == is_and else e.left)
    if static_type(cx, e.left) == "bool":
        op = ast.And() if is_and else ast.Or()
        return ast.BoolOp(op, [expr(cx, e.left), expr(cx, e.right)])
    left = expr(cx, e.left)
    right = expr(cx, e.right)
    if P.is_simple(left):
        test_target = left
        value = left
    else:
        tmp = cx.temp()
        test_target = ast.NamedExpr(P.name(tmp, store=True), left)
        value = P.name(tmp)
    test = _walrus_truth(cx, test_target) if isinstance(test_target, ast.NamedExpr) else truth_test(cx, test_target)
    if is_and:
        return ast.IfExp(test, right, value)
    return ast.IfExp(test, value, right)


def _walrus_truth(cx, target: ast.NamedExpr) -> ast.expr:
    tmp = target.target.id
    return ast.BoolOp(
        ast.And(),
        [P.not_none(target), ast.Compare(P.name(tmp), [ast.IsNot()], [P.const(False)])],
    )


def _not(cx, e):
    inner = e.operand
    if _reads_truthy_array(inner):
        return ast.UnaryOp(ast.Not(), expr(cx, inner))
    if static_type(cx, inner) not in ("bool", "nil", *TRUTHY) and type(inner) not in (
        lua.AndLoOp,
        lua.OrLoOp,
        lua.ULNotOp,
    ):
        return truth_test(cx, expr(cx, inner), negate=True)
    return ast.UnaryOp(ast.Not(), cond(cx, inner))


def _unm(cx, e):
    t = static_type(cx, e.operand)
    if t == "float":
        return ast.UnaryOp(ast.USub(), expr(cx, e.operand))
    if isinstance(e.operand, lua.Number) and e.operand.value != -(2**63):
        v = e.operand.value
        if isinstance(v, int) and v <= 2**63 - 1:
            return P.const(-v)
    if t == "int":
        return int_checked(cx, int_chain(cx, e), type_facts(cx).exact_range(e))
    return cx.helper_call("unm", expr(cx, e.operand))


def is_plain_table(cx, e) -> bool:
    """A local table that can never have a metatable (lower/types.py)."""
    v = getattr(e, "var", None) if isinstance(e, lua.Name) else None
    return v is not None and v.plain_table and not v.boxed


def stores_raw(cx, e) -> bool:
    """A local table whose stores are never caught by ``__newindex``: a plain
    table, or a sealed class (whose metatable has none, classes.py)."""
    return is_plain_table(cx, e) or (type(e) is lua.Name and e.var is not None and e.var.sealed is not None)


def _len(cx, e):
    if static_type(cx, e.operand) == "string":
        return P.call("len", expr(cx, e.operand))
    if is_plain_table(cx, e.operand):
        n = e.operand.var.fixed_length
        if n is not None:
            return P.const(n)  # a constant sequence (types._find_fixed_sequences)
        return P.call(P.attr(expr(cx, e.operand), "length"))
    return cx.helper_call("length", expr(cx, e.operand))


def _bnot(cx, e):
    return cx.helper_call("bnot", expr(cx, e.operand))


def plain_store(cx, s):
    """``t[k] = v`` into a plain table (no metatable, ever) with a key and a
    value of known types: ``t.append(v)`` for ``t[#t + 1] = v``, else a
    plain dict store; None when the general assignment is needed."""
    if len(s.targets) != 1 or len(s.values) != 1:
        return None
    target, value = s.targets[0], s.values[0]
    if not isinstance(target, lua.Index) or not is_plain_table(cx, target.value):
        return None
    known = static_type(cx, value) in ("bool", *TRUTHY) and not calls.may_call_lua(cx, value)
    if not known and not isinstance(value, (lua.Name, lua.Number, lua.String, lua.Nil, lua.TrueExpr, lua.FalseExpr)):
        return None
    key = target.idx
    table = expr(cx, target.value)
    if (
        target.notation == lua.IndexNotation.SQUARE
        and isinstance(key, lua.AddOp)
        and isinstance(key.left, lua.ULengthOP)
        and isinstance(key.left.operand, lua.Name)
        and key.left.operand.var is target.value.var
        and isinstance(key.right, lua.Number)
        and key.right.value == 1
        and type(key.right.value) is int
    ):
        return [P.expr_stmt(P.call(P.attr(table, "append"), expr(cx, value)))]
    if known and (target.notation == lua.IndexNotation.DOT or static_type(cx, key) in ("int", "string")):
        k = index_key(cx, target)
        return [P.assign(P.subscript(table, k, store=True), expr(cx, value))]
    return None


def field_store(cx, s):
    """``obj.f = v`` into a local of unknown type: only a MetaTable's absent
    key (or a nil value) goes through ``obj.set`` for ``__newindex``; any other
    store is a subscript store, raw (a plain table, an object's existing
    field) or Python's error (nil, a number). None when the general
    assignment is needed."""
    if len(s.targets) != 1 or len(s.values) != 1:
        return None
    target, value = s.targets[0], s.values[0]
    if not (isinstance(target, lua.Index) and isinstance(target.value, lua.Name)) or isinstance(value, lua.Nil):
        return None
    v = target.value.var
    if v is None or v.boxed or stores_raw(cx, target.value) or v.static_type not in (None, "table"):
        return None
    key = index_key(cx, target)
    if not (isinstance(key, ast.Constant) and type(key.value) is str):
        return None
    stored = statements.adjusted_values(cx, s.values, 1)[0]
    if cx.extra_values or isinstance(stored, ast.Starred):
        cx.extra_values = None
        return None
    out = []
    if not P.is_simple(stored):
        tmp = cx.temp()
        out.append(P.assign(P.name(tmp, store=True), stored))
        stored = P.name(tmp)
    obj = P.name(v.py)
    absent = ast.Compare(key, [ast.NotIn()], [obj])
    if static_type(cx, value) not in ("bool", *TRUTHY):
        absent = ast.BoolOp(ast.Or(), [absent, ast.Compare(stored, [ast.Is()], [P.const(None)])])
    lua_store = P.expr_stmt(P.call(P.attr(obj, "set"), key, stored))
    raw = P.assign(P.subscript(obj, key, store=True), stored)
    out.append(ast.If(P.all_of([P.type_is(obj, "MetaTable"), absent]), [lua_store], [raw]))
    return out


def field_update(cx, s, general):
    """``obj.f = obj.f + x`` (``-``, ``*``), ``x`` a local or a numeral, with
    ``obj`` a local of unknown type: when ``obj`` is a table holding ``f``
    itself and the sum is a plain number (integers, or floats in a function
    that writes floats), no metamethod applies and the read and the store
    are raw dict operations. Else ``general()``, the general assignment,
    which the test's raw read and local read cannot have changed."""
    if len(s.targets) != 1 or len(s.values) != 1:
        return None
    target, value = s.targets[0], s.values[0]
    kind = type(value)
    if kind not in (lua.AddOp, lua.SubOp, lua.MultOp) or not _same_field(target, value.left):
        return None
    v = target.value.var
    if v is None or is_plain_table(cx, target.value) or v.static_type not in (None, "table"):
        return None
    if any(x.notation != lua.IndexNotation.DOT and type(x.idx) is not lua.String for x in (target, value.left)):
        return None
    key, again = index_key(cx, target), index_key(cx, value.left)
    right = value.right
    if not (isinstance(key, ast.Constant) and type(key.value) is str and isinstance(again, ast.Constant)):
        return None
    if again.value != key.value:
        return None
    if not (type(right) is lua.Name and right.var is not None) and not (
        type(right) is lua.Number and type(right.value) is int
    ):
        return None
    general = general()
    obj, operand = expr(cx, target.value), expr(cx, right)
    old, new = cx.temp(), cx.temp()
    read = ast.NamedExpr(P.name(old, store=True), cx.helper_call("dict_get", obj, key))
    rtype = static_type(cx, right)
    op = _ARITH_HELPERS[kind][1]
    if rtype != "int" and writes_floats(cx):
        number = _same_type(read, operand, "float")
        tests = [number]
        result = ast.BinOp(P.name(old), op(), operand)
    else:
        number = P.type_is(read, "int") if rtype == "int" else _same_type(read, operand, "int")
        exact = arith_range(kind, FULL, int_range(cx, right) or FULL) if rtype == "int" else None
        computed = ast.NamedExpr(P.name(new, store=True), ast.BinOp(P.name(old), op(), operand))
        low = exact is None or exact[0] < MININT
        high = exact is None or exact[1] > MAXINT
        tests = [number, range_test(computed, low, high)]
        result = P.name(new)
    is_table = ast.BoolOp(ast.Or(), [P.type_is(obj, "MetaTable"), P.type_is(obj, "Table")])
    store = P.assign(P.subscript(obj, key, store=True), result)  # (raw on both)
    return [ast.If(P.all_of([is_table, *tests]), [store], general)]


# --- tables ----------------------------------------------------------------------
def _table(cx, e):
    seq: list[ast.expr] = []
    keys: list[ast.expr] = []
    values: list[ast.expr] = []
    fields = e.fields
    for i, f in enumerate(fields):
        if getattr(f, "key", None) is None:
            last = i == len(fields) - 1
            if last and calls.is_multi(cx, f.value):
                seq.append(ast.Starred(calls.multi(cx, f.value), ast.Load()))
            else:
                seq.append(expr(cx, f.value))
            continue
        if not f.between_brackets and isinstance(f.key, lua.Name):
            keys.append(P.const(f.key.id))
        else:
            keys.append(expr(cx, f.key))
        values.append(expr(cx, f.value))
    names = [k.value for k in keys if isinstance(k, ast.Constant) and type(k.value) is str]
    if len(names) == len(keys) and len(set(names)) == len(names) and all(_is_keyword_arg(n) for n in names):
        # All distinct identifiers: `Table(x=1, y=2)`.
        kw = [ast.keyword(k, v) for k, v in zip(names, values)]
        if seq:
            return P.call(P.attr("Table", "of"), P.tuple_(seq), keywords=kw)
        return P.call("Table", keywords=kw)
    args = [P.tuple_(seq)]
    if not all(isinstance(k, ast.Constant) and type(k.value) is not bool for k in keys) and len(keys) > 1:
        # Keys Python may merge (true and 1): pairs, not a dict literal.
        args.append(P.ast_list(P.tuple_([k, v]) for k, v in zip(keys, values)))
    elif keys:
        args.append(ast.Dict(keys, values))
    return P.call(P.attr("Table", "of"), *args)


def _function_expr(cx, e):
    v = getattr(e, "sealed_var", None)  # a sealed class's field (classes.py)
    return P.name(
        functions.function_def(cx, e, e.scope, functions.function_name_hint(cx, e), def_name=v.py if v else None)
    )


_FOLDED_ARITH = (lua.AddOp, lua.SubOp, lua.MultOp, lua.FloatDivOp, lua.ExpoOp)


def _constant_truth(e) -> bool | None:
    """The truth of a constant expression that cannot fail (literals, `and`/`or`
    of them, arithmetic on numerals that raises no error), else None."""
    t = type(e)
    if t is lua.String or t is lua.TrueExpr or _numeral(e):
        return True
    if t is lua.FalseExpr or t is lua.Nil:
        return False
    if t is lua.AndLoOp or t is lua.OrLoOp:
        left = _constant_truth(e.left)
        if left is None:
            return None
        return _constant_truth(e.right) if left == (t is lua.AndLoOp) else left
    return None


def _numeral(e) -> bool:
    """A numeral, or arithmetic on numerals that cannot raise (`2^53 + 1`)."""
    t = type(e)
    if t is lua.Number:
        return True
    if t is lua.UMinusOp:
        return _numeral(e.operand)
    return t in _FOLDED_ARITH and _numeral(e.left) and _numeral(e.right)


def _never_string(e) -> bool:
    """A table's element or a local that holds one, from a table that never
    holds strings (arrays.find_string_free_tables): nil, a table or a number."""
    if type(e) is lua.Index:
        return type(e.value) is lua.Name and e.value.var is not None and e.value.var.no_string_values
    return type(e) is lua.Name and e.var is not None and e.var.no_string


def _reads_truthy_array(e) -> bool:
    """``t[k]`` of a local array whose values are booleans, tables or
    functions (arrays.find_local_arrays): Python's truth of the item is Lua's."""
    return type(e) is lua.Index and is_local_array(e.value) and e.value.var.truthy_values


def _not_int(e) -> bool:
    """A parameter known not to hold an integer here (the general body of an
    integer-specialised function, specialise.py)."""
    return type(e) is lua.Name and e.var is not None and e.var.not_int


def _fstring_safe(parts, lowered) -> bool:
    # (Python 3.11 f-string expressions cannot hold quotes or backslashes.)
    return not any(
        isinstance(n, ast.Constant) and isinstance(n.value, str)
        for p, v in zip(parts, lowered)
        if not isinstance(p, lua.String)
        for n in ast.walk(v)
    )


def _fstring(parts, lowered) -> ast.JoinedStr:
    return ast.JoinedStr(
        [v if isinstance(p, lua.String) else ast.FormattedValue(v, -1, None) for p, v in zip(parts, lowered)]
    )


_PLAIN_NODES = (
    ast.Name,
    ast.Constant,
    ast.BinOp,
    ast.UnaryOp,
    ast.Compare,
    ast.IfExp,
    ast.NamedExpr,
    ast.operator,
    ast.unaryop,
    ast.cmpop,
    ast.expr_context,
)


def _pure_cheap(e: ast.expr) -> bool:
    """Variables, constants and the plain arithmetic the lowering emits only
    where it cannot fail (with its 64-bit ``wrap``): no code of the program runs."""
    for n in ast.walk(e):
        if isinstance(n, ast.Call):
            if not (isinstance(n.func, ast.Name) and n.func.id == "wrap"):
                return False
        elif not isinstance(n, _PLAIN_NODES):
            return False
    return True


def _same_type(left: ast.expr, right: ast.expr, name: str) -> ast.expr:
    """``type(left) is type(right) is name``."""
    return ast.Compare(P.call("type", left), [ast.Is(), ast.Is()], [P.call("type", right), P.name(name)])


def _same_field(a, b) -> bool:
    """``a`` and ``b`` both index one local."""
    return (
        type(a) is type(b) is lua.Index
        and type(a.value) is type(b.value) is lua.Name
        and a.value.var is not None
        and a.value.var is b.value.var
    )


def _is_keyword_arg(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name)


def _dispatch():
    table = {
        lua.Nil: _nil,
        lua.TrueExpr: _true,
        lua.FalseExpr: _false,
        lua.Number: _number,
        lua.String: _string,
        lua.Name: _name,
        lua.Dots: _dots,
        lua.Varargs: _dots,
        lua.Index: _index,
        lua.EqToOp: _eq,
        lua.NotEqToOp: _ne,
        lua.Concat: _concat,
        lua.AndLoOp: _and,
        lua.OrLoOp: _or,
        lua.ULNotOp: _not,
        lua.UMinusOp: _unm,
        lua.ULengthOP: _len,
        lua.UBNotOp: _bnot,
        lua.Table: _table,
        lua.AnonymousFunction: _function_expr,
    }
    for cls in _ARITH_HELPERS:
        table[cls] = _arith
    for cls in _ORDER:
        table[cls] = _order
    return table


EXPRESSION_HANDLERS = _dispatch()


# The other areas of this pass, imported last: they import this module too.
from . import arrays, calls, functions, statements, wippy  # noqa: E402
from .arrays import is_local_array  # noqa: E402
from .types import FULL, MAXINT, MININT, TypeFacts, arith_range, fits, nodes  # noqa: E402
