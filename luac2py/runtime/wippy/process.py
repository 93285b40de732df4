"""The ``process`` module in workflow code: a workflow run is a Wippy process
with a PID, a mailbox fed by signals and updates, and an events channel.

Each run has one ``WorkflowProcess``, made in the workflow class's
``__init__`` (so signals that come before the body starts are kept) and
reachable from the run's code through ``current_process()``. A message (a
signal, or an update: a request from outside) goes to the channel of
``process.listen(topic)`` if there is one, else to ``process.inbox()``,
else it waits in the mailbox until a ``listen`` or ``inbox`` call takes the
waiting ones, in arrival order. Signals and updates come from the history
in its order, so a replay delivers the same messages the same way.

An update named N with one argument is a message of topic N from
``{update|<update id>}``; the update waits for the body's reply to that
PID: ``process.send(pid, "ack")`` (optional), then ``"ok", value`` (the
update returns value), ``"error", err`` (it fails with an ApplicationError
of the error's kind, ERROR without one) or ``"nak", reason`` (it fails
with an ApplicationError of type NAK: the request was refused). When the
body ends, requests still waiting fail (type CANCELED).

A cancellation of the run is a ``pid.cancel`` event: a body that reads
``process.events()`` cleans up and returns as it likes; in one that does
not, or at a second cancellation, the wait it is in is cancelled."""

from __future__ import annotations

import sys
from collections import deque
from contextvars import ContextVar
from datetime import timedelta

from ..errors import LuaError
from ..ops import truthy
from ..table import Table
from ..values import from_text, to_text, type_name
from .channel import Channel
from .errors import CANCELED, INVALID, NOT_FOUND, ErrorObject, coerce, from_exception
from .message import DELIVER_ACTIVITY, LOCAL, UPDATE, Message, decoded_array, parse_pid, update_pid, workflow_pid
from .module import Module
from .workflow import continue_as_new

# Mailbox channels never refuse a message: nothing a sender sends is lost.
UNBOUNDED = sys.maxsize

EXIT = "pid.exit"
LINK_DOWN = "pid.link.down"
CANCEL = "pid.cancel"

# Sending to a process of ordinary code: the messages waiting for it go
# together in one delivery activity, retried twice.
DELIVER_TIMEOUT = timedelta(seconds=30)
DELIVER_ATTEMPTS = 3

# The replies an update waits for (the topics the body sends to its PID).
ACK, OK, ERROR, NAK = "ack", "ok", "error", "nak"

_CURRENT: ContextVar["WorkflowProcess | None"] = ContextVar("luac2py_workflow_process", default=None)


def current_process() -> "WorkflowProcess | None":
    """The process of the running workflow code (None outside workflow code)."""
    return _CURRENT.get()


class _Request:
    """An update waiting for the body's reply."""

    __slots__ = ("future", "acked")

    def __init__(self, future):
        self.future = future
        self.acked = False


class _Outbox:
    """Messages on their way to one process of ordinary code. One task
    delivers them, in order; once a delivery fails, later sends to that
    process fail with its error."""

    __slots__ = ("queue", "busy", "error")

    def __init__(self):
        self.queue: list[dict] = []
        self.busy = False
        self.error: ErrorObject | None = None


