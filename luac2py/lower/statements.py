"""Statements: assignment, control flow, loops, returns."""

from __future__ import annotations

import ast

from luaparser import astnodes as lua

from ..resolve import FUNCTION_NODES, node_line
from . import pyast as P


class PyLoop:
    """A Python loop being lowered: a Lua loop or a goto dispatcher. Jumps that
    leave several Python loops record an escape on each loop they cross."""

    def __init__(self, node, dispatch_var: str | None = None):
        self.node = node  # the Lua loop statement, or the dispatcher's Block
        self.dispatch_var = dispatch_var
        self.escapes: list[tuple[int, "PyLoop", list]] = []


def block(cx, block) -> list[ast.stmt]:
    if dispatch_labels(cx, block):
        return dispatcher(cx, block)
    return statements(cx, block.body)


def statements(cx, body) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    narrowed: dict = {}  # Var -> its range before a guard narrowed it
    # (A goto could jump over a guard: no narrowing in a block with labels.)
    guards = not any(type(x) is lua.Label for x in body)
    try:
        for i, stmt in enumerate(body):
            cx.line = node_line(stmt, cx.line)
            if isinstance(stmt, lua.LocalAssign) and _is_close(stmt):
                out.extend(_close_rest(cx, stmt, body, i))
                break
            out.extend(statement(cx, stmt))
            guard = _guard_bound(stmt) if guards else None
            if guard is not None:
                # `if k < 2 then return ... end`: below it, k >= 2.
                v, lo, hi = guard
                narrowed.setdefault(v, v.int_range)
                v.int_range = (max(v.int_range[0], lo), min(v.int_range[1], hi))
    finally:
        for v, r in narrowed.items():
            v.int_range = r
    return out


def _close_rest(cx, stmt, body, i) -> list[ast.stmt]:
    """`local x <close>`: the rest of the block runs under a try whose
    finally calls x's __close, with the error if one is leaving."""
    out = statement(cx, stmt)
    v = next(t.var for t in stmt.targets if t.var.attrib == "close")
    value = P.attr(P.name(v.py), "v") if v.boxed else P.name(v.py)
    check = P.expr_stmt(cx.helper_call("tbc_check", value, P.const(v.name)))
    rest = statements(cx, body[i + 1 :]) or [ast.Pass()]
    close = ast.Try(rest, [], [], [P.expr_stmt(cx.helper_call("tbc_close", value))])
    check.lua_line = node_line(stmt, cx.line)
    # Lua closes as the block exits: at its last statement.
    close.finalbody[0].lua_line = node_line(body[-1], cx.line)
    return [*out, check, close]


# --- goto -------------------------------------------------------------------------
def continue_labels(block) -> bool:
    """A loop body whose jumped-to labels all end it: gotos to them are ``continue``."""
    labels = [x for x in getattr(block, "labels", {}).values() if x.targeted]
    if not labels or getattr(block, "loop", None) is None:
        return False
    body = block.body
    last = max((i for i, x in enumerate(body) if not isinstance(x, (lua.Label, lua.SemiColon))), default=-1)
    return all(body.index(x) > last for x in labels)


def dispatch_labels(cx, block) -> list:
    labels = [x for x in getattr(block, "labels", {}).values() if x.targeted]
    if not labels or continue_labels(block):
        return []
    return labels


def dispatcher(cx, block) -> list[ast.stmt]:
    """A block with labels that gotos jump to: its statements split at those
    labels into segments, run by ``while True`` from the segment a goto sets."""
    var = cx.names.fresh("_goto")
    segments: list[list] = [[]]
    for stmt in block.body:
        if isinstance(stmt, lua.Label) and stmt.targeted:
            stmt.segment = len(segments) + 1
            segments.append([])
        else:
            segments[-1].append(stmt)
    loop = PyLoop(block, var)
    cx.py_loops.append(loop)
    for stmt in block.body:
        if isinstance(stmt, lua.LocalAssign) and _is_close(stmt) and len(segments) > 1:
            cx.diags.error(
                cx.chunkname,
                node_line(stmt, cx.line),
                1,
                "'<close>' variables in a block with goto labels are not supported",
                code="E213",
            )
    body = []
    for n, segment in enumerate(segments, start=1):
        stmts = statements(cx, segment)
        if n == 1 and not stmts:
            continue
        test = ast.Compare(P.name(var), [ast.LtE()], [P.const(n)])
        body.append(ast.If(test, stmts or [ast.Pass()], []))
    body.append(ast.Break())
    return leave_py_loop(cx, loop, [P.assign(P.name(var, store=True), P.const(1)), ast.While(P.const(True), body, [])])


