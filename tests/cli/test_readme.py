"""The README's commands and those quoted in the examples' header comments
run as written, in order, in a fresh folder holding a copy of ``examples/``.

Each ``sh`` block of README.md is a bash script (``text`` blocks are
synopses). Two things are changed, and only these: the install step before
``&&`` is dropped (the package is installed already) with the test command
after it, and a ``temporal server start-dev`` gets ports of its own, with
``TEMPORAL_ADDRESS`` pointing at it, so that no server of the machine's is
used."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, command

from luac2py.devserver import free_port

pytestmark = pytest.mark.temporal

README = ROOT / "README.md"


def sh_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M)


def shown_outputs(text: str) -> list[str]:
    """Plain blocks holding one JSON object: what a command is shown to print."""
    return re.findall(r"^```\n(\{.*\})\n```$", text, flags=re.M)


def as_script(block: str) -> str:
    lines = []
    for line in block.splitlines():
        if re.match(r"pip install [^&]*&& pytest$", line):
            continue  # the test command itself
        line = re.sub(r"^pip install [^&]*&& ", "", line)
        if line.startswith("temporal server start-dev"):
            port, ui = free_port(), free_port()
            lines.append(f"export TEMPORAL_ADDRESS=127.0.0.1:{port}")
            line = line.replace("start-dev", f"start-dev --port {port} --ui-port {ui}", 1)
        lines.append(line)
    prologue = "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true; wait' EXIT\n"
    return prologue + "\n".join(lines) + "\n"


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    return tmp_path


def bash(script: str, cwd: Path) -> subprocess.CompletedProcess:
    # `luac2py` and `python` as installed for this interpreter.
    bindir = str(Path(sys.executable).parent)
    return command(["bash", "-c", script], cwd, timeout=240, env={"PATH": f"{bindir}:{os.environ['PATH']}"})


def test_the_readme_runs_as_written(fresh: Path):
    text = README.read_text(encoding="utf-8")
    blocks = sh_blocks(text)
    assert len(blocks) >= 4, "quickstart, tour, counter, package"
    assert blocks[0].splitlines()[0].startswith("pip install -e . && luac2py run examples/orders/app.yaml")
    results = []
    for block in blocks:
        done = bash(as_script(block), fresh)
        assert done.returncode == 0, f"{block}\n--- stdout:\n{done.stdout}\n--- stderr:\n{done.stderr}"
        assert "Traceback" not in done.stderr, done.stderr
        # stdout: each run's print output, then its result as one JSON line.
        lines = done.stdout.splitlines()
        assert lines and lines[-1].startswith("{"), done.stdout
        results.append([json.loads(line) for line in lines if line.startswith("{")])
    quickstart, tour, counter, package = results[:4]
    # The quickstart prints what the README shows.
    assert quickstart == [json.loads(shown_outputs(text)[0])]
    # The tour ran on the server the orders example left behind, and got its search attribute.
    assert (fresh / ".luac2py" / "temporal.db").exists()
    assert tour[0]["label"] == "order A-1001" and tour[0]["user"] == "ada"
    assert counter[0]["result"] == {"final_counter": 4}
    assert package[0] == package[2] == quickstart[0]
    assert package[1]["workflow_id"] == "order-1001"


def header_commands(yaml_file: Path) -> list[str]:
    commands = []
    for line in yaml_file.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        commands += re.findall(r"`((?:luac2py|python -m) [^`]+)`", line)
    return commands


@pytest.mark.parametrize("example", sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir()))
def test_the_examples_header_commands_run(example: str, fresh: Path):
    commands = header_commands(ROOT / "examples" / example / "app.yaml")
    assert commands, f"examples/{example}/app.yaml says how to run it"
    for line in commands:
        done = bash("set -euo pipefail\n" + line, fresh)
        assert done.returncode == 0, f"{line}\n--- stderr:\n{done.stderr}"
        # Its print output, then the result as one JSON line.
        assert done.stdout.splitlines() and json.loads(done.stdout.splitlines()[-1])