class WorkflowProcess:
    """The process state of one workflow run: PID, mailbox, events."""

    def __init__(self, app, entry_id: str):
        from temporalio import workflow

        self.app = app  # children.py starts the app's other workflows
        self.pid = from_text(workflow_pid(app, entry_id, workflow.info().workflow_id))
        self.workflow_id = workflow.info().workflow_id
        self.waiting: deque[Message] = deque()  # messages no channel took yet
        self.topics: dict[str, tuple[Channel, bool]] = {}  # topic -> (channel, gives whole messages)
        self.inbox_channel: Channel | None = None
        self.events = Channel(UNBOUNDED)
        self.requests: dict[str, _Request] = {}  # update id -> the update waiting for its reply
        self.ended = False
        self.events_taken = False  # the body called process.events(): it can see pid.cancel
        self.cancel_requested = False
        self.outboxes: dict[tuple[str, str], _Outbox] = {}  # (task queue, local id) -> outbox

    def bind(self):
        """Make this the current process (of the running task and what it starts)."""
        return _CURRENT.set(self)

    # --- arrivals -------------------------------------------------------------------
    def deliver(self, msg: Message) -> None:
        listener = self.topics.get(msg._topic)
        if listener is not None:
            ch, whole = listener
            ch.offer(msg if whole else msg._payload)
        elif self.inbox_channel is not None:
            self.inbox_channel.offer(msg)
        else:
            self.waiting.append(msg)

    def push_event(self, event: Table) -> None:
        """An event (``{kind =, from =, result =}``) for ``process.events()``."""
        self.events.offer(event)

    def cancel(self) -> bool:
        """The run is asked to cancel: a ``pid.cancel`` event. True when the
        body reads its events (it cleans up and ends as it likes); False the
        second time, or when it does not read them: its wait is then
        cancelled, as Temporal would."""
        if self.cancel_requested:
            return False
        self.cancel_requested = True
        self.push_event(Table(kind=CANCEL))
        return self.events_taken

    def signal(self, name: str, args) -> None:
        """A signal: a message from the PID its header names."""
        from temporalio import workflow

        from ..temporal.context import signal_sender

        try:
            value = _decode(args)
        except Exception as e:  # noqa: BLE001  a handler must not fail the workflow task
            workflow.logger.warning("dropped signal %r: its payload does not decode: %s", name, e)
            return
        self.deliver(Message(from_text(name), value, signal_sender()))

    async def update(self, name: str, args):
        """An update: a request the body answers through ``process.send``."""
        import asyncio

        from temporalio import workflow
        from temporalio.common import RawValue
        from temporalio.exceptions import ApplicationError

        if self.ended:
            raise ApplicationError("the workflow has ended", type=CANCELED, non_retryable=True)
        try:
            value = _decode(args)
        except Exception as e:  # noqa: BLE001
            raise ApplicationError(f"the request's payload does not decode: {e}", type=INVALID, non_retryable=True)
        update_id = from_text(workflow.current_update_info().id)
        request = self.requests[update_id] = _Request(asyncio.get_running_loop().create_future())
        self.deliver(Message(from_text(name), value, update_pid(update_id)))
        try:
            topic, value = await request.future
        finally:
            del self.requests[update_id]
        if topic == OK:
            try:
                return RawValue(workflow.payload_converter().to_payload(value))
            except Exception as e:  # noqa: BLE001  a reply without a JSON form fails the update alone
                raise ApplicationError(f"cannot encode the reply: {e}", type=INVALID, non_retryable=True) from None
        if topic == NAK:
            raise ApplicationError(_text(value) or "refused", type="NAK", non_retryable=True)
        err = value if isinstance(value, ErrorObject) else coerce(value)
        raise ApplicationError(
            to_text(err.message()), type=to_text(err.kind()) or "ERROR", non_retryable=not truthy(err.retryable())
        )

    def reply(self, update_id: str, topic: str, value):
        """The body's answer to a request: ``true`` or ``nil, err``."""
        request = self.requests.get(update_id)
        if request is None or request.future.done():
            return None, ErrorObject(NOT_FOUND, f"no request {update_pid(update_id)} is waiting for a reply", False)
        if topic == ACK:
            request.acked = True
        elif topic in (OK, ERROR, NAK):
            request.future.set_result((topic, value))
        else:
            return None, ErrorObject(INVALID, f"a reply's topic is ack, ok, error or nak, not '{topic}'", False)
        return True, None

    def end(self, why: str = "the workflow ended without replying") -> None:
        """The body has ended: requests still waiting fail, later ones too."""
        self.ended = True
        for request in self.requests.values():
            if not request.future.done():
                request.future.set_result((ERROR, ErrorObject(CANCELED, why, False)))

    # --- continuing as new ---------------------------------------------------------------
    def unread(self) -> list[dict]:
        """The messages no one has taken yet (waiting, or in a channel's
        buffer), each ``{topic, payload, from}``, per channel in arrival
        order: what a continue-as-new hands to the next run. Requests are
        not among them: the caller fails those (``end``)."""
        out = []

        def keep(topic, payload, sender):
            if not sender.startswith("{update|"):
                out.append({"topic": topic, "payload": payload, "from": sender})

        for topic, (ch, whole) in self.topics.items():
            for item in ch.buffer:
                if whole:
                    keep(item._topic, item._payload, item._sender)
                else:
                    keep(topic, item, "")
        for msg in (*(self.inbox_channel.buffer if self.inbox_channel else ()), *self.waiting):
            keep(msg._topic, msg._payload, msg._sender)
        return out

    def carry_over(self, messages) -> None:
        """The previous run's unread messages: first in this run's mailbox,
        before any that came since it started."""
        carried = [
            Message(from_text(dict.get(m, "topic") or ""), dict.get(m, "payload"), dict.get(m, "from") or "")
            for m in decoded_array(messages)
        ]
        self.waiting.extendleft(reversed(carried))

    # --- the body's side -------------------------------------------------------------
    def listen(self, topic: str, whole: bool) -> Channel:
        if topic in self.topics:
            raise LuaError.at_caller(f"process.listen: topic '{topic}' already has a listener")
        ch = Channel(UNBOUNDED)
        self.topics[topic] = (ch, whole)
        self._drain(lambda m: m._topic == topic)
        return ch

    def unlisten(self, ch) -> bool:
        for topic, (listener, _) in self.topics.items():
            if listener is ch:
                del self.topics[topic]
                ch.close()
                return True
        return False

    def inbox(self) -> Channel:
        if self.inbox_channel is None:
            self.inbox_channel = Channel(UNBOUNDED)
            self._drain(lambda m: True)
        return self.inbox_channel

    def _drain(self, wanted) -> None:
        kept = deque()
        for msg in self.waiting:
            if wanted(msg):
                self.deliver(msg)
            else:
                kept.append(msg)
        self.waiting = kept

    async def send(self, pid: str, topic: str, value):
        from temporalio import workflow

        from ..temporal.context import SENDER_KEY, context_values

        try:
            kind, host, ident = parse_pid(pid)
        except ValueError as e:
            return None, ErrorObject(INVALID, str(e), False)
        if kind == UPDATE:
            return self.reply(ident, topic, value)
        if kind == LOCAL:
            return self._post(to_text(host), to_text(ident), topic, value)
        try:
            if to_text(ident) == self.workflow_id:
                # To itself: a copy, as another process would get.
                converter = workflow.payload_converter()
                self.deliver(Message(topic, converter.from_payload(converter.to_payload(value)), self.pid))
            else:
                handle = workflow.get_external_workflow_handle(to_text(ident))
                with context_values(Table({SENDER_KEY: self.pid})):
                    await handle.signal(to_text(topic), value)
        except Exception as e:  # noqa: BLE001  every failure is the send's `nil, err`
            import asyncio

            if isinstance(e, asyncio.CancelledError):
                raise
            return None, from_exception(e)
        return True, None

    # --- messages to ordinary code ----------------------------------------------------
    def _post(self, task_queue: str, local_id: str, topic: str, value):
        """Queue a message for a process of ordinary code: ``true`` at once
        (the send does not wait, so the sender's later work is not
        overtaken by the delivery), ``nil, err`` once a delivery to that
        process has failed. The payload is copied now."""
        import asyncio

        from temporalio import workflow

        box = self.outboxes.setdefault((task_queue, local_id), _Outbox())
        if box.error is not None:
            return None, box.error
        converter = workflow.payload_converter()
        try:
            value = converter.from_payload(converter.to_payload(value))
        except Exception as e:  # noqa: BLE001  a payload without a JSON form
            return None, from_exception(e)
        box.queue.append({"topic": topic, "payload": value})
        if not box.busy:
            box.busy = True
            asyncio.get_running_loop().create_task(self._deliver_all(task_queue, local_id, box))
        return True, None

    async def _deliver_all(self, task_queue: str, local_id: str, box: _Outbox) -> None:
        from temporalio import workflow
        from temporalio.common import RetryPolicy

        try:
            while box.queue and box.error is None:
                batch, box.queue = box.queue, []
                try:
                    await workflow.execute_activity(
                        DELIVER_ACTIVITY,
                        args=[local_id, batch, self.pid],
                        task_queue=task_queue,
                        schedule_to_close_timeout=DELIVER_TIMEOUT,
                        retry_policy=RetryPolicy(maximum_attempts=DELIVER_ATTEMPTS),
                    )
                except Exception as e:  # noqa: BLE001  the process is gone: later sends say so
                    box.error = from_exception(e)
                    box.queue.clear()
        finally:
            box.busy = False

    async def flush(self) -> None:
        """Wait until every message sent to ordinary code is delivered (or
        its delivery has failed): a run ends only after."""
        from temporalio import workflow

        await workflow.wait_condition(lambda: not any(b.busy for b in self.outboxes.values()))


