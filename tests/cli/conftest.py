"""Fixtures for the command-line tests: a dev server in memory, the edges
app built once."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import EDGES, luac2py

from luac2py.devserver import DevServer


@pytest.fixture(scope="module")
def dev_address():
    """A dev server in memory for the module; its address."""
    server = DevServer(db_path=None)
    server.start()
    try:
        yield server.address
    finally:
        server.stop()


@pytest.fixture(scope="session")
def edges(tmp_path_factory) -> Path:
    """The edges app built once: the folder holding the ``edges`` package."""
    out = tmp_path_factory.mktemp("edges")
    done = luac2py("build", str(EDGES), "-o", str(out), cwd=out)
    assert done.returncode == 0, done.stderr
    return out
