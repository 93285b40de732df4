"""Starting and watching other workflows from workflow code: ``process.spawn``
and its monitored/linked forms, ``process.exec``, the immutable spawn builders
(``process.with_options``, ``with_name``, ``with_message``, ``with_context``),
``monitor``/``unmonitor``, ``link``/``unlink``, ``set_options{trap_links}``,
``terminate`` and ``cancel``. ``workflow.exec`` shares the child start.

A spawned workflow is a Temporal child workflow. Every child is watched: a task
awaits its handle and, while the child is monitored, pushes a ``pid.exit``
event with ``{value, error}``; a linked child that fails pushes
``pid.link.down`` when the parent traps links, else fails the parent. The
watch state lives on the workflow instance, so it is per run and a replay
rebuilds it from the same history."""

from __future__ import annotations

import asyncio

from ..errors import LuaError
from ..table import Table
from ..values import from_text, to_text, type_name
from .errors import ALREADY_EXISTS, INVALID, NOT_FOUND, ErrorObject, from_exception
from .funcs import _duration, merged_context
from .module import LuaObject
from .process import EXIT, LINK_DOWN, trap_links_option
from .workflow_options import TERMINATE_EXISTING, USE_EXISTING, host_task_queue, parse_workflow_options

# --- PIDs ------------------------------------------------------------------------


def workflow_id_of(pid: str) -> str:
    """The workflow ID a PID (or a bare workflow ID) names. Raises ValueError."""
    from .message import WORKFLOW, parse_pid

    kind, _host, ident = parse_pid(pid)
    if kind != WORKFLOW:
        raise ValueError(f"{pid} is not a workflow")
    return ident


# --- per-run watch state ------------------------------------------------------------


class _Child:
    """A child this run started: its task watching the handle, and how the
    parent watches it."""

    __slots__ = ("pid", "workflow_id", "handle", "monitored", "linked", "done", "value", "error")

    def __init__(self, pid, workflow_id, handle, monitored, linked):
        self.pid = pid
        self.workflow_id = workflow_id
        self.handle = handle
        self.monitored = monitored
        self.linked = linked
        self.done = False
        self.value = None
        self.error: ErrorObject | None = None


class _Run:
    __slots__ = ("children", "trap_links")

    def __init__(self):
        self.children: dict[str, _Child] = {}  # by workflow ID
        self.trap_links = False


def _run() -> _Run:
    from temporalio import workflow

    instance = workflow.instance()
    state = getattr(instance, "_luac2py_children", None)
    if state is None:
        state = _Run()
        instance._luac2py_children = state
    return state


def _event(kind: str, child: _Child) -> Table:
    return Table(kind=kind, **{"from": child.pid}, result=Table(value=child.value, error=child.error))


def _push(event: Table) -> None:
    from .process import current_process

    current_process().push_event(event)


def _fail_run(err: ErrorObject) -> None:
    """A linked child failed and links are not trapped: the run fails."""
    from .channel import _PROCESS

    _PROCESS.get().fail(LuaError(err))


# --- starting children ----------------------------------------------------------------


async def start_child(app, entry_id, host, args, options: dict, *, name=None, context=None, watch=True,
                      monitored=True, linked=False, messages=()):
    """``pid, nil`` or ``nil, err``: start workflow ``entry_id`` as a child.
    With ``watch`` its end is reported as events (``monitored``, ``linked``);
    without, ``(pid, handle)`` is what the caller awaits (``exec``)."""
    from temporalio import workflow
    from temporalio.exceptions import WorkflowAlreadyStartedError

    from .funcs import _context
    from .message import workflow_pid

    if type(entry_id) is not str:
        raise LuaError.at_caller(f"bad argument #1 (string expected, got {type_name(entry_id)})")
    entry = to_text(entry_id)
    spec = app.workflows.get(entry)
    if spec is None:
        return None, ErrorObject(NOT_FOUND, from_text(f"workflow '{entry}' is not an entry of this app"), False)
    kw = dict(options)
    conflict = kw.pop("conflict", None)
    for client_only in ("start_delay", "request_eager_start"):
        kw.pop(client_only, None)
    if "task_queue" in kw:
        kw["task_queue"] = app.task_queue(kw["task_queue"])
    else:
        kw["task_queue"] = host_task_queue(app, spec, host)
    if name is not None:
        kw["id"] = name
    if conflict is None and "id" in kw:
        conflict = USE_EXISTING  # a named process is found again, not started twice
    run = _run()
    wid = kw.get("id")
    known = run.children.get(wid) if wid is not None else None
    if known is not None and not known.done:
        return _existing(known.pid, conflict, wid)
    try:
        with _context(context):
            handle = await workflow.start_child_workflow(spec.type_name, args=list(args), **kw)
    except asyncio.CancelledError:
        raise
    except WorkflowAlreadyStartedError:
        return _existing(workflow_pid(app, entry, wid), conflict, wid)
    except Exception as e:  # noqa: BLE001  a failed start is an error value
        return None, from_exception(e)
    pid = workflow_pid(app, entry, handle.id)
    for topic, payload in messages:
        await _send(pid, topic, payload)
    if not watch:
        return pid, handle
    child = _Child(pid, handle.id, handle, monitored, linked)
    run.children[handle.id] = child
    asyncio.get_running_loop().create_task(_watch(run, child))
    return pid, None


