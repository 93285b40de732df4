"""Every Wippy module luac2py knows, declared once.

For each module: whether workflow code may load it, whether ``require``
needs it listed under ``modules:``, the object workflow and activity (and ordinary) code get
(``Impl``: an import path, resolved only when a worker builds its
environment), and the functions calls to which the compiler understands.
For each such function: whether it suspends in workflow code (so callers
become ``async def``), how many values it always returns (1, or 2 for
``value, err``; None when it varies) and what kind of entry its first
argument names, if any (for build warnings).

Who reads it: ``load.py`` (which modules exist, which workflows may list),
``determinism.py`` (which workflow code may require), ``analyse.py`` (module
aliases, which calls suspend), ``lower/`` (values returned; special lowerings
register against these names with ``@lowers``), ``references.py`` (entry
IDs), ``runtime/temporal/glue.py`` (the objects ``require`` returns).

Adding a module function: one ``Fn`` here and its method on the module's
runtime class; a lowering of its own only where Temporal has a native form.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class Fn:
    """A module function calls to which the compiler understands."""

    suspends: bool = False  # awaits in workflow code
    values: int | None = None  # always returns exactly this many values (None: it varies)
    entry: str | None = None  # its first argument is an entry ID of this kind


@dataclass(frozen=True)
class Impl:
    """``luac2py.runtime.wippy.<module>.<name>``; ``per_app``: a class built
    with the app's ``AppSpec``, else an object used as it is (or a class
    built with no argument)."""

    module: str
    name: str
    per_app: bool = False

    def build(self, app) -> Any:
        obj = getattr(importlib.import_module(f"luac2py.runtime.wippy.{self.module}"), self.name)
        if self.per_app:
            return obj(app)
        return obj() if isinstance(obj, type) else obj


@dataclass(frozen=True)
class Module:
    in_workflows: bool = True  # workflow code may load it
    always_available: bool = False  # `require` needs no `modules:` entry
    workflow: Impl | None = None  # what workflow code's `require` returns
    activity: Impl | None = None  # what activity and ordinary code's `require` returns
    functions: Mapping[str, Fn] = field(default_factory=dict)


# An activity call's start-to-close timeout when its options give none
# (generated workflow code and the funcs module at run time).
ACTIVITY_START_TO_CLOSE_SECONDS = 600

SUSPENDS = Fn(suspends=True)
ONE = Fn(values=1)
PAIR = Fn(values=2)

_UUID = "v1 v3 v4 v5 v7 validate version variant parse format"
_HASH = "md5 sha1 sha256 sha512 fnv32 fnv64 hmac_md5 hmac_sha1 hmac_sha256 hmac_sha512"
_HTTP = "get post put patch delete head request request_batch decode_uri"

MODULES: dict[str, Module] = {
    "funcs": Module(
        workflow=Impl("funcs", "FuncsModule", per_app=True),
        activity=Impl("funcs", "DirectFuncs", per_app=True),
        functions={
            "call": Fn(suspends=True, values=2, entry="function"),
            "new": ONE,
            # A future and nil, or nil and an error for a malformed ID.
            "async": Fn(values=2, entry="function"),
        },
    ),
    "time": Module(
        workflow=Impl("time", "TimeModule"),
        activity=Impl("time", "ActivityTimeModule"),
        functions={
            # sleep: nothing, or nil and an error for a bad duration.
            "sleep": SUSPENDS,
            **dict.fromkeys(("now", "date", "unix", "fixed_zone"), ONE),
            # A timer, ticker or channel and nil, or nil and an error.
            **dict.fromkeys(("timer", "ticker", "after", "parse", "parse_duration", "load_location"), PAIR),
        },
    ),
    "errors": Module(
        always_available=True,
        workflow=Impl("errors", "ERRORS"),
        activity=Impl("errors", "ERRORS"),
        functions={"new": ONE, "wrap": ONE, "is": ONE, "call_stack": ONE},
    ),
    "workflow": Module(
        workflow=Impl("workflow", "WorkflowModule", per_app=True),
        functions={
            "info": ONE,
            "exec": Fn(suspends=True, values=2, entry="workflow"),
            "version": ONE,
            "attrs": PAIR,
            "history_length": ONE,
            "history_size": ONE,
            "continue_as_new": SUSPENDS,
        },
    ),
    "process": Module(
        always_available=True,
        workflow=Impl("process", "PROCESS"),
        activity=Impl("outside", "OutsideProcessModule", per_app=True),
        functions={
            "upgrade": SUSPENDS,
            # send: true, or nil and an error.
            "send": Fn(suspends=True, values=2),
            **dict.fromkeys(("listen", "unlisten", "inbox", "events", "pid"), ONE),
            **{
                name: Fn(suspends=True, entry="workflow or process")
                for name in ("spawn", "spawn_monitored", "spawn_linked", "spawn_linked_monitored", "exec")
            },
        },
    ),
    "uuid": Module(
        workflow=Impl("uuid", "UUID"), activity=Impl("uuid", "UUID"), functions=dict.fromkeys(_UUID.split(), PAIR)
    ),
    "crypto": Module(
        workflow=Impl("crypto", "CRYPTO"),
        activity=Impl("crypto", "CRYPTO"),
        functions={"random_bytes": PAIR, "pbkdf2": PAIR, "constant_time_compare": ONE},
    ),
    "hash": Module(
        workflow=Impl("crypto", "HASH"), activity=Impl("crypto", "HASH"), functions=dict.fromkeys(_HASH.split(), PAIR)
    ),
    "http_client": Module(
        in_workflows=False,
        activity=Impl("http_client", "HTTP_CLIENT"),
        functions={**dict.fromkeys(_HTTP.split(), PAIR), "encode_uri": ONE},
    ),
    "json": Module(
        workflow=Impl("json", "JSON"),
        activity=Impl("json", "JSON"),
        # value, nil or nil, err; validate*: true, nil or false, err.
        functions=dict.fromkeys(("encode", "decode", "validate", "validate_string"), PAIR),
    ),
    # The `payload` global (runtime/wippy/payload.py), like `errors` in every environment.
    "payload": Module(
        always_available=True,
        workflow=Impl("payload", "PAYLOAD"),
        activity=Impl("payload", "PAYLOAD"),
        functions={"new": ONE},
    ),
    "base64": Module(
        workflow=Impl("base64", "BASE64"), activity=Impl("base64", "BASE64"), functions={"encode": ONE, "decode": PAIR}
    ),
    "ctx": Module(workflow=Impl("ctx", "CTX"), activity=Impl("ctx", "CTX"), functions={"get": PAIR, "all": ONE}),
    "activity": Module(in_workflows=False, activity=Impl("activity", "ActivityModule")),
    # The `channel` global (runtime/wippy/channel.py); select waits.
    "channel": Module(
        always_available=True,
        workflow=Impl("channel", "channel"),
        activity=Impl("channel", "channel"),
        functions={"new": ONE, "select": Fn(suspends=True, values=1)},
    ),
    "coroutine": Module(always_available=True),
    # Wippy's other modules: known (an entry may list them), not implemented yet.
    "text": Module(workflow=Impl("text", "TEXT"), activity=Impl("text", "TEXT"), functions={}),
    **{name: Module() for name in "logger yaml events security registry system url stream templates".split()},
    **{name: Module(in_workflows=False) for name in "env fs sql store http exec".split()},
}

# Lua's standard libraries, which `require` also finds without a listing.
STANDARD_LIBRARIES = frozenset({"string", "table", "math", "os", "utf8", "coroutine"})

# Names `require` loads for every entry, whatever its `modules:` lists
# (Wippy's always-available modules and Lua's standard libraries).
UNLISTED = STANDARD_LIBRARIES | {name for name, m in MODULES.items() if m.always_available}


def callable_modules() -> frozenset[str]:
    """Modules whose functions the compiler understands (a local bound to
    ``require`` of one is a module alias)."""
    return frozenset(name for name, m in MODULES.items() if m.functions)


def function(module: str, name: str) -> Fn | None:
    m = MODULES.get(module)
    return None if m is None else m.functions.get(name)


def import_all() -> None:
    """Import every implementation module (workers do it before workflows run)."""
    for m in MODULES.values():
        for impl in (m.workflow, m.activity):
            if impl is not None:
                importlib.import_module(f"luac2py.runtime.wippy.{impl.module}")


def environment(app, role: str, listed=None) -> dict[str, Any]:
    """Module name -> the object ``require`` returns, for ``role``
    ("workflow" or "activity": activity and ordinary code). With ``listed``
    (an entry's ``modules:``) only those and the ``UNLISTED`` ones."""
    out = {}
    for name, m in MODULES.items():
        impl = m.workflow if role == "workflow" else m.activity
        if impl is not None and (listed is None or name in listed or name in UNLISTED):
            out[name] = impl.build(app)
    return out
