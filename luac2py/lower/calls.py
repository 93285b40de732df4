"""Calls and value counts.

Calling convention (README "Calling convention"): a Lua function is a Python
callable taking positional arguments; it returns one value plainly and zero or
several values as a tuple. So a call used for one value is ``first(f(x))``
unless the callee is known to return exactly one value; a call in a multi-value
position (last argument, last table item, ``return f()``) passes through
``spread``/``adjust`` or, for ``return``, untouched.
"""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from ..dialect import TYPE_VALUE
from ..resolve import own_statements
from . import pyast as P

# Standard functions that always return exactly one value.
SINGLE_BASE = {
    "tostring",
    "tonumber",
    "type",
    "rawget",
    "rawequal",
    "rawlen",
    "rawset",
    "setmetatable",
    "getmetatable",
}
SINGLE_LIB = {
    "string": {"format", "rep", "sub", "upper", "lower", "len", "reverse", "char", "gmatch", "packsize"},
    "table": {"concat", "pack", "remove"},
    "math": {
        "floor",
        "ceil",
        "abs",
        "max",
        "min",
        "sqrt",
        "exp",
        "log",
        "sin",
        "cos",
        "tan",
        "asin",
        "acos",
        "atan",
        "tointeger",
        "type",
        "ult",
        "fmod",
        "random",
        "pow",
        "log10",
    },
    "utf8": {"char", "offset"},
    "os": {"time", "clock", "date", "getenv", "difftime"},
}

# Standard functions that neither call Lua functions nor write variables or tables
# (metamethods such as __tostring aside).
PURE_BASE = {"tostring", "tonumber", "type", "rawget", "rawequal", "rawlen", "select", "getmetatable", "next"}
PURE_LIB = {
    "string": {"format", "rep", "sub", "upper", "lower", "len", "reverse", "char", "byte", "find", "match"},
    "table": {"concat", "pack", "unpack"},
    "math": SINGLE_LIB["math"] - {"random"},
    "utf8": {"char", "len", "offset", "codepoint"},
}


def is_multi(cx, e) -> bool:
    """Whether ``e`` may produce other than one value (a call or ``...``)."""
    if getattr(e, "wrapped", False):
        return False
    if isinstance(e, (lua.Dots, lua.Varargs)):
        return True
    if isinstance(e, (lua.Call, lua.Invoke)):
        return not returns_single(cx, e)
    return False


def multi(cx, e) -> ast.expr:
    """``e`` as a tuple of all its values (to spread with ``*``)."""
    if isinstance(e, (lua.Dots, lua.Varargs)):
        return P.name("varargs")
    return cx.helper_call("spread", call_raw(cx, e))


def returns_single(cx, e) -> bool:
    if isinstance(e, lua.Invoke):
        return False
    f = e.func
    if isinstance(f, lua.Name):
        if f.var is None:
            if f.id == TYPE_VALUE:
                return True
            return (f.id in SINGLE_BASE and cx.static_global(f.id) is not None) or is_select_count(cx, e)
        return local_return_count(cx, e) == 1
    if classes.sealed_callee(cx, f) is not None:
        return local_return_count(cx, e) == 1
    mod = wippy.module_function(cx, e)
    if mod is None and isinstance(f, lua.Index) and isinstance(f.value, lua.Name) and f.value.var is None:
        if f.notation == lua.IndexNotation.DOT:
            names = SINGLE_LIB.get(f.value.id, ())
            return f.idx.id in names and cx.static_library_field(f.value.id, f.idx.id) is not None
    if mod is not None:
        return wippy.module_returns_single(cx, *mod)
    return False


