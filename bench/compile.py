"""Build speed: a generated ~10,000-line Lua app, compiled cold, against
luaparser's parse time of the same files, in one run; then an unchanged rebuild.

    python bench/compile.py [--lines N]

Last line: ``cold_ratio=X unchanged_s=Y`` (targets: X <= 2.5, Y <= 0.5)."""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

from luaparser import ast as luaparser_ast

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from luac2py import build  # noqa: E402

FUNCTION = """
local function step_{i}(input, n)
    local total = 0
    local parts = {{}}
    for k = 1, n do
        if k % 3 == 0 then
            total = total + k * {i}
        elseif k % 3 == 1 then
            total = total - k
        else
            parts[#parts + 1] = tostring(k)
        end
    end
    local names = {{"a{i}", "b{i}", "c{i}"}}
    for _, name in ipairs(names) do
        parts[#parts + 1] = string.upper(name) .. ":" .. total
    end
    local obj = setmetatable({{value = total}}, {{__index = {{double = function(self) return self.value * 2 end}}}})
    local result = {{id = input and input.id or "none", value = obj:double(), text = table.concat(parts, ",")}}
    if result.value > 1000 then
        result.big = true
    end
    return result
end
M.step_{i} = step_{i}
"""

WORKFLOW = """local funcs = require("funcs")
local time = require("time")

local function main(input)
    local results = {{}}
    for i = 1, {calls} do
        local r, err = funcs.call("bench:work_" .. (i % {files}), {{id = i}})
        if err then
            return nil, err
        end
        results[#results + 1] = r
    end
    time.sleep("1s")
    return {{count = #results}}
end

return {{ main = main }}
"""


def make_app(folder: Path, lines: int) -> Path:
    per_function = FUNCTION.count("\n")
    functions_per_file = 40
    files = max(1, lines // (per_function * functions_per_file))
    entries = [
        "version: '1.0'",
        "namespace: bench",
        "entries:",
        "  - {name: client, kind: temporal.client}",
        "  - {name: worker, kind: temporal.worker, client: client, task_queue: bench}",
        "  - name: flow",
        "    kind: workflow.lua",
        "    source: file://flow.lua",
        "    modules: [funcs, time]",
        "    meta: {temporal: {workflow: {worker: worker}}}",
    ]
    (folder / "flow.lua").write_text(WORKFLOW.format(calls=20, files=files))
    for f in range(files):
        body = "local M = {}\n" + "".join(FUNCTION.format(i=f * 1000 + i) for i in range(functions_per_file))
        body += "\nfunction M.main(input)\n    return M.step_%d(input, 10)\nend\n\nreturn M\n" % (f * 1000)
        (folder / f"work_{f}.lua").write_text(body)
        entries += [
            f"  - name: work_{f}",
            "    kind: function.lua",
            f"    source: file://work_{f}.lua",
            "    meta: {temporal: {activity: {worker: worker}}}",
        ]
    (folder / "app.yaml").write_text("\n".join(entries) + "\n")
    return folder / "app.yaml"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="luac2py-bench-"))
    try:
        app = make_app(work / "app", args.lines) if (work / "app").mkdir() is None else None
        sources = sorted((work / "app").glob("*.lua"))
        total_lines = sum(p.read_text().count("\n") for p in sources)

        gc.collect()
        t0 = time.perf_counter()
        for p in sources:
            luaparser_ast.parse(p.read_text())
        parse_s = time.perf_counter() - t0

        build.CACHE_FILE = work / "cache.json"
        out = work / "out"
        gc.collect()
        t0 = time.perf_counter()
        build.build_app(app, out)
        cold_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        build.build_app(app, out)
        unchanged_s = time.perf_counter() - t0

        generated = sum(p.read_text().count("\n") for p in out.rglob("*.py"))
        print(f"lua_files={len(sources)} lua_lines={total_lines} python_lines={generated}")
        print(f"luaparser_parse_s={parse_s:.3f} cold_build_s={cold_s:.3f}")
        print(f"cold_ratio={cold_s / parse_s:.2f} unchanged_s={unchanged_s:.3f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
