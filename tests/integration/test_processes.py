"""Processes seen from ordinary code (tests/fixtures/apps/processes), on
the session's dev server: an ordinary driver (``PKG.call``) spawns
workflows, sends them messages (signals carrying its PID in the context
header), runs one to its end, monitors one (its EXIT event), terminates
one, starts a named one twice (signal-with-start joins it) and fails to
start it a third time with ``fail``; a send to a workflow that has ended is
``nil, err`` at once. It monitors and links after the start (EXIT,
LINK_DOWN, a linked failure ending it), gives context to what it spawns,
and gets the replies of a workflow's message handler in order."""

from __future__ import annotations

import asyncio
import importlib
import json
import re

import pytest
import pytest_asyncio
from temporalio.api.enums.v1 import EventType
from temporalio.service import RPCError

import real_servers
from helpers import FIXTURE_APPS, run_luac2py, run_package_cli, workflow_id

from luac2py.runtime.temporal.context import HEADER, SENDER_KEY
from luac2py.runtime.temporal.converter import DATA_CONVERTER

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")
PID = re.compile(r"\{luac2py@luac2py-proc-[0-9a-f-]{36}\|p\d+\}")


@pytest.fixture(scope="module")
def procs_app(compiled_app):
    return compiled_app("processes")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def procs(dev_server, procs_app, monkeypatch_module):
    monkeypatch_module.setenv("TEMPORAL_ADDRESS", dev_server.client.service_client.config.target_host)
    async with real_servers.serving(dev_server.client, procs_app.app, procs_app.workflows, procs_app.activities):
        yield importlib.import_module(procs_app.package), dev_server.client


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


async def _signals(client, workflow_id: str) -> list[tuple[str, object, str]]:
    """(name, input, sender) of each signal in the workflow's history."""
    out = []
    async for event in client.get_workflow_handle(workflow_id).fetch_history_events():
        if event.event_type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
            a = event.workflow_execution_signaled_event_attributes
            (payload,) = a.input.payloads
            context = DATA_CONVERTER.payload_converter.from_payload(a.header.fields[HEADER])
            out.append((a.signal_name, json.loads(payload.data), context[SENDER_KEY]))
    return out


@ON_SESSION_LOOP
async def test_ordinary_code_spawns_a_workflow_and_sends_it_messages(procs):
    package, client = procs
    r = await package.call("procs:driver", {"case": "send"})
    assert r["sent"] is True and PID.fullmatch(r["me"])
    assert re.fullmatch(r"\{procs:client@procs:worker\|waiter-[0-9a-f-]{36}\}", r["pid"])
    wid = r["pid"][1:-1].partition("|")[2]
    # Signals that arrive during a workflow task reach the history after it.
    assert await client.get_workflow_handle(wid).result() == "waited"
    assert await _signals(client, wid) == [("greet", {"n": 1}, r["me"]), ("greet", {"n": 2}, r["me"])]


@ON_SESSION_LOOP
async def test_exec_waits_for_the_workflow_result(procs):
    package, _ = procs
    assert await package.call("procs:driver", {"case": "exec"}) == {"value": 42}


@ON_SESSION_LOOP
async def test_a_monitored_workflow_sends_an_exit_event(procs):
    package, _ = procs
    assert await package.call("procs:driver", {"case": "monitor"}) == {
        "kind": "pid.exit", "exit": True, "same": True, "value": 10,
    }  # fmt: skip


@ON_SESSION_LOOP
async def test_terminate_ends_the_workflow_and_the_monitor_sees_it(procs):
    package, _ = procs
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "terminate"}), 30)
    assert r == {"terminated": True, "kind": "pid.exit", "error": "CANCELED"}


@ON_SESSION_LOOP
async def test_a_send_to_an_ended_workflow_is_nil_err(procs):
    package, _ = procs
    wid = workflow_id("gone")
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "gone", "id": wid}), 30)
    # The double workflow exec started is not this one: both IDs name nothing running.
    assert r == {"value": 2, "kind": "NOT_FOUND", "bare": "NOT_FOUND"}


