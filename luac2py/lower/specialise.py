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

from . import pyast as P
from .types import BOTTOM, FULL, NUMERIC, UNKNOWN, Loop, TypeFacts, join, nodes


def specialise_int_functions(lowerer, chunk, sources) -> None:
    for node in nodes(chunk):
        if type(node) is not lua.LocalFunction:
            continue
        v = getattr(node.name, "var", None)
        scope = getattr(node, "scope", None)
        if v is None or scope is None or v.assigned or v.boxed or v.captured and lowerer.role != "script":
            continue
        if scope.is_vararg or scope.is_async or not scope.params or not scope.returns_single:
            continue
        if any(p.assigned or p.captured for p in scope.params) or all(p.static_type == "int" for p in scope.params):
            continue
        if any(type(n) in (lua.Function, lua.LocalFunction, lua.Method, lua.AnonymousFunction, lua.Goto, lua.Label)
               for n in nodes(node.body)):
            continue
        spec = _solve_int_assumption(lowerer, node, scope, v, sources)
        if spec is not None:
            scope.int_spec = spec


class IntSpec:
    """The types of a function's own locals when its parameters are integers."""

    def __init__(self, var, types: dict, result):
        self.var = var  # the function's local
        self.types = types  # own Var -> type
        self.result = result  # its result type

    def apply(self):
        saved = {v: (v.static_type, getattr(v, "int_range", None)) for v in self.types}
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


def _solve_int_assumption(lowerer, node, scope, fvar, sources):
    params = set(scope.params)
    own = [v for v in scope.vars if v not in params]
    if any(v.captured for v in own):
        return None
    types = {p: "int" for p in params}
    types.update({v: BOTTOM for v in own})
    result = BOTTOM

    def var_type(v):
        if v in types:
            return types[v]
        return v.static_type

    def self_call(e):
        # fib(k - 1) with integer arguments: this body's result type.
        if all(facts.type_of(a) == "int" for a in e.args) and len(e.args) == len(scope.params):
            return result
        return None

    facts = TypeFacts(lowerer, var_type, lambda v: FULL if var_type(v) == "int" else None)
    facts.self_call = (fvar, self_call)
    returns = [r.values[0] for r in _own_returns(node.body)]
    for _ in range(20):
        changed = False
        for v in own:
            t = BOTTOM
            for src in sources.get(v, [UNKNOWN]):
                if src is UNKNOWN or isinstance(src, Loop):
                    t = None if src is UNKNOWN else join(t, _loop_type(facts, src))
                elif src in ("nil", "function"):
                    t = join(t, src)
                else:
                    t = join(t, facts.type_of(src))
                if t is None:
                    break
            if t != types[v]:
                types[v], changed = t, True
        r = BOTTOM
        for e in returns:
            r = join(r, facts.type_of(e))
        if r != result:
            result, changed = r, True
        if not changed:
            break
    else:
        return None
    if result not in ("int", "float"):
        return None
    return IntSpec(fvar, {v: (None if t == BOTTOM else t) for v, t in types.items()}, result)


def _loop_type(facts, loop):
    n = loop.node
    st = facts.type_of(n.start)
    sp = "int" if isinstance(n.step, int) else facts.type_of(n.step)
    if st == "int" and sp == "int":
        return "int"
    if st in NUMERIC and sp in NUMERIC:
        return "float" if "float" in (st, sp) else "number"
    return None


def _own_returns(block):
    return [n for n in nodes(block) if type(n) is lua.Return]


class SpecialiseMixin:
    def int_specialised(self, node, scope, spec, name: str, writes: list):
        """``def fib_int(k): <body lowered for integer parameters>`` with its
        recursive integer calls going straight to ``fib_int``, and the entry
        test ``if type(k) is int: return fib_int(k)`` for ``fib``; None when
        that body would read as the general one."""
        facts = self.type_facts()
        saved = spec.apply()
        nparams = len(scope.params)

        def self_call(e):
            typed = len(e.args) == nparams and all(facts.type_of(a) == "int" for a in e.args)
            return spec.result if typed else None

        facts.self_call = (spec.var, self_call)
        self.direct_self_call = (spec.var, name)
        try:
            fast = self.block(node.body)
        finally:
            facts.self_call = None
            self.direct_self_call = None
            spec.restore(saved)
        return fast

    def block_without_int(self, block, param) -> list:
        """``block`` lowered knowing ``param`` holds no integer (no dead
        ``type(k) is int`` guards)."""
        param.not_int = True
        try:
            return self.block(block)
        finally:
            param.not_int = False

    def int_entry(self, scope, name: str, writes: list, fast: list):
        """(the specialised def, the test that enters it)."""
        params = [P.name(p.py) for p in scope.params]
        tests = [ast.Compare(P.call("type", p), [ast.Is()], [P.name("int")]) for p in params]
        test = tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
        entry = ast.If(test, [ast.Return(P.call(name, *params))], [])
        args = ast.arguments(
            posonlyargs=[], args=[ast.arg(p.py) for p in scope.params], vararg=None,
            kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[],
        )
        body = ([ast.Nonlocal(writes)] if writes else []) + fast
        fn = ast.FunctionDef(name, args, body, [], None, None, lineno=0)
        fn.lua_line = scope.line
        fn.lua_comment = f"{self.chunkname}:{scope.line} for integer arguments"
        return fn, entry


def differs(a: list, b: list) -> bool:
    """Whether two lowerings of one body differ beyond their temporaries' names."""
    temps = re.compile(r"\b_t(_\d+)?\b")
    text = [temps.sub("_t", ast.dump(ast.Module(x, []))) for x in (a, b)]
    return text[0] != text[1]
