"""Expressions: literals, names, indexing, operators, tables, truth tests.

Plain Python operators are emitted only where static types prove they mean
what Lua means; otherwise a runtime helper (``add``, ``lt``, ``concat``, ...).
"""

from __future__ import annotations

import ast
import keyword

from luaparser import astnodes as lua

from . import pyast as P

_ARITH_HELPERS = {
    lua.AddOp: ("add", ast.Add),
    lua.SubOp: ("sub", ast.Sub),
    lua.MultOp: ("mul", ast.Mult),
    lua.FloatDivOp: ("div", None),
    lua.FloorDivOp: ("idiv", None),
    lua.ModOp: ("mod", None),
    lua.ExpoOp: ("power", None),
    lua.BAndOp: ("band", None),
    lua.BOrOp: ("bor", None),
    lua.BXorOp: ("bxor", None),
    lua.BShiftLOp: ("shl", None),
    lua.BShiftROp: ("shr", None),
}

_ORDER = {
    lua.LessThanOp: ("lt", ast.Lt, False),
    lua.LessOrEqThanOp: ("le", ast.LtE, False),
    lua.GreaterThanOp: ("lt", ast.Gt, True),
    lua.GreaterOrEqThanOp: ("le", ast.GtE, True),
}

NUMERIC = ("int", "float", "number")


