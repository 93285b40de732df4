"""Pass 4 (analyse), workflow role only: determinism diagnostics.

A workflow's code is run again on replay and must take the same path with the
same values. The build rejects, in every source compiled in the workflow role,
what would not: reading the clock, the environment or randomness, touching
files or the process, compiling code at run time, and state kept in globals.
Activities (and scripts) may do all of it, so their code is never checked.

| code | problem                                                                 |
|------|-------------------------------------------------------------------------|
| E040 | ``os.time``, ``os.clock``, ``os.date`` without a time argument: a clock |
| E041 | ``os.getenv``, ``os.exit``, ``os.execute``, ``os.remove``,              |
|      | ``os.rename``, ``os.tmpname``, ``os.setlocale``: the worker's process,  |
|      | environment or file system                                              |
| E042 | ``math.random``, ``math.randomseed``                                    |
| E043 | any use of ``io``                                                       |
| E044 | ``load``, ``loadstring``, ``dofile``, ``loadfile``; ``require`` of a    |
|      | computed name or passed as a value (a file found at run time)           |
| E045 | assignment to a global: ``x = 1``, ``function f() end``, ``_G.x = 1``,  |
|      | ``_ENV.x = 1``, ``rawset(_G, k, v)``                                    |
| E046 | ``require`` of a module workflows may not load (``http_client``, ...)   |

Of ``os``, ``difftime`` (arithmetic) and ``date`` with a time stay allowed;
the rest reads state that differs between workers and runs, or
acts on the worker in a way a replay would repeat. ``print`` and
``collectgarbage`` are not checked.

E0xx are the checks that depend on the app (E001-E021 its YAML, E030-E031 Lua
against entries); these depend on the entry's role. ``require`` of a literal
name that is neither a listed module nor an import is E031 (requires.py).

The library is followed through globals (``os.time``), ``_G``/``_ENV`` fields
(``_G.os.time``), string keys (``os["time"]``), ``require("os")`` and locals
that are never reassigned (``local o = os``, ``local t = os.time``,
``local r = o.random``, ``local _ENV = _G``), in any function that sees them.
A forbidden function is reported where it is called, or where it is taken as a
value (``pcall(os.time)``). Not followed: values passed through parameters,
tables, return values or reassigned locals (``local o; o = os``), computed keys
(``os[k]``), ``rawget``, ``getmetatable``, and ``os.date`` taken as a value
(whether it gets a time is not known).
"""

from __future__ import annotations

from luaparser import astnodes as lua
from luaparser.ast import walk

from .diagnostics import Diagnostics
from .load import WORKFLOW_FORBIDDEN_MODULES

_IN_ACTIVITY = "do it in an activity (function.lua) and pass the result in"
_NO_RUNTIME_CODE = "write the code in the workflow's Lua source, or require an app module"
_OWN_STATE = "keep state in locals or in a table the workflow owns"

# Qualified library name -> (code, what it does, hint).
FORBIDDEN = {
    "os.time": ("E040", "reads the wall clock", "use time.now(), which is workflow time and the same on replay"),
    "os.clock": ("E040", "reads the CPU clock", "measure with time.now()"),
    "os.getenv": ("E041", "reads the worker's environment", _IN_ACTIVITY),
    "os.exit": ("E041", "ends the worker process", "return from the workflow, or fail it with error()"),
    "os.execute": ("E041", "runs a command on the worker", _IN_ACTIVITY),
    "os.remove": ("E041", "changes the worker's file system", _IN_ACTIVITY),
    "os.rename": ("E041", "changes the worker's file system", _IN_ACTIVITY),
    "os.tmpname": ("E041", "creates a file on the worker", _IN_ACTIVITY),
    "os.setlocale": ("E041", "reads or changes the worker's locale", _IN_ACTIVITY),
    "math.random": (
        "E042",
        "gives other numbers on replay",
        "use uuid.v4() or crypto.random_bytes(n), which the workflow history records, or pass the value in",
    ),
    "math.randomseed": ("E042", "seeds a generator that differs on replay", "pass random values in, or use uuid.v4()"),
    "load": ("E044", "compiles code at run time", _NO_RUNTIME_CODE),
    "loadstring": ("E044", "compiles code at run time", _NO_RUNTIME_CODE),
    "dofile": ("E044", "runs a Lua file found at run time", _NO_RUNTIME_CODE),
    "loadfile": ("E044", "compiles a Lua file found at run time", _NO_RUNTIME_CODE),
}
IO = ("E043", "reads or writes outside the workflow history", "do file and console I/O in an activity (function.lua)")
DYNAMIC_REQUIRE = (
    "E044",
    "require of a module named at run time is not allowed in workflow code",
    "require a module by its literal name, listed under modules: or imports: of the entry",
)
ENVIRONMENT_TABLES = ("_G", "_ENV")
# Standard libraries `require` returns, followed like their globals.
REQUIRABLE_LIBRARIES = ("os", "io", "math")


