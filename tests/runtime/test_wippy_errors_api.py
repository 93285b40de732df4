"""The ``errors`` Wippy module and its error objects, run from compiled Lua:
``errors.new`` (every form), ``wrap``, ``is`` (both spellings of a kind),
``call_stack``, the methods (``kind``, ``message``, ``retryable``,
``details``, ``stack``), ``tostring`` and ``..``; the form errors take
across Temporal; and a workflow making, wrapping and inspecting errors,
checked by replaying its history."""

from __future__ import annotations

import asyncio
import importlib.util
import itertools
import re
import uuid as pyuuid

import pytest
from temporalio import workflow
from temporalio.exceptions import ApplicationError
from temporalio.worker import Replayer, Worker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

from luac2py.driver import compile_script
from luac2py.runtime.env import new_env
from luac2py.runtime.errors import LuaError
from luac2py.runtime.table import Table
from luac2py.runtime.temporal.converter import DATA_CONVERTER
from luac2py.runtime.temporal.glue import application_error
from luac2py.runtime.wippy.errors import ERRORS, ErrorObject, from_exception
from luac2py.runtime.wippy.json import JSON, to_python

_programs = itertools.count()


def compile_lua(tmp_path, source: str):
    """The ``chunk`` function of a compiled Lua program (chunk name ``progN.lua``)."""
    n = next(_programs)
    src = tmp_path / f"errprog{n}.lua"
    src.write_bytes(source.encode("utf-8"))
    out = compile_script(src, tmp_path / f"errprog{n}.py", chunkname=f"prog{n}.lua")
    spec = importlib.util.spec_from_file_location(f"wippy_errors_prog_{n}", out)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.chunk, f"prog{n}.lua"


def lua(tmp_path, body: str) -> tuple:
    """Run ``body`` (on line 2, ``errors`` and ``json`` required as module aliases); its results."""
    chunk, _ = compile_lua(tmp_path, 'local errors, json = require("errors"), require("json")\n' + body)
    r = chunk(new_env({"errors": ERRORS, "json": JSON}))
    return r if isinstance(r, tuple) else (r,)


def lua_global(tmp_path, body: str) -> tuple:
    """Run ``body`` with ``errors`` as the global Wippy code sees."""
    chunk, _ = compile_lua(tmp_path, body)
    env = new_env()
    Table.set(env, "errors", ERRORS)
    r = chunk(env)
    return r if isinstance(r, tuple) else (r,)


# --- errors.new ----------------------------------------------------------------------


def test_new_with_a_message(tmp_path):
    body = 'local e = errors.new("simple error") return e:message(), e:kind(), e:retryable(), e:details()'
    assert lua(tmp_path, body) == ("simple error", "", None, None)


def test_new_with_kind_and_message_accepts_both_spellings(tmp_path):
    assert lua(
        tmp_path,
        'local a = errors.new("INVALID", "bad amount") local b = errors.new("NotFound", "gone") '
        "return a:kind(), a:message(), a:retryable(), b:kind(), b:message()",
    ) == ("INVALID", "bad amount", None, "NOT_FOUND", "gone")


def test_new_from_a_table(tmp_path):
    kind, message, retryable, resource, ident = lua(
        tmp_path,
        'local e = errors.new({message = "not found", kind = errors.NOT_FOUND, retryable = false, '
        'details = {resource = "user", id = 123}}) '
        "local d = e:details() return e:kind(), e:message(), e:retryable(), d.resource, d.id",
    )
    assert (kind, message, retryable, resource, ident) == ("NOT_FOUND", "not found", False, "user", 123)


def test_new_from_a_table_with_the_wippy_spelling_and_no_kind(tmp_path):
    assert lua(
        tmp_path,
        'local a = errors.new({kind = "PermissionDenied", message = "no", retryable = 1}) '
        'local b = errors.new({message = "plain"}) '
        "return a:kind(), a:retryable(), errors.is(a, errors.PERMISSION_DENIED), b:kind(), b:retryable()",
    ) == ("PERMISSION_DENIED", True, True, "", None)


