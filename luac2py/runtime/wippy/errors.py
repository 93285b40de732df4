"""Wippy error objects, the ``errors`` module, and the mapping from Temporal
failures to error objects (``from_exception``)."""

from __future__ import annotations

import sys

from ..errors import C_FUNCTIONS, LuaError, LuaSource, _callee_name, from_python
from ..lib.base import tostring
from ..ops import truthy
from ..table import Table
from ..values import from_text, number_to_str, type_name
from .module import LuaObject, Module

NOT_FOUND = "NOT_FOUND"
INTERNAL = "INTERNAL"
TIMEOUT = "TIMEOUT"
INVALID = "INVALID"
PERMISSION_DENIED = "PERMISSION_DENIED"
ALREADY_EXISTS = "ALREADY_EXISTS"
UNAVAILABLE = "UNAVAILABLE"
CANCELED = "CANCELED"
CONFLICT = "CONFLICT"
RATE_LIMITED = "RATE_LIMITED"
UNKNOWN = ""

# Wippy's own spelling (Go runtime, other Wippy services) and the names the
# Temporal SDKs give to "not registered" failures, mapped to the seeds' kinds.
_KIND_ALIASES = {
    "NotFound": NOT_FOUND,
    "AlreadyExists": ALREADY_EXISTS,
    "Invalid": INVALID,
    "PermissionDenied": PERMISSION_DENIED,
    "Unavailable": UNAVAILABLE,
    "Internal": INTERNAL,
    "Canceled": CANCELED,
    "Conflict": CONFLICT,
    "Timeout": TIMEOUT,
    "RateLimited": RATE_LIMITED,
    "Unknown": UNKNOWN,
    "NotFoundError": NOT_FOUND,
    "ActivityNotRegisteredError": NOT_FOUND,
    "ActivityNotRegistered": NOT_FOUND,
    "WorkflowNotRegisteredError": NOT_FOUND,
    "NamespaceNotFoundError": NOT_FOUND,
}


def normalize_kind(kind) -> str:
    if kind is None:
        return UNKNOWN
    return _KIND_ALIASES.get(kind, kind)


def _concat(a, b):
    return _concat_part(a, 0) + _concat_part(b, 1)


def _concat_part(v, operand):
    t = type(v)
    if t is str:
        return v
    if t is int or t is float:
        return number_to_str(v)
    if t is ErrorObject:
        return v._message
    raise LuaError.at_caller(f"attempt to concatenate a {type_name(v)} value", operand)


# Levels an error's stack keeps, as Lua's traceback shows them: the first
# ones and the last ones of a deeper stack.
_STACK_FIRST = 10
_STACK_LAST = 11


_c_ids: tuple = (-1, frozenset())


def _c_function_ids() -> frozenset:
    """The ids of ``C_FUNCTIONS``' code objects (which that set keeps alive):
    a code object's hash is computed from its contents, each time."""
    global _c_ids
    if _c_ids[0] != len(C_FUNCTIONS):
        _c_ids = (len(C_FUNCTIONS), frozenset(map(id, C_FUNCTIONS)))
    return _c_ids[1]


def _capture(frame) -> tuple:
    """The Lua stack levels from ``frame`` outwards, innermost first, as
    ``(code, lasti, LuaSource | None)`` (None: a C function), and the
    number of levels a deep stack skips in their place. No frame is kept. (What
    ``activations`` walks, inlined: every error object is made so.)"""
    levels = []
    c_functions = _c_function_ids()
    while frame is not None:
        src = frame.f_globals.get("__lua__")
        if type(src) is LuaSource:
            levels.append((frame.f_code, frame.f_lasti, src))
        elif id(frame.f_code) in c_functions:
            levels.append((frame.f_code, frame.f_lasti, None))
        frame = frame.f_back
    if len(levels) > _STACK_FIRST + _STACK_LAST + 1:
        skipped = len(levels) - _STACK_FIRST - _STACK_LAST
        levels = levels[:_STACK_FIRST] + [skipped] + levels[-_STACK_LAST:]
    return tuple(levels)


def _lua_line(level) -> int:
    """The Lua line a captured level was at."""
    code, lasti, src = level
    for start, end, line in code.co_lines():
        if start <= lasti < end and line is not None:
            return src.lua_line(line)
    return src.lua_line(code.co_firstlineno)


def _level_name(levels: tuple, i: int):
    """``(name, is_method)`` of level ``i``'s function as its caller's call
    names it, or None."""
    caller = levels[i + 1] if i + 1 < len(levels) else None
    if type(caller) is not tuple or caller[2] is None:
        return None
    try:
        return _callee_name(caller[0], caller[1], caller[2])
    except Exception:  # noqa: BLE001  a name is a nicety: never an error of its own
        return None


