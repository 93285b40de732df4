"""``luac2py run``: the README quickstart, on the embedded dev server it starts itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "examples" / "orders" / "app.yaml"


def luac2py_run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "luac2py.cli", "run", str(APP), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_quickstart_runs_the_order_workflow_on_an_embedded_server(tmp_path: Path):
    r = luac2py_run(tmp_path, "--input", f"@{ROOT / 'examples' / 'orders' / 'order.json'}")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.splitlines()[-1]) == {
        "status": "completed",
        "payment_id": "pay-c-7-250",
        "tracking": "TRK-1001-DE",
    }
    assert "starting the embedded dev server" in r.stderr
    # Workflows survive restarts: the server keeps its state in a file.
    assert (tmp_path / ".luac2py" / "temporal.db").exists()

    # A workflow that fails: error line on stderr, exit 1, nothing on stdout.
    bad = luac2py_run(tmp_path, "--input", "null")
    assert bad.returncode == 1
    assert bad.stdout == ""
    assert bad.stderr.splitlines()[-1] == (
        "error: INTERNAL: order_workflow.lua:9: attempt to index a nil value (local 'order')"
    )


def test_unknown_entry_is_a_usage_error(tmp_path: Path):
    r = luac2py_run(tmp_path, "--entry", "orders:nope")
    assert r.returncode == 2
    assert "orders:nope is not a workflow or function entry of this app" in r.stderr


def test_tour_registers_search_attributes_and_passes_context(tmp_path: Path):
    """The tour sets the search attribute TourOrder, which only a server that
    registered it accepts: `luac2py run` registers what the build collected."""
    tour = ROOT / "examples" / "tour"
    r = subprocess.run(
        [sys.executable, "-m", "luac2py.cli", "run", str(tour / "app.yaml"), "--input", f"@{tour / 'input.json'}",
         "--context", '{"user": "ada"}'],
        cwd=tmp_path, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout.splitlines()[-1])
    assert result["user"] == "ada"
    assert result["label"] == "order A-1001"
    assert result["page"] == "INVALID"  # the input has no status URL: an error value, not a failure
