"""Wippy error objects, the ``errors`` module, and the mapping from Temporal
failures to error objects (``from_exception``)."""

from __future__ import annotations

from ..errors import LuaError, from_python
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


class ErrorObject(LuaObject):
    """A Wippy error value. ``retryable`` is a ternary: True, False or None
    (unspecified), as in Wippy."""

    __slots__ = ("_kind", "_message", "_retryable", "_details")
    lua_name = "error"
    lua_methods = frozenset({"kind", "message", "retryable", "details"})
    lua_meta = {"__concat": _concat}

    def __init__(self, kind: str = UNKNOWN, message: str = "", retryable: bool | None = None, details=None):
        self._kind = normalize_kind(kind)
        self._message = message
        self._retryable = retryable
        self._details = details

    def kind(self, *_):
        return self._kind

    def message(self, *_):
        return self._message

    def retryable(self, *_):
        return self._retryable

    def details(self, *_):
        return self._details

    def with_retryable(self, retryable: bool | None) -> "ErrorObject":
        return ErrorObject(self._kind, self._message, retryable, self._details)

    def lua_tostring(self) -> str:
        return self._message

    def __repr__(self):
        return f"ErrorObject({self._kind!r}, {self._message!r}, retryable={self._retryable!r})"


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
        ``errors.new{kind=, message=, retryable=, details=}`` (Wippy)."""
        ta = type(a)
        if isinstance(a, Table):
            kind, message, retryable = a["kind"], a["message"], a["retryable"]
            if kind is not None and type(kind) is not str:
                raise LuaError.at_caller("bad argument #1 to 'new' (field 'kind' must be a string)")
            return ErrorObject(
                kind,
                "" if message is None else (message if type(message) is str else tostring(message)),
                None if retryable is None else truthy(retryable),
                a["details"],
            )
        if ta is str:
            if type(b) is str:
                return ErrorObject(a, b)
            return ErrorObject(UNKNOWN, a)
        if ta is ErrorObject:
            return a
        raise LuaError.at_caller(f"bad argument #1 to 'new' (string or table expected, got {type_name(a)})")

    def wrap(self, err=None, message=None, *_):
        """Keeps kind, retryable and details; the message becomes
        ``"message: inner"``. ``wrap(nil, ...)`` is nil, as Go's Wrap."""
        if err is None:
            return None
        inner = coerce(err)
        if message is None:
            return inner
        context = message if type(message) is str else tostring(message)
        return ErrorObject(inner._kind, f"{context}: {inner._message}", inner._retryable, inner._details)

    def is_(self, err=None, kind=None, *_):
        return type(err) is ErrorObject and err._kind == normalize_kind(kind)


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
