"""What a new user hits in the first hour, on a real dev server: stdout holds
results only, inputs at the limits give one-line errors, a workflow whose
task fails is reported at once and given up on, nothing hangs."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from cli_helpers import EDGES, package_worker
from helpers import ROOT, run_luac2py, run_package_cli

from luac2py.runtime.temporal.client import InputError, WorkflowTaskFailing

pytestmark = pytest.mark.temporal

ANSI = "\x1b["


def one_json_line(stdout: str):
    lines = stdout.splitlines()
    assert len(lines) == 1, stdout[:300]
    return json.loads(lines[0])


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "600k.json").write_text(json.dumps({"blob": "x" * 600_000}))
    (folder / "3mb.json").write_text(json.dumps({"blob": "x" * 3_000_000}))
    (folder / "10mb.json").write_text(json.dumps({"blob": "x" * 10_000_000}))
    (folder / "deep200.json").write_text("[" * 200 + "]" * 200)
    (folder / "deep100k.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "broken.json").write_text('{"id": ')
    return folder


def test_luac2py_run_keeps_stdout_for_the_result(tmp_path: Path, module_dev_server_address: str, inputs: Path):
    big = run_luac2py("run", str(EDGES), "--entry", "edges:echo", "--input", f"@{inputs / '600k.json'}",
                  "--address", module_dev_server_address, cwd=tmp_path)  # fmt: skip
    assert big.returncode == 0, big.stderr
    assert one_json_line(big.stdout) == {"blob": "x" * 600_000}
    # The SDK warned about the payload's size: on stderr, one line, no colours.
    warning = [line for line in big.stderr.splitlines() if "exceeded the warning limit" in line]
    assert warning and warning[0].startswith("WARNING temporalio.core: [TMPRL1103]"), big.stderr
    assert ANSI not in big.stdout + big.stderr

    abandoned = run_luac2py("run", str(EDGES), "--entry", "edges:abandon", "--input", "3",
                        "--address", module_dev_server_address, cwd=tmp_path)  # fmt: skip
    assert abandoned.returncode == 0, abandoned.stderr
    assert one_json_line(abandoned.stdout) == {"kind": "TIMEOUT"}
    # The activity still ran when the workers shut down: a line, no traceback.
    assert "Traceback" not in abandoned.stderr
    assert ANSI not in abandoned.stderr

    quiet = run_luac2py("run", str(EDGES), "--entry", "edges:echo", "--input", "[1]",
                    "--address", module_dev_server_address, "-q", cwd=tmp_path)  # fmt: skip
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "[1]\n", "")


def test_package_commands_keep_stdout_for_the_result(edges_app, module_dev_server_address: str, inputs: Path):
    folder, address = edges_app.folder, module_dev_server_address
    with package_worker("edges", folder, "--address", address) as worker_log:
        big = run_package_cli("edges", folder, "run", "edges:echo", "--input", f"@{inputs / '600k.json'}",
                              "--address", address)  # fmt: skip
        abandoned = run_package_cli("edges", folder, "run", "edges:abandon", "--input", "3", "--address", address)
        started = run_package_cli("edges", folder, "start", "edges:echo", "--input", '{"a": 1}', "--address", address)
        result = run_package_cli("edges", folder, "result", json.loads(started.stdout)["workflow_id"],
                                 "--address", address)  # fmt: skip
    assert big.returncode == 0, big.stderr
    assert one_json_line(big.stdout) == {"blob": "x" * 600_000}
    assert "exceeded the warning limit" in big.stderr and ANSI not in big.stderr
    assert abandoned.returncode == 0, abandoned.stderr
    assert one_json_line(abandoned.stdout) == {"kind": "TIMEOUT"}
    assert started.returncode == 0 and one_json_line(started.stdout)["workflow_id"].startswith("echo-")
    assert one_json_line(result.stdout) == {"a": 1}
    # The worker shut down with the abandoned activity still sleeping.
    log = worker_log.read_text(encoding="utf-8")
    assert "Traceback" not in log and ANSI not in log, log


LIMITS = [
    ("deep200.json", "input is nested 200 levels deep; Wippy's limit is 128"),
    ("deep100k.json", "is nested too deeply to read (Wippy's limit is 128 levels)"),
    ("10mb.json", "input is 9.5 MiB as JSON, over Temporal's gRPC message limit (4.0 MiB)"),
    ("3mb.json", "input is 2.9 MiB as JSON, over the Temporal server's payload limit (2 MiB by default)"),
    ("broken.json", "is not valid JSON: Expecting value: line 1 column 8 (char 7)"),
    ("missing.json", "missing.json: No such file or directory"),
]


def assert_one_line_error(done, message: str, code: int = 2):
    assert done.returncode == code, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    last = done.stderr.splitlines()[-1]
    assert last.startswith("error: ") and message in last, done.stderr
    assert done.seconds < 30


@pytest.mark.parametrize("name, message", LIMITS, ids=[n for n, _ in LIMITS])
def test_inputs_at_the_limits_luac2py_run(name, message, tmp_path: Path, module_dev_server_address: str, inputs: Path):
    done = run_luac2py("run", str(EDGES), "--entry", "edges:echo", "--input", f"@{inputs / name}", "-q",
                   "--address", module_dev_server_address, cwd=tmp_path, timeout=60)  # fmt: skip
    assert_one_line_error(done, message)


def test_inputs_at_the_limits_package_cli(edges_app, module_dev_server_address: str, inputs: Path):
    folder, address = edges_app.folder, module_dev_server_address
    for name, message in LIMITS:
        done = run_package_cli("edges", folder, "run", "edges:echo", "--input", f"@{inputs / name}", "-q",
                               "--address", address)  # fmt: skip
        assert_one_line_error(done, message)
    done = run_package_cli("edges", folder, "start", "edges:echo", "--context", "[1]", "--address", address)
    assert_one_line_error(done, "--context must be a JSON object")
    done = run_package_cli("edges", folder, "run", "edges:nope", "--address", address)
    assert_one_line_error(done, "unknown workflow 'edges:nope' (this app has: edges:abandon, edges:echo, edges:tag)")


async def test_inputs_at_the_limits_client_api(edges_app, module_dev_server_address: str):
    from edges import client

    c = await client.connect(module_dev_server_address)
    deep: list = []
    for _ in range(300):
        deep = [deep]
    with pytest.raises(InputError, match="^input is nested 301 levels deep; Wippy's limit is 128$"):
        await client.start(c, "edges:echo", deep)
    with pytest.raises(InputError, match="^input cannot be sent: cannot encode a function value$"):
        await client.start(c, "edges:echo", {"f": print})
    with pytest.raises(InputError, match="^context is nested"):
        await client.start(c, "edges:echo", 1, context={"k": deep})
    with pytest.raises(InputError, match="over Temporal's gRPC message limit"):
        await client.start(c, "edges:echo", "x" * 5_000_000)


def test_a_failing_workflow_task_is_reported_and_given_up(tmp_path: Path, module_dev_server_address: str):
    """A search attribute no build can know (its name is computed) is not
    registered: the task fails with BAD_SEARCH_ATTRIBUTES forever."""
    done = run_luac2py("run", str(EDGES), "--entry", "edges:tag", "--input", '"NotRegistered"',
                   "--address", module_dev_server_address, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.seconds < 30
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2, done.stderr
    assert errors[0].startswith("error: workflow tag-") and errors[0].endswith(
        " cannot make progress: its workflow task failed (BAD_SEARCH_ATTRIBUTES): BadSearchAttributes: Namespace"
        " default has no mapping defined for search attribute NotRegistered"
    )
    assert errors[1].startswith("error: gave up after 10 s; terminated workflow tag-")
    assert "Traceback" not in done.stderr


def test_the_package_reports_a_failing_task_and_leaves_the_workflow_running(edges_app, module_dev_server_address: str):
    folder, address = edges_app.folder, module_dev_server_address
    with package_worker("edges", folder, "--address", address):
        done = run_package_cli("edges", folder, "run", "edges:tag", "--input", '"AlsoUnknown"', "--give-up-after", "2",
                               "--id", "tag-left-running", "--address", address)  # fmt: skip
    assert done.returncode == 1 and done.stdout == "", done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert "(BAD_SEARCH_ATTRIBUTES)" in errors[0]
    assert errors[1] == (
        "error: gave up after 2 s: workflow tag-left-running is still running and its task keeps failing;"
        " fix the cause, then: python -m edges result tag-left-running"
    )

    async def status():
        from temporalio.client import Client

        c = await Client.connect(module_dev_server_address)
        return (await c.get_workflow_handle("tag-left-running").describe()).status.name

    assert asyncio.run(status()) == "RUNNING"


async def test_the_client_api_can_give_up(edges_app, module_dev_server_address: str):
    import real_servers
    from edges import client
    from edges.activities import ACTIVITIES
    from edges.app import APP
    from edges.workflows import WORKFLOWS

    from luac2py.runtime.temporal.client import handle_result, start

    c = await client.connect(module_dev_server_address)
    seen = []
    async with real_servers.serving(c, APP, WORKFLOWS, ACTIVITIES):
        handle = await start(c, APP, "edges:tag", "ApiUnknown")
        with pytest.raises(WorkflowTaskFailing, match=r"\(BAD_SEARCH_ATTRIBUTES\).*still failing after 1 s"):
            await handle_result(handle, on_task_failure=seen.append, give_up_after=1)
        await handle.terminate()
    assert [f.cause for f in seen] == ["BAD_SEARCH_ATTRIBUTES"]
    assert seen[0].workflow_id == handle.id


def test_luac2py_run_registers_search_attributes_on_a_given_server(tmp_path: Path, module_dev_server_address: str):
    tour = ROOT / "examples" / "tour"
    done = run_luac2py("run", str(tour / "app.yaml"), "--input", f"@{tour / 'input.json'}",
                   "--address", module_dev_server_address, cwd=tmp_path, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert one_json_line(done.stdout)["label"] == "order A-1001"


def test_waiting_without_a_worker_says_so(edges_app, module_dev_server_address: str):
    import subprocess
    import time

    waiting = subprocess.Popen(
        [sys.executable, "-m", "edges", "run", "edges:echo", "--input", "1", "--id", "echo-unserved",
         "--address", module_dev_server_address],
        cwd=edges_app.folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    started = time.monotonic()
    try:
        lines = [waiting.stderr.readline(), waiting.stderr.readline()]
    finally:
        waiting.kill()
        waiting.communicate()
    assert lines == [
        "edges: started workflow echo-unserved\n",
        "warning: no worker has taken workflow echo-unserved yet; is `python -m edges worker` running"
        " on the same server and namespace?\n",
    ]
    assert 4 < time.monotonic() - started < 20


def test_the_package_worker_refuses_an_unknown_worker_entry(edges_app):
    from luac2py.devserver import free_port

    # Checked before connecting: nothing answers at this address.
    done = run_package_cli("edges", edges_app.folder, "worker", "--worker", "edges:worker", "--worker", "edges:nope",
                           address=f"127.0.0.1:{free_port()}")  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == "error: unknown worker entry 'edges:nope' (this app's worker entries: edges:worker)\n"