def _traceback(levels: tuple) -> str:
    """Lua's ``stack traceback:`` text for captured levels."""
    lines = ["stack traceback:"]
    for i, level in enumerate(levels):
        if type(level) is int:
            lines.append(f"\t...\t(skipping {level} levels)")
            continue
        code, _, src = level
        called = _level_name(levels, i)
        if src is None:
            lines.append(f"\t[C]: in function '{called[0] if called else code.co_name.lstrip('_')}'")
            continue
        if code.co_name == "chunk":
            what = "main chunk"
        elif called is not None:
            what = f"method '{called[0]}'" if called[1] else f"function '{called[0]}'"
        else:
            what = f"function <{src.chunkname}:{src.lua_line(code.co_firstlineno)}>"
        lines.append(f"\t{src.chunkname}:{_lua_line(level)}: in {what}")
    lines.append("\t[C]: in ?")
    return "\n".join(lines)


def _frames(levels: tuple) -> Table:
    """``{{source =, line =, name =}, ...}``: the Lua levels, innermost first
    (``name`` when the caller's call names the function)."""
    frames = []
    for i, level in enumerate(levels):
        if type(level) is int or level[2] is None:
            continue
        code, _, src = level
        frame = Table(source=src.chunkname, line=_lua_line(level))
        called = _level_name(levels, i)
        if called is not None and code.co_name != "chunk":
            frame["name"] = called[0]
        frames.append(frame)
    return Table.of(frames)


def _lua_message(err, *_):
    return err._own if err._own is not None else err._message


class ErrorObject(LuaObject):
    """A Wippy error value. ``retryable`` is a ternary: True, False or None
    (unspecified), as in Wippy.

    ``message()`` (and ``tostring``, ``..``) is the whole text, the one
    failures carry across Temporal: ``"context: inner"`` for a wrapped
    error. Lua's ``err:message()`` is the error's own message: for a wrapped
    error, the innermost one (``_own``). ``err:stack()`` is a Lua traceback
    of where the error was made (levels captured then, formatted on demand)."""

    __slots__ = ("_kind", "_message", "_retryable", "_details", "_own", "_levels")
    lua_name = "error"
    lua_meta = {"__concat": _concat}

    def __init__(
        self,
        kind: str = UNKNOWN,
        message: str = "",
        retryable: bool | None = None,
        details=None,
        *,
        own: str | None = None,
        levels: tuple | None = None,
    ):
        self._kind = normalize_kind(kind)
        self._message = message
        self._retryable = retryable
        self._details = details
        self._own = own
        self._levels = _capture(sys._getframe(1)) if levels is None else levels

    def lua_index(self, key):
        return _LUA_METHODS.get(key) if type(key) is str else None

    def kind(self, *_):
        return self._kind

    def message(self, *_):
        return self._message

    def retryable(self, *_):
        return self._retryable

    def details(self, *_):
        return self._details

    def stack(self, *_) -> str:
        return _traceback(self._levels)

    def call_stack(self) -> Table:
        return Table(frames=_frames(self._levels))

    def with_retryable(self, retryable: bool | None) -> "ErrorObject":
        return ErrorObject(
            self._kind, self._message, retryable, self._details, own=self._own, levels=self._levels
        )

    def lua_tostring(self) -> str:
        return self._message

    def __repr__(self):
        return f"ErrorObject({self._kind!r}, {self._message!r}, retryable={self._retryable!r})"


# The methods Lua code calls on an error object (`err:message()` is the
# error's own message, not the wrapped text).
_LUA_METHODS = {
    "kind": ErrorObject.kind,
    "message": _lua_message,
    "retryable": ErrorObject.retryable,
    "details": ErrorObject.details,
    "stack": ErrorObject.stack,
}


def coerce(v) -> ErrorObject:
    """The error object for any Lua error value (``return nil, "text"``, a
    decoded ``{kind=, message=}`` table, an error object)."""
    if type(v) is ErrorObject:
        return v
    if isinstance(v, Table) and type(v["message"]) is str:
        r = v["retryable"]
        return ErrorObject(
            v["kind"] if type(v["kind"]) is str else UNKNOWN,
            v["message"],
            None if r is None else truthy(r),
            v["details"],
        )
    return ErrorObject(UNKNOWN, v if type(v) is str else tostring(v))


