"""The fixture app tests/fixtures/apps/runtime_app, which several modules here
run: built as package ``runtime_app``, and served on the session's
time-skipping server."""

import asyncio

import pytest
import pytest_asyncio

from luac2py.runtime.temporal.worker import run_workers


@pytest.fixture(scope="session")
def runtime_app(compiled_app):
    """tests/fixtures/apps/runtime_app built as package ``runtime_app``."""
    return compiled_app("runtime_app", package="runtime_app")


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def runtime_app_client(time_skipping_server, runtime_app):
    """A client of the session's time-skipping server, runtime_app's workers
    serving it for the rest of the session."""
    serving = asyncio.create_task(
        run_workers(time_skipping_server.client, runtime_app.app, runtime_app.workflows, runtime_app.activities)
    )
    yield time_skipping_server.client
    # Cancelling the serving task shuts the workers down cleanly.
    serving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await serving
