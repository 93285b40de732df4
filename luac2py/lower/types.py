"""Local type and integer-range inference (part of pass 5, run once per chunk
before lowering it).

Facts, flow-insensitive and per local variable: the value a local holds at
any point is one of the values assigned to it somewhere (its declaration,
``=`` statements anywhere in the chunk, including nested functions, the
numeric ``for`` that declares it). So its type is the join of the types of
those values, computed as a fixpoint from "no value yet" (``isum = isum + 1``
with ``local isum = 0`` is an integer). Parameters, generic-``for`` variables
and values from calls of unknown functions are unknown.

Types form a small lattice: ``nil bool int float string table function``,
``number`` (int or float), and None (unknown). Integer locals also get a
range ``(lo, hi)`` (the loop counter of ``for i = 1, n`` is in
``[1, 2^63-1]``, ``x % 7`` is in ``[0, 6]``), widened to the whole 64-bit range
when assignments keep growing it; the lowering uses ranges to emit plain
Python arithmetic where no 64-bit wrap-around can happen, and to drop the
zero-divisor check of ``%`` and ``//``.

The parameters of a local function only ever called by its name (analyse.py)
hold what its calls pass; other parameters are unknown.

Results: ``Var.static_type`` (the lowering's existing fact),
``Var.int_range``, and ``Var.plain_table`` for a table local that can never
get a metatable (it never escapes: only indexed, measured with ``#`` or passed
to standard functions such as ``table.concat``). Locals captured by closures
are left alone when the chunk could reach ``debug.setupvalue`` (it names
``debug``, ``_G``, ``_ENV``, ``require`` or ``load``), was compiled by
``load``, or is part of an app (other chunks might).
"""

from __future__ import annotations

from luaparser import astnodes as lua

MAXINT = 2**63 - 1
MININT = -(2**63)
FULL = (MININT, MAXINT)
NUMERIC = ("int", "float", "number")
TRUTHY = ("int", "float", "number", "string", "table", "function")  # never nil or false

BOTTOM = "bottom"  # no value seen yet (fixpoint start); never escapes this module
UNKNOWN = object()  # a source of unknown type (parameter, multiple results, ...)
IPAIRS_INDEX = object()  # the first variable of `for i, v in ipairs(t)`: an integer from 1

# Library functions (of the standard, statically bound libraries) by result type.
LIB_RESULT = {
    ("string", "format"): "string",
    ("string", "rep"): "string",
    ("string", "sub"): "string",
    ("string", "upper"): "string",
    ("string", "lower"): "string",
    ("string", "reverse"): "string",
    ("string", "char"): "string",
    ("string", "len"): "int",
    ("table", "concat"): "string",
    ("math", "floor"): "number",
    ("math", "ceil"): "number",
    ("math", "abs"): "number",
    ("math", "max"): "number",
    ("math", "min"): "number",
    ("math", "fmod"): "number",
    ("math", "sqrt"): "float",
    ("math", "exp"): "float",
    ("math", "log"): "float",
    ("math", "sin"): "float",
    ("math", "cos"): "float",
    ("math", "tan"): "float",
}
BASE_RESULT = {"tostring": "string", "type": "string"}


def join(a, b):
    if a == b or b == BOTTOM:
        return a
    if a == BOTTOM:
        return b
    if a in NUMERIC and b in NUMERIC:
        return "number"
    return None


def join_range(a, b):
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]))


def fits(r) -> bool:
    return r is not None and MININT <= r[0] and r[1] <= MAXINT


def _corners(op, a, b):
    vals = [op(x, y) for x in a for y in b]
    return (min(vals), max(vals))