def enter_py_loop(cx, node) -> PyLoop:
    loop = PyLoop(node)
    cx.py_loops.append(loop)
    return loop


def leave_py_loop(cx, loop: PyLoop, stmts: list[ast.stmt]) -> list[ast.stmt]:
    """The loop's statements, then the checks that carry on jumps which left it."""
    cx.py_loops.pop()
    if not loop.escapes:
        return stmts
    outer = cx.py_loops[-1] if cx.py_loops else None
    flag = jump_flag(cx)
    checks: list[ast.stmt] = []
    for key, target, action in loop.escapes:
        if target is outer:
            test = ast.Compare(P.name(flag), [ast.Eq()], [P.const(key)])
            checks.append(ast.If(test, [P.assign(P.name(flag, store=True), P.const(None))] + action, []))
    # The outermost loop a jump crosses sets the flag up; inner ones pass it on.
    init = [P.assign(P.name(flag, store=True), P.const(None))] if checks else []
    if any(target is not outer for _, target, _ in loop.escapes):
        checks.append(ast.If(ast.Compare(P.name(flag), [ast.IsNot()], [P.const(None)]), [ast.Break()], []))
    return init + stmts + checks


def jump_flag(cx) -> str:
    if cx.names.jump_flag is None:
        cx.names.jump_flag = cx.names.fresh("_jump")
    return cx.names.jump_flag


def jump(cx, target: PyLoop, action: list[ast.stmt]) -> list[ast.stmt]:
    """Statements that leave the Python loops up to ``target`` and then do ``action``."""
    if cx.py_loops[-1] is target:
        return action
    cx.jump_count += 1
    key = cx.jump_count
    for loop in reversed(cx.py_loops):
        if loop is target:
            break
        loop.escapes.append((key, target, action))
    return [P.assign(P.name(jump_flag(cx), store=True), P.const(key)), ast.Break()]


def loop_entry(cx, node) -> PyLoop:
    for loop in reversed(cx.py_loops):
        if loop.node is node:
            return loop
    raise cx.internal(node, "jump target is not an enclosing loop")


def statement(cx, s) -> list[ast.stmt]:
    handler = cx.stmt_handlers.get(type(s))
    if handler is None:
        raise cx.internal(s, f"unsupported statement {type(s).__name__}")
    saved = cx.pre
    cx.pre = []
    try:
        result = handler(cx, s)
        if isinstance(result, ast.AST):
            result = [result]
        out = cx.pre + result
    finally:
        cx.pre = saved
    line = cx.line
    last = getattr(s, "last_token", None)
    single = last is not None and last.line == line
    for node in out:
        if not hasattr(node, "lua_line"):
            node.lua_line = line
            node.single_line = single
    return out


# --- assignment ---------------------------------------------------------------
def adjusted_values(cx, values, n: int) -> list[ast.expr]:
    """Exactly ``n`` Python expressions (or fewer with a final starred one)
    for an explist assigned to ``n`` targets; extra values still evaluated."""
    values = list(values or [])
    if not values:
        return [P.const(None)] * n
    if len(values) >= n:
        exprs = [expressions.expr(cx, v) for v in values[:n]]
        extra = values[n:]
        if extra:
            cx.extra_values = [
                expressions.expr(cx, v) if not calls.is_multi(cx, v) else multi_raw(cx, v) for v in extra
            ]
        return exprs
    head = [expressions.expr(cx, v) for v in values[:-1]]
    last = values[-1]
    missing = n - len(head)
    if calls.is_multi(cx, last):
        if missing == 1:
            return head + [expressions.expr(cx, last)]
        if (missing == 2 and wippy.returns_pair(cx, last)) or calls.local_return_count(cx, last) == missing:
            return head + [ast.Starred(calls.call_raw(cx, last), ast.Load())]
        return head + [ast.Starred(cx.helper_call("adjust", multi_raw(cx, last), P.const(missing)), ast.Load())]
    return head + [expressions.expr(cx, last)] + [P.const(None)] * (missing - 1)