def local_return_count(cx, e) -> int | None:
    """How many values a call of a never-reassigned local function (or local
    holding a known closure) gives, if always the same (analyse._return_count):
    one is a bare value, more a tuple."""
    f = getattr(e, "func", None)
    if not isinstance(e, lua.Call):
        return None
    method = classes.sealed_callee(cx, f)
    if method is not None:
        return method.function_scope.return_count  # `C.k(...)` of a sealed class (classes.py)
    if not isinstance(f, lua.Name) or f.var is None:
        return None
    v = f.var
    if v.assigned:
        return None
    scope = getattr(v, "function_scope", None)
    if v.is_function and scope is not None:
        return scope.return_count
    return v.call_returns  # a closure's (find_closure_results)


def find_single_results(cx, root) -> None:
    """Refine ``FuncScope.return_count`` (analyse._return_count) where a
    return ends in a call that gives one value (``return setmetatable(o,
    mt)``, ``return C.new(x)``): that call counts as one value. Repeated
    until no count changes, as counts feed each other."""
    from ..analyse import all_scopes

    pending = [s for s in all_scopes(root) if s.return_count is None and s is not root]
    changed = True
    while changed:
        changed = False
        for scope in pending:
            if scope.return_count is None:
                scope.return_count = _single_result_count(cx, scope.node)
                changed = changed or scope.return_count is not None


def _single_result_count(cx, node) -> int | None:
    tail = [s for s in node.body.body if not isinstance(s, (lua.SemiColon, lua.Label))]
    if not tail or not isinstance(tail[-1], lua.Return):
        return None
    counts = set()
    for r in own_statements(node.body):
        if isinstance(r, lua.Return):
            values = r.values or []
            if not values or is_multi(cx, values[-1]):
                return None
            counts.add(len(values))
    return counts.pop() if len(counts) == 1 else None


def is_select_count(cx, e) -> bool:
    """``select("#", ...)`` of the standard ``select``: one integer."""
    f, args = e.func, e.args
    return (
        isinstance(f, lua.Name)
        and f.var is None
        and f.id == "select"
        and bool(args)
        and isinstance(args[0], lua.String)
        and args[0].value == "#"
        and cx.static_global("select") is not None
    )


def may_call_lua(cx, e) -> bool:
    """Whether evaluating ``e`` may run code that writes variables or tables:
    a call, unless of a pure standard function."""
    t = type(e)
    if t is lua.Call or t is lua.Invoke:
        if not _pure_call(cx, e):
            return True
        return any(may_call_lua(cx, a) for a in e.args)
    if t is lua.Index:
        return may_call_lua(cx, e.value) or may_call_lua(cx, e.idx)
    if t is lua.Table:
        return any(may_call_lua(cx, f.key) or may_call_lua(cx, f.value) for f in e.fields)
    if isinstance(e, lua.BinaryOp):
        return may_call_lua(cx, e.left) or may_call_lua(cx, e.right)
    if isinstance(e, lua.UnaryOp):
        return may_call_lua(cx, e.operand)
    return False


def _pure_call(cx, e) -> bool:
    if isinstance(e, lua.Invoke):
        return False
    f = e.func
    if isinstance(f, lua.Name) and f.var is None:
        return f.id in PURE_BASE and cx.static_global(f.id) is not None
    if isinstance(f, lua.Index) and isinstance(f.value, lua.Name) and f.value.var is None:
        if f.notation == lua.IndexNotation.DOT and f.idx.id in PURE_LIB.get(f.value.id, ()):
            return cx.static_library_field(f.value.id, f.idx.id) is not None
    return False


def arglist(cx, args) -> list[ast.expr]:
    out = []
    for i, a in enumerate(args):
        if i == len(args) - 1 and is_multi(cx, a):
            out.append(ast.Starred(multi(cx, a), ast.Load()))
        else:
            out.append(expressions.expr(cx, a))
    return out


def values_list(cx, values) -> list[ast.expr]:
    return arglist(cx, values)


# --- calls -------------------------------------------------------------------
def _call_expr(cx, e):
    if isinstance(e, lua.Invoke):
        direct = classes.sealed_invoke(cx, e, single=True)
        if direct is not None:
            return direct
    raw = call_raw(cx, e)
    if returns_single(cx, e):
        return raw
    return cx.helper_call("first", raw)