def test_new_details_nested_and_empty(tmp_path):
    assert lua(
        tmp_path,
        'local e = errors.new({message = "nested", details = {user = {name = "test", id = 1}, count = 5}}) '
        'local empty = errors.new({message = "empty", details = {}}) '
        "local d = e:details() return d.count, d.user.name, d.user.id, empty:details(), empty:message()",
    ) == (5, "test", 1, None, "empty")


def test_new_of_an_error_is_that_error(tmp_path):
    assert lua(tmp_path, 'local e = errors.new("x") return rawequal(errors.new(e), e)') == (True,)


def test_new_rejects_other_arguments(tmp_path):
    with pytest.raises(LuaError, match=r"bad argument #1 to 'new' \(string or table expected, got number\)"):
        lua(tmp_path, "return errors.new(42)")
    with pytest.raises(LuaError, match=r"field 'kind' must be a string"):
        lua(tmp_path, 'return errors.new({message = "m", kind = 1})')


# --- errors.wrap -----------------------------------------------------------------------


def test_wrap_keeps_the_inner_error(tmp_path):
    assert lua(
        tmp_path,
        'local inner = errors.new({message = "inner error", kind = errors.INVALID, retryable = true, '
        "details = {code = 42}}) "
        'local outer = errors.wrap(inner, "outer context") '
        "return outer:message(), tostring(outer), outer:kind(), outer:retryable(), outer:details().code, "
        "inner:message(), tostring(inner)",
    ) == ("inner error", "outer context: inner error", "INVALID", True, 42, "inner error", "inner error")


def test_wrap_twice_and_wrap_a_string(tmp_path):
    assert lua(
        tmp_path,
        'local twice = errors.wrap(errors.wrap(errors.new("NotFound", "root"), "middle"), "top") '
        'local s = errors.wrap("string error", "context") '
        "return twice:message(), tostring(twice), twice:kind(), s:message(), tostring(s), s:kind()",
    ) == ("root", "top: middle: root", "NOT_FOUND", "string error", "context: string error", "")


def test_wrap_nil_and_wrap_without_context(tmp_path):
    assert lua(
        tmp_path,
        'local e = errors.new("x") return errors.wrap(nil, "ctx"), rawequal(errors.wrap(e), e)',
    ) == (None, True)


# --- errors.is ------------------------------------------------------------------------------


def test_is_with_both_spellings(tmp_path):
    assert lua(
        tmp_path,
        'local e = errors.new({message = "gone", kind = errors.NOT_FOUND}) '
        'local t = errors.new({message = "slow", kind = "Timeout"}) '
        'return errors.is(e, errors.NOT_FOUND), errors.is(e, "NotFound"), errors.is(e, "NOT_FOUND"), '
        "errors.is(e, errors.TIMEOUT), errors.is(t, errors.TIMEOUT), "
        'errors.is("not an error", errors.TIMEOUT), errors.is(nil, errors.TIMEOUT), '
        'errors.is(errors.wrap(e, "ctx"), "NotFound")',
    ) == (True, True, True, False, True, False, False, True)


def test_constants_are_the_seeds_spelling(tmp_path):
    assert lua(
        tmp_path,
        "return errors.NOT_FOUND, errors.ALREADY_EXISTS, errors.RATE_LIMITED, errors.UNKNOWN",
    ) == ("NOT_FOUND", "ALREADY_EXISTS", "RATE_LIMITED", "")


# --- stack and call_stack ---------------------------------------------------------------

STACK_LUA = """local errors = require("errors")
local function inner_func()
    return errors.new("stack test")
end
local function outer_func()
    local e = inner_func()
    return e
end
local err = outer_func()
return err, errors.wrap(err, "ctx"), errors.wrap("plain", "ctx")
"""


def stacked(tmp_path):
    chunk, name = compile_lua(tmp_path, STACK_LUA)
    return chunk(new_env({"errors": ERRORS})), name


def test_stack_is_a_traceback_of_where_the_error_was_made(tmp_path):
    (err, wrapped, plain), name = stacked(tmp_path)
    stack = ErrorObject.lua_index(err, "stack")(err)
    assert stack.splitlines() == [
        "stack traceback:",
        f"\t{name}:3: in function 'inner_func'",
        f"\t{name}:6: in function 'outer_func'",
        f"\t{name}:9: in main chunk",
        "\t[C]: in ?",
    ]
    # A wrapped error keeps the stack of the error it wraps; a wrapped string's
    # is where it was wrapped.
    assert wrapped.stack() == stack
    assert plain.stack().splitlines()[1] == f"\t{name}:10: in main chunk"