def multi_raw(cx, e) -> ast.expr:
    if isinstance(e, (lua.Dots, lua.Varargs)):
        return P.name("varargs")
    return calls.call_raw(cx, e)


def assign_stmt(cx, targets: list[ast.expr], values: list[ast.expr], backwards: bool = False) -> ast.stmt:
    """``targets = values``; ``backwards``: stored from the last target to the
    first (the values still evaluated first to last)."""
    extra = getattr(cx, "extra_values", None)
    cx.extra_values = None
    if extra:
        targets = targets + [P.name(cx.temp(), store=True) for _ in extra]
        values = values + extra
    if len(targets) == 1 and not isinstance(values[0], ast.Starred):
        return P.assign(targets[0], values[0])
    if len(values) == 1 and isinstance(values[0], ast.Starred):
        value = values[0].value
    else:
        value = P.tuple_(values)
    if backwards:
        targets = targets[::-1]
        value = ast.Subscript(value, ast.Slice(None, None, P.const(-1)), ast.Load())
    return P.assign(P.tuple_(targets, store=True), value)


def _local_assign(cx, s):
    n = len(s.targets)
    for t in s.targets:
        classes.declare_class_functions(cx, t.var)  # before its constructor's function literals
    fused = (
        fusion.fused_value(cx, s.values[0]) or classes.new_instance(cx, s.values[0])
        if n == 1 and len(s.values or []) == 1
        else None
    )
    values = [fused] if fused is not None else adjusted_values(cx, s.values, n)
    for i, t in enumerate(s.targets):
        if is_local_array(t):
            values[i] = cx.helper_call("new_array")  # `local t = {}` kept in a list (arrays.py)
    targets = []
    boxes = []
    for t, value_type in zip(s.targets, _value_types(cx, s.values, n)):
        v = t.var
        if value_type is not None and not v.assigned and v.static_type is None:
            v.static_type = value_type
        cx.names.declare(v)
        targets.append(P.name(v.py, store=True))
        if v.boxed:
            boxes.append(v)
    out = [assign_stmt(cx, targets, values)]
    for v in boxes:
        out.append(P.assign(P.name(v.py, store=True), P.call("Cell", P.name(v.py))))
    return out


def _value_types(cx, values, n):
    values = list(values or [])
    types = []
    for i in range(n):
        if i < len(values) and not (i == len(values) - 1 and calls.is_multi(cx, values[i])):
            types.append(expressions.static_type(cx, values[i]))
        else:
            types.append(None)
    return types


