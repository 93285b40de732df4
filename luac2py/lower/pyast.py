"""Small constructors for Python AST nodes, so the lowering reads like the
code it emits."""

from __future__ import annotations

import ast


def name(ident: str, store: bool = False) -> ast.Name:
    return ast.Name(ident, ast.Store() if store else ast.Load())


def const(value) -> ast.Constant:
    return ast.Constant(value)


def attr(obj: ast.expr | str, field: str, store: bool = False) -> ast.Attribute:
    if isinstance(obj, str):
        obj = name(obj)
    return ast.Attribute(obj, field, ast.Store() if store else ast.Load())


def call(func: ast.expr | str, *args: ast.expr, keywords=None) -> ast.Call:
    if isinstance(func, str):
        func = name(func)
    return ast.Call(func, list(args), keywords or [])


def subscript(obj: ast.expr, key: ast.expr, store: bool = False) -> ast.Subscript:
    return ast.Subscript(obj, key, ast.Store() if store else ast.Load())


def tuple_(elts, store: bool = False) -> ast.Tuple:
    return ast.Tuple(list(elts), ast.Store() if store else ast.Load())


def assign(targets, value: ast.expr) -> ast.Assign:
    if not isinstance(targets, list):
        targets = [targets]
    return ast.Assign(targets, value, lineno=0)


def expr_stmt(e: ast.expr) -> ast.Expr:
    return ast.Expr(e)


def await_(e: ast.expr) -> ast.Await:
    return ast.Await(e)


def not_none(e: ast.expr) -> ast.Compare:
    return ast.Compare(e, [ast.IsNot()], [const(None)])


def all_of(tests: list) -> ast.expr:
    """``a and b and ...`` (the one test alone)."""
    return tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)


def any_of(tests: list) -> ast.expr:
    """``a or b or ...`` (the one test alone)."""
    return tests[0] if len(tests) == 1 else ast.BoolOp(ast.Or(), tests)


def type_is(e: ast.expr, type_name: str, negate: bool = False) -> ast.Compare:
    """``type(e) is type_name`` (``is not`` when negated): an inline type guard."""
    return ast.Compare(call("type", e), [ast.IsNot() if negate else ast.Is()], [name(type_name)])


def is_simple(e: ast.expr) -> bool:
    """Cheap and side-effect free to evaluate twice."""
    return isinstance(e, (ast.Name, ast.Constant))


def ast_list(elts) -> ast.List:
    return ast.List(list(elts), ast.Load())
