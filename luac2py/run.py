"""``luac2py run APP.yaml``: build, find or start Temporal, register the
app's search attributes, serve, run one workflow, print its result as
``python -m PKG run`` does, shut down. An ``--entry`` that is a function
entry (ordinary code) is called in this process while the workers serve,
and its result printed as ``python -m PKG call`` does.

Nothing waits in silence: a workflow task failure is reported at once, and
after ``--give-up-after`` seconds without recovery the run terminates the
workflow it started and exits 1."""

from __future__ import annotations

import asyncio
import importlib
import socket
import sys
from pathlib import Path

from .build import build_app
from .devserver import DevServer
from .runtime.temporal.console import fail, log_to_stderr, read_inputs, say, set_quiet

STATE_DIR = Path(".luac2py")


def _load_package(out: Path, package: str):
    sys.path.insert(0, str(out))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    app = importlib.import_module(f"{package}.app").APP
    workflows = importlib.import_module(f"{package}.workflows").WORKFLOWS
    activities = importlib.import_module(f"{package}.activities").ACTIVITIES
    return app, workflows, activities


def _listening(address: str, timeout: float = 1.0) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


def run_app(args) -> int:
    from .runtime.temporal.console import overrides
    from .runtime.temporal.connection import ConnectionSettingsError, connect_config

    set_quiet(args.quiet)
    log_to_stderr()
    try:
        data, context = read_inputs(args)
    except ValueError as e:
        fail(str(e))
        return 2
    out = build_app(
        args.app,
        STATE_DIR / "build" / Path(args.app).resolve().parent.name,
        strict=args.strict,
        on_warning=lambda d: print(d.render(), file=sys.stderr, flush=True),
    )
    package = next(p.name for p in out.iterdir() if (p / "__init__.py").exists())
    app, workflows, activities = _load_package(out, package)
    runnable = (i for i, e in app.entries.items() if i in app.workflows or e.kind == "function")
    entry = args.entry or next(runnable, None)
    if entry is None:
        fail("the app has no workflow or function entry to run")
        return 2
    ordinary = entry in app.functions
    if entry not in app.workflows and not ordinary:
        fail(
            f"{entry} is not a workflow or function entry of this app (workflows: {', '.join(app.workflows) or 'none'};"
            f" functions: {', '.join(app.functions) or 'none'})"
        )
        return 2
    flags = overrides(args)
    try:
        address, _ = connect_config(app.client, flags)
        from_app, _ = connect_config(app.client, environ={})
    except ConnectionSettingsError as e:
        fail(str(e))
        return 1
    server = None
    # Only the app's own address falls back to an embedded server: one the
    # user named (flag, environment, profile) must answer itself.
    if address == from_app and not _listening(address):
        STATE_DIR.mkdir(exist_ok=True)
        attributes = [f"{name}={kind}" for name, kind in app.search_attributes.items()]
        server = DevServer(db_path=str(STATE_DIR / "temporal.db"), search_attributes=attributes)
        say(f"nothing answers at {address}; starting the embedded dev server")
        flags = overrides(args, address=server.start())
    say(f"Temporal at {flags.address or address}; running {entry}")
    run = _call if ordinary else _execute
    try:
        return asyncio.run(
            _serving(app, workflows, activities, flags, lambda client: run(client, app, entry, data, context, args))
        )
    finally:
        if server is not None:
            server.stop()


async def _serving(app, workflows, activities, flags, run) -> int:
    """Connect, register the search attributes, serve the app's workers
    while ``run(client)`` runs; its exit code."""
    from .runtime.temporal.client import connect, register_search_attributes
    from .runtime.temporal.worker import build_workers, run_until_stopped

    try:
        client = await connect(app, overrides=flags)
    except Exception as e:  # noqa: BLE001  settings or connection: one line
        fail(f"cannot connect to Temporal: {e}")
        return 1
    for problem in await register_search_attributes(client, app):
        fail(problem)
    workers = build_workers(client, app, workflows, activities)
    stop = asyncio.Event()
    serving = asyncio.create_task(run_until_stopped(workers, stop))
    try:
        return await run(client)
    finally:
        stop.set()
        await serving


async def _call(client, app, entry, data, context, args) -> int:
    """A function entry: called here, with the workers serving meanwhile;
    its process serves its delivery queue on this client too, so workflows'
    replies reach its inbox."""
    from .runtime.temporal.cli import call_and_print

    return await call_and_print(app, entry, data, context, client=client)


async def _execute(client, app, entry, data, context, args) -> int:
    """A workflow entry: started, waited for, given up on (terminated) when its task keeps failing."""
    from .runtime.temporal.cli import print_result
    from .runtime.temporal.client import InputError, start

    try:
        handle = await start(client, app, entry, data, context=context)
    except InputError as e:
        fail(str(e))
        return 2
    say(f"started workflow {handle.id}")

    async def give_up():
        # The run owns this workflow: leave nothing behind that fails forever.
        await handle.terminate(f"luac2py run gave up after {args.give_up_after:g} s of failing workflow tasks")
        fail(f"gave up after {args.give_up_after:g} s; terminated workflow {handle.id}")

    return await print_result(handle, args.give_up_after, give_up)
