"""Run the counter app's workers: ``python -m counter worker``."""

from luac2py.runtime.temporal.worker import run_workers

from .activities import ACTIVITIES
from .app import APP
from .workflows import WORKFLOWS


async def run(client) -> None:
    """Serve every workflow and activity of the app on its task queue until cancelled."""
    await run_workers(client, APP, WORKFLOWS, ACTIVITIES)