def check_determinism(chunk: lua.Chunk, file: str, diags: Diagnostics, imported: frozenset[str] = frozenset()) -> None:
    """Report every determinism problem (E040-E046) of one resolved chunk compiled as workflow code.
    ``imported``: the names ``require`` loads app entries by (``imports:``)."""
    _Checker(chunk, file, diags, imported).run()


class _Checker:
    def __init__(self, chunk: lua.Chunk, file: str, diags: Diagnostics, imported: frozenset[str]):
        self.file = file
        self.diags = diags
        self.imported = imported
        self.tokens = getattr(chunk, "token_list", None) or []
        self.nodes = list(walk(chunk))
        self.parents: dict[int, lua.Node] | None = None  # made for the first report
        self.aliases: dict = {}  # Var -> qualified library name
        self.alias_values: set[int] = set()  # the initialisers of those locals

    def run(self) -> None:
        self._find_aliases()
        handled: set[int] = set()  # nodes a rule below has looked at as a whole
        for node in self.nodes:
            if isinstance(node, lua.Call):
                handled.add(id(node.func))
                self._check_call(node)
            elif isinstance(node, lua.LocalAssign):
                handled.update(id(t) for t in node.targets)
            elif isinstance(node, lua.Assign):
                for target in node.targets:
                    handled.add(id(target))
                    self._check_global_target(target, function=False)
            elif isinstance(node, lua.Function):
                handled.add(id(node.name))
                self._check_global_target(node.name, function=True)
            elif isinstance(node, lua.Method) and self.qualified(node.source) in ENVIRONMENT_TABLES:
                self._report_global(node, f"global '{node.name.id}'", _OWN_STATE)
            elif isinstance(node, lua.Index) and self.qualified(node) is not None:
                handled.add(id(node.value))  # the chain is judged as a whole
        for node in self.nodes:
            if id(node) not in handled and id(node) not in self.alias_values and _is_reference(node):
                self._check_value(node)

    # --- what a name or chain denotes -----------------------------------------------
    def _find_aliases(self) -> None:
        """Locals that hold a library table or function for their whole life."""
        assigns = [n for n in self.nodes if isinstance(n, lua.LocalAssign)]
        changed = True
        while changed:  # `local o = os` before `local t = o.time`, in any order
            changed = False
            for statement in assigns:
                for target, value in zip(statement.targets, statement.values or []):
                    var = getattr(target, "var", None)
                    if var is None or var.assigned or var in self.aliases:
                        continue
                    name = self.qualified(value)
                    if name is not None:
                        self.aliases[var] = name
                        self.alias_values.add(id(value))
                        changed = True

    def qualified(self, node) -> str | None:
        """``os.time`` for an expression that is the standard one, else None."""
        if isinstance(node, lua.Name):
            if not hasattr(node, "var"):
                return None  # not a variable reference
            if node.var is not None:
                return self.aliases.get(node.var)
            env = getattr(node, "env_var", None)
            if env is not None and self.aliases.get(env) not in ENVIRONMENT_TABLES:
                return None  # a field of a `local _ENV` table
            return node.id
        if isinstance(node, lua.Index):
            key = _literal_key(node)
            base = self.qualified(node.value) if key is not None else None
            if base is None:
                return None
            return key if base in ENVIRONMENT_TABLES else f"{base}.{key}"
        if isinstance(node, lua.Call) and self.qualified(node.func) == "require":
            module = _literal_argument(node)
            return module if module in REQUIRABLE_LIBRARIES else None
        return None

    # --- the rules --------------------------------------------------------------------
    def _check_call(self, call: lua.Call) -> None:
        name = self.qualified(call.func)
        if name is None:
            return
        through = _through_local(call.func)
        if name == "os.date":
            if not _has_time_argument(call.args):
                self._report(
                    call,
                    "E040",
                    f"os.date{through} without a time argument is not allowed in workflow code: it reads the wall clock",
                    "pass the time: os.date(format, t), with t from time.now():unix()",
                )
        elif name == "require":
            module = _literal_argument(call)
            if module is None:
                self._report(call, *DYNAMIC_REQUIRE)
            elif module in WORKFLOW_FORBIDDEN_MODULES and module not in self.imported:
                self._report(
                    call,
                    "E046",
                    f"module '{module}' is not allowed in workflow code",
                    "call it from an activity (function.lua) with funcs.call",
                )
        elif name == "rawset" and call.args and self.qualified(call.args[0]) in ENVIRONMENT_TABLES:
            key = call.args[1].value if len(call.args) > 1 and isinstance(call.args[1], lua.String) else None
            self._report_global(call, f"global '{key}'" if key is not None else "a global", _OWN_STATE)
        else:
            self._check_library(call, name, through)

    def _check_value(self, node) -> None:
        name = self.qualified(node)
        if name == "require":
            self._report(node, *DYNAMIC_REQUIRE)
        elif name is not None:
            self._check_library(node, name, _through_local(node))

    def _check_library(self, node, name: str, through: str) -> None:
        if name == "io" or name.startswith("io."):
            code, does, hint = IO
        elif name in FORBIDDEN:
            code, does, hint = FORBIDDEN[name]
        else:
            return
        self._report(node, code, f"{name}{through} is not allowed in workflow code: it {does}", hint)

    def _check_global_target(self, target, function: bool) -> None:
        if isinstance(target, lua.Name):
            env = getattr(target, "env_var", None)
            if target.var is not None or (env is not None and self.aliases.get(env) not in ENVIRONMENT_TABLES):
                return  # a local, or a field of a `local _ENV` table
            local = f"local function {target.id}() ... end" if function else f"local {target.id} = ..."
            self._report_global(target, f"global '{target.id}'", f"declare it local: {local}")
        elif isinstance(target, lua.Index) and self.qualified(target.value) in ENVIRONMENT_TABLES:
            key = _literal_key(target)
            self._report_global(target, f"global '{key}'" if key is not None else "a global", _OWN_STATE)

    def _report_global(self, node, what: str, hint: str) -> None:
        self._report(node, "E045", f"assignment to {what} is not allowed in workflow code", hint)

    def _report(self, node, code: str, message: str, hint: str) -> None:
        line, col = self._position(node)
        self.diags.error(self.file, line, col, message, code=code, hint=hint)

    # --- positions --------------------------------------------------------------------
    # luaparser gives callee names, index bases and assignment targets no token,
    # and a call statement's first token is wrong. Every suffix chain ends in a
    # token it does record (a key, `]`, or the call's arguments), so positions
    # are read from the token stream backwards from there.

    def _position(self, node) -> tuple[int, int]:
        while node is not None:
            end = self._end(node)
            start = self._start(node, end) if end is not None else None
            if start is not None:
                token = self.tokens[start]
                return token.line, token.column + 1
            node = self._parent(node)  # no position of its own: its parent's
        return 1, 1

    def _parent(self, node):
        if self.parents is None:
            self.parents = {id(child): parent for parent in self.nodes for child in _children(parent)}
        return self.parents.get(id(node))

    def _end(self, node) -> int | None:
        """Index of the node's last token (its closing parenthesis when wrapped)."""
        last = getattr(node, "last_token", None)
        if last is not None:
            return last.tokenIndex
        parent = self._parent(node)
        if isinstance(parent, lua.Assign) and not isinstance(parent, lua.LocalAssign):
            return self._target_end(parent, node)
        if parent is not None and _prefix(parent) is node:
            parent_end = self._end(parent)
            if parent_end is not None:
                return self._prefix_end(parent, self._unwrapped(parent, parent_end))
        return None

    def _target_end(self, assign: lua.Assign, target) -> int | None:
        """Targets are read left to right from the statement's first token."""
        first = getattr(assign, "first_token", None)
        if first is None:
            return None
        at = first.tokenIndex
        for t in assign.targets:
            end = at if isinstance(t, lua.Name) else self._end(t)
            if end is None:
                return None
            if t is target:
                return end
            at = end + 2  # past the comma
        return None

    def _start(self, node, end: int) -> int | None:
        """Index of the first token of ``node``, which ends at ``end``."""
        if not 0 <= end < len(self.tokens):
            return None
        end = self._unwrapped(node, end)
        if isinstance(node, lua.Name):
            return end if self.tokens[end].text == node.id else None
        prefix = _prefix(node)
        if prefix is not None:
            return self._start(prefix, self._prefix_end(node, end))
        first = getattr(node, "first_token", None)
        return first.tokenIndex if first is not None else None

    def _prefix_end(self, node, end: int) -> int:
        """Last token of the prefix of the suffix expression ``node`` ending at ``end``."""
        if isinstance(node, lua.Index):
            return end - 2 if node.notation == lua.IndexNotation.DOT else self._opening(end) - 1
        arguments = self._opening(end) if self.tokens[end].text in (")", "}") else end  # or one string
        return arguments - 1 if isinstance(node, lua.Call) else arguments - 3  # an Invoke: before `:name`

    def _unwrapped(self, node, end: int) -> int:
        """The last token inside the parentheses of ``(expr)``, ``((expr))``."""
        if not getattr(node, "wrapped", False) or self.tokens[end].text != ")":
            return end
        start = self._opening(end)
        end -= 1
        while self.tokens[end].text == ")" and self._opening(end) == start + 1:
            start, end = start + 1, end - 1
        return end

    def _opening(self, close: int) -> int:
        depth = 0
        for i in range(close, -1, -1):
            text = self.tokens[i].text
            if text in (")", "]", "}"):
                depth += 1
            elif text in ("(", "[", "{"):
                depth -= 1
                if depth == 0:
                    return i
        return 0


