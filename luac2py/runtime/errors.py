"""Lua errors and their positions.

Generated modules define ``__lua__ = LuaSource(chunkname, linemap, names)``.
With it the runtime turns a Python frame into a Lua position, and, as Lua
does from bytecode, names the variable an error is about ("local 'x'",
"field 'y'") by looking at the generated expression at the frame's current
instruction. All of this runs only when an error happens.
"""

from __future__ import annotations

import ast
import bisect
import linecache
import sys

from ..common import TEMPORARY


class LuaSource:
    """Line table and name map of one generated module."""

    def __init__(self, chunkname: str, linemap: str, names: str = "", upvalues: str = ""):
        self.chunkname = chunkname
        self.source = None  # load's chunk name as given, for debug.getinfo().source
        # def line -> [(Lua name, Python name)] in Lua's upvalue order (programs using `debug`).
        self.upvalues = {}
        for item in upvalues.split(";") if upvalues else ():
            line, _, ups = item.partition(":")
            self.upvalues[int(line)] = [tuple(u.split("=", 1)) for u in ups.split("|")] if ups else []
        starts, lines = [], []
        if linemap:
            for item in linemap.split(","):
                py, lua = item.split(":")
                starts.append(int(py))
                lines.append(int(lua))
        self._starts = starts
        self._lines = lines
        # Python name -> Lua name, for locals the compiler had to rename.
        self.names = dict(item.split("=", 1) for item in names.split(",")) if names else {}

    def lua_line(self, pyline: int) -> int:
        i = bisect.bisect_right(self._starts, pyline) - 1
        return self._lines[i] if i >= 0 else 0

    def where(self, pyline: int) -> str:
        return f"{self.chunkname}:{self.lua_line(pyline)}:"


class LuaError(Exception):
    """A Lua error carrying any Lua value (``error(v)``)."""

    def __init__(self, value, traceback: str | None = None):
        super().__init__(value)
        self.value = value
        self.lua_traceback = traceback

    def __str__(self):
        from .lib.base import tostring

        v = self.value
        if isinstance(v, str):
            return v
        if v is None:
            return "nil"
        return tostring(v)

    @classmethod
    def at_caller(cls, message: str, operand: int | None = None, what: str | None = None, insert_at: int | None = None):
        """A runtime error raised by a helper, positioned at the innermost Lua
        frame; ``operand`` is the index of the helper argument the message is
        about, for the variable description (appended, or put at ``insert_at``).
        Raised directly under a C function (``pcall(string.rep)``), it has no
        position, as in Lua."""
        for frame, src in activations(sys._getframe(1)):
            if src is None:
                break
            if operand is not None or what is not None:
                desc = None
                if message.startswith("attempt to call"):
                    node = _node_at(frame.f_code, frame.f_lasti)
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _MM_EVENTS:
                        desc = f"metamethod '{_MM_EVENTS[node.func.id]}'"  # a metamethod that is not callable
                desc = desc or describe_at(frame.f_code, frame.f_lasti, operand, what, src)
                if desc:
                    if insert_at is None:
                        message = f"{message} ({desc})"
                    else:
                        message = f"{message[:insert_at]} ({desc}){message[insert_at:]}"
            return cls(f"{src.where(frame.f_lineno)} {message}")
        return cls(message)


    @classmethod
    def bad_argument(cls, n: int, name: str, message: str):
        """``bad argument #n to 'f' (message)`` as Lua words it for a library
        function: ``f`` as the calling Lua code names it (``rep`` for
        ``string.rep(...)``; a method call does not count ``self``), or ``name``,
        its global name (``string.rep``), when a C function such as pcall called it."""
        for frame, src in activations(sys._getframe(1)):
            if src is None:
                break
            called = _callee_name(frame.f_code, frame.f_lasti, src)
            if called is not None:
                fname, is_method = called
                if is_method:
                    n -= 1
                    if n == 0:
                        return cls(f"{src.where(frame.f_lineno)} calling '{fname}' on bad self ({message})")
                name = fname
            return cls(f"{src.where(frame.f_lineno)} bad argument #{n} to '{name}' ({message})")
        return cls(f"bad argument #{n} to '{name}' ({message})")


