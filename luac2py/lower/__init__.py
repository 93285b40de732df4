"""Pass 5: Lua AST -> Python AST, for one Lua file.

A visitor over an explicit context: ``LowerContext`` declares everything the
lowering shares, and each language area is a module of functions taking it
first (``expressions``, ``calls``, ``statements``, ``functions``, ``wippy``;
the facts they use come from ``types``, ``arrays``, ``specialise``,
``fusion`` and ``classes``). Two tables send each luaparser node type to its
function (``EXPRESSION_HANDLERS``, ``STATEMENT_HANDLERS``). Statements an
expression needs first (a ``def`` for a function expression) go to
``cx.pre`` and are emitted just before the current statement.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from luaparser import astnodes as lua

from ..analyse import Unit
from ..diagnostics import Diagnostics
from ..resolve import FuncScope, node_line
from ..runtime import HELPERS
from . import pyast as P
from . import arrays, calls, classes, expressions, functions, statements
from .arrays import find_local_arrays, find_string_free_tables, is_local_array
from .calls import find_closure_results
from .classes import Sealed
from .names import FunctionNames
from .specialise import specialise_int_functions
from .types import infer as infer_types

# Runtime helpers generated code may import from ``luac2py.runtime``.
RUNTIME_HELPERS = HELPERS
# Builtins inline type guards use (`type(x) is int`): never Lua locals' names.
GUARD_BUILTINS = {"int", "float", "bool", "str", "abs"}

# Standard globals the lowering may bind statically (``lua.print``).
STANDARD_GLOBALS = {
    "assert": "lua_assert",
    "error": "error",
    "getmetatable": "getmetatable",
    "ipairs": "ipairs",
    "next": "next",
    "pairs": "pairs",
    "pcall": "pcall",
    "print": "print",
    "rawequal": "rawequal",
    "rawget": "rawget",
    "rawlen": "rawlen",
    "rawset": "rawset",
    "select": "select",
    "setmetatable": "setmetatable",
    "tonumber": "tonumber",
    "tostring": "tostring",
    "type": "type",
    "unpack": "unpack",
    "xpcall": "xpcall",
}
STANDARD_LIBRARIES = ("string", "table", "math", "os", "utf8")


class InternalError(Exception):
    """A compiler bug, reported with the Lua position being compiled."""


@dataclass(eq=False)
class LowerContext:
    """Everything the lowering of one Lua file shares. Each language area
    (``expressions``, ``calls``, ``statements``, ``functions``, ``wippy``, with
    the facts of ``types``, ``arrays``, ``specialise``, ``fusion``,
    ``classes``) is a module of functions taking this context first; the two
    tables below send each Lua node to its function."""

    chunkname: str
    diags: Diagnostics
    unit: Unit
    role: str = "script"  # "script" | "workflow" | "activity" | "library"
    app_context: object = None  # the app's activities and task queues (build.py), None for scripts
    expr_handlers: dict = field(default_factory=dict)  # Lua expression node type -> function(cx, e)
    stmt_handlers: dict = field(default_factory=dict)  # Lua statement node type -> function(cx, s)
    # What the generated module needs, collected while lowering.
    search_attributes: dict[str, str] = field(default_factory=dict)  # set by workflow.attrs{search = {...}}
    module_constants: dict[str, ast.expr] = field(default_factory=dict)  # module-level NAME = value
    helpers: set[str] = field(default_factory=lambda: set(RUNTIME_HELPERS) | GUARD_BUILTINS)
    used_helpers: set[str] = field(default_factory=set)
    imports: dict[str, set[str]] = field(default_factory=dict)
    # Where the lowering is.
    pre: list[ast.stmt] = field(default_factory=list)  # statements an expression needs first (a def)
    line: int = 1  # the Lua line being lowered
    names: FunctionNames | None = None  # Python names of the function being lowered
    scope: FuncScope | None = None
    extra_values: object = None
    py_loops: list = field(default_factory=list)  # Python loops being lowered in the current function
    jump_count: int = 0
    float_minded: dict[int, bool] = field(default_factory=dict)  # id(FuncScope) -> writes_floats()
    positive_vars: set = field(default_factory=set)  # loop variables known to be above 0 here
    substituted: dict = field(default_factory=dict)  # id(Lua expression) -> temporary holding its value (fusion.py)
    # Facts found before lowering.
    class_facts: Sealed = field(default_factory=Sealed)  # sealed classes (classes.py)
    type_facts: object = None  # the chunk's TypeFacts (expressions.type_facts)

    # --- services ------------------------------------------------------------------
    def helper_call(self, helper: str, *args, keywords=None) -> ast.Call:
        self.used_helpers.add(helper)
        return P.call(helper, *args, keywords=keywords)

    def use_import(self, module: str, name: str) -> None:
        self.imports.setdefault(module, set()).add(name)

    def temp(self) -> str:
        return self.names.fresh("_t")

    def in_async(self) -> bool:
        return self.scope is not None and self.scope.is_async

    def internal(self, node, message) -> InternalError:
        return InternalError(f"{self.chunkname}:{node_line(node, self.line)}: internal compiler error: {message}")

    def static_global(self, ident: str) -> ast.expr | None:
        """``lua.<name>`` for a standard global the unit never reassigns."""
        if self.unit.env_as_value or ident in self.unit.globals_written:
            return None
        attr = STANDARD_GLOBALS.get(ident)
        if attr is None:
            if ident in STANDARD_LIBRARIES:
                # Wippy code (an app's entries) has Wippy's table library.
                wippy = ident == "table" and self.role != "script"
                return P.attr(P.attr("lua", ident), "WIPPY_LIB" if wippy else "LIB")
            return None
        return P.attr("lua", attr)

    def static_library_field(self, lib: str, field_name: str) -> ast.expr | None:
        """``lua.string.format`` for a library function the unit never replaces."""
        if lib not in STANDARD_LIBRARIES or self.unit.env_as_value or lib in self.unit.globals_written:
            return None
        if field_name in self.unit.library_fields_written.get(lib, ()):
            return None
        from ..runtime import lib as runtime_lib

        module = runtime_lib.LIBRARIES.get(lib)
        if module is None or not hasattr(module, field_name) or not field_name.isidentifier():
            return None
        if field_name not in getattr(module, "LIB", ()):
            return None
        return P.attr(P.attr("lua", lib), field_name)


def new_context(chunkname: str, diags: Diagnostics, unit: Unit, role: str = "script", app_context=None) -> LowerContext:
    return LowerContext(
        chunkname, diags, unit, role, app_context, expr_handlers=EXPRESSION_HANDLERS, stmt_handlers=STATEMENT_HANDLERS
    )


def _assign_stmt(cx: LowerContext, s):
    # Stores into local arrays (arrays.py), plain tables (expressions.plain_store)
    # and objects' fields (expressions.field_update, field_store), else the general case.
    if len(s.targets) == 1 and type(s.targets[0]) is lua.Index and is_local_array(s.targets[0].value):
        return arrays.array_store(cx, s)

    def general():
        return expressions.field_store(cx, s) or statements._assign(cx, s)

    return expressions.plain_store(cx, s) or expressions.field_update(cx, s, general) or general()


EXPRESSION_HANDLERS = {**expressions.EXPRESSION_HANDLERS, lua.Call: calls._call_expr, lua.Invoke: calls._call_expr}
STATEMENT_HANDLERS = {
    **statements.STATEMENT_HANDLERS,
    lua.Assign: _assign_stmt,
    **functions.FUNCTION_STATEMENT_HANDLERS,
    lua.Call: calls._call_stmt,
    lua.Invoke: calls._call_stmt,
}


def lower_chunk(cx: LowerContext, chunk, scope: FuncScope) -> ast.Module:
    """The Python module of a resolved and analysed Lua chunk."""
    chunk.name_hint = "chunk"
    cx.names = FunctionNames(None, None, cx.helpers)
    cx.names.used.add("chunk")
    cx.pre = []
    sources = infer_types(cx, chunk)  # Var.static_type / Var.int_range (lower/types.py)
    if sources is not None:
        specialise_int_functions(cx, chunk, sources)  # FuncScope.int_spec
        find_local_arrays(cx, chunk, sources)  # Var.local_array
        find_string_free_tables(cx, chunk, sources)  # Var.no_string_values, Var.no_string
        find_closure_results(chunk, sources)  # Var.call_returns
    classes.find_classes(cx, chunk, scope)  # Var.sealed, direct calls (classes.py)
    calls.find_single_results(cx, scope)  # FuncScope.return_count of `return f()` giving one value
    functions.function_def(cx, chunk, scope, "chunk", def_name="chunk")
    fn = cx.pre.pop()
    # The chunk's own parameters: the global table, then the chunk's `...`.
    fn.args.args.insert(0, ast.arg("_ENV"))
    fn.args.defaults = []
    fn.lua_comment = cx.chunkname
    if cx.unit.uses_debug:
        fn.lua_upvalues = [("_ENV", "_ENV")]  # a main chunk has exactly this one
    constants = [ast.Assign([P.name(k, store=True)], v) for k, v in cx.module_constants.items()]
    return ast.Module([*constants, fn], [])


__all__ = ["InternalError", "LowerContext", "RUNTIME_HELPERS", "lower_chunk", "new_context"]