# Nodes the resolver links to that are not syntax children (a loop body's loop).
_LINKS = ("loop", "label")


def _children(node):
    for key, value in vars(node).items():
        if key in _LINKS:
            continue
        if isinstance(value, lua.Node):
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, lua.Node))


def _prefix(node):
    """What the suffix of ``a.k``, ``a[k]``, ``f(...)``, ``o:m(...)`` applies to."""
    if isinstance(node, lua.Index):
        return node.value
    if isinstance(node, lua.Call):
        return node.func
    if isinstance(node, lua.Invoke):
        return node.source
    return None


def _is_reference(node) -> bool:
    return isinstance(node, lua.Index) or (isinstance(node, lua.Name) and hasattr(node, "var"))


def _literal_key(index: lua.Index) -> str | None:
    if index.notation == lua.IndexNotation.DOT and isinstance(index.idx, lua.Name):
        return index.idx.id
    if isinstance(index.idx, lua.String):
        return index.idx.value
    return None


def _literal_argument(call: lua.Call) -> str | None:
    if call.args and isinstance(call.args[0], lua.String):
        return call.args[0].value
    return None


def _through_local(node) -> str:
    """`` (local 't')`` when the library value is reached through a local alias."""
    if isinstance(node, lua.Name) and getattr(node, "var", None) is not None:
        return f" (local '{node.id}')"
    return ""


def _has_time_argument(args: list) -> bool:
    if len(args) >= 2:
        return not isinstance(args[1], lua.Nil)
    # `os.date(f())` and `os.date(...)` may pass the time as a second value.
    spreads = len(args) == 1 and isinstance(args[0], (lua.Call, lua.Invoke, lua.Varargs, lua.Dots))
    return spreads and not getattr(args[0], "wrapped", False)
