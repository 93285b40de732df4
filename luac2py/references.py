"""Literal entry IDs in calls that must name an entry of the app (W310).

``funcs.call("app:fn")`` with an ID the app does not define fails with
NOT_FOUND only when it runs. This pass, run on every compiled source after
resolve and whatever its role, finds such calls whose first argument is a
string literal and checks the ID against the app's entries:

- ``funcs.call`` / ``funcs.async`` and an executor's ``:call`` / ``:async``:
  from workflow code an activity (a function entry with
  ``meta.temporal.activity``), from other code any function entry (it runs
  in the process);
- ``workflow.exec``: a workflow entry;
- ``process.spawn*`` / ``process.exec`` and a process builder's: a workflow
  or process entry.

Executors are chains of ``with_*`` calls rooted at ``funcs.new()``, process
builders chains rooted at ``process.with_options()`` / ``with_context()``;
either may go through locals assigned once. IDs are taken as written, as
the runtime takes them: one without ``ns:`` names no entry.
"""

from __future__ import annotations

from luaparser import astnodes as lua
from luaparser.ast import walk

from .diagnostics import Diagnostics
from .load import suggest_id
from .resolve import node_col, node_line
from .runtime.wippy import registry

# Entry kinds (without ".lua") each expectation accepts; "function" is
# checked against the IDs the caller passes (in workflow code the activities,
# as only those are registered).
ACCEPTED = {"workflow": ("workflow",), "workflow or process": ("workflow", "process")}
# What each call's ID must name is the registry's ``Fn.entry``; a builder's
# method takes the same as the module function of its name.
# module -> module functions that start a builder of that module's methods
BUILDERS = {"funcs": ("new",), "process": ("with_options", "with_context")}


def _entry_kind(module: str, name: str) -> str | None:
    fn = registry.function(module, name)
    return None if fn is None else fn.entry


def check_references(
    chunk,
    resolver,
    file: str,
    entry_kinds: dict[str, str],
    functions,
    diags: Diagnostics,
) -> None:
    """Warn (W310) for each call whose literal ID names no entry of the kind it needs.
    ``entry_kinds``: entry ID -> kind without ".lua" (``temporal.worker`` as is);
    ``functions``: the IDs ``funcs.call`` may name (in workflow code the activities')."""
    calls = _Calls(chunk, resolver)
    for node in walk(chunk):
        expected = calls.expectation(node)
        if expected is None or not node.args or not isinstance(node.args[0], lua.String):
            continue
        literal = node.args[0]
        # Lua strings hold bytes (one char each); YAML IDs are UTF-8.
        text = literal.value.encode("latin-1").decode("utf-8", "replace")
        problem = _problem(text, expected, entry_kinds, functions)
        if problem is not None:
            message, hint = problem
            line = node_line(literal, node_line(node, 1))
            diags.warning(file, line, node_col(literal), message, code="W310", hint=hint)


def _problem(target: str, expected: str, entry_kinds: dict, functions) -> tuple[str, str | None] | None:
    """(message, hint) when ``target`` is not an entry of the ``expected`` kind."""
    if expected == "function":
        fits = set(functions)
    else:
        fits = {i for i, kind in entry_kinds.items() if kind in ACCEPTED[expected]}
    if target in fits:
        return None
    fails = "the call will fail with NOT_FOUND at run time"
    hint = suggest_id(target, sorted(fits))
    kind = entry_kinds.get(target)
    if kind is None:
        if hint is None and ":" not in target:
            hint = "entry IDs are written namespace:name"
        return f"'{target}' is not a {expected} entry of this app; {fails}", hint
    if expected == "function" and kind == "function":
        # A function entry without meta.temporal.activity: no worker registers it.
        message = f"'{target}' is a function entry but not an activity (no meta.temporal.activity); {fails}"
        return message, f"give {target} meta.temporal.activity.worker"
    return f"'{target}' is a {kind} entry, not a {expected} entry; {fails}", hint


class _Calls:
    """Which calls of a chunk take an entry ID, from its module aliases and builders."""

    def __init__(self, chunk, resolver):
        # Locals assigned exactly once (at their declaration) -> that value.
        self.values: dict = {}
        for node in walk(chunk):
            if isinstance(node, lua.LocalAssign):
                for target, value in zip(node.targets, node.values or []):
                    var = getattr(target, "var", None)
                    if var is not None and not var.assigned:
                        self.values[var] = value
        # `process` needs no require in Wippy: the global is the module unless the code replaces it.
        self.global_process = "process" not in resolver.globals_written and not resolver.env_as_value

    def expectation(self, node) -> str | None:
        """What the ID a call takes must name, or None for calls that take none."""
        if isinstance(node, lua.Call) and isinstance(node.func, lua.Index):
            found = self.module_function(node.func)
            return _entry_kind(*found) if found else None
        if isinstance(node, lua.Invoke) and isinstance(node.func, lua.Name):
            builder = self.builder(node.source)
            return _entry_kind(builder, node.func.id) if builder else None
        return None

    def module_function(self, index) -> tuple[str, str] | None:
        """(module, function) for ``alias.function``."""
        if index.notation != lua.IndexNotation.DOT or not isinstance(index.idx, lua.Name):
            return None
        module = self.module(index.value)
        return (module, index.idx.id) if module else None

    def module(self, expr) -> str | None:
        """The Wippy module ``expr`` is: a local bound once to ``require("m")``, or the global ``process``."""
        if not isinstance(expr, lua.Name):
            return None
        var = getattr(expr, "var", None)
        if var is None:
            return "process" if expr.id == "process" and self.global_process else None
        value = self.values.get(var)
        if isinstance(value, lua.Name):  # `local f = funcs`
            return self.module(value)
        if (
            isinstance(value, lua.Call)
            and isinstance(value.func, lua.Name)
            and value.func.id == "require"
            and getattr(value.func, "var", None) is None
            and len(value.args) == 1
            and isinstance(value.args[0], lua.String)
        ):
            return value.args[0].value
        return None

    def builder(self, expr) -> str | None:
        """The module whose builder (executor, process options) ``expr`` is, if it is one."""
        if isinstance(expr, lua.Name):
            var = getattr(expr, "var", None)
            value = self.values.get(var) if var is not None else None
            # A local's value refers only to names declared before it: no cycle.
            return self.builder(value) if value is not None else None
        if isinstance(expr, lua.Call) and isinstance(expr.func, lua.Index):
            found = self.module_function(expr.func)
            if found and found[1] in BUILDERS.get(found[0], ()):
                return found[0]
            return None
        if isinstance(expr, lua.Invoke) and isinstance(expr.func, lua.Name) and expr.func.id.startswith("with_"):
            # Each with_* method of a builder returns a new builder.
            return self.builder(expr.source)
        return None