class ErrorsModule(Module):
    """``require("errors")`` (also a global, as in Wippy)."""

    lua_fields = frozenset(
        {
            "new",
            "wrap",
            "is",
            "call_stack",
            "NOT_FOUND",
            "INTERNAL",
            "TIMEOUT",
            "INVALID",
            "PERMISSION_DENIED",
            "ALREADY_EXISTS",
            "UNAVAILABLE",
            "CANCELED",
            "CONFLICT",
            "RATE_LIMITED",
            "UNKNOWN",
        }
    )
    NOT_FOUND = NOT_FOUND
    INTERNAL = INTERNAL
    TIMEOUT = TIMEOUT
    INVALID = INVALID
    PERMISSION_DENIED = PERMISSION_DENIED
    ALREADY_EXISTS = ALREADY_EXISTS
    UNAVAILABLE = UNAVAILABLE
    CANCELED = CANCELED
    CONFLICT = CONFLICT
    RATE_LIMITED = RATE_LIMITED
    UNKNOWN = UNKNOWN

    def new(self, a=None, b=None, *_):
        """``errors.new(kind, message)`` (seeds), ``errors.new(message)`` and
        ``errors.new{kind=, message=, retryable=, details=}`` (Wippy; empty
        details are none)."""
        ta = type(a)
        if isinstance(a, Table):
            kind, message, retryable, details = a["kind"], a["message"], a["retryable"], a["details"]
            if kind is not None and type(kind) is not str:
                raise LuaError.at_caller("bad argument #1 to 'new' (field 'kind' must be a string)")
            if isinstance(details, Table) and all(v is None for v in dict.values(details)):
                details = None
            return ErrorObject(
                kind,
                "" if message is None else (message if type(message) is str else tostring(message)),
                None if retryable is None else truthy(retryable),
                details,
            )
        if ta is str:
            if type(b) is str:
                return ErrorObject(a, b)
            return ErrorObject(UNKNOWN, a)
        if ta is ErrorObject:
            return a
        raise LuaError.at_caller(f"bad argument #1 to 'new' (string or table expected, got {type_name(a)})")

    def wrap(self, err=None, message=None, *_):
        """Keeps kind, retryable, details, the stack and ``err:message()``
        (the inner message); ``tostring`` (and what crosses Temporal) is
        ``"message: inner"``. ``wrap(nil, ...)`` is nil, as Go's Wrap."""
        if err is None:
            return None
        inner = coerce(err)
        if message is None:
            return inner
        context = message if type(message) is str else tostring(message)
        return ErrorObject(
            inner._kind,
            f"{context}: {inner._message}",
            inner._retryable,
            inner._details,
            own=_lua_message(inner),
            levels=inner._levels,
        )

    def is_(self, err=None, kind=None, *_):
        return type(err) is ErrorObject and err._kind == normalize_kind(kind)

    def call_stack(self, err=None, *_):
        """``{frames = {{source =, line =, name =}, ...}}``: where ``err`` was
        made, innermost level first; nil for a value that is no error."""
        if type(err) is not ErrorObject:
            return None
        return err.call_stack()


ERRORS = ErrorsModule()


def from_exception(exc: BaseException) -> ErrorObject:
    """The error object a workflow sees for a failed operation (activity,
    child workflow, local activity) or for an exception from Lua code."""
    import asyncio

    from temporalio import exceptions as tex

    if isinstance(exc, LuaError):
        if type(exc.value) is ErrorObject:
            return exc.value
        return ErrorObject(INTERNAL, str(exc), True)
    if isinstance(exc, (tex.ActivityError, tex.ChildWorkflowError)):
        if exc.cause is None:
            err = ErrorObject(INTERNAL, from_text(exc.message), True)
        else:
            err = from_exception(exc.cause)
        if exc.retry_state == tex.RetryState.NON_RETRYABLE_FAILURE:
            err = err.with_retryable(False)
        return err
    if isinstance(exc, tex.ApplicationError) and exc.type == "ExternalWorkflowExecutionNotFound":
        # A signal or cancel to a workflow that is not running.
        return ErrorObject(NOT_FOUND, from_text(f"workflow not found: {exc.message}"), False)
    if isinstance(exc, tex.ApplicationError):
        details = exc.details[0] if exc.details else None
        return ErrorObject(normalize_kind(exc.type) or INTERNAL, from_text(exc.message), not exc.non_retryable, details)
    if isinstance(exc, tex.TimeoutError):
        return ErrorObject(TIMEOUT, from_text(exc.message) or "timeout", True)
    if isinstance(exc, (tex.CancelledError, asyncio.CancelledError)):
        return ErrorObject(CANCELED, "canceled", False)
    if isinstance(exc, tex.TerminatedError):
        return ErrorObject(CANCELED, from_text(exc.message) or "terminated", False)
    from .json import PayloadError

    if isinstance(exc, PayloadError):
        return ErrorObject(INVALID, from_text(str(exc)), False)
    if isinstance(exc, ValueError) and "is not registered" in str(exc):
        # A local activity the worker does not have (raised while scheduling).
        return ErrorObject(NOT_FOUND, from_text(str(exc)), False)
    if isinstance(exc, tex.FailureError):
        return ErrorObject(INTERNAL, from_text(exc.message), True)
    return ErrorObject(INTERNAL, str(from_python(exc)), True)
