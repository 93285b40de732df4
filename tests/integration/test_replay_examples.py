"""Every workflow of every example has a recorded history under
tests/histories (``<package>_<entry name>.json``) that replays cleanly on the
committed generated code. Record them again with
``LUAC2PY_RECORD_HISTORIES=1 pytest tests/integration``."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer

from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.worker import WORKER_INTERCEPTORS, WORKFLOW_RUNNER

ROOT = Path(__file__).resolve().parents[2]
HISTORIES = ROOT / "tests" / "histories"
PACKAGES = sorted(
    p.name for p in (ROOT / "generated").iterdir() if (p / p.name / "app.py").exists()
)
CASES = [
    (package, entry)
    for package in PACKAGES
    for entry in importlib.import_module(f"{package}.app").APP.workflows
]  # generated/<package> is on sys.path (conftest.py)

def test_every_example_is_covered():
    examples = sorted(p.parent.name for p in (ROOT / "examples").glob("*/app.yaml"))
    assert PACKAGES == examples
    assert len(CASES) >= 4


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("package, entry", CASES, ids=[e for _, e in CASES])
async def test_recorded_history_replays(package: str, entry: str):
    path = HISTORIES / f"{package}_{entry.rpartition(':')[2]}.json"
    assert (
        path.exists()
    ), f"no recorded history for {entry}: run LUAC2PY_RECORD_HISTORIES=1 pytest tests/integration"
    workflows = importlib.import_module(f"{package}.workflows").WORKFLOWS
    replayer = Replayer(
        workflows=workflows,
        data_converter=DATA_CONVERTER,
        workflow_runner=WORKFLOW_RUNNER,
        interceptors=WORKER_INTERCEPTORS,
    )
    history = WorkflowHistory.from_json(path.stem, path.read_text(encoding="utf-8"))
    assert history.events, "an empty history proves nothing"
    result = await replayer.replay_workflow(history, raise_on_replay_failure=True)
    assert result.replay_failure is None
