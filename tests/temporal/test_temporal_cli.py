"""The package CLI (``python -m runtime_app ...``, conftest.py's runtime_app)
in subprocesses against the CLI dev server, and the dev-server manager
``luac2py run`` uses."""

import asyncio
import json
import signal
import subprocess
from functools import partial

import pytest
from helpers import run_package_cli, start_package_cli

from luac2py.devserver import DevServer, free_port, server_answers


@pytest.mark.asyncio(loop_scope="session")
async def test_cli_run_start_result(dev_server, runtime_app):
    address = dev_server.client.service_client.config.target_host
    cli = partial(run_package_cli, "runtime_app", runtime_app.folder, timeout=90, text=False)
    worker = start_package_cli("runtime_app", runtime_app.folder, "worker", address=address, stdout=subprocess.DEVNULL)
    try:
        ok, failed, started, unknown, missing = await asyncio.gather(
            asyncio.to_thread(cli, "run", "app:greet_workflow", "--input", '{"name": "мир"}', "--address", address),
            asyncio.to_thread(cli, "run", "app:bad_fail", "--quiet", "--address", address),
            asyncio.to_thread(
                cli,
                "start",
                "app:greet_workflow",
                "--input",
                '{"name": "x"}',
                "--id",
                "greet-cli",
                "--address",
                address,
            ),
            asyncio.to_thread(cli, "run", "app:nope", "--address", address),
            asyncio.to_thread(cli, "result", "no-such-workflow", "--address", address),
        )
        assert ok.returncode == 0, ok.stderr.decode()
        assert ok.stderr.decode().startswith("runtime_app: started workflow greet_workflow-")
        lines = ok.stdout.decode("utf-8").splitlines()
        assert len(lines) == 1
        # "мир" is 6 bytes: Lua strings are UTF-8 bytes.
        assert json.loads(lines[0]) == {"greeting": "hello, мир", "bytes": 6, "doubled": 42}

        assert failed.returncode == 1
        assert failed.stdout == b""
        assert failed.stderr.decode() == "error: INVALID: bad input\n"  # --quiet: no progress line

        assert started.returncode == 0, started.stderr.decode()
        assert json.loads(started.stdout)["workflow_id"] == "greet-cli"
        assert len(started.stdout.splitlines()) == 1 and json.loads(started.stdout)["run_id"]
        # The address from TEMPORAL_ADDRESS when no flag is given.
        done = await asyncio.to_thread(cli, "result", "greet-cli", env={"TEMPORAL_ADDRESS": address})
        assert done.returncode == 0, done.stderr.decode()
        assert json.loads(done.stdout) == {"greeting": "hello, x", "bytes": 1, "doubled": 42}

        assert unknown.returncode == 2
        assert unknown.stderr.decode().startswith("error: unknown workflow 'app:nope'")

        assert missing.returncode == 1
        assert missing.stderr.decode().startswith("error: ") and b"Traceback" not in missing.stderr
    finally:
        worker.send_signal(signal.SIGTERM)
        _, err = worker.communicate(timeout=30)
    assert worker.returncode == 0, err.decode()
    assert b"serving runtime_app" in err


def test_cli_reports_unreachable_server(runtime_app):
    r = run_package_cli(
        "runtime_app",
        runtime_app.folder,
        "run",
        "app:greet_workflow",
        "--address",
        f"127.0.0.1:{free_port()}",
        timeout=90,
        text=False,
    )
    assert r.returncode == 1
    assert r.stderr.decode().startswith("error: cannot connect to Temporal")


def test_dev_server_lifecycle(tmp_path):
    db = tmp_path / "state" / "temporal.db"
    with DevServer(db_path=db, search_attributes=["OrderId=Keyword"]) as server:
        assert server_answers(server.address)
        assert db.exists()
    assert server.process.returncode is not None
    assert not server_answers(server.address)
