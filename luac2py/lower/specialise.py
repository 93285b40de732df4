"""Integer specialisation: ``local function fib(k) ... end`` gets a second
body for integer arguments, lowered under that assumption behind
``if type(k) is int:``. Recursive calls with integer arguments return the
body's own result type, so ``fib(k - 1) + fib(k - 2)`` is integer arithmetic
there. Sound because the local is never reassigned and nothing can replace its
upvalues (no debug: the analysis runs only when types.infer allows it)."""

from __future__ import annotations

import ast
import re

from luaparser import astnodes as lua

from ..resolve import own_statements
from . import pyast as P


def specialise_int_functions(cx, chunk, sources) -> None:
    for node in nodes(chunk):
        if type(node) is not lua.LocalFunction:
            continue
        v = getattr(node.name, "var", None)
        scope = getattr(node, "scope", None)
        if v is None or scope is None or v.assigned or v.boxed or v.captured and cx.role != "script":
            continue
        if scope.is_vararg or scope.is_async or not scope.params or scope.return_count != 1:
            continue
        if any(p.assigned or p.captured for p in scope.params) or all(p.static_type == "int" for p in scope.params):
            continue
        if any(
            type(n) in (lua.Function, lua.LocalFunction, lua.Method, lua.AnonymousFunction, lua.Goto, lua.Label)
            for n in nodes(node.body)
        ):
            continue
        spec = _solve_int_assumption(cx, node, scope, v, sources)
        if spec is not None:
            scope.int_spec = spec


class SelfCall:
    """While an integer body is typed or lowered: the function's calls to
    itself with integer arguments give ``result`` (and, lowered, call ``name``,
    the integer body itself)."""

    def __init__(self, var, nparams: int, result, name: str | None = None):
        self.var = var
        self.nparams = nparams
        self.result = result
        self.name = name

    def type_of(self, facts, e):
        typed = len(e.args) == self.nparams and all(facts.type_of(a) == "int" for a in e.args)
        return self.result if typed else None


class IntSpec:
    """The types of a function's own locals when its parameters are integers."""

    def __init__(self, var, types: dict, result):
        self.var = var  # the function's local
        self.types = types  # own Var -> type
        self.result = result  # its result type

    def apply(self):
        saved = {v: (v.static_type, v.int_range) for v in self.types}
        for v, t in self.types.items():
            if v.static_type != t:
                v.static_type = t
                v.int_range = FULL
        return saved

    @staticmethod
    def restore(saved):
        for v, (t, r) in saved.items():
            v.static_type = t
            v.int_range = r


def _solve_int_assumption(cx, node, scope, fvar, sources):
    params = set(scope.params)
    own = [v for v in scope.vars if v not in params]
    if any(v.captured for v in own):
        return None
    types = {p: "int" for p in params}
    types.update({v: BOTTOM for v in own})

    def var_type(v):
        return types[v] if v in types else v.static_type

    facts = TypeFacts(cx, var_type, lambda v: FULL if var_type(v) == "int" else None)
    facts.self_call = calls = SelfCall(fvar, len(scope.params), BOTTOM)  # fib(k - 1): this body's result
    returns = [r.values[0] for r in own_statements(node.body) if type(r) is lua.Return]
    for _ in range(20):
        changed = False
        for v in own:
            t = sources_type(facts, sources.get(v, [UNKNOWN]))
            if t != types[v]:
                types[v], changed = t, True
        r = BOTTOM
        for e in returns:
            r = join(r, facts.type_of(e))
        if r != calls.result:
            calls.result, changed = r, True
        if not changed:
            break
    else:
        return None
    if calls.result not in ("int", "float"):
        return None
    return IntSpec(fvar, {v: (None if t == BOTTOM else t) for v, t in types.items()}, calls.result)


def int_specialised(cx, node, scope, spec, name: str) -> list:
    """The body of ``def fib_int(k)``: lowered for integer parameters, its
    recursive integer calls going straight to ``fib_int``."""
    facts = expressions.type_facts(cx)
    saved = spec.apply()
    facts.self_call = SelfCall(spec.var, len(scope.params), spec.result, name)
    try:
        return statements.block(cx, node.body)
    finally:
        facts.self_call = None
        spec.restore(saved)


def block_without_int(cx, block, param) -> list:
    """``block`` lowered knowing ``param`` holds no integer (no dead
    ``type(k) is int`` guards)."""
    param.not_int = True
    try:
        return statements.block(cx, block)
    finally:
        param.not_int = False


def int_entry(cx, scope, name: str, writes: list, fast: list):
    """(the specialised def, the test that enters it)."""
    params = [P.name(p.py) for p in scope.params]
    tests = [P.type_is(p, "int") for p in params]
    test = tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
    entry = ast.If(test, [ast.Return(P.call(name, *params))], [])
    args = ast.arguments(
        posonlyargs=[],
        args=[ast.arg(p.py) for p in scope.params],
        vararg=None,
        kwonlyargs=[],
        kw_defaults=[],
        kwarg=None,
        defaults=[],
    )
    body = ([ast.Nonlocal(writes)] if writes else []) + fast
    fn = ast.FunctionDef(name, args, body, [], None, None, lineno=0)
    fn.lua_line = scope.line
    fn.lua_comment = f"{cx.chunkname}:{scope.line} for integer arguments"
    return fn, entry


_TEMPS = re.compile(r"\b_t(_\d+)?\b")


def differs(a: list, b: list) -> bool:
    """Whether two lowerings of one body differ beyond their temporaries' names."""
    text = [_TEMPS.sub("_t", ast.dump(ast.Module(x, []))) for x in (a, b)]
    return text[0] != text[1]


# The other areas of this pass, imported last: they import this module too.
from . import expressions, statements  # noqa: E402
from .types import BOTTOM, FULL, UNKNOWN, TypeFacts, join, nodes, sources_type  # noqa: E402