# Code of the runtime functions that stand for Lua's C functions calling other
# functions (pcall, xpcall): each is a stack level of its own, without a position.
C_FUNCTIONS: set = set()


def c_function(fn):
    C_FUNCTIONS.add(fn.__code__)
    return fn


def activations(frame):
    """The Lua stack levels from ``frame`` outwards: ``(frame, LuaSource)`` for a
    Lua function, ``(frame, None)`` for a C function; runtime helpers (the VM's
    share of the work) are not levels."""
    while frame is not None:
        src = frame.f_globals.get("__lua__")
        if type(src) is LuaSource:
            yield frame, src
        elif frame.f_code in C_FUNCTIONS:
            yield frame, None
        frame = frame.f_back


def lua_position(level: int = 1) -> str:
    """``file:line: `` of stack level ``level`` counted from the caller of the
    function calling this (``error``'s levels); empty for a C function."""
    for frame, src in activations(sys._getframe(2)):
        level -= 1
        if level == 0:
            return src.where(frame.f_lineno) + " " if src is not None else ""
    return ""


# --- naming the variable an error is about --------------------------------

_trees: dict[str, tuple[int, dict]] = {}


def _node_index(filename: str) -> dict:
    lines = linecache.getlines(filename)
    key = len(lines)
    cached = _trees.get(filename)
    if cached and cached[0] == key:
        return cached[1]
    try:
        tree = ast.parse("".join(lines))
    except SyntaxError:
        return {}
    index: dict = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.expr):
            pos = (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
            index.setdefault(pos, node)
        if isinstance(node, ast.IfExp):
            _link_guard_temps(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _link_statement_temps(node)
    _trees[filename] = (key, index)
    return index


def _link_statement_temps(fn: ast.FunctionDef) -> None:
    """``_t = a.b`` (an operand evaluated ahead: lower/fusion.py): the
    temporary's uses in the function describe as ``a.b`` does."""
    own = list(_own_nodes(fn))
    bound = {}
    for stmt in own:
        if (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
            and TEMPORARY.fullmatch(stmt.targets[0].id)
        ):
            name = stmt.targets[0].id
            bound[name] = None if name in bound else stmt.value  # (assigned once only)
    bound = {k: v for k, v in bound.items() if v is not None}
    if bound:
        for n in own:
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in bound:
                n.lua_value = bound[n.id]


def _own_nodes(fn: ast.FunctionDef):
    """The nodes of ``fn``'s body, not those of functions defined in it."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                stack.append(child)


def _link_guard_temps(node: ast.IfExp) -> None:
    """``t[k] if type(t := a.b) is not str else index(t, k)``: the temporary's
    uses describe as ``a.b`` does."""
    bound = {
        n.target.id: n.value for n in ast.walk(node.test) if isinstance(n, ast.NamedExpr) and isinstance(n.target, ast.Name)
    }
    if not bound:
        return
    for branch in (node.body, node.orelse):
        for n in ast.walk(branch):
            if isinstance(n, ast.Name) and n.id in bound:
                n.lua_value = bound[n.id]


def _node_at(code, lasti: int):
    try:
        pos = list(code.co_positions())[lasti // 2]
    except (IndexError, ValueError):
        return None
    if None in pos:
        return None
    return _node_index(code.co_filename).get(pos)


def describe_at(code, lasti: int, operand: int | None, what: str | None = None, src=None):
    node = _node_at(code, lasti)
    if node is None:
        return None
    if what == "call":
        target = node.func if isinstance(node, ast.Call) else None
    elif isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id in ("invoke", "ainvoke", "method") and operand == -1:
            name = node.args[1]
            if isinstance(name, ast.Constant):
                return f"method '{name.value}'"
            return None
        if operand is None or operand >= len(node.args):
            return None
        target = node.args[operand]
    elif isinstance(node, (ast.Subscript, ast.Attribute)):
        target = node.value
    else:
        target = node
    return describe_expr(target, code, src)


def _is_helper_call(node, name: str) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


def describe_expr(node, code, src=None) -> str | None:
    if node is None:
        return None
    if isinstance(node, ast.NamedExpr):
        return describe_expr(node.value, code, src)  # `(_t := a.b)`: described as `a.b`
    if isinstance(node, ast.Name):
        if hasattr(node, "lua_value"):
            return describe_expr(node.lua_value, code, src)
        ident = node.id
        # Python names may carry a rename suffix; the module's name map undoes it.
        lua = src.names.get(ident, ident) if src is not None else ident
        # Keyword-only parameters bind a loop's fresh variables into a closure.
        kwonly = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
        if ident in code.co_freevars or ident in kwonly:
            return f"upvalue '{lua}'"
        if ident == "_ENV" and code.co_name == "chunk" and code.co_varnames[:1] == ("_ENV",):
            return "upvalue '_ENV'"  # the main chunk's _ENV is its upvalue in Lua
        if ident in code.co_varnames or ident in code.co_cellvars:
            return f"local '{lua}'"
        return None
    if isinstance(node, ast.Subscript):
        return _describe_field(node.value, node.slice, src)
    if isinstance(node, ast.IfExp) and _is_helper_call(node.body, "newindex"):
        return describe_expr(node.test.left.args[0], code, src)  # `(newindex(t) if type(t) is MetaTable else t)[k] = v`
    if isinstance(node, ast.IfExp) and isinstance(node.body, ast.Subscript):
        return describe_expr(node.body, code, src)  # a guarded read's fast path
    if isinstance(node, ast.IfExp) and isinstance(node.orelse, ast.Call):
        return describe_expr(node.orelse, code, src)  # an inline fast path: its helper says what it is
    if isinstance(node, ast.Attribute) and _is_lua_module(node.value):
        return f"global '{_global_name(node.attr)}'"
    if isinstance(node, ast.Attribute) and node.attr == "LIB" and isinstance(node.value, ast.Attribute):
        return f"global '{node.value.attr}'"  # lua.string.LIB is the global `string`
    if isinstance(node, ast.Attribute) and node.attr == "v" and isinstance(node.value, ast.Name):
        return describe_expr(node.value, code, src)  # a variable held in a Cell
    if isinstance(node, ast.Attribute):
        return f"field '{node.attr}'"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "index" and len(node.args) == 2:
        return _describe_field(*node.args, src)
    if _is_method_lookup(node):
        return f"method '{node.args[1].value}'"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "concat":
        # Lua leaves a concatenation's result in its first operand's register.
        return describe_expr(node.args[0], code, src)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return f"constant '{node.value}'"
    return None


def _callee_name(code, lasti, src):
    """(name, is_method) of the function called at ``lasti``, as the Lua source
    names it (``f``, ``t.f``, ``obj:f``), or None."""
    node = _node_at(code, lasti)
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    while isinstance(func, ast.IfExp) and isinstance(func.body, ast.Subscript):
        func = func.body  # a guarded read's fast path
    if isinstance(func, ast.Name) and func.id in ("invoke", "ainvoke") and len(node.args) > 1:
        method = node.args[1]
        return (method.value, True) if isinstance(method, ast.Constant) else None
    if _is_method_lookup(func):
        return func.args[1].value, True
    if isinstance(func, ast.Name):
        return src.names.get(func.id, func.id), False
    if isinstance(func, ast.Attribute):
        name = _LOWERED_AS.get(func.attr, func.attr)
        return _global_name(name) if _is_lua_module(func.value) else name, False
    if isinstance(func, ast.Subscript) and isinstance(func.slice, ast.Constant) and type(func.slice.value) is str:
        return func.slice.value, False
    return None


# Library functions some calls are lowered to, by the function the Lua calls.
_LOWERED_AS = {"new_object": "setmetatable", "sort_by_fields": "sort"}


def _is_method_lookup(node) -> bool:
    """``method(o, "m")``: the function ``o:m(...)`` calls."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "method"
        and len(node.args) == 2
        and isinstance(node.args[1], ast.Constant)
    )


def _is_lua_module(node) -> bool:
    return isinstance(node, ast.Name) and node.id == "lua"


def _global_name(attr: str) -> str:
    # lua.lua_assert is the global `assert` (a Python keyword).
    return attr[4:] if attr.startswith("lua_") else attr


def _describe_field(obj, key, src=None) -> str:
    # As Lua 5.4 names a table read: by a constant string key, "integer index"
    # for a small integer constant (OP_GETI), else "?".
    if isinstance(key, ast.Constant) and type(key.value) is str:
        if isinstance(obj, ast.Name) and (src.names.get(obj.id, obj.id) if src is not None else obj.id) == "_ENV":
            return f"global '{key.value}'"
        return f"field '{key.value}'"
    if isinstance(key, ast.Constant) and type(key.value) is int and 0 <= key.value <= 255:
        return "field 'integer index'"
    return "field '?'"


# --- Python exceptions raised by generated code ----------------------------

_PY_TYPES = {
    "NoneType": "nil",
    "int": "number",
    "float": "number",
    "str": "string",
    "bool": "boolean",
    "Table": "table",
    "MetaTable": "table",
    "function": "function",
    "builtin_function_or_method": "function",
    "method": "function",
    "coroutine": "function",
}


def _lua_type(pyname: str) -> str:
    return _PY_TYPES.get(pyname, "userdata")


# Runtime operators of generated code -> the event of the metamethod they call.
_MM_EVENTS = {
    "add": "add", "sub": "sub", "mul": "mul", "div": "div", "mod": "mod", "pow": "pow", "unm": "unm",
    "idiv": "idiv", "band": "band", "bor": "bor", "bxor": "bxor", "shl": "shl", "shr": "shr", "bnot": "bnot",
    "concat": "concat", "lt": "lt", "gt": "lt", "le": "le", "ge": "le", "eq": "eq", "ne": "eq",
    "length": "len", "index": "index", "setindex": "newindex",
}  # fmt: skip


def _metamethod_event(code, lasti, tb_first, tb_lua):
    """The event name when a non-callable metamethod was called by the runtime
    operator at ``lasti`` (Lua: "attempt to call a number value (metamethod 'add')")."""
    if tb_lua is None or tb_lua.tb_next is None:
        return None  # raised by the Lua frame itself: a plain call
    node = _node_at(code, lasti)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return _MM_EVENTS.get(node.func.id)
    return None


def _innermost_level_tb(tb):
    """The traceback entry of the innermost Lua or C function (see ``activations``)."""
    found = None
    while tb is not None:
        frame = tb.tb_frame
        if type(frame.f_globals.get("__lua__")) is LuaSource or frame.f_code in C_FUNCTIONS:
            found = tb
        tb = tb.tb_next
    return found


def from_python(exc: BaseException) -> LuaError:
    """The Lua error for an exception that left generated code."""
    if isinstance(exc, LuaError):
        return exc
    tb = _innermost_level_tb(exc.__traceback__)
    where = ""
    code = lasti = None
    src = None
    if tb is not None and tb.tb_frame.f_code not in C_FUNCTIONS:
        src = tb.tb_frame.f_globals["__lua__"]
        where = src.where(tb.tb_lineno) + " "
        code, lasti = tb.tb_frame.f_code, tb.tb_lasti
    text = str(exc)
    message = None
    desc = None
    if isinstance(exc, TypeError):
        import re

        m = re.match(r"'(\w+)' object is not callable", text)
        if m:
            message = f"attempt to call a {_lua_type(m.group(1))} value"
            if code is not None:
                event = _metamethod_event(code, lasti, exc.__traceback__, tb)
                if event is not None:
                    desc = f"metamethod '{event}'"
                else:
                    desc = describe_at(code, lasti, None, "call", src)
        m = m or re.match(r"'(\w+)' object (?:is not subscriptable|does not support item assignment)", text)
        if m and message is None:
            message = f"attempt to index a {_lua_type(m.group(1))} value"
            if code is not None:
                desc = describe_at(code, lasti, None, None, src)
        if message is None and text.startswith("string indices must be integers"):
            message = "attempt to index a string value"
        m = re.match(r"'[<>=]+' not supported between instances of '(\w+)' and '(\w+)'", text)
        if m:
            a, b = _lua_type(m.group(1)), _lua_type(m.group(2))
            message = f"attempt to compare two {a} values" if a == b else f"attempt to compare {a} with {b}"
    elif isinstance(exc, RecursionError):
        message = "stack overflow"
    elif isinstance(exc, MemoryError):
        return LuaError("not enough memory")
    if message is None:
        message = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    if desc:
        message += f" ({desc})"
    err = LuaError(where + message)
    err.__cause__ = exc
    return err


def error_value(exc: BaseException):
    """The Lua value a ``pcall`` returns for a caught exception."""
    return from_python(exc).value