def call_raw(cx, e) -> ast.expr:
    """The Python call, returning per the calling convention."""
    if isinstance(e, lua.Invoke):
        return classes.sealed_invoke(cx, e, single=False) or invoke_raw(cx, e)
    special = wippy.module_call(cx, e)
    if special is not None:
        return special
    f = e.func
    if isinstance(f, lua.Name) and f.var is None:
        if f.id == TYPE_VALUE:
            return typedecl.type_value(cx, e)
        special = builtin_call(cx, f.id, e)
        if special is not None:
            return special
    args = arglist(cx, e.args)
    method = classes.sealed_callee(cx, f)
    if method is not None:
        call = P.call(P.name(method.py), *args)  # `C.k(...)`: the def itself (classes.py)
        return P.await_(call) if method.function_scope.is_async else call
    callee = expressions.expr(cx, f)
    if isinstance(callee, ast.Constant):
        return cx.helper_call("call", callee, *args)  # `(nil)()`: an error at run time
    if is_standard_function(cx, f):
        order = sort_fields(cx, f, e.args)
        if order is not None:
            # table.sort(t, function(a, b) <compare fields> end): sort_by_fields
            # sorts by key when that gives the same order (ltable.py).
            return P.call(P.attr(P.attr("lua", "table"), "sort_by_fields"), *args, P.const(order))
        return P.call(callee, *args)  # lua.print(...), lua.string.format(...): never suspend
    if isinstance(f, lua.Name) and f.var is not None and f.var.is_function and not f.var.assigned:
        scope = getattr(f.var, "function_scope", None)
        itself = expressions.type_facts(cx).self_call
        if itself is not None and f.var is itself.var and expressions.static_type(cx, e) is not None:
            callee = P.name(itself.name)  # integer arguments, in the integer body: itself (specialise.py)
        call = P.call(callee, *args)
        if scope is not None and scope.is_async:
            return P.await_(call)
        return call
    if cx.in_async():
        return P.await_(cx.helper_call("acall", callee, *args))
    return P.call(callee, *args)


def is_standard_function(cx, f) -> bool:
    """A statically bound standard function (not pcall/xpcall, lowered apart)."""
    if isinstance(f, lua.Name) and f.var is None:
        return f.id not in ("pcall", "xpcall") and cx.static_global(f.id) is not None
    if isinstance(f, lua.Index) and isinstance(f.value, lua.Name) and f.value.var is None:
        return f.notation == lua.IndexNotation.DOT and cx.static_library_field(f.value.id, f.idx.id) is not None
    return False


def sort_fields(cx, f, args) -> tuple | None:
    """For ``table.sort(t, cmp)`` whose comparator compares fields of its
    two arguments lexicographically (``if a.f ~= b.f then return a.f > b.f
    end ... return a.g < b.g``): the ((field, descending), ...) it orders by."""
    if not (_names_field(f, "table", "sort") and len(args) == 2):
        return None
    comparator = args[1]
    if isinstance(comparator, lua.Name):
        v = comparator.var
        scope = getattr(v, "function_scope", None) if v is not None else None
        if scope is None or not v.is_function or v.assigned:
            return None
        comparator = scope.node
    if not isinstance(comparator, (lua.AnonymousFunction, lua.LocalFunction)):
        return None
    return _field_order(comparator)


def invoke_raw(cx, e) -> ast.expr:
    obj = expressions.expr(cx, e.source)
    method = e.func.id
    args = arglist(cx, e.args)
    # Even on a string, `s:f(...)` stays a method call: Lua's argument errors
    # do not count `self` (invoke lets the runtime see that).
    if cx.in_async():
        return P.await_(cx.helper_call("ainvoke", obj, P.const(method), *args))
    # `method(o, "m")(o, x)`: the lookup, then a plain call (Lua's order).
    first, again = expressions.bind_operand(cx, obj)
    return P.call(cx.helper_call("method", first, P.const(method)), again, *args)