def arith_range(kind, a, b):
    """The exact (unwrapped) range of ``a <op> b`` for integer ranges, or None."""
    if a is None or b is None:
        return None
    if kind is lua.AddOp:
        return (a[0] + b[0], a[1] + b[1])
    if kind is lua.SubOp:
        return (a[0] - b[1], a[1] - b[0])
    if kind is lua.MultOp:
        return _corners(lambda x, y: x * y, a, b)
    if kind is lua.ModOp:
        if b[0] > 0:
            return (0, b[1] - 1) if not (a[0] >= 0 and a[1] < b[0]) else a
        if b[1] < 0:
            return (b[0] + 1, 0)
        return None
    if kind is lua.FloorDivOp:
        if b[0] > 0 or b[1] < 0:
            return _corners(lambda x, y: x // y, a, b)
        return None
    if kind is lua.BAndOp:
        if a[0] >= 0 and b[0] >= 0:
            return (0, min(a[1], b[1]))
        if a[0] >= 0:
            return (0, a[1])
        if b[0] >= 0:
            return (0, b[1])
    return None


class TypeFacts:
    """Expression types and integer ranges under a variable environment."""

    def __init__(self, cx, var_type, var_range):
        self.cx = cx
        self.var_type = var_type  # Var -> type
        self.var_range = var_range  # Var -> range or None

    # --- types ----------------------------------------------------------------
    def type_of(self, e):
        t = type(e)
        if t is lua.Number:
            return "int" if isinstance(e.value, int) else "float"
        if t is lua.String:
            return "string"
        if t in (lua.TrueExpr, lua.FalseExpr) or isinstance(e, (lua.RelOp, lua.ULNotOp)):
            return "bool"
        if t is lua.Nil:
            return "nil"
        if t is lua.Table:
            return "table"
        if t is lua.AnonymousFunction:
            return "function"
        if t is lua.Name:
            v = getattr(e, "var", None)
            return self.var_type(v) if v is not None else None
        if t is lua.Concat:
            # Strings and numbers concatenate to a string; anything else may
            # reach a __concat metamethod, which returns any value.
            a, b = self.type_of(e.left), self.type_of(e.right)
            if BOTTOM in (a, b):
                return BOTTOM
            return "string" if a in ("string", *NUMERIC) and b in ("string", *NUMERIC) else None
        if t in (lua.AddOp, lua.SubOp, lua.MultOp, lua.FloorDivOp, lua.ModOp):
            a, b = self.type_of(e.left), self.type_of(e.right)
            if BOTTOM in (a, b):
                return BOTTOM
            if a == "int" and b == "int":
                return "int"
            if a == "float" and b in NUMERIC or b == "float" and a in NUMERIC:
                return "float"
            if a in NUMERIC and b in NUMERIC:
                return "number"
            return None
        if t is lua.FloatDivOp or t is lua.ExpoOp:
            a, b = self.type_of(e.left), self.type_of(e.right)
            if BOTTOM in (a, b):
                return BOTTOM
            return "float" if a in NUMERIC and b in NUMERIC else None
        if isinstance(e, lua.BitOp):
            a, b = self.type_of(e.left), self.type_of(e.right)
            if BOTTOM in (a, b):
                return BOTTOM
            return "int" if a in NUMERIC and b in NUMERIC else None
        if t is lua.UMinusOp:
            a = self.type_of(e.operand)
            return a if a in NUMERIC or a == BOTTOM else None
        if t is lua.UBNotOp:
            a = self.type_of(e.operand)
            return "int" if a in NUMERIC else (BOTTOM if a == BOTTOM else None)
        if t is lua.ULengthOP:
            x = e.operand
            plain = isinstance(x, lua.Name) and x.var is not None and x.var.plain_table
            return "int" if plain or self.type_of(x) == "string" else None
        if t is lua.AndLoOp or t is lua.OrLoOp:
            a, b = self.type_of(e.left), self.type_of(e.right)
            if a == BOTTOM or b == BOTTOM:
                return BOTTOM
            if a in TRUTHY:
                return b if t is lua.AndLoOp else a
            if a == "nil":
                return "nil" if t is lua.AndLoOp else b
            return a if a == b else None
        if t is lua.Call:
            return self._call_type(e)
        if t is lua.Index and type(e.value) is lua.Name and e.notation != lua.IndexNotation.DOT:
            n = e.value.var.string_sequence if e.value.var is not None else None
            if n is not None and self.type_of(e.idx) == "int":
                r = self.range_of(e.idx)
                if r is not None and r[0] >= 1 and r[1] <= n:
                    return "string"
        return None

    self_call = None  # specialise.SelfCall while an integer body is typed or lowered

    def _call_type(self, e):
        cx = self.cx
        if calls.is_select_count(cx, e):
            return "int"
        f = e.func
        if self.self_call is not None and isinstance(f, lua.Name) and f.var is self.self_call.var:
            return self.self_call.type_of(self, e)
        if isinstance(f, lua.Name) and f.var is None:
            r = BASE_RESULT.get(f.id)
            return r if r is not None and cx.static_global(f.id) is not None else None
        if (
            isinstance(f, lua.Index)
            and f.notation == lua.IndexNotation.DOT
            and isinstance(f.value, lua.Name)
            and f.value.var is None
        ):
            r = LIB_RESULT.get((f.value.id, f.idx.id))
            if r is not None and cx.static_library_field(f.value.id, f.idx.id) is not None:
                return r
        return None

    # --- integer ranges ----------------------------------------------------------
    def exact_range(self, e):
        """The range of the mathematically exact value of an integer
        ``+ - *`` chain (no wrap-around inside it), else ``range_of(e)``."""
        t = type(e)
        if t in (lua.AddOp, lua.SubOp, lua.MultOp) and self.type_of(e) == "int":
            return arith_range(t, self.exact_range(e.left), self.exact_range(e.right))
        if t is lua.UMinusOp and self.type_of(e) == "int":
            r = self.exact_range(e.operand)
            return None if r is None else (-r[1], -r[0])
        return self.range_of(e)

    def range_of(self, e):
        """The range of an integer-typed expression's value, or None (unknown)."""
        t = type(e)
        if t is lua.Number:
            return (e.value, e.value) if isinstance(e.value, int) else None
        if self.type_of(e) != "int":
            return None
        if t is lua.Name:
            return self.var_range(e.var) if e.var is not None else None
        if t in (lua.AddOp, lua.SubOp, lua.MultOp, lua.UMinusOp):
            r = self.exact_range(e)
            return r if fits(r) else FULL
        if t in (lua.ModOp, lua.FloorDivOp, lua.BAndOp):
            a = self.range_of(e.left) or FULL
            b = self.range_of(e.right) or FULL
            r = arith_range(t, a, b)
            return r if fits(r) else FULL
        if t is lua.ULengthOP:
            n = getattr(getattr(e.operand, "var", None), "fixed_length", None)
            return (n, n) if n is not None else (0, MAXINT)
        if t is lua.Call and calls.is_select_count(self.cx, e):
            return (0, MAXINT)
        return FULL


# --- the inference ------------------------------------------------------------------


class _Loop:
    """A numeric-for counter as a source: its start, limit and step."""

    def __init__(self, node):
        self.node = node


def infer(cx, chunk):
    """Set ``static_type`` and ``int_range`` on the chunk's local variables;
    return every local's value sources for the analyses built on these facts
    (specialise.py, arrays.py), or None when the chunk can reach
    ``debug.setupvalue`` and those must not run."""
    sources: dict = {}  # Var -> [source], source: expr node | "nil" | "function" | UNKNOWN | _Loop
    untracked: set = set()
    escapes: set = set()
    risky = _collect(cx, chunk, sources, untracked, escapes)
    own_sources = {v: list(srcs) for v, srcs in sources.items()}  # returned
    # A plain table: a local initialised by a constructor, never assigned, and
    # only indexed, measured or given to standard functions that cannot set a
    # metatable: it never has one, so its stores need no __newindex check.
    if not risky:
        for v, srcs in sources.items():
            if len(srcs) == 1 and type(srcs[0]) is lua.Table and not v.assigned and v not in escapes:
                v.plain_table = True
        _find_fixed_sequences(chunk, sources)
    # A chunk compiled by ``load`` can hand its closures to any other chunk
    # (string.dump gives them fresh nil upvalues; debug.setupvalue changes them).
    if risky or cx.role != "script" or cx.unit.env_as_value:
        for v in list(sources):
            if v.captured:
                del sources[v]
    for v in untracked:
        sources.pop(v, None)

    types = {v: BOTTOM for v in sources}
    ranges: dict = {}

    def var_type(v):
        t = types.get(v, UNKNOWN)
        if t is UNKNOWN:
            return getattr(v, "static_type", None) if v.is_function else None
        return t

    def var_range(v):
        if types.get(v) != "int":
            return None
        return ranges.get(v, FULL)

    facts = TypeFacts(cx, var_type, var_range)

    for _ in range(20):
        changed = False
        for v, srcs in sources.items():
            t = sources_type(facts, srcs)
            if t != types[v]:
                types[v] = t
                changed = True
        if not changed:
            break
    else:
        for v in types:
            types[v] = None

    def source_range(s):
        if s is IPAIRS_INDEX:
            return (1, MAXINT)
        if isinstance(s, str) or s is UNKNOWN:
            return FULL
        if isinstance(s, _Loop):
            n = s.node
            start = facts.range_of(n.start) or FULL
            step = (n.step, n.step) if isinstance(n.step, int) else (facts.range_of(n.step) or FULL)
            stop = facts.range_of(n.stop) if facts.type_of(n.stop) == "int" else None
            if step[0] > 0:
                return (start[0], MAXINT if stop is None else max(start[0], stop[1]))
            if step[1] < 0:
                return (MININT if stop is None else min(start[1], stop[0]), start[1])
            return FULL
        return facts.range_of(s) or FULL

    int_vars = [v for v, t in types.items() if t == "int"]
    for v in int_vars:
        ranges[v] = None  # no value yet
    for round_ in range(12):
        changed = False
        for v in int_vars:
            r = None
            for s in sources[v]:
                r = join_range(r, source_range(s))
            if r != ranges[v]:
                # Widen what keeps changing after a few rounds.
                ranges[v] = r if round_ < 4 or ranges[v] is None else FULL
                changed = True
        if not changed:
            break
    else:
        for v in int_vars:
            ranges[v] = FULL

    for v, t in types.items():
        v.static_type = None if t == BOTTOM else t
        if t == "int":
            r = ranges.get(v) or FULL
            v.int_range = r if fits(r) else FULL
    return None if risky else own_sources


_NEVER_NIL = (lua.String, lua.Number, lua.TrueExpr, lua.FalseExpr, lua.Table, lua.AnonymousFunction)


def _find_fixed_sequences(chunk, sources) -> None:
    """``Var.fixed_length = N`` for a plain table local made by a constructor of
    N items that cannot be nil (``{"a", "b", 3}``) and never written or passed
    anywhere after: every use reads ``t[k]`` or ``#t``, so ``#t`` is N. And
    ``Var.string_sequence = N`` when the items are string literals: ``t[k]``
    with k in [1, N] is a string."""
    candidates = {}
    for v, srcs in sources.items():
        ctor = srcs[0]
        if (
            v.plain_table
            and ctor.fields
            and all(getattr(f, "key", None) is None and isinstance(f.value, _NEVER_NIL) for f in ctor.fields)
        ):
            candidates[v] = ctor
    if not candidates:
        return
    for node in nodes(chunk):
        t = type(node)
        if t is lua.Assign:
            for target in node.targets:
                if type(target) is lua.Index and type(target.value) is lua.Name:
                    candidates.pop(target.value.var, None)
        elif t is lua.Call or t is lua.Invoke:
            for a in node.args:
                if type(a) is lua.Name:
                    candidates.pop(a.var, None)
    for v, ctor in candidates.items():
        v.fixed_length = len(ctor.fields)
        if all(type(f.value) is lua.String for f in ctor.fields):
            v.string_sequence = len(ctor.fields)


def source_type(facts, s):
    """The type of one value source of a local under ``facts``."""
    if s is UNKNOWN:
        return None
    if s is IPAIRS_INDEX:
        return "int"
    if s == "nil" or s == "function":
        return s
    if isinstance(s, _Loop):
        n = s.node
        step = n.step
        st = facts.type_of(n.start)
        sp = "int" if isinstance(step, int) else facts.type_of(step)
        if st == BOTTOM or sp == BOTTOM:
            return BOTTOM
        if st == "int" and sp == "int":
            return "int"
        if st in NUMERIC and sp in NUMERIC:
            return "float" if (st == "float" or sp == "float") else "number"
        return None  # strings are accepted by 'for' too: a float loop
    return facts.type_of(s)


def sources_type(facts, sources) -> str | None:
    """The join of the types of a local's value sources."""
    t = BOTTOM
    for s in sources:
        t = join(t, source_type(facts, s))
        if t is None:
            break
    return t


def children(node):
    """The AST nodes directly below ``node`` (not the resolver's back links)."""
    for key, value in vars(node).items():
        if key in ("loop", "label", "parent", "scope", "var"):
            continue
        if isinstance(value, lua.Node):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, lua.Node):
                    yield item


