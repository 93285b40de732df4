"""Real Temporal servers for the runtime tests: the time-skipping test server
(fast, timers skip) and the CLI dev server (for the package CLI); the fixture
app tests/fixtures/apps/runtime_app, compiled once per session."""

import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
import pytest_asyncio
import real_servers

from luac2py.build import build_app
from luac2py.runtime.temporal.worker import run_workers

APP_YAML = Path(__file__).resolve().parents[1] / "fixtures" / "apps" / "runtime_app" / "app.yaml"

# Built at import, before the test modules that import the package at their
# top. The output folder goes on sys.path (the workflow sandbox imports the
# package again); the CLI tests run ``python -m runtime_app`` from it.
PACKAGE_ROOT = build_app(APP_YAML, tempfile.mkdtemp(prefix="luac2py-runtime-app-"), package="runtime_app").resolve()
sys.path.insert(0, str(PACKAGE_ROOT))

from runtime_app.activities import ACTIVITIES  # noqa: E402
from runtime_app.app import APP  # noqa: E402
from runtime_app.workflows import WORKFLOWS  # noqa: E402


def pytest_sessionfinish(session, exitstatus):
    # Not atexit: tests/conftest.py leaves with os._exit once pytest has reported.
    shutil.rmtree(PACKAGE_ROOT, ignore_errors=True)


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
    """The compiled fixture app served on the time-skipping server."""
    serving = asyncio.create_task(run_workers(ts_env.client, APP, WORKFLOWS, ACTIVITIES))
    yield ts_env.client
    # Cancelling the serving task shuts the workers down cleanly.
    serving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await serving