@ON_SESSION_LOOP
async def test_a_named_spawn_joins_the_running_workflow_with_its_start_message(procs):
    package, client = procs
    wid = workflow_id("named")
    r = await package.call("procs:driver", {"case": "named", "id": wid})
    assert r["first"] == r["again"] == f"{{procs:client@procs:worker|{wid}}}"
    assert r["kind"] == "ALREADY_EXISTS" and "refused" not in r
    assert await client.get_workflow_handle(wid).result() == "waited"
    signals = await _signals(client, wid)
    assert [(name, data) for name, data, _ in signals] == [("hello", {"n": 1}), ("hello", {"n": 1})]


@ON_SESSION_LOOP
async def test_a_workflow_replies_to_the_sender_and_it_reaches_the_inbox(procs):
    package, _ = procs
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "reply"}), 30)
    assert r == [
        {"topic": "echo", "from_echo": True, "data": {"n": n, "topic": "ping"}} for n in (1, 2)
    ]


@ON_SESSION_LOOP
async def test_monitors_and_links_from_ordinary_code(procs):
    package, _ = procs
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "watch"}), 60)
    assert r["quiet"] is True  # unmonitored and unlinked before it ended
    assert r["monitor"] == [True] and r["watched"] == {"kind": "pid.exit", "error": True}
    assert r["trap"] == [True]
    assert r["failing"]["kind"] == "pid.link.down" and "gave up" in r["failing"]["message"]
    assert r["fine"] == {"kind": "pid.exit", "value": 8}
    assert r["bad"] == {"kind": "NOT_FOUND"}  # no such process here


@ON_SESSION_LOOP
async def test_a_cancel_deadline_terminates_a_workflow_that_goes_on(procs):
    package, _ = procs
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "deadline"}), 40)
    assert r["cancelled"] is True and r["kind"] == "pid.exit"
    assert "terminated" in r["message"]  # not after its hour of sleep


@ON_SESSION_LOOP
@pytest.mark.parametrize("policy, status", [("abandon", "RUNNING"), ("terminate", "TERMINATED")])
async def test_parent_close_policy_decides_what_happens_to_a_running_child(procs, procs_app, policy, status):
    from temporalio.client import WorkflowExecutionStatus

    from luac2py.runtime.temporal.client import handle_result, start

    _, client = procs
    parent = await start(client, procs_app.app, "procs:parent", {"policy": policy}, workflow_id=workflow_id("parent"))
    child = client.get_workflow_handle((await handle_result(parent))[1:-1].partition("|")[2])
    # The server applies the policy just after the parent closes: within 3 s.
    for _ in range(30):
        described = await child.describe()
        if described.status != WorkflowExecutionStatus.RUNNING:
            break
        await asyncio.sleep(0.1)
    assert described.status == WorkflowExecutionStatus[status]
    if policy == "abandon":
        await child.terminate("test over")


@ON_SESSION_LOOP
async def test_a_process_lua_entry_runs_as_a_process_of_this_python_process(procs):
    package, _ = procs
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "local_process"}, context={"user": "ada"}), 30)
    assert r["pid_is_local"] is True and r["same"] is True
    assert r["reply"] == ["hello", "there"] and r["input"] == {"n": 1}
    # It inherits the spawner's context, with_context over it.
    assert r["exit"] == "pid.exit" and r["value"] == {"user": "ada", "tenant": "t2"}
    assert r["exec"] == {"user": "ada"}


@ON_SESSION_LOOP
async def test_a_linked_failure_ends_an_ordinary_process_that_does_not_trap_links(procs):
    from luac2py.runtime.temporal.client import CallFailed

    package, _ = procs
    with pytest.raises(CallFailed) as failed:
        await asyncio.wait_for(package.call("procs:driver", {"case": "linked"}), 30)
    assert "linked process {procs:client@procs:worker|fail-" in failed.value.message
    assert "gave up" in failed.value.message


@ON_SESSION_LOOP
async def test_with_context_reaches_the_spawned_workflow(procs):
    package, _ = procs
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "context"}), 30)
    assert r == {"user": "ada", "tenant": "t1"}


