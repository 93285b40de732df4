"""Instruction counts of bench/compute.py's programs: compiled Lua against the
hand-written Python, counted by valgrind's callgrind (when installed).

    python bench/instructions.py [--only NAME[,NAME...]]

Wall-clock ratios on a shared machine move by 30% from run to run; executed
instructions do not (but for where the garbage collector runs), so this is the
A/B measure for compiler changes (a change that does not lower the count is
not a speed-up). Each count is the run at the
program's size minus a run at size 1 (start-up and compilation cancel out).
Last line: ``geomean_ratio=X max_ratio=Y`` as in compute.py.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import compute  # noqa: E402

# Sizes that keep each run under ~15 s under callgrind (about 50x slower).
SIZES = {
    "fib": 20,
    "loops": 40,
    "strings": 10_000,
    "sort": 8_000,
    "closures": 20_000,
    "oop": 10_000,
    "sieve": 200_000,
    "words": 50_000,
}

RUNNER = """
import sys
sys.path[:0] = [{root!r}, {bench!r}]
sys.setrecursionlimit(100000)
import compute
p = {{q.name: q for q in compute.PROGRAMS}}[sys.argv[1]]
n = int(sys.argv[3])
if sys.argv[2] == "python":
    p.python(n)
else:
    import importlib.util
    from luac2py.runtime.env import new_env
    spec = importlib.util.spec_from_file_location("m", sys.argv[2])
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    m.chunk(new_env(), n)
"""


def instructions(runner: Path, name: str, what: str, n: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, str(runner), name, what, str(n)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="comma-separated program names")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py needs valgrind (callgrind)")
    programs = compute.selected(args.only, parser)
    with tempfile.TemporaryDirectory(prefix="luac2py-instr-") as tmp:
        folder = Path(tmp)
        runner = folder / "run.py"
        runner.write_text(RUNNER.format(root=str(HERE.parent), bench=str(HERE)))
        compute.compile_programs(programs, folder)
        ratios = []
        print(f"{'program':<10} {'n':>8} {'python_Minstr':>14} {'compiled_Minstr':>16} {'ratio':>7}")
        for p in programs:
            n = SIZES[p.name]
            compiled = str(folder / f"bench_{p.name}.py")
            py = instructions(runner, p.name, "python", n) - instructions(runner, p.name, "python", 1)
            ours = instructions(runner, p.name, compiled, n) - instructions(runner, p.name, compiled, 1)
            ratio = ours / py
            ratios.append(ratio)
            print(f"{p.name:<10} {n:>8} {py / 1e6:14.1f} {ours / 1e6:16.1f} {ratio:7.2f}", flush=True)
        print(compute.summary(ratios))


if __name__ == "__main__":
    main()
