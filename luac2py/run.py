"""``luac2py run APP.yaml``: build, find or start Temporal, serve, run one
workflow, print its result as ``python -m PKG run`` does, shut down."""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
from pathlib import Path

from .build import build_app
from .devserver import DevServer, server_answers

STATE_DIR = Path(".luac2py")


def _say(message: str) -> None:
    print(f"luac2py: {message}", file=sys.stderr, flush=True)


def _read_input(text: str):
    if text.startswith("@"):
        text = Path(text[1:]).read_text(encoding="utf-8")
    return json.loads(text)


def _load_package(out: Path, package: str):
    sys.path.insert(0, str(out))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    app = importlib.import_module(f"{package}.app").APP
    workflows = importlib.import_module(f"{package}.workflows").WORKFLOWS
    activities = importlib.import_module(f"{package}.activities").ACTIVITIES
    return app, workflows, activities


def run_app(args) -> int:
    from .runtime.temporal.cli import fail, parse_context

    try:
        data = _read_input(args.input)
    except (OSError, ValueError) as e:
        fail(f"--input: {e}")
        return 2
    try:
        context = parse_context(args.context)
    except ValueError as e:
        fail(f"--context: {e}")
        return 2
    out = build_app(args.app, STATE_DIR / "build" / Path(args.app).resolve().parent.name)
    package = next(p.name for p in out.iterdir() if (p / "__init__.py").exists())
    app, workflows, activities = _load_package(out, package)
    entry = args.entry or next(iter(app.workflows), None)
    if entry is None:
        fail("the app has no workflow to run")
        return 2
    if entry not in app.workflows:
        fail(f"{entry} is not a workflow of this app (workflows: {', '.join(app.workflows)})")
        return 2
    address = args.address or app.client.resolved().address
    server = None
    if not args.address and not server_answers(address, timeout=1.0):
        STATE_DIR.mkdir(exist_ok=True)
        attributes = [f"{name}={kind}" for name, kind in app.search_attributes.items()]
        server = DevServer(db_path=str(STATE_DIR / "temporal.db"), search_attributes=attributes)
        _say("no Temporal server answers; starting the embedded dev server")
        address = server.start()
    _say(f"Temporal at {address}; running {entry}")
    try:
        return asyncio.run(_execute(app, workflows, activities, address, entry, data, context))
    finally:
        if server is not None:
            server.stop()


async def _execute(app, workflows, activities, address, entry, data, context) -> int:
    from .runtime.temporal.cli import fail, print_json
    from .runtime.temporal.client import WorkflowFailed, connect, handle_result, start
    from .runtime.temporal.worker import build_workers, run_until_stopped

    client = await connect(app, address)
    workers = build_workers(client, app, workflows, activities)
    stop = asyncio.Event()
    serving = asyncio.create_task(run_until_stopped(workers, stop))
    try:
        handle = await start(client, app, entry, data, context=context)
        _say(f"started workflow {handle.id}")
        try:
            value = await handle_result(handle)
        except WorkflowFailed as e:
            fail(f"{e.kind}: {e.message}")
            return 1
        print_json(value)
        return 0
    finally:
        stop.set()
        await serving