def nodes(root):
    """Every node under ``root`` once."""
    seen = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(reversed(list(children(node))))


def _is_ipairs(cx, node) -> bool:
    """``for ... in ipairs(t)`` with the standard ``ipairs``."""
    explist = node.iter
    if len(explist) != 1 or type(explist[0]) is not lua.Call:
        return False
    f = explist[0].func
    return type(f) is lua.Name and f.var is None and f.id == "ipairs" and cx.static_global("ipairs") is not None


def _called_only_here(scope) -> bool:
    """A local function whose every call is by its name with no surplus or
    multi-value arguments, and whose parameters are never assigned."""
    return scope.no_surplus_args and not scope.is_vararg and not any(p.assigned or p.boxed for p in scope.params)


# Standard functions that never set a metatable on a table argument.
_HARMLESS_BASE = {"ipairs", "pairs", "next", "rawget", "rawlen", "rawequal", "type", "tostring", "print", "select"}
_HARMLESS_LIB = {"table": {"concat", "insert", "remove", "sort", "unpack"}}


def _harmless_call(cx, f) -> bool:
    if isinstance(f, lua.Name) and f.var is None:
        return f.id in _HARMLESS_BASE and cx.static_global(f.id) is not None
    if (
        isinstance(f, lua.Index)
        and f.notation == lua.IndexNotation.DOT
        and isinstance(f.value, lua.Name)
        and f.value.var is None
    ):
        names = _HARMLESS_LIB.get(f.value.id, ())
        return f.idx.id in names and cx.static_library_field(f.value.id, f.idx.id) is not None
    return False


