"""Wippy's types at run time: a ``type Name = T`` declaration (dialect.py
leaves ``local Name = <type>(N, refs...)``) becomes the value built from
``luatypes``' constructors, and a function's annotations become Python hints
where they map cleanly.

``type Box<T> = {value: T}`` reads
``Box = luatypes.declare("Box", luatypes.Generic(1, lambda T: luatypes.Record({"value": T})))``.
"""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from .. import dialect as D
from . import pyast as P

_MODULE = "luatypes"


def _lt(name: str) -> ast.expr:
    return P.attr(_MODULE, name)


def type_value(cx, e) -> ast.expr:
    """The value of a declaration's ``<type>(N, refs...)`` call."""
    decl = e.type_decl
    cx.use_import("luac2py.runtime", _MODULE)
    refs = [expressions.expr(cx, a) for a in e.args[1:]]
    own = _mentions(decl.type, decl.name)
    body = _build(decl.type, refs, set(decl.params), decl.name if own else None)
    if decl.params:
        body = P.call(_lt("Generic"), P.const(len(decl.params)), _lambda(decl.params, body))
    if own:
        body = P.call(_lt("Recursive"), _lambda([decl.name], body))
    return P.call(_lt("declare"), P.const(decl.name), body)


def _lambda(params: list[str], body: ast.expr) -> ast.Lambda:
    args = ast.arguments(posonlyargs=[], args=[ast.arg(p) for p in params], kwonlyargs=[], kw_defaults=[], defaults=[])
    return ast.Lambda(args, body)


def _mentions(t, name: str) -> bool:
    """Whether the type names its own declaration (a recursive type)."""
    if isinstance(t, D.Named):
        return (t.name == name and t.ref is None) or any(_mentions(a, name) for a in t.args)
    children = {
        D.Array: lambda: [t.item], D.Optional: lambda: [t.item], D.Constrained: lambda: [t.item],
        D.Map: lambda: [t.key, t.value], D.Union: lambda: t.items, D.Intersection: lambda: t.items,
        D.Record: lambda: [f.type for f in t.fields] + ([t.map] if t.map else []),
        D.FunctionType: lambda: [],
    }.get(type(t))  # fmt: skip
    return children is not None and any(_mentions(c, name) for c in children())


def _build(t, refs: list, params: set, own: str | None) -> ast.expr:
    def build(x):
        return _build(x, refs, params, own)

    if isinstance(t, D.Named):
        if t.ref is not None:
            if t.args:
                return P.call(_lt("instance"), refs[t.ref], *[build(a) for a in t.args])
            return P.call(_lt("named"), refs[t.ref])
        if t.name in params or t.name == own:
            return P.name(t.name)
        if t.name in D.BUILTIN_TYPES:
            return _lt("ANY" if t.name == "unknown" else t.name.upper())
        return _lt("ANY")
    if isinstance(t, D.Literal):
        return P.call(_lt("Literal"), P.const(t.value))
    if isinstance(t, D.Array):
        return P.call(_lt("Array"), build(t.item))
    if isinstance(t, D.Map):
        return P.call(_lt("Map"), build(t.key), build(t.value))
    if isinstance(t, D.Optional):
        return P.call(_lt("Optional"), build(t.item))
    if isinstance(t, (D.Union, D.Intersection)):
        return P.call(_lt(type(t).__name__), *[build(i) for i in t.items])
    if isinstance(t, D.Record):
        fields = ast.Dict([P.const(f.name) for f in t.fields], [build(f.type) for f in t.fields])
        keywords = []
        optional = [f.name for f in t.fields if f.optional]
        if optional:
            keywords.append(ast.keyword("optional", ast.Tuple([P.const(n) for n in optional], ast.Load())))
        if t.map is not None:
            keywords.append(ast.keyword("rest", build(t.map)))
        return P.call(_lt("Record"), fields, keywords=keywords)
    if isinstance(t, D.FunctionType):
        return P.call(_lt("Function"))
    if isinstance(t, D.Constrained):
        checks = ast.List(
            [ast.Tuple([P.const(name), ast.List([P.const(a) for a in args], ast.Load())], ast.Load()) for name, args in t.checks],
            ast.Load(),
        )
        return P.call(_lt("Constrained"), build(t.item), checks)
    return _lt("ANY")  # Opaque: for a type checker only


# --- hints on defs ------------------------------------------------------------------
_HINTS = {"integer": "int", "string": "str", "boolean": "bool", "table": "Table"}


def hint(t) -> ast.expr | None:
    """The Python annotation of a Lua type, where one maps cleanly."""
    if isinstance(t, D.Optional):
        inner = hint(t.item)
        return None if inner is None else ast.BinOp(inner, ast.BitOr(), P.const(None))
    if isinstance(t, D.Constrained):
        return hint(t.item)
    if isinstance(t, D.Named) and not t.args and t.ref is None and t.name in _HINTS:
        return P.name(_HINTS[t.name])
    if isinstance(t, (D.Array, D.Map, D.Record)):
        return P.name("Table")
    return None


def is_optional(annotation: ast.expr) -> bool:
    return isinstance(annotation, ast.BinOp) and isinstance(annotation.right, ast.Constant)


def param_hints(node, params: list) -> list:
    """One annotation (or None) per Python parameter of ``node``'s def."""
    sig = getattr(node, "signature", None)
    if sig is None:
        return [None] * len(params)
    explicit = sig.params[: len(params) - 1] if isinstance(node, lua.Method) else sig.params
    hints = [hint(t) if t is not None else None for t in explicit]
    if isinstance(node, lua.Method):
        hints.insert(0, None)  # self
    return (hints + [None] * len(params))[: len(params)]


from . import expressions  # noqa: E402