def test_call_stack_frames(tmp_path):
    (err, _, _), name = stacked(tmp_path)
    frames = ERRORS.call_stack(err)["frames"]
    got = [(frames[i]["source"], frames[i]["line"], frames[i]["name"]) for i in range(1, frames.length() + 1)]
    assert got == [(name, 3, "inner_func"), (name, 6, "outer_func"), (name, 9, None)]
    assert ERRORS.call_stack("not an error") is None and ERRORS.call_stack(None) is None


def test_stack_and_call_stack_from_lua(tmp_path):
    stack, n, source, line, name, nothing = lua_global(
        tmp_path,
        "local function make() return errors.new('x') end\n"
        "local ok, e = pcall(make)\n"
        "local cs = errors.call_stack(e)\n"
        "local f = cs.frames[1]\n"
        "return e:stack(), #cs.frames, f.source, f.line, f.name, errors.call_stack(42)\n",
    )
    lines = stack.splitlines()
    # Called by pcall (a C function), `make` has no name, as in Lua.
    assert lines[0] == "stack traceback:" and re.fullmatch(r"\t(prog\d+\.lua):1: in function <\1:1>", lines[1])
    assert lines[2] == "\t[C]: in function 'pcall'"
    assert re.fullmatch(r"\t(prog\d+\.lua):2: in main chunk", lines[3])
    assert n == 2 and re.fullmatch(r"prog\d+\.lua", source) and line == 1 and name is None and nothing is None


def test_runtime_errors_have_a_stack_too(tmp_path):
    (err,) = lua(tmp_path, 'local v, e = json.decode("{") return e')
    assert err.kind() == "INTERNAL" and re.search(r"prog\d+\.lua:2: in main chunk", err.stack())  # malformed JSON
    assert ErrorObject("X", "made outside Lua").stack() == "stack traceback:\n\t[C]: in ?"


def test_deep_stacks_are_cut_as_lua_does(tmp_path):
    (err,) = lua(
        tmp_path,
        "local function f(n) if n == 0 then return errors.new('deep') end local e = f(n - 1) return e end "
        "return f(40)",
    )
    lines = err.stack().splitlines()
    # 41 levels of f and the main chunk: the first 10, the last 11.
    assert lines[11] == "\t...\t(skipping 21 levels)" and len(lines) == 1 + 10 + 1 + 11 + 1
    assert lines[-2].endswith("in main chunk") and lines[1].endswith("in function 'f'")


# --- tostring and .. ----------------------------------------------------------------------


def test_tostring_and_concatenation(tmp_path):
    assert lua(
        tmp_path,
        'local e = errors.new("test error") local e2 = errors.new("another error") '
        'local w = errors.wrap(e, "outer") '
        'return tostring(e), "prefix: " .. e, e .. " :suffix", e .. e2, "[" .. w .. "]", tostring(w)',
    ) == (
        "test error", "prefix: test error", "test error :suffix", "test erroranother error",
        "[outer: test error]", "outer: test error",
    )  # fmt: skip


def test_concatenating_an_error_with_a_table_fails(tmp_path):
    with pytest.raises(LuaError, match="attempt to concatenate a table value"):
        lua(tmp_path, 'return errors.new("x") .. {}')


def test_an_error_raised_and_caught(tmp_path):
    assert lua(
        tmp_path,
        'local e = errors.new({message = "boom", kind = errors.INVALID}) '
        "local ok, got = pcall(error, e) return ok, rawequal(got, e), got:kind()",
    ) == (False, True, "INVALID")


# --- across Temporal: the whole text, the kind, the flag ------------------------------------


