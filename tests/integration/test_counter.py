"""The counter example (examples/counter), compiled as committed under
generated/counter, on the session's dev server: its ordinary drivers spawn
the seeds' counter with three start messages and the job workflow, message
them and wait in their inbox for every reply; ``luac2py run`` shows the
whole exchange. Both workflows' histories replay (and are the recorded
ones under tests/histories)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
import pytest_asyncio
import real_servers
from helpers import ROOT, run_luac2py, workflow_id
from temporalio.worker import Replayer

from counter.activities import ACTIVITIES  # generated/counter, put on sys.path by conftest.py
from counter.app import APP
from counter.workflows import WORKFLOWS
from luac2py.runtime.temporal.client import call
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ON_SESSION_LOOP = pytest.mark.asyncio(loop_scope="session")
HISTORIES = Path(__file__).resolve().parents[1] / "histories"

EXCHANGE = [
    "ack", "ok 2", "ack", "ok 3", "ack", "ok 7",  # the three start messages, in order
    "nak would result in negative value",  # decrement 10
    "ack", "ok 4",  # decrement 3
    "ack", "ok finishing",
]  # fmt: skip


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def client(dev_server):
    async with real_servers.serving(dev_server.client, APP, WORKFLOWS, ACTIVITIES):
        yield dev_server.client


async def replays_and_record(client, workflow_id_: str, name: str) -> None:
    history = await client.get_workflow_handle(workflow_id_).fetch_history()
    replayer = Replayer(
        workflows=WORKFLOWS, data_converter=DATA_CONVERTER, workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )  # fmt: skip
    replayed = await replayer.replay_workflow(history, raise_on_replay_failure=False)
    assert replayed.replay_failure is None, replayed.replay_failure
    if os.environ.get("LUAC2PY_RECORD_HISTORIES"):
        (HISTORIES / f"counter_{name}.json").write_text(history.to_json())


@ON_SESSION_LOOP
async def test_the_counter_answers_every_request_in_order(client):
    name = workflow_id("counter")
    r = await call(APP, "counter:driver", {"name": name}, client=client)
    assert r == {"replies": EXCHANGE, "result": {"final_counter": 4}}
    await replays_and_record(client, name, "counter_workflow")


@ON_SESSION_LOOP
async def test_the_job_workflow_runs_each_job_until_exit(client):
    r = await call(APP, "counter:jobs_driver", {"jobs": 3}, client=client)
    assert r["total_jobs"] == 3
    assert [j["result"] for j in r["results"]] == [
        {"echoed": {"id": f"job-{i}", "n": i}, "job_id": f"job-{i}"} for i in (1, 2, 3)
    ]
    for _ in range(50):  # the visibility store may lag a little
        found = [e.id async for e in client.list_workflows("WorkflowType = 'counter:jobs_workflow'")]
        if found:
            break
        await asyncio.sleep(0.1)
    await replays_and_record(client, found[0], "jobs_workflow")


def test_luac2py_run_shows_the_whole_exchange(module_dev_server_address, tmp_path):
    # A server of its own: the workers above (on the session's loop, idle
    # while this test runs) must not take its workflow.
    app = str(ROOT / "examples" / "counter" / "app.yaml")
    done = run_luac2py("run", app, "--address", module_dev_server_address, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("spawn counter-") and lines[0].endswith(" with increments 2, 1, 4")
    assert [line.removeprefix("  <- ") for line in lines if line.startswith("  <- ")] == EXCHANGE
    assert lines[-1] == '{"replies":[%s],"result":{"final_counter":4}}' % ",".join(f'"{x}"' for x in EXCHANGE)
