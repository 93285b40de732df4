"""The command line of a generated package (``python -m PKG ...``):

  worker [--worker ENTRY_ID]...                    serve the app's worker entries (task
                                                   queues): all, or the ones named
  run ENTRY_ID [--input JSON|@FILE] [--context JSON|@FILE] [--id ID]
                                                   start, wait, print the result
  start ENTRY_ID [--input ...] [--context ...] [--id ID]
                                                   start, print the workflow and run IDs
  result WORKFLOW_ID                               wait, print the result
  call ENTRY_ID [--input JSON|@FILE] [--context JSON|@FILE]
                                                   run a function entry (ordinary
                                                   code) here, print its result
  send WORKFLOW_ID TOPIC [JSON]                    send a workflow a message
  request WORKFLOW_ID TOPIC [JSON]                 ask a workflow, print its reply

stdout carries results only: one line of JSON (``start``: the workflow and
run IDs); Lua ``print`` output of a called function comes before it.
Errors are one line ``error: ...`` on stderr: a failed workflow or function
``error: KIND: message`` and exit 1, bad usage or input exit 2, a workflow
whose task keeps failing is reported at once and given up on after
``--give-up-after`` seconds (exit 1; it keeps running). Connection settings:
flags > Temporal's environment configuration > the app (``connection.py``)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from typing import Callable, Sequence

from temporalio.exceptions import WorkflowAlreadyStartedError
from temporalio.service import RPCError

from .app import AppSpec
from .client import (
    CallFailed,
    InputError,
    RequestFailed,
    WorkflowFailed,
    WorkflowTaskFailing,
    connect,
    handle_result,
    call,
    request,
    send,
    start,
)
from .connection import ConnectionSettingsError
from .console import (
    connection_flags,
    fail,
    input_flags,
    log_to_stderr,
    overrides,
    print_json,
    read_inputs,
    say,
    set_quiet,
    waiting_flags,
    warn,
)
from .worker import run_workers, worker_entries


def _parser(app: AppSpec) -> argparse.ArgumentParser:
    entries = list(app.workflows)
    example = entries[0] if entries else "NS:WORKFLOW"
    prog = f"python -m {app.name}"
    p = argparse.ArgumentParser(
        prog=prog,
        description=f"Temporal workers and client of the {app.name} app (workflows: {', '.join(entries) or 'none'}).",
        epilog=f"example: {prog} run {example} --input @input.json",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    w = sub.add_parser("worker", help="run the app's workers until SIGINT/SIGTERM")
    w.add_argument(
        "--worker",
        dest="workers",
        action="append",
        metavar="ENTRY_ID",
        help="serve only this temporal.worker entry's task queue (its workflows and activities); repeatable"
        f" (default: every one: {', '.join(spec.id for spec in app.workers) or 'none'})",
    )
    connection_flags(w, f"the app's, {app.client.address}")
    w.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    for name, what in (
        ("run", "start a workflow, wait, print its result as one line of JSON"),
        ("start", 'start a workflow and print {"workflow_id": ..., "run_id": ...}'),
    ):
        c = sub.add_parser(name, help=what, description=what)
        c.add_argument(
            "entry_id", metavar="ENTRY_ID", help=f"the workflow entry to start: {' or '.join(entries) or 'none'}"
        )
        input_flags(c)
        c.add_argument("--id", metavar="WORKFLOW_ID", help="workflow ID (default: ENTRY-<uuid>)")
        if name == "run":
            waiting_flags(c)
        else:
            c.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
        connection_flags(c, f"the app's, {app.client.address}")
    c = sub.add_parser("result", help="wait for a workflow and print its result as one line of JSON")
    c.add_argument(
        "workflow_id", metavar="WORKFLOW_ID", help=f"as `start` printed it, e.g. {example.rpartition(':')[2]}-<uuid>"
    )
    waiting_flags(c)
    connection_flags(c, f"the app's, {app.client.address}")
    functions = app.functions
    what = "call a function entry (ordinary code) in this process and print its result as one line of JSON"
    c = sub.add_parser("call", help=what, description=what)
    c.add_argument("entry_id", metavar="ENTRY_ID", help=f"the function entry: {' or '.join(functions) or 'none'}")
    input_flags(c, "the function's argument")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    connection_flags(c, f"the app's, {app.client.address}; used once the function talks to Temporal")
    for name, what in (
        ("send", "send a running workflow a message (a signal named TOPIC)"),
        ("request", "ask a running workflow (an update named TOPIC) and print its reply as one line of JSON"),
    ):
        c = sub.add_parser(name, help=what, description=what)
        c.add_argument("workflow_id", metavar="WORKFLOW_ID", help="the workflow's ID or PID")
        c.add_argument("topic", metavar="TOPIC", help="the message's topic: the signal's or update's name")
        c.add_argument("payload", metavar="JSON", nargs="?", default="null", help="the payload (default: null)")
        c.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
        connection_flags(c, f"the app's, {app.client.address}")
    return p


async def _command(app: AppSpec, workflows, activities, args) -> int:
    if args.command == "call":
        try:
            data, context = read_inputs(args)
        except ValueError as e:
            fail(str(e))
            return 2
        return await call_and_print(app, args.entry_id, data, context, overrides=overrides(args))
    if args.command in ("send", "request"):
        try:
            payload = json.loads(args.payload)
        except ValueError as e:
            fail(f"the payload is not JSON: {e}")
            return 2
    if args.command == "worker" and args.workers is not None:
        try:
            worker_entries(app, args.workers)
        except KeyError as e:
            fail(e.args[0])
            return 2
    if args.command in ("run", "start"):
        try:
            app.workflow(args.entry_id)
        except KeyError as e:
            fail(e.args[0])
            return 2
        try:
            data, context = read_inputs(args)
        except ValueError as e:
            fail(str(e))
            return 2
    try:
        client = await connect(app, overrides=overrides(args))
    except ConnectionSettingsError as e:
        fail(str(e))
        return 1
    except Exception as e:  # noqa: BLE001  report any connection problem in one line
        fail(f"cannot connect to Temporal: {e}")
        return 1
    if args.command == "worker":
        try:
            await _serve(client, app, workflows, activities, args.workers)
        except Exception as e:  # noqa: BLE001  a worker that cannot run: one line, exit 1
            fail(f"worker stopped: {e}")
            return 1
        return 0
    if args.command in ("send", "request"):
        return await _message(client, args, payload)
    try:
        if args.command == "result":
            handle = client.get_workflow_handle(args.workflow_id)
        else:
            handle = await start(client, app, args.entry_id, data, workflow_id=args.id, context=context)
            if args.command == "start":
                print_json({"workflow_id": handle.id, "run_id": handle.first_execution_run_id})
                return 0
            say(f"started workflow {handle.id}", prefix=app.name)

        def no_worker():
            warn(
                f"no worker has taken workflow {handle.id} yet; is `python -m {app.name} worker` running"
                " on the same server and namespace?"
            )

        async def give_up():
            fail(
                f"gave up after {args.give_up_after:g} s: workflow {handle.id} is still running and its task keeps"
                f" failing; fix the cause, then: python -m {app.name} result {handle.id}"
            )

        return await print_result(handle, args.give_up_after, give_up, no_worker)
    except InputError as e:
        fail(str(e))
        return 2
    except (RPCError, WorkflowAlreadyStartedError) as e:
        fail(str(e))
        return 1


async def print_result(handle, give_up_after: float | None, give_up, on_no_worker=None) -> int:
    """Wait for a started workflow and print its result; the exit code. A
    task failure is reported at once; ``give_up()`` runs when it lasts."""
    try:
        value = await handle_result(
            handle, on_task_failure=lambda f: fail(str(f)), give_up_after=give_up_after, on_no_worker=on_no_worker
        )
    except WorkflowFailed as e:
        fail(f"{e.kind}: {e.message}")
        return 1
    except WorkflowTaskFailing:
        await give_up()
        return 1
    print_json(value)
    return 0


async def _message(client, args, payload) -> int:
    """``send`` (prints nothing) or ``request`` (prints the reply)."""
    try:
        if args.command == "send":
            await send(client, args.workflow_id, args.topic, payload)
            say(f"sent {args.topic} to {args.workflow_id}")
            return 0
        reply = await request(client, args.workflow_id, args.topic, payload)
    except InputError as e:
        fail(str(e))
        return 2
    except RequestFailed as e:
        fail(f"{e.kind}: {e.message}")
        return 1
    except RPCError as e:
        fail(f"{args.workflow_id}: {e}")
        return 1
    print_json(reply)
    return 0


async def call_and_print(app: AppSpec, entry_id: str, data, context, **where) -> int:
    """Call a function entry with one argument and print its result; the
    exit code (1 when it fails, 2 for an unknown entry or a bad input).
    ``where``: the ``client`` or connection ``overrides`` its process uses
    once it talks to Temporal."""
    try:
        value = await call(app, entry_id, data, context=context, **where)
    except KeyError as e:
        fail(e.args[0])
        return 2
    except InputError as e:
        fail(str(e))
        return 2
    except CallFailed as e:
        fail(f"{e.kind}: {e.message}")
        return 1
    print_json(value)
    return 0


async def _serve(client, app: AppSpec, workflows, activities, only=None) -> None:
    """The ``worker`` command: serve (``only`` these worker entries, when
    given) until SIGINT/SIGTERM, then shut down."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await run_workers(client, app, workflows, activities, stop, only=only)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def run_cli(
    app: AppSpec, workflows: Sequence[type], activities: Sequence[Callable], argv: Sequence[str] | None = None
) -> int:
    """Parse ``argv`` and run the command; the exit code."""
    args = _parser(app).parse_args(argv)
    set_quiet(args.quiet)
    log_to_stderr()
    try:
        return asyncio.run(_command(app, workflows, activities, args))
    except KeyboardInterrupt:
        return 130


def main(
    app: AppSpec, workflows: Sequence[type], activities: Sequence[Callable], argv: Sequence[str] | None = None
) -> None:
    code = run_cli(app, workflows, activities, argv)
    sys.stdout.flush()
    sys.stderr.flush()
    # temporalio can crash during interpreter teardown after all work is done
    # (sdk-python#300); leave before teardown so the exit code is ours.
    os._exit(code)
