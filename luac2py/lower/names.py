"""Python names for Lua variables and hidden helpers.

A Lua local keeps its name unless that would change meaning in Python: a
keyword or a name the generated module imports, a name already bound in the
same Python function (Lua block scopes are flatter in Python), or the name of
an outer variable the function refers to. Sequential redeclarations in one
block (``local x ... local x``) reuse the name when no closure holds the old one.
"""

from __future__ import annotations

import keyword

from ..resolve import FuncScope, Var
from ..common import TEMPORARY  # what fresh("_t") gives

# Names generated code binds itself (imports and hidden parameters).
RESERVED = (
    {
        "_ENV",
        "varargs",
        "lua",
        "workflow",
        "activity",
        "timedelta",
        "Table",
        "MetaTable",
        "Cell",
        "LuaSource",
        "luatypes",
        "LuaError",
        "chunk",
        "self_",
        "ACTIVITY_OPTIONS",
        "DEFAULT_RETRY_POLICY",
        "activity_result",
        "channel",
        "spawn",
    }
    | set(keyword.kwlist)
    | {
        # Python builtins generated code uses.
        "len",
        "range",
        "print",
        "type",
        "tuple",
        "dict",
        "str",
        "int",
        "getattr",
        "IndexError",
        "None",
        "True",
        "False",
    }
)


class FunctionNames:
    """The names bound in one Python function."""

    def __init__(self, scope: FuncScope | None, outer: "FunctionNames | None", helpers: set[str]):
        self.scope = scope
        self.outer = outer
        self.used: set[str] = set()
        self.by_block: dict[str, Var] = {}
        self.helpers = helpers
        self.free: set[str] = set()  # Python names of outer variables referenced here
        self.jump_flag: str | None = None  # set while a goto/break leaves several Python loops
        if scope is not None:
            for v in _free_vars(scope):
                if v.py:
                    self.free.add(v.py)

    def taken(self, candidate: str) -> bool:
        return candidate in RESERVED or candidate in self.helpers or candidate in self.used or candidate in self.free

    def declare(self, v: Var) -> str:
        base = _sanitize(v.name)
        if TEMPORARY.fullmatch(base):
            base += "_"  # `_t`, `_t_2` are the compiler's temporaries (runtime/errors.py)
        prev = self.by_block.get(base)
        if (
            prev is not None
            and prev.block == v.block
            and prev.py == base
            and not prev.captured
            and not v.captured
            and not v.boxed
            and not prev.boxed
            and prev.sealed is None  # (its name stays bound: direct calls test it)
        ):
            py = base
        else:
            py = self.fresh(base)
        v.py = py
        self.by_block[base] = v
        return py

    def fresh(self, base: str) -> str:
        base = _sanitize(base)
        candidate = base
        n = 1
        while self.taken(candidate):
            n += 1
            candidate = f"{base}{n}" if base.endswith("_") else f"{base}_{n}"
        self.used.add(candidate)
        return candidate


def _sanitize(name: str) -> str:
    if keyword.iskeyword(name) or name in RESERVED:
        return name + "_"
    return name


def _free_vars(scope: FuncScope) -> set[Var]:
    return getattr(scope, "free", set())