def _decode(args):
    """A message's value: its first argument (nil without one)."""
    from temporalio import workflow

    if not args:
        return None
    return workflow.payload_converter().from_payload(args[0].payload)


def _text(v) -> str:
    return to_text(v) if type(v) is str else ""


def _process(fn: str) -> WorkflowProcess:
    p = current_process()
    if p is None:
        raise LuaError.at_caller(f"process.{fn}: no workflow process here")
    return p


def _string(v, n: int, fn: str) -> str:
    if type(v) is not str:
        raise LuaError.at_caller(f"bad argument #{n} to '{fn}' (string expected, got {type_name(v)})")
    return v


EVENT = Table({"EXIT": EXIT, "LINK_DOWN": LINK_DOWN, "CANCEL": CANCEL})


def trap_links_option(options) -> bool | None:
    """``process.set_options{trap_links = b}``'s value (None when not given)."""
    if not isinstance(options, Table):
        raise LuaError.at_caller(f"bad argument #1 to 'set_options' (table expected, got {type_name(options)})")
    trap = dict.get(options, "trap_links")
    if trap is not None and type(trap) is not bool:
        raise LuaError.at_caller("bad argument #1 to 'set_options' (trap_links must be a boolean)")
    return trap


# More ``process`` functions, by name, that other modules add (spawning children).
EXTENSIONS: dict = {}


