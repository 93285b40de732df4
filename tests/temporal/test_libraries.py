"""Libraries reached through ``imports:`` (tests/fixtures/apps/libraries),
on the session's time-skipping server: a workflow's typed libraries (one of them
importing the other, calling an activity, its top level compiled as code
that may suspend) are loaded once per run, so no state leaks between runs,
and the history replays; ordinary code's are loaded once per process."""

from __future__ import annotations

import importlib
import json

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.client import WorkflowFailureError
from temporalio.exceptions import ApplicationError
from temporalio.worker import Replayer

import real_servers
from helpers import workflow_id

from luac2py.runtime.temporal.client import handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")
RECT = {"width": 3, "height": 4}


@pytest.fixture(scope="module")
def libs_app(compiled_app):
    return compiled_app("libraries")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def libs_client(time_skipping_server, libs_app):
    async with real_servers.serving(time_skipping_server.client, libs_app.app, libs_app.workflows, libs_app.activities):
        yield time_skipping_server.client


@ON_SESSION_LOOP
async def test_a_workflow_uses_libraries_loaded_once_per_run_and_replays(libs_client, libs_app):
    expected = {"area": 12, "doubled": 24, "first": 1, "label": json.dumps({"area": 12, "initial": 0, "n": 2}, separators=(",", ":")),
                "last": 3, "start": 0}  # fmt: skip
    handles = []
    for _ in range(2):  # the second run's counter starts at 0 again
        handle = await start(libs_client, libs_app.app, "libs:flow", RECT, workflow_id=workflow_id("libs"))
        assert await handle_result(handle) == expected
        handles.append(handle)
    history = await handles[-1].fetch_history()
    scheduled = [e.activity_task_scheduled_event_attributes.activity_type.name
                 for e in history.events if e.event_type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED]  # fmt: skip
    assert scheduled == ["libs:double"]  # called from the library's workflow code
    replayer = Replayer(
        workflows=libs_app.workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    result = await replayer.replay_workflow(history, raise_on_replay_failure=True)
    assert result.replay_failure is None


@ON_SESSION_LOOP
async def test_a_library_type_checks_workflow_input(libs_client, libs_app):
    handle = await start(libs_client, libs_app.app, "libs:flow", {"width": 3, "height": -1}, workflow_id=workflow_id("libs"))
    with pytest.raises(WorkflowFailureError) as failed:
        await handle.result()
    cause = failed.value.cause
    assert isinstance(cause, ApplicationError)
    assert (cause.type, cause.message) == ("INVALID", "height: value -1 is below the minimum 0 (min)")


@ON_SESSION_LOOP
async def test_ordinary_code_loads_a_library_once_per_process(libs_app):
    package = importlib.import_module(libs_app.package)
    first = await package.call("libs:tick")
    assert await package.call("libs:tick") == first + 1
    assert libs_app.app.loaded["libs:counter"] is not None


def test_a_library_nothing_imports_is_not_compiled(libs_app):
    assert "libs:unused" not in libs_app.app.entries
    assert libs_app.app.entries["libs:counter"].workflow_code is not None
    assert libs_app.app.entries["libs:counter"].activity_code is not None
    assert libs_app.app.entries["libs:shapes"].activity_code is None  # only workflows import it