def _existing(pid: str, conflict, wid: str):
    if conflict == USE_EXISTING:
        return pid, None
    if conflict == TERMINATE_EXISTING:
        return None, ErrorObject(
            INVALID, f"id_conflict_policy terminate_existing is not available to child workflows ('{wid}')", False
        )
    return None, ErrorObject(ALREADY_EXISTS, f"workflow '{wid}' is already running", False)


async def _send(pid: str, topic, payload) -> None:
    from .process import current_process

    await current_process().send(pid, topic, payload)


async def _watch(run: _Run, child: _Child) -> None:
    try:
        child.value = await child.handle
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001  the child's failure is its exit value
        child.error = from_exception(e)
    child.done = True
    if child.monitored:
        _push(_event(EXIT, child))
    if child.linked and child.error is not None:
        if run.trap_links:
            _push(_event(LINK_DOWN, child))
        else:
            _fail_run(child.error)


async def exec_child(app, entry_id, host, args, options: dict, *, name=None, context=None, messages=()):
    """``value, nil`` or ``nil, err``: start the child and wait for its end."""
    pid, handle = await start_child(
        app, entry_id, host, args, options, name=name, context=context, watch=False, messages=messages
    )
    if pid is None:
        return None, handle
    if handle is None:  # an existing workflow this run cannot await
        return None, ErrorObject(ALREADY_EXISTS, f"workflow '{workflow_id_of(pid)}' is already running", False)
    try:
        return await handle, None
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001
        return None, from_exception(e)


# --- the process module's functions -------------------------------------------------------


def _app():
    from .process import current_process

    return current_process().app


async def spawn(app, entry_id=None, host=None, *input):
    return await start_child(app, entry_id, host, input, {})


spawn_monitored = spawn  # every child is monitored


async def spawn_linked(app, entry_id=None, host=None, *input):
    return await start_child(app, entry_id, host, input, {}, linked=True)


spawn_linked_monitored = spawn_linked


async def exec_(app, entry_id=None, host=None, *input):
    return await exec_child(app, entry_id, host, input, {})


def _pid_arg(pid, fname: str) -> str:
    if type(pid) is not str:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' (string expected, got {type_name(pid)})")
    try:
        return workflow_id_of(to_text(pid))
    except ValueError as e:
        raise LuaError.at_caller(f"bad argument #1 to '{fname}' ({e})") from None


def _unsupported(what: str):
    return None, ErrorObject(INVALID, f"{what} is not supported in workflow context", False)


def _child(pid, fname: str) -> _Child | None:
    return _run().children.get(_pid_arg(pid, fname))


def monitor(pid=None, *_):
    child = _child(pid, "monitor")
    if child is None:
        return _unsupported("monitoring a process this workflow did not start")
    if not child.monitored and child.done:
        _push(_event(EXIT, child))
    child.monitored = True
    return True, None


def unmonitor(pid=None, *_):
    child = _child(pid, "unmonitor")
    if child is None:
        return _unsupported("monitoring a process this workflow did not start")
    child.monitored = False
    return True, None


def link(pid=None, *_):
    from temporalio import workflow

    wid = _pid_arg(pid, "link")
    if wid == workflow.info().workflow_id:
        return _unsupported("linking a workflow to itself")
    child = _run().children.get(wid)
    if child is None:
        return _unsupported("linking to a process this workflow did not start")
    child.linked = True
    return True, None


def unlink(pid=None, *_):
    child = _child(pid, "unlink")
    if child is None:
        return _unsupported("linking to a process this workflow did not start")
    child.linked = False
    return True, None


