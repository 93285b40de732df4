"""bench/workflow.py in its quick sizes, on the real servers: it builds the
app, both workflows return the same results, and it ends with its figures.
No target is asserted (timings on a shared machine vary); only that the
figures are there and make sense."""

from __future__ import annotations

import importlib.util
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench" / "workflow.py"
LAST_LINE = re.compile(r"replay_ratio=(\d+\.\d\d) throughput_ratio=(\d+\.\d\d)")


def test_workflow_bench_quick(tmp_path: Path):
    # A subprocess: the bench runs its own event loop and servers, and guards
    # temporalio's crash at interpreter exit with os._exit.
    try:
        done = subprocess.run(
            [sys.executable, str(BENCH), "--quick"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"the quick bench took over {e.timeout} s:\n{e.stdout}\n{e.stderr}")
    report = f"stdout:\n{done.stdout}\nstderr (tail):\n{done.stderr[-3000:]}"
    assert done.returncode == 0, report
    lines = done.stdout.strip().splitlines()
    m = LAST_LINE.fullmatch(lines[-1])
    assert m, report
    for figure in map(float, m.groups()):
        assert math.isfinite(figure) and figure > 0, report
    assert "results: generated == hand-written" in lines, report
    # Both replayed histories are of 50 activities and equally long.
    events = re.search(r"recorded 50-activity histories: \{'generated': (\d+), 'hand-written': (\d+)\}", done.stdout)
    assert events and events[1] == events[2], report


def test_workflow_bench_detects_a_mismatch():
    spec = importlib.util.spec_from_file_location("luac2py_bench_workflow_script", BENCH)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    bench.check_same("same", 6, 6, expected=6)
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", 6, 6.0)  # a float where Lua returns an integer
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", 6, 8)
    with pytest.raises(bench.Mismatch):
        bench.check_same("x", 8, 8, expected=6)
