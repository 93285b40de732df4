"""Pass 5: Lua AST -> Python AST, for one Lua file.

The lowering is one ``Lowerer`` assembled from a mixin per language area
(expressions, calls, statements, functions, Wippy modules); each dispatches on
the luaparser node type through a table. Statements an expression needs first
(a ``def`` for a function expression) go to ``self.pre`` and are emitted just
before the current statement.
"""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from ..analyse import Unit
from ..diagnostics import Diagnostics
from ..resolve import FuncScope, node_line
from . import pyast as P
from .arrays import ArraysMixin, find_local_arrays, find_string_free_tables, is_local_array
from .calls import CallsMixin, find_closure_results
from .classes import ClassesMixin
from .expressions import EXPRESSION_HANDLERS, ExpressionsMixin
from .functions import FUNCTION_STATEMENT_HANDLERS, FunctionsMixin
from .fusion import FusionMixin
from .names import FunctionNames
from .statements import STATEMENT_HANDLERS, StatementsMixin
from .specialise import SpecialiseMixin, specialise_int_functions
from .types import infer as infer_types
from .wippy import WippyMixin

# Runtime helpers generated code may import from ``luac2py.runtime``.
RUNTIME_HELPERS = {
    "acall", "add", "ageneric_for", "adjust", "ainvoke", "array_get", "array_put", "band", "bnot", "bor", "bxor", "call", "concat", "dict_get", "div", "drop_nils", "eq",
    "first", "for_limit", "ge", "generic_for", "gt", "idiv", "index", "invoke", "le", "length",
    "lt", "method", "mod", "mul", "new_array", "newindex", "numeric_for", "power", "raw_key", "setindex", "shl", "shr", "spread", "sub", "tbc_check", "tbc_close", "truthy", "unm",
    "wrap",
}
# Builtins inline type guards use (`type(x) is int`): never Lua locals' names.
GUARD_BUILTINS = {"int", "float", "bool", "str", "abs"}

# Standard globals the lowering may bind statically (``lua.print``).
STANDARD_GLOBALS = {
    "assert": "lua_assert", "error": "error", "getmetatable": "getmetatable", "ipairs": "ipairs",
    "next": "next", "pairs": "pairs", "pcall": "pcall", "print": "print", "rawequal": "rawequal",
    "rawget": "rawget", "rawlen": "rawlen", "rawset": "rawset", "select": "select",
    "setmetatable": "setmetatable", "tonumber": "tonumber", "tostring": "tostring", "type": "type",
    "unpack": "unpack", "xpcall": "xpcall",
}
STANDARD_LIBRARIES = ("string", "table", "math", "os", "utf8")


class InternalError(Exception):
    """A compiler bug, reported with the Lua position being compiled."""


class Lowerer(
    ArraysMixin, SpecialiseMixin, FusionMixin, ClassesMixin, ExpressionsMixin, CallsMixin, StatementsMixin, FunctionsMixin, WippyMixin
):
    _expr_handlers = {**EXPRESSION_HANDLERS, lua.Call: CallsMixin._call_expr, lua.Invoke: CallsMixin._call_expr}
    def _assign_stmt(self, s):
        # Stores into local arrays (arrays.py), plain tables (expressions.plain_store)
        # and objects' fields (expressions.field_update, field_store), else the general case.
        if len(s.targets) == 1 and type(s.targets[0]) is lua.Index and is_local_array(s.targets[0].value):
            return self.array_store(s)
        def general():
            return self.field_store(s) or StatementsMixin._assign(self, s)

        return self.plain_store(s) or self.field_update(s, general) or general()

    _stmt_handlers = {
        **STATEMENT_HANDLERS,
        lua.Assign: _assign_stmt,
        **FUNCTION_STATEMENT_HANDLERS,
        lua.Call: CallsMixin._call_stmt,
        lua.Invoke: CallsMixin._call_stmt,
    }

    def __init__(self, chunkname: str, diags: Diagnostics, unit: Unit, role: str = "script", app_context=None):
        self.chunkname = chunkname
        self.diags = diags
        self.unit = unit
        self.role = role  # "script" | "workflow" | "activity" | "library"
        self.search_attributes: dict[str, str] = {}  # set by workflow.attrs{search = {...}}
        self.module_constants: dict[str, ast.expr] = {}  # module-level NAME = value (activity options)
        self.app_context = app_context
        self.helpers = set(RUNTIME_HELPERS) | GUARD_BUILTINS
        self.used_helpers: set[str] = set()
        self.imports: dict[str, set[str]] = {}
        self.pre: list[ast.stmt] = []
        self.line = 1
        self.names: FunctionNames | None = None
        self.scope: FuncScope | None = None
        self.extra_values = None
        self.py_loops: list = []  # Python loops being lowered in the current function
        self.jump_count = 0
        self.float_minded: dict[int, bool] = {}  # id(FuncScope) -> writes_floats()
        self.positive_vars: set = set()  # loop variables known to be above 0 here
        self.substituted: dict = {}  # id(Lua expression) -> temporary holding its value (fusion.py)

    # --- services for the mixins ------------------------------------------------------
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
                return P.attr(P.attr("lua", ident), "LIB")
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

    # --- the chunk ------------------------------------------------------------------
    def lower_chunk(self, chunk, scope: FuncScope) -> ast.Module:
        chunk.name_hint = "chunk"
        self.names = FunctionNames(None, None, self.helpers)
        self.names.used.add("chunk")
        self.pre = []
        sources = infer_types(self, chunk)  # Var.static_type / Var.int_range (lower/types.py)
        if sources is not None:
            specialise_int_functions(self, chunk, sources)  # FuncScope.int_spec
            find_local_arrays(self, chunk, sources)  # Var.local_array
            find_string_free_tables(self, chunk, sources)  # Var.no_string_values, Var.no_string
            find_closure_results(chunk, sources)  # Var.call_returns
        self.find_classes(chunk, scope)  # Var.sealed, direct calls (classes.py)
        self.find_single_results(scope)  # FuncScope.return_count of `return f()` giving one value
        self.function_def(chunk, scope, "chunk", def_name="chunk")
        fn = self.pre.pop()
        # The chunk's own parameters: the global table, then the chunk's `...`.
        fn.args.args.insert(0, ast.arg("_ENV"))
        fn.args.defaults = []
        fn.lua_comment = self.chunkname
        if self.unit.uses_debug:
            fn.lua_upvalues = [("_ENV", "_ENV")]  # a main chunk has exactly this one
        constants = [ast.Assign([P.name(k, store=True)], v) for k, v in self.module_constants.items()]
        return ast.Module([*constants, fn], [])


__all__ = ["InternalError", "Lowerer", "RUNTIME_HELPERS"]