def _assign(cx, s):
    # Lua evaluates the tables and keys of the targets before the values and
    # before any assignment (`i, t[i] = i + 1, 20` sets t[1]). Python does the
    # opposite, so those that the assignment could change are settled first.
    n = len(s.targets)
    fused = None
    if n == 1 and len(s.values) == 1 and type(s.targets[0]) is lua.Name:
        fused = fusion.fused_value(cx, s.values[0])
    values = [fused] if fused is not None else adjusted_values(cx, s.values, n)
    targets = [store_target(cx, t) for t in s.targets]
    if n == 1:
        target = targets[0]
        if (
            isinstance(target, ast.Subscript)
            and not (_stable(target.value) and _stable(target.slice))
            and any(calls.may_call_lua(cx, v) for v in s.values)
            and not cx.extra_values
            and not isinstance(values[0], ast.Starred)
        ):
            # `t[#t + 1] = f()`: Python would call f first; setindex's arguments run in Lua's order.
            return [P.expr_stmt(cx.helper_call("setindex", target.value, target.slice, values[0]))]
        return [assign_stmt(cx, [through_newindex(cx, target)], values)]
    stored = {t.var.py for t in s.targets if isinstance(t, lua.Name) and t.var is not None}
    settle: list[ast.stmt] = []
    for target in targets:
        if isinstance(target, ast.Subscript):
            target.value = _settled(cx, target.value, stored, settle)
            target.slice = _settled(cx, target.slice, stored, settle)
    stores = [through_newindex(cx, t) for t in targets]
    # Lua assigns from the last target to the first (`a, a = 1, 2` leaves 1;
    # __newindex sees `c b a`); a Python tuple assignment goes the other way.
    names = [t.var for t in s.targets if isinstance(t, lua.Name)]
    ordered = len(set(names)) < len(names) or any(isinstance(t, ast.Subscript) for t in stores)
    return settle + [assign_stmt(cx, stores, values, backwards=ordered)]


def through_newindex(cx, target: ast.expr) -> ast.expr:
    """A store target ``t[k]`` that may be a MetaTable's:
    ``(newindex(t) if type(t) is MetaTable else t)[k]``, so that
    ``__newindex`` applies (a subscript store is raw, runtime/table.py)."""
    if not isinstance(target, ast.Subscript) or getattr(target, "plain", False):
        return target
    obj, again = expressions.bind_operand(cx, target.value)
    view = ast.IfExp(P.type_is(obj, "MetaTable"), cx.helper_call("newindex", again), again)
    return P.subscript(view, target.slice, store=True)


def _settled(cx, e: ast.expr, stored: set, out: list) -> ast.expr:
    """``e``, or a temporary holding its value now if the assignment may change it."""
    if _stable(e) and not (isinstance(e, ast.Name) and e.id in stored):
        return e
    tmp = cx.temp()
    out.append(P.assign(P.name(tmp, store=True), e))
    return P.name(tmp)


def store_target(cx, t) -> ast.expr:
    if isinstance(t, lua.Name):
        v = t.var
        if v is None:
            env = getattr(t, "env_var", None)
            table = expressions.var_load(cx, env) if env is not None else P.name("_ENV")
            if t.id == "_ENV" and env is None:
                return P.name("_ENV", store=True)
            return P.subscript(table, P.const(t.id), store=True)
        if v.boxed:
            return P.attr(P.name(v.py), "v", store=True)
        return P.name(v.py, store=True)
    obj = expressions.expr(cx, t.value)
    key = expressions.index_key(cx, t)
    plain = expressions.is_plain_table(cx, t.value)
    if not (isinstance(key, ast.Constant) and type(key.value) in (str, int)) and expressions.static_type(
        cx, t.idx
    ) not in (
        "string",
        "int",
    ):
        # A plain table's store is a dict store: the key must be raw. A
        # MetaTable takes the key as it is (__newindex sees 2.0 as 2.0).
        if plain:
            raw = cx.helper_call("raw_key", key)
            if isinstance(key, ast.Name):
                raw = ast.IfExp(P.type_is(key, "str"), key, raw)
            key = raw
        else:
            obj, obj_again = expressions.bind_operand(cx, obj)
            key, key_again = expressions.bind_operand(cx, key)
            test = ast.BoolOp(
                ast.Or(),
                [
                    P.type_is(key, "str"),
                    P.type_is(obj_again, "MetaTable"),
                ],
            )
            key = ast.IfExp(test, key_again, cx.helper_call("raw_key", key_again))
    target = P.subscript(obj, key, store=True)
    target.plain = plain or expressions.stores_raw(cx, t.value)  # (through_newindex leaves it)
    return target


# --- control flow -------------------------------------------------------------
def _do(cx, s):
    return block(cx, s.body) or [ast.Pass()]


