"""Compiled-code speed: Lua programs compiled by ``luac2py script``, against a
hand-written idiomatic Python program doing the same work, and against real
Lua 5.4 (lupa) for reference.

    python bench/compute.py [--quick] [--runs N] [--only NAME[,NAME...]] [--cpu]

Each Lua program receives its workload size as ``...`` and *returns* its
result; the compiled chunk, the Python function and lupa must all return the
same values (compared with their types: Lua integer vs float), or the run
stops with an error. Times are best-of-N wall clock (``time.perf_counter``;
``--cpu``: this process's CPU time, steadier on a busy machine), the three
taking turns run by run; one line per program::

    name  python_s  compiled_s  lupa_s  ratio   (ratio = compiled / python)

Last line: ``geomean_ratio=X max_ratio=Y``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import math
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luac2py.driver import compile_script  # noqa: E402
from luac2py.runtime.env import new_env  # noqa: E402

# --- 1. recursive fib -----------------------------------------------------------

FIB_LUA = """
local n = ...
local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end
return fib(n)
"""


def fib_py(n):
    def fib(k):
        if k < 2:
            return k
        return fib(k - 1) + fib(k - 2)

    return (fib(n),)


# --- 2. nested numeric loops (float matrix product, integer triple sum) --------

LOOPS_LUA = """
local n = ...
local a, b = {}, {}
for i = 1, n do
  local ra, rb = {}, {}
  for j = 1, n do
    ra[j] = (i + j) * 0.5
    rb[j] = (2 * i - j) * 0.25
  end
  a[i], b[i] = ra, rb
end
local trace, total = 0.0, 0.0
for i = 1, n do
  local ai = a[i]
  for j = 1, n do
    local s = 0.0
    for k = 1, n do
      s = s + ai[k] * b[k][j]
    end
    total = total + s
    if i == j then trace = trace + s end
  end
end
local isum = 0
for i = 1, n do
  for j = 1, n do
    for k = 1, n do
      isum = isum + (i * j + k) % 7
    end
  end
