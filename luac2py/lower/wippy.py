"""Calls to Wippy modules (``require("funcs")``, ``time``, ``errors``, ...).

A local bound once to ``require("<module>")`` is a module alias. What each
module function does (suspends, values returned) is declared in
``runtime/wippy/registry.py``. Calls through an alias lower to the temporalio
construct that does the job where a lowering is registered here with
``@lowers`` and the arguments allow (a literal activity ID becomes ``workflow.execute_activity`` with its
real options; a literal duration becomes ``workflow.sleep``), and otherwise to
a method call on the runtime's module object.
"""

from __future__ import annotations

import ast
import keyword
from typing import Callable

from luaparser import astnodes as lua

from ..analyse import is_spawn, wippy_global
from ..runtime.wippy import registry
from . import pyast as P

# Special lowerings, by (module, function): ``@lowers("funcs", "call")``. A
# lowering may decline (return None): the call then goes to the module object.
LOWERINGS: dict[tuple[str, str], Callable] = {}


def lowers(module: str, name: str):
    if registry.function(module, name) is None:
        raise ValueError(f"{module}.{name} is not in the Wippy module registry")

    def register(method):
        LOWERINGS[(module, name)] = method
        return method

    return register


_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}


def literal_duration_seconds(text: str) -> float | None:
    """Seconds in a Go-style duration literal ("1h30m", "100ms"), or None."""
    import re

    if not re.fullmatch(r"(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+", text):
        return None
    total = 0.0
    for number, _, unit in re.findall(r"(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)", text):
        total += float(number) * _UNITS[unit]
    return total