def _if(cx, s):
    test = expressions.cond(cx, s.test)
    pre = cx.pre
    cx.pre = []
    body = block(cx, s.body) or [ast.Pass()]
    orelse = []
    node = s.orelse
    if isinstance(node, lua.ElseIf):
        orelse = statement(cx, node)
    elif node is not None:
        orelse = block(cx, node)
    cx.pre = pre
    return ast.If(test, body, orelse)


def _elseif(cx, s):
    return _if(cx, s)


def _while(cx, s):
    saved = cx.pre
    cx.pre = []
    test = expressions.cond(cx, s.test)
    test_pre = cx.pre
    cx.pre = saved
    loop = enter_py_loop(cx, s)
    body = block(cx, s.body) or [ast.Pass()]
    if test_pre:
        # The condition needs statements: re-run them on every iteration.
        stmt = ast.While(P.const(True), test_pre + [ast.If(ast.UnaryOp(ast.Not(), test), [ast.Break()], [])] + body, [])
    else:
        stmt = ast.While(test, body, [])
    return leave_py_loop(cx, loop, [stmt])


def _repeat(cx, s):
    loop = enter_py_loop(cx, s)
    stmts = _repeat_loop(cx, s)
    return leave_py_loop(cx, loop, stmts if isinstance(stmts, list) else [stmts])


def _repeat_loop(cx, s):
    s.body.has_continue = continue_labels(s.body)
    body = block(cx, s.body)
    saved = cx.pre
    cx.pre = []
    test = expressions.cond(cx, s.test)
    test_pre = cx.pre
    cx.pre = saved
    until = ast.If(test, [ast.Break()], [])
    until.lua_line = node_line(s.test, cx.line)
    if not getattr(s.body, "has_continue", False):
        return ast.While(P.const(True), body + test_pre + [until], [])
    # `goto continue` must reach the `until` test: the test runs at the top of
    # every iteration but the first (the body's locals are still bound there).
    started = cx.names.fresh("_started")
    check = ast.If(P.name(started), test_pre + [until], [])
    loop = ast.While(P.const(True), [check, P.assign(P.name(started, store=True), P.const(True))] + body, [])
    return [P.assign(P.name(started, store=True), P.const(False)), loop]


def _break(cx, s):
    for loop in reversed(cx.py_loops):
        if loop.dispatch_var is None:
            return jump(cx, loop, [ast.Break()])
    raise cx.internal(s, "break outside a loop")


def _goto(cx, s):
    label = s.label
    segment = getattr(label, "segment", None)
    if segment is None:
        # A label ending a loop body: continue that loop.
        for loop in reversed(cx.py_loops):
            if loop.dispatch_var is None and label in loop.node.body.body:
                return jump(cx, loop, [ast.Continue()])
        raise cx.internal(s, "goto target not found")
    for loop in reversed(cx.py_loops):
        if loop.dispatch_var is not None and label in loop.node.body:
            return jump(cx, loop, [P.assign(P.name(loop.dispatch_var, store=True), P.const(segment)), ast.Continue()])
    raise cx.internal(s, "goto target not found")


def _label(cx, s):
    return []


def _semicolon(cx, s):
    return []


def _return(cx, s):
    values = list(s.values or [])
    if not values:
        return ast.Return(P.tuple_([]))
    if len(values) == 1:
        v = values[0]
        if calls.is_multi(cx, v):
            return ast.Return(multi_raw(cx, v))
        return ast.Return(fusion.fused_value(cx, v) or classes.new_instance(cx, v) or expressions.expr(cx, v))
    return ast.Return(P.tuple_(calls.values_list(cx, values)))


