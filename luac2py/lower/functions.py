"""Functions: one Python ``def`` per Lua function, ``async def`` when it can
suspend (analyse.py decides), with a ``# file.lua:LINE`` comment.

Parameters default to None and ``*_`` takes surplus arguments, as Lua
ignores them; a local function only ever called by its name goes without
either where its calls never need them (analyse.py). A function created
inside a loop binds the loop's fresh variables it uses as keyword-only
defaults, so each closure keeps its own iteration's variable, as in Lua. An
integer-specialised body (specialise.py) comes first where there is one.
"""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from . import pyast as P
from .names import FunctionNames


def function_def(cx, node, scope, hint: str, def_name: str | None = None) -> str:
    """Emit the def for ``node`` into the preceding statements; return its name."""
    if def_name is None:
        def_name = cx.names.fresh(hint)
    outer_names, outer_scope, outer_loops = cx.names, cx.scope, cx.py_loops
    cx.names = FunctionNames(scope, outer_names, cx.helpers)
    cx.scope = scope
    cx.py_loops = []
    try:
        params = []
        defaults = []
        body: list[ast.stmt] = []
        for v in scope.params:
            cx.names.declare(v)
            if any(a.arg == v.py for a in params):
                v.py = cx.names.fresh(v.name)  # `function(a, a)`: the last one is visible
            params.append(ast.arg(v.py))
            defaults.append(P.const(None))
            if v.boxed:
                body.append(P.assign(P.name(v.py, store=True), P.call("Cell", P.name(v.py))))
        kwonly = []
        kw_defaults = []
        own = node.name.var if type(node) is lua.LocalFunction else None
        for v in sorted(scope.binds, key=lambda x: x.py or ""):
            if v.py is None:
                continue
            kwonly.append(ast.arg(v.py))
            # Itself: set once it exists (_local_function).
            kw_defaults.append(P.const(None) if v is own else P.name(v.py))
        writes = sorted({v.py for v in scope.writes_outer if not v.boxed and v.py and v not in scope.binds})
        if writes:
            body.append(ast.Nonlocal(writes))
        spec = scope.int_spec
        if spec is not None and not scope.binds:
            int_name = outer_names.fresh(f"{def_name}_int")
            cx.names.used.add(int_name)  # no local of the body may shadow it
            fast = specialise.int_specialised(cx, node, scope, spec, int_name)
        else:
            fast = None
        generic = statements.block(cx, node.body)
        if fast is not None and differs(fast, generic):
            int_def, entry = specialise.int_entry(cx, scope, int_name, writes, fast)
            body.append(entry)
            if len(scope.params) == 1:
                # Past the entry test its one parameter is no integer.
                generic = specialise.block_without_int(cx, node.body, scope.params[0])
        else:
            int_def = None
        body.extend(generic)
        if not _ends_in_return(node.body):
            body.append(ast.Return(P.tuple_([])))
        # Surplus arguments: named after the body so Lua's own `_` keeps its name.
        if scope.is_vararg:
            vararg = ast.arg("varargs")
        else:
            vararg = None if scope.no_surplus_args else ast.arg(cx.names.fresh("_"))
        if scope.all_args_given and not scope.is_vararg:
            defaults = []
        for arg, annotation in zip(params, typedecl.param_hints(node, params)):
            if annotation is not None and defaults and not typedecl.is_optional(annotation):  # a missing argument is nil
                annotation = ast.BinOp(annotation, ast.BitOr(), P.const(None))
            arg.annotation = annotation
    finally:
        cx.names, cx.scope, cx.py_loops = outer_names, outer_scope, outer_loops
    args = ast.arguments(
        posonlyargs=[],
        args=params,
        vararg=vararg,
        kwonlyargs=kwonly,
        kw_defaults=kw_defaults,
        kwarg=None,
        defaults=defaults,
    )
    cls = ast.AsyncFunctionDef if scope.is_async else ast.FunctionDef
    fn = cls(def_name, args, body, [], None, None, lineno=0)
    fn.lua_line = scope.line
    fn.lua_comment = f"{cx.chunkname}:{scope.line}"
    if cx.unit.uses_debug:
        fn.lua_upvalues = [("_ENV", "_ENV") if v == "_ENV" else (v.name, v.py) for v in scope.upvalues]
    if int_def is not None:
        cx.pre.append(int_def)  # defined first: `fn` calls it
    cx.pre.append(fn)
    return def_name


def function_name_hint(cx, node) -> str:
    return getattr(node, "name_hint", None) or "anonymous"


# --- function statements ------------------------------------------------------
def _local_function(cx, s):
    v = s.name.var
    cx.names.declare(v)
    fn = function_def(cx, s, s.scope, v.name, def_name=v.py if not v.boxed else None)
    out = []
    if v.boxed:
        out.append(P.assign(P.name(v.py, store=True), P.call("Cell", P.name(fn))))
    if v in s.scope.binds:
        # A recursive function made in a loop sees its own iteration's self.
        kwdefaults = P.attr(P.name(fn), "__kwdefaults__")
        out.append(P.assign(P.subscript(kwdefaults, P.const(v.py), store=True), P.name(v.py)))
    return out


def _function_stmt(cx, s):
    target = s.name
    if isinstance(target, lua.Name):
        hint = target.id
    else:
        hint = target.idx.id if isinstance(target.idx, lua.Name) else "function"
    if isinstance(target, lua.Name) and target.var is not None and not target.var.boxed:
        # `function f() end` for a local f: define it under f's own name.
        fn = function_def(cx, s, s.scope, hint, def_name=target.var.py)
        return []
    fn = function_def(cx, s, s.scope, hint, def_name=_sealed_name(s))
    return [P.assign(statements.through_newindex(cx, statements.store_target(cx, target)), P.name(fn))]


def _method(cx, s):
    fn = function_def(cx, s, s.scope, s.name.id, def_name=_sealed_name(s))
    target = P.subscript(expressions.expr(cx, s.source), P.const(s.name.id), store=True)
    target.plain = expressions.stores_raw(cx, s.source)
    return [P.assign(statements.through_newindex(cx, target), P.name(fn))]


def _sealed_name(node) -> str | None:
    """The def name of a sealed class's function field (classes.py), named at the class."""
    v = getattr(node, "sealed_var", None)
    return v.py if v is not None else None


def _ends_in_return(block) -> bool:
    body = [x for x in block.body if not isinstance(x, (lua.SemiColon, lua.Label))]
    return bool(body) and isinstance(body[-1], lua.Return)


FUNCTION_STATEMENT_HANDLERS = {
    lua.LocalFunction: _local_function,
    lua.Function: _function_stmt,
    lua.Method: _method,
}


# The other areas of this pass, imported last: they import this module too.
from . import expressions, specialise, statements, typedecl  # noqa: E402
from .specialise import differs  # noqa: E402
