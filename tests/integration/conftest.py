"""The committed generated package ``generated/orders`` on real Temporal servers."""

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
import pytest_asyncio
from temporalio.testing import WorkflowEnvironment

from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import build_workers, run_until_stopped

ROOT = Path(__file__).resolve().parents[2]
ORDERS_DIST = ROOT / "generated" / "orders"
sys.path.insert(0, str(ORDERS_DIST))

from orders.activities import ACTIVITIES  # noqa: E402
from orders.app import APP  # noqa: E402
from orders.workflows import WORKFLOWS  # noqa: E402


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def skipping():
    """Time-skipping server with the orders worker running."""
    env = await WorkflowEnvironment.start_time_skipping(
        test_server_existing_path=shutil.which("temporal-test-server"), data_converter=DATA_CONVERTER
    )
    stop = asyncio.Event()
    task = asyncio.create_task(run_until_stopped(build_workers(env.client, APP, WORKFLOWS, ACTIVITIES), stop))
    yield env
    stop.set()
    await task
    await env.shutdown()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def dev():
    """The CLI dev server (no worker: tests run the package's own processes)."""
    env = await WorkflowEnvironment.start_local(
        dev_server_existing_path=shutil.which("temporal"), data_converter=DATA_CONVERTER
    )
    yield env
    await env.shutdown()