end
return trace, total, isum
"""


def loops_py(n):
    # Every value is a small multiple of 1/8: all float sums are exact, so
    # sum()'s summation order (or compensation, Python 3.12+) cannot differ.
    a = [[(i + j) * 0.5 for j in range(1, n + 1)] for i in range(1, n + 1)]
    b = [[(2 * i - j) * 0.25 for j in range(1, n + 1)] for i in range(1, n + 1)]
    cols = list(zip(*b))
    trace = total = 0.0
    for i, ai in enumerate(a):
        for j, col in enumerate(cols):
            s = sum(x * y for x, y in zip(ai, col))
            total += s
            if i == j:
                trace += s
    r = range(1, n + 1)
    isum = sum((i * j + k) % 7 for i in r for j in r for k in r)
    return trace, total, isum


# --- 3. string building and gsub -----------------------------------------------

STRINGS_LUA = """
local n = ...
local parts = {}
for i = 1, n do
  local line = "k" .. i .. "=" .. (i * 7 % 1000)
  if i % 3 == 0 then line = line .. "/" .. (i % 11) end
  parts[#parts + 1] = line .. ";"
end
local s = table.concat(parts)
local total = 0
local replaced, count = s:gsub("%d+", function(d)
  local v = tonumber(d)
  total = total + v
  return v % 10
end)
local upper, count2 = replaced:gsub("k(%d)", "K%1")
return #s, #replaced, count, total, count2, upper:sub(1, 40)
"""


def strings_py(n):
    parts = []
    for i in range(1, n + 1):
        line = f"k{i}={i * 7 % 1000}"
        if i % 3 == 0:
            line += f"/{i % 11}"
        parts.append(line + ";")
    s = "".join(parts)
    total = 0

    def repl(m):
        nonlocal total
        v = int(m.group())
        total += v
        return str(v % 10)

    replaced, count = re.subn(r"\d+", repl, s)
    upper, count2 = re.subn(r"k(\d)", r"K\1", replaced)
    return len(s), len(replaced), count, total, count2, upper[:40]


# --- 4. table.insert + table.sort with a comparator ----------------------------

SORT_LUA = """
local n = ...
local seed = 42
local function rand(m)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % m
end
local people = {}
for i = 1, n do
  table.insert(people, {id = i, age = rand(90), score = rand(1000)})
end
table.sort(people, function(a, b)
  if a.score ~= b.score then return a.score > b.score end
  if a.age ~= b.age then return a.age < b.age end
  return a.id < b.id
end)
local check = 0
for i, p in ipairs(people) do
  check = (check * 31 + p.id * i) % 1000000007
end
return people[1].id, people[#people].id, check
"""


def sort_py(n):
    seed = 42

    def rand(m):
        nonlocal seed
        seed = (seed * 1103515245 + 12345) % 2147483648
        return seed % m

    people = []
    for i in range(1, n + 1):
        people.append({"id": i, "age": rand(90), "score": rand(1000)})
    people.sort(key=lambda p: (-p["score"], p["age"], p["id"]))
    check = 0
    for i, p in enumerate(people, 1):
        check = (check * 31 + p["id"] * i) % 1000000007
    return people[0]["id"], people[-1]["id"], check


# --- 5. closures ------------------------------------------------------------------

CLOSURES_LUA = """
local n = ...
local function make_counter(start)
  local c = start
  return function(d) c = c + d; return c end, function() return c end
end
local function make_adder(x)
  return function(y) return x + y end
end
local total = 0
for i = 1, n do
  local inc, get = make_counter(i)
  local add = make_adder(i % 13)
  for j = 1, 8 do
    inc(add(j))
  end
  total = total + get()
end
return total
"""


def closures_py(n):
    def make_counter(start):
        c = start

        def inc(d):
            nonlocal c
            c += d
            return c

        def get():
            return c

        return inc, get

    def make_adder(x):
        def add(y):
            return x + y

        return add

    total = 0
    for i in range(1, n + 1):
        inc, get = make_counter(i)
        add = make_adder(i % 13)
        for j in range(1, 9):
            inc(add(j))
        total += get()
    return (total,)


# --- 6. OOP: metatables, constructors, methods, one level of inheritance --------

OOP_LUA = """
local n = ...
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec:add(o) return Vec.new(self.x + o.x, self.y + o.y) end
function Vec:dot(o) return self.x * o.x + self.y * o.y end

local Account = {}
Account.__index = Account
function Account.new(owner)
  return setmetatable({owner = owner, balance = 0, ops = 0}, Account)
end
function Account:deposit(v)
  self.balance = self.balance + v
  self.ops = self.ops + 1
end
function Account:withdraw(v)
  if v > self.balance then return false end
  self.balance = self.balance - v
  self.ops = self.ops + 1
  return true
end

local Savings = setmetatable({}, {__index = Account})
Savings.__index = Savings
function Savings.new(owner, rate)
  local self = Account.new(owner)
  self.rate = rate
  return setmetatable(self, Savings)
end
function Savings:accrue()
  self:deposit(self.balance * self.rate // 100)
end

local acc = Vec.new(0, 0)
local a, s = Account.new("a"), Savings.new("s", 1)
local refused = 0
for i = 1, n do
  local v = Vec.new(i % 10, i % 3)
  acc = acc:add(v)
  a:deposit(v:dot(acc) % 100)
  if not a:withdraw(i % 50) then refused = refused + 1 end
  s:deposit(i % 7)
  if i % 100 == 0 then s:accrue() end
end
return acc.x, acc.y, a.balance, a.ops, s.balance, s.ops, refused
"""


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def dot(self, o):
        return self.x * o.x + self.y * o.y


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0
        self.ops = 0

    def deposit(self, v):
        self.balance += v
        self.ops += 1

    def withdraw(self, v):
        if v > self.balance:
            return False
        self.balance -= v
        self.ops += 1
        return True


class Savings(Account):
    def __init__(self, owner, rate):
        super().__init__(owner)
        self.rate = rate

    def accrue(self):
        self.deposit(self.balance * self.rate // 100)


def oop_py(n):
    acc = Vec(0, 0)
    a, s = Account("a"), Savings("s", 1)
    refused = 0
    for i in range(1, n + 1):
        v = Vec(i % 10, i % 3)
        acc = acc.add(v)
        a.deposit(v.dot(acc) % 100)
        if not a.withdraw(i % 50):
            refused += 1
        s.deposit(i % 7)
        if i % 100 == 0:
            s.accrue()
    return acc.x, acc.y, a.balance, a.ops, s.balance, s.ops, refused


# --- 7. sieve: array table of booleans, stepped loops --------------------------

SIEVE_LUA = """
local n = ...
local composite = {}
local count, last = 0, 0
for i = 2, n do
  if not composite[i] then
    count = count + 1
    last = i
    for j = i * i, n, i do composite[j] = true end
  end
end
return count, last
"""


def sieve_py(n):
    composite = [False] * (n + 1)
    count = last = 0
    for i in range(2, n + 1):
        if not composite[i]:
            count += 1
            last = i
            for j in range(i * i, n + 1, i):
                composite[j] = True
    return count, last


# --- 8. word counts: string keys, pairs/ipairs, default values -----------------

WORDS_LUA = """
local n = ...
local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}
local counts = {}
for i = 1, n do
  local w = words[(i * i) % #words + 1] .. (i % 5)
  counts[w] = (counts[w] or 0) + 1
end
local keys = {}
for k in pairs(counts) do keys[#keys + 1] = k end
table.sort(keys)
local parts = {}
for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. counts[k] end
return table.concat(parts, ",")
"""

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


def words_py(n):
    counts = {}
    for i in range(1, n + 1):
        w = f"{WORDS[i * i % len(WORDS)]}{i % 5}"
        counts[w] = counts.get(w, 0) + 1
    return (",".join(f"{k}={counts[k]}" for k in sorted(counts)),)


# --- the harness ------------------------------------------------------------------


@dataclass
class Program:
    name: str
    lua: str
    python: Callable
    n: int  # full-run workload (hand-written Python ~0.05-0.3 s)
    quick_n: int  # --quick and the test


PROGRAMS = [
    Program("fib", FIB_LUA, fib_py, 30, 15),
    Program("loops", LOOPS_LUA, loops_py, 100, 12),
    Program("strings", STRINGS_LUA, strings_py, 50_000, 2_000),
    Program("sort", SORT_LUA, sort_py, 40_000, 2_000),
    Program("closures", CLOSURES_LUA, closures_py, 100_000, 500),
    Program("oop", OOP_LUA, oop_py, 150_000, 2_000),
    Program("sieve", SIEVE_LUA, sieve_py, 1_000_000, 5_000),
    Program("words", WORDS_LUA, words_py, 300_000, 2_000),
]


def as_tuple(r) -> tuple:
    return r if type(r) is tuple else (r,)


def typed(values: tuple) -> tuple:
    """Values with their types, so that Lua's 3 (integer) differs from 3.0."""
    return tuple((type(v).__name__, v) for v in values)


def compile_programs(programs, folder: Path) -> dict:
    """name -> compiled ``chunk`` function."""
    chunks = {}
    for p in programs:
        src = folder / f"{p.name}.lua"
        src.write_text(p.lua)
        out = compile_script(src, folder / f"bench_{p.name}.py", chunkname=f"{p.name}.lua")
        spec = importlib.util.spec_from_file_location(f"_luac2py_bench_{p.name}", out)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        chunks[p.name] = module.chunk
    return chunks


def lupa_functions(programs) -> dict:
    """name -> lupa (Lua 5.4) function of the program, or {} without lupa."""
    try:
        from lupa import lua54
    except ImportError:
        return {}
    out = {}
    for p in programs:
        lua = lua54.LuaRuntime()
        out[p.name] = lua.compile(p.lua)
    return out


clock = time.perf_counter  # --cpu: time.process_time


def run_compiled(chunk, n, collect=True):
    env = new_env()  # fresh globals each run, outside the timed region
    if collect:
        gc.collect()
    t0 = clock()
    r = chunk(env, n)
    return clock() - t0, as_tuple(r)


def run_python(fn, n, collect=True):
    if collect:
        gc.collect()
    t0 = clock()
    r = fn(n)
    return clock() - t0, as_tuple(r)


def run_lupa(fn, n, collect=True):
    if collect:
        gc.collect()
    t0 = clock()
    r = fn(n)
    return clock() - t0, as_tuple(r)


class Mismatch(AssertionError):
    pass


def check_same(name: str, expected: tuple, got: tuple, who: str) -> None:
    if typed(expected) != typed(got):
        raise Mismatch(f"{name}: {who} returned {got!r}, hand-written Python returned {expected!r}")


def best_times(contenders, n, runs, name, expected) -> list:
    """Best-of-``runs`` time of each ``(runner, fn, who)``. The contenders take
    turns run by run, so that a slow spell of a busy machine falls on all of them."""
    best = [math.inf] * len(contenders)
    for _ in range(runs):
        for i, (runner, fn, who) in enumerate(contenders):
            t, r = runner(fn, n)
            check_same(name, expected, r, who)
            best[i] = min(best[i], t)
    return best


def verify(quick: bool = True, programs=None, folder: Path | None = None) -> dict:
    """Run every program once and check that compiled, Python and lupa agree;
    returns name -> result. Raises ``Mismatch`` on any difference."""
    programs = programs or PROGRAMS
    with tempfile.TemporaryDirectory(prefix="luac2py-compute-") as tmp:
        chunks = compile_programs(programs, Path(folder or tmp))
        lupa = lupa_functions(programs)
        results = {}
        for p in programs:
            n = p.quick_n if quick else p.n
            _, expected = run_python(p.python, n, collect=False)
            _, got = run_compiled(chunks[p.name], n, collect=False)
            check_same(p.name, expected, got, "compiled Lua")
            if p.name in lupa:
                _, ref = run_lupa(lupa[p.name], n, collect=False)
                check_same(p.name, expected, ref, "lupa (Lua 5.4)")
            results[p.name] = expected
        return results


def selected(only: str, parser) -> list:
    """The programs named in ``--only`` (all without it)."""
    if not only:
        return PROGRAMS
    wanted = set(only.split(","))
    programs = [p for p in PROGRAMS if p.name in wanted]
    if not programs:
        parser.error(f"no program named {only}; have {', '.join(p.name for p in PROGRAMS)}")
    return programs


def summary(ratios) -> str:
    """The last line: ``geomean_ratio=X max_ratio=Y``."""
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    return f"geomean_ratio={geomean:.2f} max_ratio={max(ratios):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small workloads, 2 runs each")
    parser.add_argument("--runs", type=int, default=None, help="best of N (default 5; 2 with --quick)")
    parser.add_argument("--only", default="", help="comma-separated program names")
    parser.add_argument("--cpu", action="store_true", help="time with process CPU time instead of wall clock")
    args = parser.parse_args()
    global clock
    clock = time.process_time if args.cpu else time.perf_counter
    runs = args.runs or (2 if args.quick else 5)
    programs = selected(args.only, parser)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 100_000))

    with tempfile.TemporaryDirectory(prefix="luac2py-compute-") as tmp:
        chunks = compile_programs(programs, Path(tmp))
        lupa = lupa_functions(programs)
        ratios = []
        print(f"{'program':<10} {'python_s':>9} {'compiled_s':>11} {'lupa_s':>9} {'ratio':>7}")
        for p in programs:
            n = p.quick_n if args.quick else p.n
            _, expected = run_python(p.python, n)  # warm-up and the reference result
            contenders = [
                (run_python, p.python, "hand-written Python"),
                (run_compiled, chunks[p.name], "compiled Lua"),
            ]
            if p.name in lupa:
                contenders.append((run_lupa, lupa[p.name], "lupa (Lua 5.4)"))
            py_s, c_s, *l_s = best_times(contenders, n, runs, p.name, expected)
            lupa_txt = f"{l_s[0]:9.4f}" if l_s else f"{'n/a':>9}"
            ratio = c_s / py_s
            ratios.append(ratio)
            print(f"{p.name:<10} {py_s:9.4f} {c_s:11.4f} {lupa_txt} {ratio:7.2f}", flush=True)
        print(summary(ratios))


if __name__ == "__main__":
    main()