# --- loops ------------------------------------------------------------------------
def _fornum(cx, s):
    v = s.target.var
    step = s.step
    start_t = expressions.static_type(cx, s.start)
    step_is_int = isinstance(step, int) or (isinstance(step, lua.Number) and isinstance(step.value, int))
    step_value = step if isinstance(step, int) else (step.value if isinstance(step, lua.Number) else None)
    if not step_is_int and expressions.static_type(cx, step) == "int":
        # A variable step of known sign (`for j = i * i, n, i` with i >= 2).
        r = expressions.int_range(cx, step)
        if r is not None and (r[0] > 0 or r[1] < 0):
            step_is_int, step_value = True, None
            step_sign = 1 if r[0] > 0 else -1
    elif step_value:
        step_sign = 1 if step_value > 0 else -1
    if start_t == "int" and step_is_int and step_value != 0 and not v.assigned:
        v.static_type = "int"
    cx.names.declare(v)
    loop_name = v.py if not v.boxed else cx.temp()
    start = expressions.expr(cx, s.start)
    stop = expressions.expr(cx, s.stop)
    if start_t == "int" and step_is_int and step_value != 0:
        # An integer loop of a known direction is a range (Lua computes the
        # iteration count up front, so the counter never wraps).
        limit = (
            stop
            if expressions.static_type(cx, s.stop) == "int"
            else cx.helper_call("for_limit", stop, P.const(step_sign))
        )
        end = ast.BinOp(limit, ast.Add() if step_sign > 0 else ast.Sub(), P.const(1))
        step_expr = P.const(step_value) if step_value is not None else expressions.expr(cx, step)
        args = [start, end] if step_value == 1 else [start, end, step_expr]
        iterator = P.call("range", *args)
    else:
        step_expr = P.const(step) if isinstance(step, int) else expressions.expr(cx, step)
        iterator = cx.helper_call("numeric_for", start, stop, step_expr)
    upward_range = start_t == "int" and step_is_int and step_value != 0 and step_sign > 0
    if upward_range and versioned_for(cx, s):
        # `for j = i * i, n, i do a[j] = true end`: a first value above 0 makes every
        # key positive, and the array accesses need no test for keys below 1.
        out, first = [], iterator.args[0]
        if not P.is_simple(first):
            tmp = cx.temp()
            out.append(P.assign(P.name(tmp, store=True), first))
            iterator.args[0] = first = P.name(tmp)
        cx.positive_vars.add(v)
        positive = numeric_loop(cx, s, v, loop_name, iterator)
        cx.positive_vars.discard(v)
        general = numeric_loop(cx, s, v, loop_name, iterator)
        return out + [ast.If(ast.Compare(first, [ast.Gt()], [P.const(0)]), positive, general)]
    return numeric_loop(cx, s, v, loop_name, iterator)


def numeric_loop(cx, s, v, loop_name: str, iterator: ast.expr) -> list[ast.stmt]:
    loop = enter_py_loop(cx, s)
    body = block(cx, s.body)
    if v.boxed:
        body = [P.assign(P.name(v.py, store=True), P.call("Cell", P.name(loop_name)))] + body
    return leave_py_loop(cx, loop, [ast.For(P.name(loop_name, store=True), iterator, body or [ast.Pass()], [])])


def versioned_for(cx, s) -> bool:
    """An upward integer loop worth two versions: its first value may be
    below 1, its small body indexes local arrays with the loop variable,
    and has no jumps, labels or functions (which could not be duplicated)."""
    v = s.target.var
    r = expressions.int_range(cx, s.start)
    if v.boxed or v.assigned or (r is not None and r[0] >= 1):
        return False
    body = list(nodes(s.body))
    if len(body) > 40 or any(type(n) in (lua.Goto, lua.Label, *FUNCTION_NODES) for n in body):
        return False
    return any(
        type(n) is lua.Index and is_local_array(n.value) and type(n.idx) is lua.Name and n.idx.var is v for n in body
    )


