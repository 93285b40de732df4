"""Coroutines in workflow code: the same Lua program compiled for the workflow
role (async functions, coroutines as asyncio tasks) gives what real Lua gives."""

from __future__ import annotations

import asyncio

import lupa.lua54 as lupa54

from luac2py.diagnostics import Diagnostics
from luac2py.driver import front_end, lower_chunk, render_chunk
from luac2py.analyse import Unit
from luac2py.runtime.env import new_env
from luac2py.runtime.lib.lcoroutine import ASYNC_LIB

PROGRAM = """
local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local function main()
  local out = {}
  for v in gen(4) do out[#out + 1] = v end
  local co = coroutine.create(function(a)
    local b, c = coroutine.yield(a + 1)
    local ok, e = pcall(function() coroutine.yield(b * c); error("inner", 0) end)
    coroutine.yield(tostring(ok) .. ":" .. e)
    return "done"
  end)
  local r = {}
  for _, args in ipairs({{1}, {2, 3}, {}, {}, {}}) do
    local res = {coroutine.resume(co, table.unpack(args))}
    r[#r + 1] = tostring(res[1]) .. "/" .. tostring(res[2]) .. "/" .. coroutine.status(co)
  end
  return table.concat(out, ",") .. " " .. table.concat(r, " ") .. " " .. tostring(coroutine.isyieldable())
end
return main
"""


def compiled_result():
    diags = Diagnostics()
    front = front_end(PROGRAM, "co.lua", diags)
    module, lowerer, names = lower_chunk(front, "co.lua", diags, Unit(), "workflow")
    namespace: dict = {}
    exec(compile(render_chunk(module, lowerer, names, "co.lua", ""), "co_workflow.py", "exec"), namespace)
    env = new_env()
    dict.__setitem__(env, "coroutine", ASYNC_LIB)
    main = namespace["chunk"](env)
    assert asyncio.iscoroutinefunction(main)
    return asyncio.run(main())


def test_workflow_coroutines_match_lua():
    expected = lupa54.LuaRuntime().execute(PROGRAM)()
    assert compiled_result() == expected
    assert expected.startswith("1,2,3,4 true/2/suspended true/6/suspended true/false:inner/suspended")
