"""The ``workflow`` module: facts about the running execution, child
workflows, versioning, search attributes and memo, continue-as-new. Each call
is the temporalio construct that does the job."""

from __future__ import annotations

import math
from datetime import datetime, timezone

from ..errors import LuaError
from ..table import Table
from ..values import from_text, to_text, type_name
from .errors import ErrorObject
from .module import Module

DEFAULT_VERSION = -1  # Go's workflow.DefaultVersion: code older than any version() call


def search_attribute_type(value) -> str:
    """The Temporal search attribute type a Lua value is indexed as (the names
    ``temporal operator search-attribute create --type`` takes)."""
    from .time import Time

    t = type(value)
    if t is bool:
        return "Bool"
    if t is int:
        return "Int"
    if t is float:
        return "Double"
    if t is Time:
        return "Datetime"
    if issubclass(t, Table):
        return "KeywordList"
    return "Keyword"


def _search_update(key: str, value):
    from temporalio.common import SearchAttributeKey

    kind = search_attribute_type(value)
    if kind == "Bool":
        k = SearchAttributeKey.for_bool(key)
    elif kind == "Int":
        k = SearchAttributeKey.for_int(key)
    elif kind == "Double":
        if not math.isfinite(value):
            raise ValueError(f"search attribute {key} must be a finite number")
        k = SearchAttributeKey.for_float(key)
    elif kind == "Datetime":
        k = SearchAttributeKey.for_datetime(key)
        value = datetime.fromtimestamp(value.ns / 1e9, tz=timezone.utc)
    elif kind == "KeywordList":
        k = SearchAttributeKey.for_keyword_list(key)
        items = [dict.get(value, i) for i in range(1, len(value) + 1)]
        if not all(type(x) is str for x in items):
            raise ValueError(f"search attribute {key} must be a list of strings")
        value = [to_text(x) for x in items]
    else:
        if type(value) is not str:
            raise ValueError(f"search attribute {key} must be a string, number, boolean, time or list of strings")
        k = SearchAttributeKey.for_keyword(key)
        value = to_text(value)
    return k.value_set(value)


class WorkflowModule(Module):
    lua_fields = frozenset(
        {"info", "exec", "version", "attrs", "history_length", "history_size", "continue_as_new"}
    )

    def __init__(self, app=None):
        self.app = app

    def info(self, *_):
        from temporalio import workflow

        i = workflow.info()
        return Table(
            workflow_id=from_text(i.workflow_id),
            run_id=from_text(i.run_id),
            workflow_type=from_text(i.workflow_type),
            task_queue=from_text(i.task_queue),
            namespace=from_text(i.namespace),
            attempt=i.attempt,
            history_length=i.get_current_history_length(),
            history_size=i.get_current_history_size(),
        )

    def history_length(self, *_):
        from temporalio import workflow

        return workflow.info().get_current_history_length()

    def history_size(self, *_):
        from temporalio import workflow

        return workflow.info().get_current_history_size()

    async def exec(self, entry_id=None, input=None, *_):
        """``result, err``: run workflow ``entry_id`` as a child on its worker's
        task queue and wait for it. Its failure keeps kind and retryable flag."""
        from .children import exec_child

        if type(entry_id) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'exec' (string expected, got {type_name(entry_id)})")
        return await exec_child(self.app, entry_id, None, (input,), {})

    def version(self, change_id=None, min_supported=None, max_supported=None, *_):
        """Go's ``GetVersion`` on ``workflow.patched``: version ``v`` is the patch
        ``change_id@v``; a new execution records ``max_supported``; a replayed
        one finds the version its history recorded."""
        from temporalio import workflow

        if type(change_id) is not str:
            raise LuaError.at_caller(f"bad argument #1 to 'version' (string expected, got {type_name(change_id)})")
        for n, v in ((2, min_supported), (3, max_supported)):
            if type(v) is not int:
                raise LuaError.at_caller(f"bad argument #{n} to 'version' (integer expected, got {type_name(v)})")
        if min_supported > max_supported:
            raise LuaError.at_caller("bad argument #2 to 'version' (min_supported is above max_supported)")
        change = to_text(change_id)
        for v in range(max_supported, min_supported - 1, -1):
            if workflow.patched(f"{change}@{v}"):
                return v
        if min_supported > DEFAULT_VERSION:
            # The history predates every supported version: as Go, refuse to guess.
            raise LuaError.at_caller(
                f"workflow.version('{change}'): this execution recorded a version below {min_supported}"
            )
        return DEFAULT_VERSION

    def attrs(self, options=None, *_):
        """``true`` or ``nil, err``: upsert search attributes (``search``; types
        from the Lua values, see ``search_attribute_type``) and memo (``memo``)."""
        from temporalio import workflow

        from .errors import INVALID
        from .json import to_python

        if not isinstance(options, Table):
            raise LuaError.at_caller(f"bad argument #1 to 'attrs' (table expected, got {type_name(options)})")
        search, memo = dict.get(options, "search"), dict.get(options, "memo")
        try:
            updates = []
            if search is not None:
                if not isinstance(search, Table):
                    raise ValueError("search must be a table")
                for k, v in sorted(search.fields(), key=lambda kv: str(kv[0])):
                    if type(k) is not str:
                        raise ValueError("search attribute names must be strings")
                    updates.append(_search_update(to_text(k), v))
            memo_items = {}
            if memo is not None:
                if not isinstance(memo, Table):
                    raise ValueError("memo must be a table")
                for k, v in memo.fields():
                    if type(k) is not str:
                        raise ValueError("memo keys must be strings")
                    memo_items[to_text(k)] = to_python(v)
        except ValueError as e:
            return None, ErrorObject(INVALID, from_text(str(e)), False)
        if updates:
            workflow.upsert_search_attributes(updates)
        if memo_items:
            workflow.upsert_memo(memo_items)
        return True, None

    async def continue_as_new(self, input=None, *_):
        await continue_as_new(input)


async def continue_as_new(input) -> None:
    """End this run and start a new one of the same workflow with ``input``
    (history starts afresh), once messages it sent are delivered and
    running message handlers have finished. Requests still waiting for a
    reply fail; messages no one has read go to the new run, first in its
    mailbox. Never returns: the SDK's ContinueAsNewError is not a Lua
    error, so ``pcall`` does not catch it."""
    from temporalio import workflow

    from .process import current_process

    process = current_process()
    unread = []
    if process is not None:
        await process.flush()
        process.end("the workflow continued as new")
    await workflow.wait_condition(workflow.all_handlers_finished)
    if process is not None:
        unread = process.unread()
    workflow.continue_as_new(args=[input, unread] if unread else [input])