def builtin_call(cx, ident: str, e):
    """Calls to standard globals that lower to something better than a call."""
    if cx.static_global(ident) is None:
        return None
    args = e.args
    if ident == "select" and args and isinstance(args[0], lua.String) and args[0].value == "#":
        if len(args) == 2 and isinstance(args[1], (lua.Dots, lua.Varargs)):
            return P.call("len", P.name("varargs"))
    if ident == "setmetatable" and len(args) == 2 and type(args[0]) is lua.Table and not is_multi(cx, args[1]):
        return new_object(cx, args[0], args[1])
    if ident == "string" and args:
        # Wippy's cast: the string library doubles as the type `string`.
        cx.use_import("luac2py.runtime", "luatypes")
        return P.call(P.attr("luatypes", "STRING"), *arglist(cx, args))
    if ident in ("pcall", "xpcall") and cx.in_async():
        fn = P.attr("lua", "apcall" if ident == "pcall" else "axpcall")
        return P.await_(P.call(fn, *arglist(cx, args)))
    return None


def new_object(cx, constructor, meta) -> ast.expr:
    """``setmetatable({...}, mt)``: ``lua.new_object(table, mt, nils)``, where
    ``nils`` tests the constructor's values that may be nil, re-read after
    the call's arguments are evaluated: when they are locals and ``mt`` is
    a local (no code runs in between), else True (the runtime looks)."""
    maybe_nil = [f.value for f in constructor.fields if expressions.static_type(cx, f.value) not in ("bool", *TRUTHY)]
    if not maybe_nil:
        nils = P.const(False)
    elif _is_local(meta) and all(_is_local(v) for v in maybe_nil):
        once = list({v.var: v for v in maybe_nil}.values())  # (`{x, x = x}` tests x once)
        nils = P.any_of([ast.Compare(expressions.expr(cx, v), [ast.Is()], [P.const(None)]) for v in once])
    else:
        nils = P.const(True)
    table = expressions.expr(cx, constructor)
    if isinstance(table, ast.Call) and isinstance(table.func, ast.Name) and table.func.id == "Table":
        table.func = P.name("MetaTable")  # `Table(x=x)` made an object at once: no class switch
    return P.call(P.attr("lua", "new_object"), table, expressions.expr(cx, meta), nils)


def _call_stmt(cx, e) -> ast.stmt:
    f, args = getattr(e, "func", None), e.args
    if (
        isinstance(e, lua.Call)
        and len(args) == 2
        and expressions.is_plain_table(cx, args[0])
        and not is_multi(cx, args[1])
        and _names_field(f, "table", "insert")
        and is_standard_function(cx, f)
    ):
        # table.insert(t, v) on a table that never has a metatable: t[#t + 1] = v.
        return P.expr_stmt(P.call(P.attr(expressions.expr(cx, args[0]), "append"), expressions.expr(cx, args[1])))
    if isinstance(e, lua.Invoke):
        direct = classes.sealed_invoke(cx, e, single=False)
        if direct is not None:
            return _as_if_statement(direct)
    return P.expr_stmt(call_raw(cx, e))


def _as_if_statement(e: ast.expr) -> ast.stmt:
    """``a if t else b`` as a statement: ``if t: a`` / ``else: b``."""
    if isinstance(e, ast.IfExp):
        return ast.If(e.test, [P.expr_stmt(e.body)], [_as_if_statement(e.orelse)])
    return P.expr_stmt(e)


def _is_local(e) -> bool:
    return type(e) is lua.Name and e.var is not None


def _names_field(f, table: str, name: str) -> bool:
    """``f`` is written ``table.name`` (the standard one if ``table`` is a global)."""
    return (
        isinstance(f, lua.Index)
        and isinstance(f.value, lua.Name)
        and f.value.id == table
        and f.notation == lua.IndexNotation.DOT
        and f.idx.id == name
    )