@ON_SESSION_LOOP
async def test_start_messages_are_handled_in_order_before_a_later_message(procs):
    package, _ = procs
    # The workflow's replies do not wait for their delivery, so its handler
    # answers all three start messages before "finish" is taken.
    r = await asyncio.wait_for(package.call("procs:driver", {"case": "tally", "id": workflow_id("tally")}), 30)
    assert r == {"replies": ["ack=nil", "ok=2", "ack=nil", "ok=3", "ack=nil", "ok=7", "ok=finishing"], "total": 7}


@ON_SESSION_LOOP
async def test_a_workflow_sending_to_an_ended_process_learns_it_from_its_next_send(procs):
    package, client = procs
    # While "hold" runs, this Python process still serves its delivery queue,
    # so the send reaches it and finds the process gone.
    hold = asyncio.ensure_future(package.call("procs:driver", {"case": "hold", "wait": "6s"}))
    pid = await package.call("procs:driver", {"case": "leave"})
    handle = client.get_workflow_handle(pid[1:-1].partition("|")[2])
    assert await asyncio.wait_for(handle.result(), 6) == {"ok": True, "kind": "NOT_FOUND"}
    assert await hold == "held"


@ON_SESSION_LOOP
async def test_client_send_and_request(procs, procs_app):
    from luac2py.runtime.temporal.client import RequestFailed, request, send, start

    _, client = procs
    handle = await start(client, procs_app.app, "procs:echo", {"count": 2}, workflow_id=workflow_id("ask"))
    assert await request(client, handle.id, "ask", {"q": 1}) == {"echo": {"q": 1}}
    with pytest.raises(RequestFailed) as refused:
        await request(client, handle.id, "refuse", None)
    assert (refused.value.kind, refused.value.message) == ("NAK", "not today")
    assert await handle.result() == "echoed"
    # An ended workflow takes no messages.
    with pytest.raises(RPCError):
        await send(client, handle.id, "ping", {"n": 1})


@ON_SESSION_LOOP
async def test_package_cli_send_and_request(procs, procs_app):
    from luac2py.runtime.temporal.client import start

    _, client = procs
    address = client.service_client.config.target_host
    handle = await start(client, procs_app.app, "procs:echo", {"count": 2}, workflow_id=workflow_id("cli"))

    def cli(*args):
        return run_package_cli(procs_app.package, procs_app.folder, *args, address=address)

    asked = await asyncio.to_thread(cli, "request", handle.id, "ask", '{"q": [1, 2]}')
    assert (asked.returncode, asked.stdout) == (0, '{"echo":{"q":[1,2]}}\n'), asked.stderr
    refused = await asyncio.to_thread(cli, "request", handle.id, "refuse")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.splitlines()[-1] == "error: NAK: not today"
    assert await handle.result() == "echoed"
    gone = await asyncio.to_thread(cli, "send", handle.id, "ping", '{"n": 1}')
    assert gone.returncode == 1 and gone.stderr.startswith("error: ") and gone.stdout == ""
    bad = await asyncio.to_thread(cli, "send", handle.id, "ping", "{nope")
    assert bad.returncode == 2 and "not JSON" in bad.stderr


def test_luac2py_run_serves_the_drivers_delivery_queue(module_dev_server_address, tmp_path):
    app = str(FIXTURE_APPS / "processes" / "app.yaml")
    done = run_luac2py("run", app, "--entry", "procs:driver", "--input", '{"case": "reply"}',
                       "--address", module_dev_server_address, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {"topic": "echo", "from_echo": True, "data": {"n": n, "topic": "ping"}} for n in (1, 2)
    ]


def test_luac2py_run_ends_when_its_driver_does_though_a_local_child_still_waits(module_dev_server_address, tmp_path):
    # The process.lua child lives in the run's Python process and ends with it.
    app = str(FIXTURE_APPS / "processes" / "app.yaml")
    done = run_luac2py("run", app, "--entry", "procs:driver", "--input", '{"case": "leave_local"}',
                       "--address", module_dev_server_address, cwd=tmp_path, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r'"\{luac2py@luac2py-proc-[0-9a-f-]{36}\|p2\}"\n', done.stdout)
    assert done.seconds < 30