def _forin(cx, s):
    n = len(s.targets)
    iterator = None
    explist = s.iter
    if len(explist) == 1 and isinstance(explist[0], lua.Call):
        call = explist[0]
        f = call.func
        if isinstance(f, lua.Name) and f.var is None and f.id in ("pairs", "ipairs") and len(call.args) == 1:
            if cx.static_global(f.id) is not None:
                iterator = P.call(P.attr("lua", f.id + "_iter"), expressions.expr(cx, call.args[0]))
    if iterator is not None and n > 2:
        iterator = None
    if iterator is None:
        # A fourth value is the loop's to-be-closed value (Lua 5.4).
        count = 4 if len(explist) >= 4 or calls.is_multi(cx, explist[-1]) else 3
        args = adjusted_values(cx, explist, count)
        helper = "ageneric_for" if cx.in_async() else "generic_for"  # iterators may suspend
        iterator = cx.helper_call(helper, *args, keywords=[ast.keyword("nvars", P.const(n))])
        nvars = n
    else:
        nvars = 2
    names = []
    boxes = []
    for t in s.targets:
        cx.names.declare(t.var)
        if t.var.boxed:
            tmp = cx.temp()
            boxes.append((t.var, tmp))
            names.append(tmp)
        else:
            names.append(t.var.py)
    if nvars == 2 and n == 1:
        names.append(cx.temp())
    target = (
        P.name(names[0], store=True)
        if len(names) == 1
        else P.tuple_([P.name(x, store=True) for x in names], store=True)
    )
    loop = enter_py_loop(cx, s)
    body = block(cx, s.body)
    for var, tmp in boxes:
        body.insert(0, P.assign(P.name(var.py, store=True), P.call("Cell", P.name(tmp))))
    cls = (
        ast.AsyncFor
        if isinstance(iterator, ast.Call) and getattr(iterator.func, "id", "") == "ageneric_for"
        else ast.For
    )
    return leave_py_loop(cx, loop, [cls(target, iterator, body or [ast.Pass()], [])])


def _is_close(stmt) -> bool:
    return any(getattr(t, "var", None) is not None and t.var.attrib == "close" for t in stmt.targets)


_FLIPPED = {
    lua.LessThanOp: lua.GreaterThanOp,
    lua.LessOrEqThanOp: lua.GreaterOrEqThanOp,
    lua.GreaterThanOp: lua.LessThanOp,
    lua.GreaterOrEqThanOp: lua.LessOrEqThanOp,
}


def _guard_bound(stmt):
    """(var, lo, hi) that hold after ``if k < C then ... return end`` (no else)
    for an integer local k never assigned after its declaration, or None."""
    if type(stmt) is not lua.If or stmt.orelse is not None:
        return None
    tail = [x for x in stmt.body.body if not isinstance(x, (lua.SemiColon, lua.Label))]
    if not tail or type(tail[-1]) is not lua.Return:
        return None
    test = stmt.test
    kind = type(test)
    if kind not in _FLIPPED:
        return None
    left, right = test.left, test.right
    if type(left) is lua.Number and type(right) is lua.Name:
        left, right, kind = right, left, _FLIPPED[kind]
    if type(left) is not lua.Name or type(right) is not lua.Number or type(right.value) is not int:
        return None
    v = left.var
    if v is None or v.assigned or v.boxed or v.static_type != "int" or v.int_range is None:
        return None
    c = right.value
    # The test failed: the opposite holds.
    if kind is lua.LessThanOp:
        return v, c, MAXINT
    if kind is lua.LessOrEqThanOp:
        return v, c + 1, MAXINT
    if kind is lua.GreaterThanOp:
        return v, MININT, c
    return v, MININT, c - 1


def _stable(e: ast.expr) -> bool:
    """A constant or a variable: evaluating it later gives the same value unless
    the variable itself is assigned."""
    return isinstance(e, (ast.Constant, ast.Name))


def _dispatch():
    return {
        lua.LocalAssign: _local_assign,
        lua.Assign: _assign,
        lua.Do: _do,
        lua.If: _if,
        lua.ElseIf: _elseif,
        lua.While: _while,
        lua.Repeat: _repeat,
        lua.Break: _break,
        lua.Goto: _goto,
        lua.Label: _label,
        lua.SemiColon: _semicolon,
        lua.Return: _return,
        lua.Fornum: _fornum,
        lua.Forin: _forin,
    }


STATEMENT_HANDLERS = _dispatch()


# The other areas of this pass, imported last: they import this module too.
from . import calls, classes, expressions, fusion, wippy  # noqa: E402
from .arrays import is_local_array  # noqa: E402
from .types import MAXINT, MININT, nodes  # noqa: E402