def timedelta_expr(seconds: float) -> ast.expr:
    parts = []
    rest = seconds
    for unit, size in (("days", 86400), ("hours", 3600), ("minutes", 60)):
        if rest >= size and rest % size == 0:
            parts.append(ast.keyword(unit, P.const(int(rest // size))))
            rest = 0
            break
    if rest:
        value = int(rest) if float(rest).is_integer() else rest
        if value >= 1 or value == 0:
            parts.append(ast.keyword("seconds", P.const(value)))
        else:
            parts.append(ast.keyword("milliseconds", P.const(round(value * 1000, 6))))
    return P.call("timedelta", keywords=parts)


def module_of(cx, e) -> str | None:
    if isinstance(e, lua.Name) and e.var is not None:
        return getattr(e.var, "module", None)
    if wippy_global(cx.unit, e, "channel"):
        return "channel"
    return None


def module_function(cx, e):
    """(module, function) for ``alias.fn(...)`` calls, else None."""
    if not isinstance(e, lua.Call):
        return None
    f = e.func
    if isinstance(f, lua.Index) and f.notation == lua.IndexNotation.DOT:
        mod = module_of(cx, f.value)
        if mod is not None and registry.function(mod, f.idx.id) is not None:
            return mod, f.idx.id
    return None


def returns_pair(cx, e) -> bool:
    found = module_function(cx, e)
    return found is not None and registry.function(*found).values == 2


def module_returns_single(cx, mod, fn) -> bool:
    return registry.function(mod, fn).values == 1


def module_suspends(cx, mod, fn) -> bool:
    return cx.in_async() and registry.function(mod, fn).suspends


def module_call(cx, e):
    if is_spawn(cx.unit, e.func):
        # coroutine.spawn(function() ... end): the def, then one call.
        cx.use_import("luac2py.runtime.wippy.channel", "spawn")
        return P.call("spawn", *calls.arglist(cx, e.args))
    found = module_function(cx, e)
    if found is None:
        return None
    mod, fn = found
    special = LOWERINGS.get((mod, fn))
    if special is not None:
        result = special(cx, e)
        if result is not None:
            return result
    if isinstance(e.func.value, lua.Name) and e.func.value.var is None:
        cx.use_import(f"luac2py.runtime.wippy.{mod}", mod)  # the `channel` global
        alias = P.name(mod)
    else:
        alias = expressions.expr(cx, e.func.value)
    method = fn + "_" if keyword.iskeyword(fn) else fn
    args = calls.arglist(cx, e.args)
    if not module_suspends(cx, mod, fn):
        return P.call(P.attr(alias, method), *args)
    m = registry.MODULES[mod]
    if cx.role == "workflow" or m.workflow == m.activity:
        return P.await_(P.call(P.attr(alias, method), *args))
    # Outside workflows the module object is another, which may or may not wait.
    return P.await_(cx.helper_call("acall", P.attr(alias, method), *args))


# --- funcs.call("ns:activity", ...) --------------------------------------------
@lowers("funcs", "call")
def _call_funcs_call(cx, e):
    if cx.role != "workflow" or not e.args or not isinstance(e.args[0], lua.String):
        return None
    activity_id = e.args[0].value
    # An ID that is no activity of the app is reported by references.py (W310).
    spec = cx.app_context.activity(activity_id) if cx.app_context else None
    local = spec is not None and spec.local
    args = P.ast_list(calls.arglist(cx, e.args[1:]))
    keywords = [ast.keyword("args", args)]
    task_queue = spec.task_queue if spec is not None else None
    if task_queue and not local:
        keywords.append(ast.keyword("task_queue", P.const(task_queue)))
    # The options every such call shares: one module-level constant.
    cx.module_constants["ACTIVITY_OPTIONS"] = P.call(
        "dict",
        keywords=[
            ast.keyword("start_to_close_timeout", timedelta_expr(registry.ACTIVITY_START_TO_CLOSE_SECONDS)),
            ast.keyword("retry_policy", P.name("DEFAULT_RETRY_POLICY")),
        ],
    )
    keywords.append(ast.keyword(None, P.name("ACTIVITY_OPTIONS")))
    cx.use_import("luac2py.runtime.wippy.funcs", "DEFAULT_RETRY_POLICY")
    cx.use_import("luac2py.runtime.wippy.funcs", "activity_result")
    cx.use_import("datetime", "timedelta")
    cx.use_import("temporalio", "workflow")
    execute = "execute_local_activity" if local else "execute_activity"
    call = P.call(P.attr("workflow", execute), P.const(activity_id), keywords=keywords)
    return P.await_(P.call("activity_result", call))


# --- workflow.attrs{search = {Key = value}} ------------------------------------
@lowers("workflow", "attrs")
def _call_workflow_attrs(cx, e):
    """Records the search attributes a literal ``search`` table sets, with
    the Temporal type of each value, so that ``luac2py run`` can register
    them on its dev server. The call itself is the module's."""
    if not e.args or not isinstance(e.args[0], lua.Table):
        return None
    for f in e.args[0].fields:
        if _field_name(f) == "search" and isinstance(f.value, lua.Table):
            for attr in f.value.fields:
                name = _field_name(attr)
                if name is not None:
                    cx.search_attributes.setdefault(name, _search_attribute_type(attr.value))
    return None


# --- time.sleep("1h") ---------------------------------------------------------
@lowers("time", "sleep")
def _call_time_sleep(cx, e):
    if cx.role != "workflow" or len(e.args) != 1 or not isinstance(e.args[0], lua.String):
        return None
    seconds = literal_duration_seconds(e.args[0].value)
    if seconds is None:
        return None
    cx.use_import("datetime", "timedelta")
    cx.use_import("temporalio", "workflow")
    return P.await_(P.call(P.attr("workflow", "sleep"), timedelta_expr(seconds)))


def _field_name(f) -> str | None:
    """The string key of a table constructor field, when it is a literal."""
    key = getattr(f, "key", None)
    if isinstance(key, lua.Name) and not getattr(f, "between_brackets", False):
        return key.id
    if isinstance(key, lua.String):
        return key.value
    return None


def _search_attribute_type(value) -> str:
    # As runtime/wippy/workflow.py's search_attribute_type, from the syntax.
    if isinstance(value, (lua.TrueExpr, lua.FalseExpr)):
        return "Bool"
    if isinstance(value, lua.Number):
        return "Int" if isinstance(value.n, int) else "Double"
    if isinstance(value, lua.Table):
        return "KeywordList"
    return "Keyword"


# The other areas of this pass, imported last: they import this module too.
from . import calls, expressions  # noqa: E402
