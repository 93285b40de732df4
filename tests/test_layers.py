"""Dependencies run one way: the compiler may use the runtime, the runtime
never the compiler. A generated package runs where only the runtime's
dependencies are installed."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "luac2py"
# What the runtime may import from luac2py besides itself.
RUNTIME_MAY_IMPORT = {"luac2py.common", "luac2py.runtime"}


def _imports(path: Path, package: str) -> set[str]:
    """Absolute names of the luac2py modules ``path`` imports (anywhere in it)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
    return {n for n in found if n.split(".")[0] == "luac2py"}


def test_the_runtime_imports_no_compiler_module():
    offenders = []
    for path in sorted((PACKAGE / "runtime").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        package = ".".join(rel.parts[:-1] if path.name != "__init__.py" else rel.parts[:-1])
        for name in _imports(path, package):
            if not any(name == ok or name.startswith(ok + ".") for ok in RUNTIME_MAY_IMPORT):
                offenders.append(f"{rel.as_posix()}.py imports {name}")
    assert offenders == []


def test_the_common_module_depends_on_nothing():
    assert _imports(PACKAGE / "common.py", "luac2py") == set()


BLOCKER = """
import sys
BLOCKED = ("luaparser", "black", "jinja2", "yaml", "luac2py.driver", "luac2py.lower", "luac2py.parse",
           "luac2py.lex", "luac2py.build", "luac2py.load", "luac2py.emit", "luac2py.resolve", "luac2py.analyse")

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.startswith(BLOCKED):
            raise ImportError(f"{name} is blocked")
        return None

sys.meta_path.insert(0, Blocker())
"""


def test_a_generated_package_runs_without_the_compiler():
    """The orders package, its workflows, activities, client and CLI import
    with the compiler and its dependencies blocked; a script's `load` then
    says what it lacks."""
    script = BLOCKER + """
sys.path.insert(0, "generated/orders")
import orders.workflows, orders.activities, orders.client, orders.worker
from luac2py.runtime.temporal import cli, glue, connection, console
from luac2py.runtime.loader import LoadFailed, compile_chunk
try:
    compile_chunk("return 1", "=probe")
except LoadFailed as e:
    print(e.message)
print(sorted(m for m in sys.modules if m.startswith(("luaparser", "black", "jinja2"))))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "[]"
    assert lines[0] == "load needs the luac2py compiler: luac2py.driver is blocked"


# The compiler's passes in order: each may import only the ones before it.
PASSES = ["common", "diagnostics", "load", "lex", "dialect", "syntax_check", "parse", "resolve", "determinism", "references", "requires", "analyse", "lower",
          "emit", "driver", "build", "devserver", "run", "cli"]  # fmt: skip


def test_each_pass_imports_only_earlier_passes():
    backwards = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("runtime", "__init__.py"):
            continue
        own = rel.parts[0].removesuffix(".py")
        package = "luac2py.lower" if rel.parts[0] == "lower" else "luac2py"
        for name in _imports(path, package):
            parts = name.split(".")
            if len(parts) < 2 or parts[1] in ("runtime", own):
                continue
            if PASSES.index(parts[1]) >= PASSES.index(own):
                backwards.append(f"{rel} imports {name}")
    assert backwards == []
