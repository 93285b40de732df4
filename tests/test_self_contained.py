"""The repository stands alone: no tracked text file cites a document that is
not part of it (design notes, specification sections, a sibling ``shared``
directory). ``generated/`` is skipped: the compiler writes it from the same
sources."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SUFFIXES = (".py", ".md", ".j2", ".toml", ".yaml", ".lua", ".cfg", ".txt")
EXTRA_FILES = (".ci/run",)
SKIPPED_DIRS = ("generated/",)

# Built from pieces so that this file does not match its own patterns.
_DOCS = ("WIPPY", "TEMPORAL", "LUAPARSER", "DESIGN")
FORBIDDEN = re.compile(
    "|".join(
        ["SPE" + r"C [A-K](?:[0-9]|\b)"]
        + [re.escape(name + "." + "md") for name in _DOCS]
        + [re.escape(".." + "/shared")]
    )
)


def _tracked_text_files() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    proc = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        pytest.skip("not a git work tree")
    paths = [p for p in proc.stdout.decode("utf-8").split("\0") if p]
    return [p for p in paths if (p.endswith(SUFFIXES) or p in EXTRA_FILES) and not p.startswith(SKIPPED_DIRS)]


def test_no_references_to_outside_documents():
    files = _tracked_text_files()
    assert files, "git ls-files found no text files"
    hits = []
    for rel in files:
        path = ROOT / rel
        if not path.is_file():  # deleted in the work tree, not yet in the index
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            if FORBIDDEN.search(line):
                hits.append(f"{rel}:{n}: {line.strip()}")
    assert not hits, "references to documents outside the repository:\n" + "\n".join(hits)