def test_the_wire_form_of_a_wrapped_error_is_unchanged(tmp_path):
    (wrapped,) = lua(
        tmp_path,
        'return errors.wrap(errors.new({message = "inner", kind = "NotFound", retryable = false, '
        'details = {id = 7}}), "outer")',
    )
    assert to_python(wrapped) == {
        "kind": "NOT_FOUND", "message": "outer: inner", "retryable": False, "details": {"id": 7},
    }  # fmt: skip
    assert lua(tmp_path, 'return (json.encode(errors.wrap(errors.new("Invalid", "inner"), "outer")))') == (
        '{"kind":"INVALID","message":"outer: inner"}',
    )
    failure = application_error(wrapped)
    assert (failure.message, failure.type, failure.non_retryable, failure.details) == (
        "outer: inner", "NOT_FOUND", True, (wrapped.details(),),
    )  # fmt: skip
    back = from_exception(ApplicationError("outer: inner", type="NOT_FOUND", non_retryable=True))
    assert (back.kind(), back.message(), back.retryable()) == ("NOT_FOUND", "outer: inner", False)
    # with_retryable (an operation's final verdict) keeps the rest.
    again = wrapped.with_retryable(True)
    assert again.retryable() is True and ErrorObject.lua_index(again, "message")(again) == "inner"
    assert again.stack() == wrapped.stack() and str(again.lua_tostring()) == "outer: inner"


# --- in a workflow: the same answers, and replay-safe --------------------------------------

WORKFLOW_LUA = """local errors = require("errors")
local json = require("json")
local function check(n)
    if n < 0 then
        return nil, errors.new({message = "negative", kind = "Invalid", retryable = false, details = {n = n}})
    end
    return n
end
return function()
    local _, err = check(-1)
    local wrapped = errors.wrap(err, "checking")
    local frame = errors.call_stack(wrapped).frames[1]
    return {
        message = wrapped:message(), text = tostring(wrapped), kind = wrapped:kind(),
        is_invalid = errors.is(wrapped, errors.INVALID), is_camel = errors.is(wrapped, "Invalid"),
        retryable = wrapped:retryable(), n = wrapped:details().n, stack = wrapped:stack(),
        frame = {source = frame.source, line = frame.line, name = frame.name},
        wire = json.encode(wrapped),
    }
end
"""
_PROGRAM: dict = {}
RUNS: list = []
SANDBOX = SandboxedWorkflowRunner(
    restrictions=SandboxRestrictions.default.with_passthrough_modules("luac2py", __name__)
)


@workflow.defn(name="wippy_errors_api")
class ErrorsWorkflow:
    @workflow.run
    async def run(self) -> dict:
        result = to_python(_PROGRAM["chunk"](new_env({"errors": ERRORS, "json": JSON}))())
        RUNS.append(result)
        return result


@pytest.mark.temporal
@pytest.mark.asyncio(loop_scope="session")
async def test_errors_in_a_workflow(time_skipping_server, tmp_path):
    client = time_skipping_server.client
    _PROGRAM["chunk"], name = compile_lua(tmp_path, WORKFLOW_LUA)
    queue = "wippy-errors-api"
    # A Python exception fails the workflow (instead of retrying its task forever).
    worker = Worker(
        client, task_queue=queue, workflows=[ErrorsWorkflow], workflow_runner=SANDBOX,
        workflow_failure_exception_types=[Exception],
    )  # fmt: skip
    async with worker:
        handle = await client.start_workflow(ErrorsWorkflow.run, id=f"wippy-errors-{pyuuid.uuid4()}", task_queue=queue)
        result = await asyncio.wait_for(handle.result(), 60)
    assert {k: v for k, v in result.items() if k != "stack"} == {
        "message": "negative", "text": "checking: negative", "kind": "INVALID", "is_invalid": True,
        "is_camel": True, "retryable": False, "n": -1,
        "frame": {"source": name, "line": 5, "name": "check"},
        "wire": '{"details":{"n":-1},"kind":"INVALID","message":"checking: negative","retryable":false}',
    }  # fmt: skip
    assert result["stack"].splitlines()[:3] == [
        "stack traceback:", f"\t{name}:5: in function 'check'", f"\t{name}:10: in function <{name}:9>",
    ]  # fmt: skip
    RUNS.clear()
    replayer = Replayer(workflows=[ErrorsWorkflow], workflow_runner=SANDBOX, data_converter=DATA_CONVERTER)
    await replayer.replay_workflow(await handle.fetch_history())
    assert RUNS == [result]