class ProcessModule(Module):
    lua_fields = frozenset({"upgrade", "send", "listen", "unlisten", "inbox", "events", "pid", "event"})
    event = EVENT

    def lua_index(self, key):
        found = super().lua_index(key)
        return EXTENSIONS.get(key) if found is None and type(key) is str else found

    async def upgrade(self, input=None, *_):
        """Continue as a new run of this workflow with ``input``."""
        await continue_as_new(input)

    async def send(self, pid=None, topic=None, payload=None, *_):
        """``true`` or ``nil, err``: send ``payload`` under ``topic`` to a
        workflow, a process of ordinary code or a waiting request."""
        _string(pid, 1, "send")
        _string(topic, 2, "send")
        return await _process("send").send(pid, topic, payload)

    def listen(self, topic=None, options=None, *_):
        """A channel of the messages of ``topic``: their payloads' data, or
        the messages with ``{message = true}``."""
        _string(topic, 1, "listen")
        whole = isinstance(options, Table) and truthy(dict.get(options, "message"))
        return _process("listen").listen(topic, whole)

    def unlisten(self, ch=None, *_):
        """Stop a ``listen`` channel (it is closed): its topic's messages go
        to the inbox again."""
        return _process("unlisten").unlisten(ch)

    def inbox(self, *_):
        return _process("inbox").inbox()

    def events(self, *_):
        p = _process("events")
        p.events_taken = True
        return p.events

    def pid(self, *_):
        return _process("pid").pid


PROCESS = ProcessModule()

# Spawning and watching children: its functions join EXTENSIONS.
from . import children  # noqa: E402,F401