def set_options(options=None, *_):
    trap = trap_links_option(options)
    if trap is not None:
        _run().trap_links = trap
    return True, None


async def cancel(pid=None, deadline=None, *_):
    """``true, nil``: ask workflow ``pid`` to cancel (it sees ``pid.cancel``
    and may clean up). No deadline is enforced in workflow code: a workflow
    cannot terminate another."""
    from temporalio import workflow

    wid = _pid_arg(pid, "cancel")
    if deadline is not None:
        try:
            _duration("deadline", deadline)
        except ValueError as e:
            raise LuaError.at_caller(f"bad argument #2 to 'cancel' ({e})") from None
    try:
        await workflow.get_external_workflow_handle(wid).cancel()
    except asyncio.CancelledError:
        raise
    except Exception as e:  # noqa: BLE001
        return None, from_exception(e)
    return True, None


async def terminate(pid=None, *_):
    # No terminate-external command exists: an external cancel.
    return await cancel(pid)


# --- builders ----------------------------------------------------------------------------


class Spawner(LuaObject):
    """``process.with_options{...}`` and friends: immutable, each ``with_*``
    returns a new one; messages keep their order."""

    __slots__ = ("app", "options", "name", "messages", "context")
    lua_name = "spawner"
    lua_methods = frozenset(
        {"with_options", "with_name", "with_message", "with_context", "spawn", "spawn_monitored",
         "spawn_linked", "spawn_linked_monitored", "exec"}
    )

    def __init__(self, app, options: dict, name, messages: tuple, context: Table | None):
        self.app = app
        self.options = options
        self.name = name
        self.messages = messages
        self.context = context

    def with_options(self, options=None, *_):
        return Spawner(self.app, {**self.options, **_options(options)}, self.name, self.messages, self.context)

    def with_name(self, name=None, *_):
        if type(name) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'with_name' (string expected, got {type_name(name)})")
        return Spawner(self.app, self.options, to_text(name), self.messages, self.context)

    def with_message(self, topic=None, payload=None, *_):
        if type(topic) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'with_message' (string expected, got {type_name(topic)})")
        return Spawner(self.app, self.options, self.name, (*self.messages, (topic, payload)), self.context)

    def with_context(self, values=None, *_):
        return Spawner(self.app, self.options, self.name, self.messages, merged_context(self.context, values))

    async def _start(self, entry_id, host, args, linked):
        return await start_child(
            self.app, entry_id, host, args, self.options, name=self.name, context=self.context,
            linked=linked, messages=self.messages,
        )

    async def spawn(self, entry_id=None, host=None, *input):
        return await self._start(entry_id, host, input, False)

    spawn_monitored = spawn

    async def spawn_linked(self, entry_id=None, host=None, *input):
        return await self._start(entry_id, host, input, True)

    spawn_linked_monitored = spawn_linked

    async def exec(self, entry_id=None, host=None, *input):
        return await exec_child(
            self.app, entry_id, host, input, self.options, name=self.name, context=self.context,
            messages=self.messages,
        )


def _options(options) -> dict:
    if not isinstance(options, Table):
        raise LuaError.at_caller(f"bad argument #1 to 'with_options' (table expected, got {type_name(options)})")
    try:
        return parse_workflow_options(options)
    except ValueError as e:
        raise LuaError.at_caller(f"bad argument #1 to 'with_options' ({e})") from None


def with_options(app, options=None, *_):
    return Spawner(app, _options(options), None, (), None)


def with_context(app, values=None, *_):
    return Spawner(app, {}, None, (), merged_context(None, values))


def _with_app(fn):
    async def call(*args):
        return await fn(_app(), *args)

    return call


def _install() -> None:
    """The ``process`` module's functions for children (process.py's EXTENSIONS)."""
    from .process import EXTENSIONS

    EXTENSIONS.update(
        spawn=_with_app(spawn),
        spawn_monitored=_with_app(spawn_monitored),
        spawn_linked=_with_app(spawn_linked),
        spawn_linked_monitored=_with_app(spawn_linked_monitored),
        exec=_with_app(exec_),
        with_options=lambda *a: with_options(_app(), *a),
        with_context=lambda *a: with_context(_app(), *a),
        monitor=monitor,
        unmonitor=unmonitor,
        link=link,
        unlink=unlink,
        set_options=set_options,
        terminate=terminate,
        cancel=cancel,
    )


_install()
