"""The committed generated package ``generated/orders`` on real Temporal servers."""

import sys
from pathlib import Path

import pytest_asyncio
import real_servers

ROOT = Path(__file__).resolve().parents[2]
ORDERS_DIST = ROOT / "generated" / "orders"
sys.path.insert(0, str(ORDERS_DIST))
sys.path.insert(0, str(ROOT / "generated" / "tour"))

from orders.activities import ACTIVITIES  # noqa: E402
from orders.app import APP  # noqa: E402
from orders.workflows import WORKFLOWS  # noqa: E402


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def skipping():
    """Time-skipping server with the orders worker running."""
    env = await real_servers.time_skipping()
    async with real_servers.serving(env.client, APP, WORKFLOWS, ACTIVITIES):
        yield env
    await env.shutdown()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def dev():
    """The CLI dev server (no worker: tests run the package's own processes)."""
    env = await real_servers.dev_server()
    yield env
    await env.shutdown()
