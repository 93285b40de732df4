"""Calls to Wippy modules (``require("funcs")``, ``time``, ``errors``, ...).

A local bound once to ``require("<module>")`` is a module alias. Calls through
it lower to the temporalio construct that does the job where the arguments
allow (a literal activity ID becomes ``workflow.execute_activity`` with its
real options; a literal duration becomes ``workflow.sleep``), and otherwise to
a method call on the runtime's module object.
"""

from __future__ import annotations

import ast
import keyword

from luaparser import astnodes as lua

from . import pyast as P

# module -> function -> (suspends in workflow code, returns exactly one value)
# Functions returning `value, err` always return exactly two values (PAIRS).
UUID_PAIRS = "v1 v3 v4 v5 v7 validate version variant parse format"
HASH_PAIRS = "md5 sha1 sha256 sha512 fnv32 fnv64 hmac_md5 hmac_sha1 hmac_sha256 hmac_sha512"
HTTP_PAIRS = "get post put patch delete head request request_batch decode_uri"
PAIRS = {("funcs", "call"), ("workflow", "exec"), ("workflow", "attrs"), ("json", "encode"), ("json", "decode"),
         ("base64", "decode"), ("ctx", "get"), ("time", "parse_duration"),
         ("crypto", "random_bytes"), ("crypto", "pbkdf2"),
         *(("uuid", f) for f in UUID_PAIRS.split()),
         *(("hash", f) for f in HASH_PAIRS.split()),
         *(("http_client", f) for f in HTTP_PAIRS.split())}  # fmt: skip
MODULES: dict[str, dict[str, tuple[bool, bool]]] = {
    "funcs": {"call": (True, False), "new": (False, True), "async": (False, True)},
    "time": {
        "sleep": (True, False),
        "now": (False, True),
        "after": (False, True),
        "parse_duration": (False, False),
        "unix": (False, True),
    },
    "errors": {"new": (False, True), "wrap": (False, True), "is": (False, True)},
    "workflow": {
        "info": (False, True),
        "exec": (True, False),
        "version": (False, True),
        "attrs": (False, False),
        "history_length": (False, True),
        "history_size": (False, True),
        "continue_as_new": (True, False),
    },
    "process": {"upgrade": (True, False)},
    "uuid": dict.fromkeys(UUID_PAIRS.split(), (False, False)),
    "crypto": {"random_bytes": (False, False), "pbkdf2": (False, False), "constant_time_compare": (False, True)},
    "hash": dict.fromkeys(HASH_PAIRS.split(), (False, False)),
    "http_client": {**dict.fromkeys(HTTP_PAIRS.split(), (False, False)), "encode_uri": (False, True)},
    "json": {"encode": (False, False), "decode": (False, False)},
    "base64": {"encode": (False, True), "decode": (False, False)},
    "ctx": {"get": (False, False), "all": (False, True)},
}

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


class WippyMixin:
    def module_of(self, e) -> str | None:
        if isinstance(e, lua.Name) and e.var is not None:
            return getattr(e.var, "module", None)
        return None

    def module_function(self, e):
        """(module, function) for ``alias.fn(...)`` calls, else None."""
        if not isinstance(e, lua.Call):
            return None
        f = e.func
        if isinstance(f, lua.Index) and f.notation == lua.IndexNotation.DOT:
            mod = self.module_of(f.value)
            if mod is not None and f.idx.id in MODULES.get(mod, {}):
                return mod, f.idx.id
        return None

    def returns_pair(self, e) -> bool:
        return self.module_function(e) in PAIRS

    def module_returns_single(self, mod, fn) -> bool:
        return MODULES[mod][fn][1]

    def module_suspends(self, mod, fn) -> bool:
        return self.role == "workflow" and MODULES[mod][fn][0]

    def module_call(self, e):
        found = self.module_function(e)
        if found is None:
            return None
        mod, fn = found
        special = getattr(self, f"_call_{mod}_{fn}", None)
        if special is not None:
            result = special(e)
            if result is not None:
                return result
        alias = self.expr(e.func.value)
        method = fn + "_" if keyword.iskeyword(fn) else fn
        call = P.call(P.attr(alias, method), *self.arglist(e.args))
        return P.await_(call) if self.module_suspends(mod, fn) else call

    # --- funcs.call("ns:activity", ...) --------------------------------------------
    def _call_funcs_call(self, e):
        if self.role != "workflow" or not e.args or not isinstance(e.args[0], lua.String):
            return None
        activity_id = e.args[0].value
        # An ID that is no activity of the app is reported by references.py (W310).
        spec = self.app_context.activity(activity_id) if self.app_context else None
        local = spec is not None and spec.local
        args = P.ast_list(self.arglist(e.args[1:]))
        keywords = [ast.keyword("args", args)]
        task_queue = spec.task_queue if spec is not None else None
        if task_queue and not local:
            keywords.append(ast.keyword("task_queue", P.const(task_queue)))
        keywords.append(ast.keyword("start_to_close_timeout", timedelta_expr(600)))
        keywords.append(ast.keyword("retry_policy", P.name("DEFAULT_RETRY_POLICY")))
        self.use_import("luac2py.runtime.wippy.funcs", "DEFAULT_RETRY_POLICY")
        self.use_import("luac2py.runtime.wippy.funcs", "activity_result")
        self.use_import("datetime", "timedelta")
        self.use_import("temporalio", "workflow")
        execute = "execute_local_activity" if local else "execute_activity"
        call = P.call(P.attr("workflow", execute), P.const(activity_id), keywords=keywords)
        return P.await_(P.call("activity_result", call))

    # --- workflow.attrs{search = {Key = value}} ------------------------------------
    def _call_workflow_attrs(self, e):
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
                        self.search_attributes.setdefault(name, _search_attribute_type(attr.value))
        return None

    # --- time.sleep("1h") ---------------------------------------------------------
    def _call_time_sleep(self, e):
        if self.role != "workflow" or len(e.args) != 1 or not isinstance(e.args[0], lua.String):
            return None
        seconds = literal_duration_seconds(e.args[0].value)
        if seconds is None:
            return None
        self.use_import("datetime", "timedelta")
        self.use_import("temporalio", "workflow")
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
