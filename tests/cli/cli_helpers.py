"""Running the command lines as a user does: ``luac2py`` and a generated
package's ``python -m PKG`` as processes."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]
EDGES = ROOT / "tests" / "fixtures" / "apps" / "edges" / "app.yaml"


def command(args, cwd: Path, timeout: float = 60, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a command; its output as text, and how long it took (``.seconds``)."""
    started = time.monotonic()
    done = subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )
    done.seconds = time.monotonic() - started
    return done


def luac2py(*args, cwd: Path, **kw) -> subprocess.CompletedProcess:
    return command([sys.executable, "-m", "luac2py.cli", *args], cwd, **kw)


def package(name: str, folder: Path, *args, **kw) -> subprocess.CompletedProcess:
    return command([sys.executable, "-m", name, *args], folder, **kw)


@contextlib.contextmanager
def package_worker(name: str, folder: Path, *args, env: dict | None = None):
    """``python -m NAME worker`` until the block ends (SIGTERM); yields the
    path of its stderr, read once it has said it serves."""
    log = folder / f"worker-{time.monotonic_ns()}.err"
    with open(log, "w") as err, open(folder / "worker.out", "w") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", name, "worker", *args],
            cwd=folder,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )
    try:
        deadline = time.monotonic() + 30
        while "serving" not in log.read_text():
            assert worker.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the worker did not start"
            time.sleep(0.1)
        yield log
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        assert (folder / "worker.out").read_text() == "", "a worker prints nothing on stdout"