class ExpressionsMixin:
    # --- static types (a small lattice: int float number string bool nil table) ---
    def static_type(self, e):
        t = type(e)
        if t is lua.Number:
            return "int" if isinstance(e.value, int) else "float"
        if t is lua.String:
            return "string"
        if t in (lua.TrueExpr, lua.FalseExpr) or isinstance(e, (lua.RelOp, lua.ULNotOp)):
            return "bool"
        if t is lua.Nil:
            return "nil"
        if t is lua.Table:
            return "table"
        if t is lua.Concat:
            # Strings and numbers concatenate to a string; anything else may
            # reach a __concat metamethod, which returns any value.
            operands = (self.static_type(e.left), self.static_type(e.right))
            return "string" if all(x in ("string", *NUMERIC) for x in operands) else None
        if t is lua.Name:
            v = getattr(e, "var", None)
            return getattr(v, "static_type", None) if v is not None else None
        if t in (lua.AddOp, lua.SubOp, lua.MultOp):
            a, b = self.static_type(e.left), self.static_type(e.right)
            if a == "float" and b in NUMERIC or b == "float" and a in NUMERIC:
                return "float"
            if a in NUMERIC and b in NUMERIC:
                return "number"
            return None
        if t is lua.FloatDivOp or t is lua.ExpoOp:
            if self.static_type(e.left) in NUMERIC and self.static_type(e.right) in NUMERIC:
                return "float"
        if t is lua.ULengthOP and self.static_type(e.operand) == "string":
            return "int"
        if t is lua.Call and self.is_select_count(e):
            return "int"
        if t is lua.AndLoOp or t is lua.OrLoOp:
            a, b = self.static_type(e.left), self.static_type(e.right)
            return a if a == b else None
        return None

    # --- entry points -------------------------------------------------------------
    def expr(self, e) -> ast.expr:
        """``e`` as exactly one value."""
        handler = self._expr_handlers.get(type(e))
        if handler is None:
            raise self.internal(e, f"unsupported expression {type(e).__name__}")
        node = handler(self, e)
        tok = getattr(e, "first_token", None)
        if tok is not None and not hasattr(node, "lua_line"):
            node.lua_line = tok.line  # errors inside multi-line statements point here
        return node

    def cond(self, e) -> ast.expr:
        """``e`` as a Python truth test with Lua's rules (only nil and false are false)."""
        t = type(e)
        if self.static_type(e) == "bool":
            if t is lua.AndLoOp:
                return ast.BoolOp(ast.And(), [self.cond(e.left), self.cond(e.right)])
            if t is lua.OrLoOp:
                return ast.BoolOp(ast.Or(), [self.cond(e.left), self.cond(e.right)])
            return self.expr(e)
        if t is lua.AndLoOp:
            return ast.BoolOp(ast.And(), [self.cond(e.left), self.cond(e.right)])
        if t is lua.OrLoOp:
            return ast.BoolOp(ast.Or(), [self.cond(e.left), self.cond(e.right)])
        if t is lua.ULNotOp:
            return ast.UnaryOp(ast.Not(), self.cond(e.operand))
        st = self.static_type(e)
        if st in ("table", "string", "int", "float", "number"):
            return P.const(True) if t in (lua.String, lua.Number, lua.Table) else P.not_none(self.expr(e))
        if st == "nil":
            return P.const(False)
        value = self.expr(e)
        if isinstance(value, ast.Name):
            return ast.BoolOp(
                ast.And(),
                [P.not_none(value), ast.Compare(value, [ast.IsNot()], [P.const(False)])],
            )
        return self.helper_call("truthy", value)

    # --- literals and names ----------------------------------------------------------
    def _nil(self, e):
        return P.const(None)

    def _true(self, e):
        return P.const(True)

    def _false(self, e):
        return P.const(False)

    def _number(self, e):
        v = e.value
        if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
            return P.call(P.name("float"), P.const(repr(v)))
        return P.const(v)

    def _string(self, e):
        return P.const(e.value)

    def _name(self, e):
        v = e.var
        if v is None:
            return self.global_ref(e.id)
        return self.var_load(v)

    def var_load(self, v) -> ast.expr:
        if v.boxed:
            return P.attr(P.name(v.py), "v")
        return P.name(v.py)

    def global_ref(self, ident: str) -> ast.expr:
        static = self.static_global(ident)
        if static is not None:
            return static
        return P.subscript(P.name("_ENV"), P.const(ident))

    def _dots(self, e):
        return self.helper_call("first", P.name("varargs"))

    # --- indexing ------------------------------------------------------------------
    def _index(self, e):
        key = self.index_key(e)
        obj = e.value
        # `string.format` and friends: the library function itself.
        if isinstance(obj, lua.Name) and obj.var is None and isinstance(key, ast.Constant):
            lib = self.static_library_field(obj.id, key.value)
            if lib is not None:
                return lib
        mod = self.module_of(obj)
        if mod is not None and isinstance(key, ast.Constant):
            return P.call("index", self.expr(obj), key)
        target = self.expr(obj)
        if isinstance(target, ast.Constant) or self.static_type(obj) == "string":
            # A string reads the string library; other literals fail (at run time).
            return self.helper_call("index", target, key)
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return P.subscript(target, key)
        if self.static_type(obj) == "table" and self.static_type(e.idx) in ("string", "int", "float", "number"):
            return P.subscript(target, key)
        return self.helper_call("index", target, key)

    def index_key(self, e) -> ast.expr:
        if e.notation == lua.IndexNotation.DOT:
            return P.const(e.idx.id)
        return self.expr(e.idx)

    # --- operators -------------------------------------------------------------------
    def _arith(self, e):
        helper, pyop = _ARITH_HELPERS[type(e)]
        left, right = self.expr(e.left), self.expr(e.right)
        if pyop is not None:
            a, b = self.static_type(e.left), self.static_type(e.right)
            # Floats never wrap: a float operand makes the Python operator exact.
            if (a == "float" and b in NUMERIC) or (b == "float" and a in NUMERIC):
                return ast.BinOp(left, pyop(), right)
        return self.helper_call(helper, left, right)

    def _compare_eq(self, e, negate=False):
        left, right = e.left, e.right
        if isinstance(right, lua.Nil) or isinstance(left, lua.Nil):
            other = left if isinstance(right, lua.Nil) else right
            op = ast.IsNot() if negate else ast.Is()
            return ast.Compare(self.expr(other), [op], [P.const(None)])
        a, b = self.static_type(left), self.static_type(right)
        plain = (
            a == "string"
            or b == "string"
            or (a in NUMERIC and b in NUMERIC)
            or (a == "table" and b == "table")
        )
        l, r = self.expr(left), self.expr(right)
        if plain:
            return ast.Compare(l, [ast.NotEq() if negate else ast.Eq()], [r])
        test = self.helper_call("eq", l, r)
        return ast.UnaryOp(ast.Not(), test) if negate else test

    def _eq(self, e):
        return self._compare_eq(e)

    def _ne(self, e):
        return self._compare_eq(e, negate=True)

    def _order(self, e):
        helper, pyop, swapped = _ORDER[type(e)]
        a, b = self.static_type(e.left), self.static_type(e.right)
        l, r = self.expr(e.left), self.expr(e.right)
        if (a in NUMERIC and b in NUMERIC) or (a == "string" and b == "string"):
            return ast.Compare(l, [pyop()], [r])
        if swapped:
            return self.helper_call("gt" if helper == "lt" else "ge", l, r)
        return self.helper_call(helper, l, r)

    def _concat(self, e):
        # `a .. b .. c` is right-nested; a parenthesized operand stays one part.
        parts = [e.left]
        node = e.right
        while isinstance(node, lua.Concat) and not node.wrapped:
            parts.append(node.left)
            node = node.right
        parts.append(node)
        if all(self.static_type(p) == "string" for p in parts):
            out = self.expr(parts[0])
            for p in parts[1:]:
                out = ast.BinOp(out, ast.Add(), self.expr(p))
            return out
        return self.helper_call("concat", *[self.expr(p) for p in parts])

    def _and(self, e):
        return self._logical(e, is_and=True)

    def _or(self, e):
        return self._logical(e, is_and=False)

    def _logical(self, e, is_and):
        if self.static_type(e.left) == "bool":
            op = ast.And() if is_and else ast.Or()
            return ast.BoolOp(op, [self.expr(e.left), self.expr(e.right)])
        left = self.expr(e.left)
        right = self.expr(e.right)
        if P.is_simple(left):
            test_target = left
            value = left
        else:
            tmp = self.temp()
            test_target = ast.NamedExpr(P.name(tmp, store=True), left)
            value = P.name(tmp)
        test = self.helper_call("truthy", test_target)
        if is_and:
            return ast.IfExp(test, right, value)
        return ast.IfExp(test, value, right)

    def _not(self, e):
        return ast.UnaryOp(ast.Not(), self.cond(e.operand))

    def _unm(self, e):
        if self.static_type(e.operand) == "float":
            return ast.UnaryOp(ast.USub(), self.expr(e.operand))
        if isinstance(e.operand, lua.Number) and e.operand.value != -(2**63):
            v = e.operand.value
            if isinstance(v, int) and v <= 2**63 - 1:
                return P.const(-v)
        return self.helper_call("unm", self.expr(e.operand))

    def _len(self, e):
        if self.static_type(e.operand) == "string":
            return P.call("len", self.expr(e.operand))
        return self.helper_call("length", self.expr(e.operand))

    def _bnot(self, e):
        return self.helper_call("bnot", self.expr(e.operand))

    # --- tables ----------------------------------------------------------------------
    def _table(self, e):
        seq: list[ast.expr] = []
        keys: list[ast.expr] = []
        values: list[ast.expr] = []
        fields = e.fields
        for i, f in enumerate(fields):
            if getattr(f, "key", None) is None:
                last = i == len(fields) - 1
                if last and self.is_multi(f.value):
                    seq.append(ast.Starred(self.multi(f.value), ast.Load()))
                else:
                    seq.append(self.expr(f.value))
                continue
            if not f.between_brackets and isinstance(f.key, lua.Name):
                keys.append(P.const(f.key.id))
            else:
                keys.append(self.expr(f.key))
            values.append(self.expr(f.value))
        names = [k.value for k in keys if isinstance(k, ast.Constant) and type(k.value) is str]
        if len(names) == len(keys) and len(set(names)) == len(names) and all(_is_keyword_arg(n) for n in names):
            # All distinct identifiers: `Table(x=1, y=2)`.
            args = [P.tuple_(seq)] if seq else []
            kw = [ast.keyword(k, v) for k, v in zip(names, values)]
            return P.call("Table", *args, keywords=kw)
        args = [P.tuple_(seq)]
        if not all(isinstance(k, ast.Constant) and type(k.value) is not bool for k in keys) and len(keys) > 1:
            # Keys Python may merge (true and 1): pairs, not a dict literal.
            args.append(P.ast_list(P.tuple_([k, v]) for k, v in zip(keys, values)))
        elif keys:
            args.append(ast.Dict(keys, values))
        return P.call("Table", *args)

    def _function_expr(self, e):
        return P.name(self.function_def(e, e.scope, self.function_name_hint(e)))


def _is_keyword_arg(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name)


def _dispatch():
    m = ExpressionsMixin
    table = {
        lua.Nil: m._nil,
        lua.TrueExpr: m._true,
        lua.FalseExpr: m._false,
        lua.Number: m._number,
        lua.String: m._string,
        lua.Name: m._name,
        lua.Dots: m._dots,
        lua.Varargs: m._dots,
        lua.Index: m._index,
        lua.EqToOp: m._eq,
        lua.NotEqToOp: m._ne,
        lua.Concat: m._concat,
        lua.AndLoOp: m._and,
        lua.OrLoOp: m._or,
        lua.ULNotOp: m._not,
        lua.UMinusOp: m._unm,
        lua.ULengthOP: m._len,
        lua.UBNotOp: m._bnot,
        lua.Table: m._table,
        lua.AnonymousFunction: m._function_expr,
    }
    for cls in _ARITH_HELPERS:
        table[cls] = m._arith
    for cls in _ORDER:
        table[cls] = m._order
    return table


EXPRESSION_HANDLERS = _dispatch()
