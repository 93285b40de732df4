"""Running the command lines as a user does, as processes: ``luac2py``, and a
generated package's worker for the length of a block (helpers.run_package_cli
runs its other commands)."""

from __future__ import annotations

import contextlib
import signal
import time
from pathlib import Path

from helpers import FIXTURE_APPS, start_package_cli

EDGES = FIXTURE_APPS / "edges" / "app.yaml"


@contextlib.contextmanager
def package_worker(name: str, folder: Path, *args, env: dict | None = None):
    """``python -m NAME worker`` until the block ends (SIGTERM); yields the
    path of its stderr, read once it has said it serves."""
    log = folder / f"worker-{time.monotonic_ns()}.err"
    with open(log, "w") as err, open(folder / "worker.out", "w") as out:
        worker = start_package_cli(name, folder, "worker", *args, env=env, stdout=out, stderr=err)
    try:
        deadline = time.monotonic() + 30
        while "serving" not in log.read_text(encoding="utf-8"):
            assert worker.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "the worker did not start"
            time.sleep(0.1)
        yield log
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
        assert (folder / "worker.out").read_text(encoding="utf-8") == "", "a worker prints nothing on stdout"
