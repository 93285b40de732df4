"""The command line of a generated package (``python -m PKG ...``):

  worker [--address H:P] [--namespace NS]                         serve every worker of the app
  run ENTRY_ID [--input JSON] [--id ID] [--context JSON] [...]    start, wait, print the result
  start ENTRY_ID [--input JSON] [--id ID] [--context JSON] [...]  start, print the workflow ID
  result WORKFLOW_ID [...]                                        wait, print the result

Results are one line of JSON on stdout. A failed workflow prints
``error: KIND: message`` on stderr and exits 1; bad usage exits 2.
Address and namespace: flag > TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE > app."""

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
from .client import WorkflowFailed, connect, handle_result, result, start
from .worker import run_workers


def _parser(app: AppSpec) -> argparse.ArgumentParser:
    conn = argparse.ArgumentParser(add_help=False)
    conn.add_argument("--address", help="Temporal frontend host:port")
    conn.add_argument("--namespace", help="Temporal namespace")
    p = argparse.ArgumentParser(prog=app.name, description=f"Temporal workers and client for {app.name}")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("worker", parents=[conn], help="run the app's workers until SIGINT/SIGTERM")
    for name, what in (
        ("run", "start a workflow and print its result"),
        ("start", "start a workflow and print its ID"),
    ):
        c = sub.add_parser(name, parents=[conn], help=what)
        c.add_argument("entry_id", metavar="ENTRY_ID", help="workflow entry, e.g. app:order_workflow")
        c.add_argument("--input", default="null", help="workflow input as JSON (default null)")
        c.add_argument("--id", help="workflow ID (default: generated)")
        c.add_argument("--context", help="context values (read with ctx.get / ctx.all) as a JSON object")
    c = sub.add_parser("result", parents=[conn], help="wait for a workflow and print its result")
    c.add_argument("workflow_id", metavar="WORKFLOW_ID")
    return p


def parse_context(text: str | None) -> dict | None:
    """The ``--context`` value: a JSON object, or None when not given.
    Raises ValueError."""
    if text is None:
        return None
    context = json.loads(text)
    if not isinstance(context, dict):
        raise ValueError("must be a JSON object")
    return context


def print_json(value) -> None:
    line = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    sys.stdout.buffer.write((line + "\n").encode("utf-8"))
    sys.stdout.flush()


def fail(message: str) -> None:
    sys.stderr.buffer.write(f"error: {message}\n".encode("utf-8"))
    sys.stderr.flush()


async def _command(app: AppSpec, workflows, activities, args) -> int:
    if args.command in ("run", "start"):
        try:
            app.workflow(args.entry_id)
            data = json.loads(args.input)
        except KeyError as e:
            fail(e.args[0])
            return 2
        except ValueError as e:
            fail(f"--input is not valid JSON: {e}")
            return 2
        try:
            context = parse_context(args.context)
        except ValueError as e:
            fail(f"--context: {e}")
            return 2
    try:
        client = await connect(app, args.address, args.namespace)
    except Exception as e:  # noqa: BLE001  report any connection problem in one line
        fail(f"cannot connect to Temporal: {e}")
        return 1
    if args.command == "worker":
        try:
            await _serve(client, app, workflows, activities)
        except Exception as e:  # noqa: BLE001  a worker that cannot run: one line, exit 1
            fail(f"worker stopped: {e}")
            return 1
        return 0
    try:
        if args.command == "result":
            print_json(await result(client, args.workflow_id))
            return 0
        handle = await start(client, app, args.entry_id, data, workflow_id=args.id, context=context)
        if args.command == "start":
            print(handle.id, flush=True)
            return 0
        print_json(await handle_result(handle))
        return 0
    except WorkflowFailed as e:
        fail(f"{e.kind}: {e.message}")
        return 1
    except (RPCError, WorkflowAlreadyStartedError) as e:
        fail(str(e))
        return 1


async def _serve(client, app: AppSpec, workflows, activities) -> None:
    """The ``worker`` command: serve until SIGINT/SIGTERM, then shut down."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await run_workers(client, app, workflows, activities, stop)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def run_cli(
    app: AppSpec, workflows: Sequence[type], activities: Sequence[Callable], argv: Sequence[str] | None = None
) -> int:
    """Parse ``argv`` and run the command; the exit code."""
    args = _parser(app).parse_args(argv)
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
