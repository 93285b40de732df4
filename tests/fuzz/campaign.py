"""Long differential fuzzing campaigns for luac2py (see tests/test_fuzz_differential.py).

    python tests/fuzz/campaign.py run --kind expr --cases 6000 --seed 1 --out fuzz.jsonl
    python tests/fuzz/campaign.py run --kind stmt --cases 2000 --seed 2 --out fuzz.jsonl
    python tests/fuzz/campaign.py summary fuzz.jsonl
    python tests/fuzz/campaign.py minimize fuzz.jsonl [--groups 1,3] [--budget 300]
    python tests/fuzz/campaign.py gaps

``run`` draws programs from the same generators as the test, with plain
``random`` (every program is fresh, unlike hypothesis, which mutates earlier
examples), and appends every discrepancy not covered by ``KNOWN_GAPS`` to the
JSONL file. ``summary`` groups them by a signature (the first differing event,
with positions and variable names masked). ``minimize`` shrinks the smallest
case of each group by deleting tokens while the discrepancy keeps its
signature, and prints the result with both outputs. ``gaps`` runs the example
of every KNOWN_GAPS entry and says which still differ.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import shutil
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
warnings.simplefilter("ignore")

import lupa.lua54  # noqa: E402

import test_fuzz_differential as F  # noqa: E402

# ---------------------------------------------------------------------------
# run


def run(kind: str, cases: int, seed: int, out: str) -> None:
    rng = random.Random(seed)
    make, batch = (F.expression_case_text, F.EXPR_BATCH) if kind == "expr" else (F.statement_case_text, F.STMT_BATCH)
    done = found = 0
    start = time.time()
    with open(out, "a", encoding="utf-8") as fh:
        while done < cases:
            program = [make(F.Gen(rng.randint, k)) for k in range(1, batch + 1)]
            for d in F.differences(program):
                fh.write(json.dumps({"kind": kind, "src": d.src, "lua": repr(d.lua), "ours": repr(d.ours)}) + "\n")
                found += 1
            fh.flush()
            done += batch
            print(f"{kind}: {done} cases, {found} discrepancies, {time.time() - start:.0f} s", flush=True)
    print("excused by KNOWN_GAPS:", dict(F.GAP_HITS.most_common()), flush=True)


# ---------------------------------------------------------------------------
# signatures

_POS = re.compile(r"fz\.lua:\d+:")
_NAMED = re.compile(r"\((local|upvalue|global|field|constant|method|for iterator) '[^']*'\)")


def _norm(v):
    if isinstance(v, tuple) and len(v) == 2 and v[0] == "s":
        t = v[1]
        if _POS.match(t) or " value" in t or "bad argument" in t or t.startswith("attempt"):
            t = _NAMED.sub(lambda m: f"({m.group(1)} 'Q')", _POS.sub("POS:", t))
            return "E:" + t
        return "s"
    if isinstance(v, tuple) and v and v[0] in ("i", "f"):
        return v[0] + (":" + v[1] if v[0] == "f" and v[1] in ("nan", "-nan", "inf", "-inf") else "")
    if isinstance(v, tuple) and v and v[0] == "table":
        return "table"
    return repr(v)


def signature(lua: list, ours: list) -> str:
    for a, b in zip(lua + [None] * len(ours), ours + [None] * len(lua)):
        if a == b:
            continue
        if a is None or b is None or len(a) != len(b):
            na = tuple(map(_norm, a)) if a else None
            nb = tuple(map(_norm, b)) if b else None
            return f"events differ: {na} / {nb}"
        pairs = [(_norm(x), _norm(y)) for x, y in zip(a, b) if x != y]
        if all(x == y for x, y in pairs):
            raw = [(_POS.sub("POS:", repr(x)), _POS.sub("POS:", repr(y))) for x, y in zip(a, b) if x != y]
            kind = "position" if all(x == y for x, y in raw) else "detail"
            return f"{kind} differs: {pairs[0][0]}"
        return " ; ".join(f"{x} / {y}" for x, y in pairs)
    return "no difference"


def load(path: str) -> list[dict]:
    rows = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        r["lua"] = ast.literal_eval(r["lua"])
        r["ours"] = ast.literal_eval(r["ours"])
        r["sig"] = signature(r["lua"], r["ours"])
        rows.append(r)
    return rows


def groups(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    by: dict[str, list[dict]] = {}
    for r in rows:
        by.setdefault(r["sig"], []).append(r)
    return sorted(by.items(), key=lambda kv: -len(kv[1]))


def summary(path: str) -> None:
    rows = load(path)
    print(f"{len(rows)} discrepancies")
    for n, (sig, rs) in enumerate(groups(rows), 1):
        smallest = min(rs, key=lambda r: len(r["src"]))
        print(f"\n#{n} x{len(rs)}  {sig}\n{smallest['src']}")


# ---------------------------------------------------------------------------
# minimize

_LOADS = lupa.lua54.LuaRuntime(encoding=None).eval("function(s) return load(s) ~= nil end")


_RESULT = re.compile(r'emit\s*\(\s*1\s*,\s*"="')


def _text(tokens: list[str]) -> str:
    return re.sub(r" ?\n ?", "\n", " ".join(tokens))


def _renumber(src: str) -> str:
    return re.sub(r"emit\(\d+,", "emit(1,", src)


def minimize(src: str, sig: str, budget: int) -> str:
    tokens = F.TOKEN.findall(_renumber(src))
    tries = 0

    def interesting(toks) -> bool:
        nonlocal tries
        text = _text(toks)
        if not _RESULT.search(text) or not _LOADS(F.program_text([text]).encode("latin-1")):
            return False
        tries += 1
        ds = F.differences([text])
        return any(signature(d.lua, d.ours) == sig for d in ds)

    if not interesting(tokens):
        return _text(tokens)
    # whole lines first (readable results), then tokens
    lines = _text(tokens).split("\n")
    i = 0
    while i < len(lines) and tries < budget:
        cand = lines[:i] + lines[i + 1:]
        if interesting(F.TOKEN.findall("\n".join(cand))):
            lines = cand
        else:
            i += 1
    tokens = F.TOKEN.findall("\n".join(lines))
    chunk = max(1, len(tokens) // 2)
    while chunk >= 1 and tries < budget:
        i = 0
        progress = False
        while i < len(tokens) and tries < budget:
            cand = tokens[:i] + tokens[i + chunk:]
            if interesting(cand):
                tokens = cand
                progress = True
            else:
                i += chunk
        if not progress:
            chunk //= 2
    return _text(tokens)


def minimize_all(path: str, only: set[int] | None, budget: int) -> None:
    rows = load(path)
    for n, (sig, rs) in enumerate(groups(rows), 1):
        if only and n not in only:
            continue
        smallest = min(rs, key=lambda r: len(r["src"]))
        small = minimize(smallest["src"], sig, budget)
        ds = [d for d in F.differences([small]) if signature(d.lua, d.ours) == sig] or [None]
        print(f"\n#{n} x{len(rs)}  {sig}\n{small}")
        if ds[0] is not None:
            print(f"  lupa:    {ds[0].lua}\n  luac2py: {ds[0].ours}")
        sys.stdout.flush()


def gaps() -> None:
    for gap in F.KNOWN_GAPS:
        lua, ours = F.run_example(gap.example)
        print(f"{'differs' if lua != ours else 'FIXED  '}  {gap.name}")
        if lua != ours:
            print(f"    lupa:    {lua}\n    luac2py: {ours}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--kind", choices=["expr", "stmt"], default="expr")
    r.add_argument("--cases", type=int, default=3000)
    r.add_argument("--seed", type=int, default=1)
    r.add_argument("--out", default="fuzz.jsonl")
    s = sub.add_parser("summary")
    s.add_argument("file")
    m = sub.add_parser("minimize")
    m.add_argument("file")
    m.add_argument("--groups", default="")
    m.add_argument("--budget", type=int, default=300, help="compiles per group")
    sub.add_parser("gaps")
    a = ap.parse_args()
    if a.cmd == "run":
        run(a.kind, a.cases, a.seed, a.out)
        # Tearing down thousands of Lua states and generated modules is slow.
        shutil.rmtree(F._TMP, ignore_errors=True)
        sys.stdout.flush()
        os._exit(0)
    elif a.cmd == "summary":
        summary(a.file)
    elif a.cmd == "gaps":
        gaps()
    else:
        only = {int(x) for x in a.groups.split(",") if x}
        minimize_all(a.file, only, a.budget)


if __name__ == "__main__":
    main()