def _field_order(fn) -> tuple | None:
    """((field, descending), ...) when ``fn``'s body is exactly a chain of
    ``if a.f ~= b.f then return a.f < b.f end`` (or ``>``) ending in
    ``return a.g < b.g``, with ``a`` and ``b`` its two parameters."""
    params = fn.args
    if len(params) != 2 or not all(isinstance(p, lua.Name) and getattr(p, "var", None) for p in params):
        return None
    a, b = (p.var for p in params)
    if a.assigned or b.assigned:
        return None

    def field(e, var):
        if (
            isinstance(e, lua.Index)
            and e.notation == lua.IndexNotation.DOT
            and isinstance(e.value, lua.Name)
            and getattr(e.value, "var", None) is var
        ):
            return e.idx.id
        return None

    def comparison(e):
        """(field, descending) of ``a.f < b.f``, ``a.f > b.f``, ``b.f < a.f``..."""
        if not isinstance(e, (lua.LessThanOp, lua.GreaterThanOp)):
            return None
        descending = isinstance(e, lua.GreaterThanOp)
        name = field(e.left, a)
        if name is None:
            name, descending = field(e.left, b), not descending
            if name is None or field(e.right, a) != name:
                return None
        elif field(e.right, b) != name:
            return None
        return name, descending

    stmts = [s for s in fn.body.body if not isinstance(s, lua.SemiColon)]
    if not stmts:
        return None
    order = []
    for s in stmts[:-1]:
        if not isinstance(s, lua.If) or s.orelse is not None or not isinstance(s.test, lua.NotEqToOp):
            return None
        body = [x for x in s.body.body if not isinstance(x, lua.SemiColon)]
        if len(body) != 1 or not isinstance(body[0], lua.Return) or len(body[0].values or []) != 1:
            return None
        key = comparison(body[0].values[0])
        test = s.test
        if key is None or not (
            field(test.left, a) == field(test.right, b) == key[0]
            or field(test.left, b) == field(test.right, a) == key[0]
        ):
            return None
        order.append(key)
    last = stmts[-1]
    if not isinstance(last, lua.Return) or len(last.values or []) != 1:
        return None
    key = comparison(last.values[0])
    if key is None:
        return None
    order.append(key)
    return tuple(order)


def find_closure_results(chunk, sources) -> None:
    """``Var.call_returns = N`` for a local that always holds a closure whose
    calls give N values: never reassigned, and bound by ``local f = function``
    or by the call of a local function whose every return gives, in that
    place, a function literal that returns N values
    (``local inc, get = make_counter(0)``)."""
    for node in nodes(chunk):
        if type(node) is not lua.LocalAssign or len(node.values or []) != 1:
            continue
        value = node.values[0]
        for i, target in enumerate(node.targets):
            v = getattr(target, "var", None)
            if v is None or v.assigned or v not in sources:
                continue
            literals = [value] if i == 0 and type(value) is lua.AnonymousFunction else _returned_literals(value, i)
            counts = {getattr(getattr(f, "scope", None), "return_count", None) for f in literals}
            if literals and len(counts) == 1 and None not in counts:
                v.call_returns = counts.pop()


def _returned_literals(call, i: int) -> list:
    """The function literals a call of a local function gives as its value
    number i, or [] unless every return gives one there."""
    f = getattr(call, "func", None)
    if type(call) is not lua.Call or type(f) is not lua.Name or f.var is None:
        return []
    v = f.var
    scope = getattr(v, "function_scope", None)
    if not v.is_function or v.assigned or scope is None or scope.return_count is None or i >= scope.return_count:
        return []
    literals = []
    for r in own_statements(scope.node.body):
        if type(r) is lua.Return:
            value = r.values[i]
            if type(value) is not lua.AnonymousFunction:
                return []
            literals.append(value)
    return literals


# The other areas of this pass, imported last: they import this module too.
from . import classes, expressions, typedecl, wippy  # noqa: E402
from .expressions import TRUTHY  # noqa: E402
from .types import nodes  # noqa: E402
