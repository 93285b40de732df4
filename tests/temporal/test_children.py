"""Child workflows from workflow code (tests/fixtures/apps/children) on a
time-skipping server: spawn and the child's EXIT event, a failing child's
error, exec, named and explicit-ID starts (use_existing, fail), cancel and
terminate with the child's cleanup, an external cancel seen as pid.cancel,
unmonitor, links with and without trap_links, startup messages. Every history replays."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from helpers import workflow_id
from temporalio.api.enums.v1 import EventType
from temporalio.worker import Replayer

import real_servers
from luac2py.runtime.temporal.client import WorkflowFailed, handle_result, start
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def ch_app(compiled_app):
    return compiled_app("children")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def ch_client(module_time_skipping_server, ch_app):
    client = module_time_skipping_server.client
    async with real_servers.serving(client, ch_app.app, ch_app.workflows, ch_app.activities):
        yield client


async def run(client, app, name, arg=None):
    handle = await start(client, app.app, f"ch:{name}", arg, workflow_id=workflow_id(name))
    try:
        return await handle_result(handle)
    finally:
        await replay(handle, app)


async def replay(handle, app):
    replayer = Replayer(
        workflows=app.workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    replay = await replayer.replay_workflow(await handle.fetch_history(), raise_on_replay_failure=True)
    assert replay.replay_failure is None


async def test_spawned_child_exit_event_carries_its_value(ch_client, ch_app):
    r = await run(ch_client, ch_app, "spawn_exit", 21)
    assert r["kind"] == "pid.exit" and r["from_matches"] and r["no_error"]
    assert r["value"] == 42
    assert r["pid"].startswith("{ch:client@ch:other_worker|")


async def test_failing_child_exit_keeps_kind_message_retryable(ch_client, ch_app):
    r = await run(ch_client, ch_app, "spawn_failing")
    assert r["kind"] == "pid.exit" and r["from_matches"]
    assert (r["err_kind"], r["err_message"], r["retryable"]) == ("CONFLICT", "child says no: because", False)
    assert "value" not in r


async def test_exec_waits_for_the_result(ch_client, ch_app):
    r = await run(ch_client, ch_app, "exec_both", 5)
    assert (r["a"], r["b"]) == (10, 12)
    assert (r["cerr_kind"], r["cerr_message"]) == ("CONFLICT", "child says no: exec")
    assert r["derr_kind"] == "NOT_FOUND"


async def test_named_and_explicit_id_starts_find_the_running_child(ch_client, ch_app):
    name = workflow_id("named-child")
    r = await run(ch_client, ch_app, "named", name)
    assert r["same"] and "e" not in r
    assert r["pid"].endswith(f"|{name}}}")


async def test_fail_conflict_policy_gives_nil_and_an_error(ch_client, ch_app):
    r = await run(ch_client, ch_app, "conflict", workflow_id("conflict-child"))
    assert "p2" not in r and r["err_kind"] == "ALREADY_EXISTS" and r["err_message"]
    assert r["first_exit"]


@pytest.mark.parametrize("how", ["cancel", "terminate"])
async def test_cancel_lets_the_child_clean_up(ch_client, ch_app, how):
    r = await run(ch_client, ch_app, "cancel_child", how)
    assert r["ok"] is True and r["kind"] == "pid.exit"
    assert r["value"]["cleaned"] is True and "err_kind" not in r


async def test_unmonitored_child_sends_no_exit(ch_client, ch_app):
    r = await run(ch_client, ch_app, "unmonitored")
    assert r["ok1"] is True and r["got"] is False
    # Monitoring it again after it ended reports its end at once.
    assert (r["ok2"], r["late"], r["late_value"]) == (True, "pid.exit", 2)
    assert "not supported in workflow context" in r["bad"]


async def test_trapped_link_gives_link_down(ch_client, ch_app):
    r = await run(ch_client, ch_app, "trapped")
    assert r["kinds"] == ["pid.exit:true:CONFLICT", "pid.link.down:true:CONFLICT"]
    assert "not supported in workflow context" in r["self_err"]


async def test_untrapped_link_failure_fails_the_parent(ch_client, ch_app):
    with pytest.raises(WorkflowFailed) as e:
        await run(ch_client, ch_app, "untrapped")
    assert (e.value.kind, e.value.message) == ("CONFLICT", "child says no: unwatched")


async def test_startup_messages_arrive_first_and_in_order(ch_client, ch_app):
    r = await run(ch_client, ch_app, "startup_messages", workflow_id("collector"))
    assert r == ["a=1", "b=2", "c=3"]


async def test_external_cancel_is_a_cancel_event(ch_client, ch_app):
    handle = await start(ch_client, ch_app.app, "ch:sleeper", {}, workflow_id=workflow_id("sleeper"))
    # Cancelled once it waits on its events (its first timer is started).
    for _ in range(100):
        history = await handle.fetch_history()
        if any(e.event_type == EventType.EVENT_TYPE_TIMER_STARTED for e in history.events):
            break
        await asyncio.sleep(0.1)
    await handle.cancel()
    assert (await handle_result(handle))["cleaned"] is True
    await replay(handle, ch_app)
