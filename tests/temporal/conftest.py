"""Real Temporal servers for the runtime tests: the time-skipping test server
(fast, timers skip) and the CLI dev server (for the package CLI)."""

import asyncio

import pytest
import pytest_asyncio
import real_servers

from luac2py.runtime.temporal.worker import run_workers

# tests/temporal is on sys.path (pytest's rootdir import mode), so the
# hand-written package imports as ``handpkg``, as ``python -m handpkg`` does.
from handpkg.activities import ACTIVITIES
from handpkg.app import APP
from handpkg.workflows import WORKFLOWS


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def ts_env():
    env = await real_servers.time_skipping()
    yield env
    await env.shutdown()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def dev_env():
    env = await real_servers.dev_server()
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
