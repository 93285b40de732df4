"""Pass 4: facts the lowering needs, beyond scopes.

- which locals live in a ``Cell`` (fresh per loop iteration, captured and reassigned);
- which locals are Wippy module aliases (``local funcs = require("funcs")``);
- which functions return exactly one value (their calls need no ``first``);
- which functions can suspend in workflow and ordinary code, and in scripts
  using Wippy's ``channel`` or ``coroutine.spawn`` (they become ``async def``);
- unit-wide facts: globals and standard-library fields the code assigns.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from luaparser import astnodes as lua

from .resolve import FuncScope, Resolver, own_statements
from .runtime.wippy import registry


@dataclass
class Unit:
    """Facts about the whole compilation unit the lowering needs."""

    globals_written: set = field(default_factory=set)
    uses_debug: bool = False  # generated modules record upvalue tables for the debug library
    env_as_value: bool = False
    library_fields_written: dict = field(default_factory=dict)  # library -> fields assigned
    concurrent: bool = False  # a script using channel / coroutine.spawn: async, run on an event loop

_LOOPS = (lua.While, lua.Repeat, lua.Fornum, lua.Forin)


def all_scopes(root: FuncScope):
    stack = [root]
    while stack:
        s = stack.pop()
        yield s
        stack.extend(s.children)


def analyse(chunk, root: FuncScope, resolver: Resolver, unit: Unit, role: str) -> None:
    for scope in all_scopes(root):
        for v in scope.vars:
            # With `debug` in use, every captured fresh variable is a Cell, so
            # closures sharing it share one upvalue (debug.upvalueid).
            v.boxed = v.in_loop and v.captured and (v.assigned or resolver.uses_debug)
        scope.return_count = _return_count(scope.node)
        _find_module_aliases(scope)
    unit.globals_written |= resolver.globals_written
    unit.env_as_value = unit.env_as_value or resolver.env_as_value
    unit.uses_debug = unit.uses_debug or resolver.uses_debug
    _library_writes(chunk, unit)
    if not resolver.uses_debug:
        _mark_exact_arity(chunk)
    if role == "script" and not unit.concurrent:
        unit.concurrent = _uses_concurrency(chunk)
    if role in ("workflow", "activity") or unit.concurrent:
        _mark_async(root, unit)


def _return_count(node) -> int | None:
    """N when the function ends with a return and every return gives exactly N
    (at least one) values, none of them a call or ``...`` spread at the end."""
    body = node.body
    returns = [s for s in own_statements(body) if isinstance(s, lua.Return)]
    tail = [s for s in body.body if not isinstance(s, (lua.SemiColon, lua.Label))]
    if not tail or not isinstance(tail[-1], lua.Return):
        return None
    counts = set()
    for r in returns:
        values = r.values or []
        if not values:
            return None
        last = values[-1]
        if isinstance(last, (lua.Call, lua.Invoke, lua.Dots, lua.Varargs)) and not last.wrapped:
            return None
        counts.add(len(values))
    return counts.pop() if len(counts) == 1 else None


def _mark_exact_arity(chunk) -> None:
    """For a ``local function`` that is only ever called by its name and never
    with a multi-value last argument: ``scope.no_surplus_args`` when no call
    passes more arguments than it has parameters (its ``def`` needs no ``*_``),
    and ``scope.all_args_given`` when every call passes them all (no defaults)."""
    from luaparser.ast import walk

    calls = {}  # id of a callee Name -> argument count (None: unknown)
    definitions = set()
    nodes = list(walk(chunk))
    for node in nodes:
        if isinstance(node, lua.Call) and isinstance(node.func, lua.Name):
            args = node.args
            multi = bool(args) and isinstance(args[-1], (lua.Call, lua.Invoke, lua.Dots, lua.Varargs)) and not args[-1].wrapped
            calls[id(node.func)] = None if multi else len(args)
        elif isinstance(node, lua.LocalFunction):
            definitions.add(id(node.name))
    counts: dict = {}  # Var -> argument counts of its calls (None: escapes)
    for node in nodes:
        if not isinstance(node, lua.Name) or id(node) in definitions:
            continue
        v = getattr(node, "var", None)
        scope = getattr(v, "function_scope", None) if v is not None else None
        if scope is None or not v.is_function or v.assigned or scope.is_vararg:
            continue
        n = calls.get(id(node))
        seen = counts.setdefault(v, set())
        if n is None or seen is None:
            counts[v] = None
        else:
            seen.add(n)
    for v, seen in counts.items():
        if seen:
            nparams = len(v.function_scope.params)
            v.function_scope.no_surplus_args = max(seen) <= nparams
            v.function_scope.all_args_given = min(seen) == max(seen) == nparams


def _find_module_aliases(scope: FuncScope) -> None:
    body = scope.node.body
    for s in own_statements(body):
        if not isinstance(s, lua.LocalAssign) or len(s.targets) != 1 or len(s.values or []) != 1:
            continue
        value = s.values[0]
        if (
            isinstance(value, lua.Call)
            and isinstance(value.func, lua.Name)
            and value.func.var is None
            and value.func.id == "require"
            and len(value.args) == 1
            and isinstance(value.args[0], lua.String)
        ):
            v = s.targets[0].var
            module = value.args[0].value
            if module in registry.callable_modules() and not v.assigned:
                v.module = module


def _library_writes(chunk, unit: Unit) -> None:
    from luaparser.ast import walk

    for node in walk(chunk):
        targets = []
        if isinstance(node, lua.Assign) and not isinstance(node, lua.LocalAssign):
            targets = node.targets
        elif isinstance(node, lua.Function):
            targets = [node.name]
        elif isinstance(node, lua.Method):
            targets = [lua.Index(node.name, node.source)]
        for t in targets:
            if isinstance(t, lua.Index) and isinstance(t.value, lua.Name) and getattr(t.value, "var", None) is None:
                key = t.idx.id if isinstance(t.idx, lua.Name) and t.notation == lua.IndexNotation.DOT else None
                if key is None and isinstance(t.idx, lua.String):
                    key = t.idx.value
                unit.library_fields_written.setdefault(t.value.id, set()).add(key or "*")


def wippy_global(unit: Unit, node, name: str) -> bool:
    """Whether ``node`` reads Wippy's global ``name`` (``channel``,
    ``coroutine``), which the unit never replaces."""
    return (
        isinstance(node, lua.Name)
        and node.var is None
        and node.id == name
        and name not in unit.globals_written
        and not unit.env_as_value
    )


def is_spawn(unit: Unit, f) -> bool:
    """``coroutine.spawn`` of the global ``coroutine``."""
    return (
        isinstance(f, lua.Index)
        and f.notation == lua.IndexNotation.DOT
        and f.idx.id == "spawn"
        and wippy_global(unit, f.value, "coroutine")
        and "spawn" not in unit.library_fields_written.get("coroutine", ())
    )


def _uses_concurrency(chunk) -> bool:
    """Whether a script names the ``channel`` global or ``coroutine.spawn``."""
    from luaparser.ast import walk

    for node in walk(chunk):
        if isinstance(node, lua.Name) and getattr(node, "var", None) is None and node.id == "channel":
            return True
        if (
            isinstance(node, lua.Index)
            and isinstance(node.value, lua.Name)
            and getattr(node.value, "var", None) is None
            and node.value.id == "coroutine"
            and isinstance(node.idx, lua.Name)
            and node.idx.id == "spawn"
        ):
            return True
    return False


def _mark_async(root: FuncScope, unit: Unit) -> None:
    scopes = list(all_scopes(root))
    changed = True
    while changed:
        changed = False
        for s in scopes:
            if not s.is_async and any(_may_suspend(c, unit) for c in s.calls):
                s.is_async = True
                changed = True


def _may_suspend(call, unit: Unit) -> bool:
    if isinstance(call, lua.Invoke):
        return True
    f = call.func
    if is_spawn(unit, f):
        return False  # the new coroutine runs until it waits; its spawner never does
    if isinstance(f, lua.Index) and f.notation == lua.IndexNotation.DOT:
        for name in ("channel", "payload"):  # Wippy globals whose calls the registry describes
            if wippy_global(unit, f.value, name):
                fn = registry.function(name, f.idx.id)
                return fn is None or fn.suspends
    if isinstance(f, lua.Name):
        v = f.var
        if v is None:
            # Standard functions never suspend, except the protected calls of
            # functions that may.
            return f.id in ("pcall", "xpcall") or f.id not in _STANDARD_NAMES
        scope = getattr(v, "function_scope", None)
        if v.is_function and not v.assigned and scope is not None:
            return scope.is_async
        return True
    if isinstance(f, lua.Index) and isinstance(f.value, lua.Name):
        module = getattr(f.value.var, "module", None) if f.value.var is not None else None
        if module is not None and f.notation == lua.IndexNotation.DOT:
            fn = registry.function(module, f.idx.id)
            return fn is None or fn.suspends
        if f.value.var is None and f.value.id in ("string", "table", "math", "os", "utf8"):
            return False
    return True


_STANDARD_NAMES = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "print", "rawequal", "rawget",
    "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "unpack", "require",
}