def _collect(cx, chunk, sources, untracked, escapes) -> bool:
    """Fill ``sources`` from every binding and assignment of a local; return
    whether the chunk names something that reaches ``debug.setupvalue``."""
    risky = False
    seen = set()
    harmless: set = set()  # ids of Name nodes used in ways that keep a table plain

    def add(var, source):
        if var is None:
            return
        sources.setdefault(var, []).append(source)

    def values_sources(targets, values):
        values = list(values or [])
        n = len(targets)
        for i, t in enumerate(targets):
            var = getattr(t, "var", None)
            if var is None or not isinstance(t, lua.Name):
                continue
            if i < len(values):
                e = values[i]
                if i == len(values) - 1 and calls.is_multi(cx, e):
                    add(var, UNKNOWN)
                else:
                    add(var, e)
            elif values and calls.is_multi(cx, values[-1]):
                add(var, UNKNOWN)
            else:
                add(var, "nil")
        del n

    def visit(node):
        nonlocal risky
        if id(node) in seen:
            return
        seen.add(id(node))
        t = type(node)
        if t is lua.Name:
            var = getattr(node, "var", None)
            if var is not None and id(node) not in harmless:
                escapes.add(var)
        elif t is lua.Index or t is lua.ULengthOP:
            inner = node.value if t is lua.Index else node.operand
            if isinstance(inner, lua.Name):
                harmless.add(id(inner))
        elif t is lua.Call and _harmless_call(cx, node.func):
            for a in node.args:
                if isinstance(a, lua.Name):
                    harmless.add(id(a))
        if t in (lua.LocalAssign, lua.Assign, lua.Forin):
            for target in node.targets:
                harmless.add(id(target))
        elif t is lua.Fornum:
            harmless.add(id(node.target))
        if t is lua.LocalAssign:
            values_sources(node.targets, node.values)
        elif t is lua.Assign:
            values_sources(node.targets, node.values)
        elif t is lua.Fornum:
            add(node.target.var, _Loop(node))
        elif t is lua.Forin:
            index = _is_ipairs(cx, node)
            for i, target in enumerate(node.targets):
                add(getattr(target, "var", None), IPAIRS_INDEX if index and i == 0 else UNKNOWN)
        elif t is lua.Function and isinstance(node.name, lua.Name):
            add(getattr(node.name, "var", None), "function")
            harmless.add(id(node.name))
        elif t is lua.LocalFunction:
            add(getattr(node.name, "var", None), "function")
            harmless.add(id(node.name))
        elif t is lua.Name and getattr(node, "var", None) is None:
            if node.id in ("debug", "_G", "_ENV", "require", "load", "loadstring", "dofile"):
                risky = True
        if t in (lua.Function, lua.LocalFunction, lua.Method, lua.AnonymousFunction):
            scope = getattr(node, "scope", None)
            if scope is not None and not (t is lua.LocalFunction and _called_only_here(scope)):
                for p in scope.params:
                    untracked.add(p)
        elif t is lua.Call and type(node.func) is lua.Name:
            # A local function only ever called by its name: its parameters
            # hold what its calls pass (analyse.py checked every call).
            v = getattr(node.func, "var", None)
            scope = getattr(v, "function_scope", None) if v is not None else None
            if scope is not None and _called_only_here(scope):
                for i, p in enumerate(scope.params):
                    add(p, node.args[i] if i < len(node.args) else "nil")
        for child in children(node):
            visit(child)

    visit(chunk)
    return risky


# The other areas of this pass, imported last: they import this module too.
from . import calls  # noqa: E402
