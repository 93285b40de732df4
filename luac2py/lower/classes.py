"""Sealed classes: Lua's class idiom compiled to direct calls.

    local Account = {}
    Account.__index = Account
    function Account.new(owner) return setmetatable({owner = owner}, Account) end
    function Account:deposit(v) self.balance = self.balance + v end

A chunk-level local table is *sealed* when the program provably never
changes it after its definition, so that ``Account.new(...)`` is a call of
the known function and ``a:deposit(v)`` on an object whose metatable is
``Account`` (and that has no ``deposit`` of its own) calls the known method:

- It is declared at the chunk's top level by ``local C = {...}`` or
  ``local C = setmetatable({...}, M)``, and every store into it is a
  top-level statement of its *definition*: ``C.k = v``, ``function C.k()``,
  ``function C:k()``, ``setmetatable(C, M)``. From its declaration to its last
  store, the chunk runs no code: only such statements, ``local`` and
  function definitions of literals, names, constructors and function
  literals (no call, operator or index read that a metamethod could turn into
  a call). So no method runs before the class is complete.
- It never escapes: its name is only indexed, passed as ``setmetatable``'s
  metatable, or stored as ``__index`` of a sealed table or of a metatable
  constructor given to ``setmetatable``. The chunk names nothing that hands
  out metatables or other chunks' code (``getmetatable``, ``debug``, ``_G``,
  ``load``, ``require`` of a non-Wippy module, ...) and has no top-level
  label (a backward ``goto`` would define it again).
- Reading ``__index`` (``obj.__index``, or ``obj[k]`` with a key that may be
  a string) can still reach a class through an object. If the chunk does so,
  it must also store nothing that could change a class (a constant key that a
  class defines, a key that may be a string, ``rawset``, ``setmetatable`` on
  anything but a fresh constructor), outside tables local to a function.

Generated code still stores the fields (``Account["deposit"] = deposit``), so
the tables are what Lua sees; only the lookups are resolved at compile time.
A method call keeps a run-time test of the object (``type(a) is MetaTable and
a.meta is Account and "deposit" not in a``) and the general path beside it.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field

from luaparser import astnodes as lua

from ..resolve import Var
from . import pyast as P
from ..runtime.wippy.registry import callable_modules

# Globals through which code could reach a class table or change one unseen.
_LEAKING_GLOBALS = {
    "getmetatable",
    "debug",
    "_G",
    "_ENV",
    "load",
    "loadstring",
    "dofile",
    "loadfile",
    "package",
    "rawset",
}
_HOST_GLOBALS = {"errors", "require"}  # Wippy globals (require: checked apart, below)
_LITERALS = (lua.Nil, lua.TrueExpr, lua.FalseExpr, lua.Number, lua.String, lua.AnonymousFunction, lua.Varargs, lua.Dots)
_NUMERIC = ("int", "float", "number")
_FUNCTIONS = (lua.Function, lua.Method, lua.AnonymousFunction)
_CHAIN_LIMIT = 16
_NIL = object()  # a lookup's result: no value
_UNKNOWN_META = object()  # a metatable expression that is no class or constructor
_MAX_GUARDS = 4  # metatables tested at one method call
_MAX_COPIED_ARGS = 60  # AST nodes of arguments written out once per path


@dataclass(eq=False)
class ClassTable:
    """A sealed table (``var``) or a metatable constructor (``var`` None), with
    its fields as its definition leaves them (key -> value node)."""

    var: Var | None
    decl: int = -1  # index of the declaring top-level statement
    last: int = -1  # index of the last top-level statement that stores into it
    fields: dict = field(default_factory=dict)
    meta: "ClassTable | None | object" = None  # a ClassTable, None (no metatable) or _UNKNOWN_META
    functions: dict = field(default_factory=dict)  # key -> Var naming the def of a function field
    mutable: set = field(default_factory=set)  # keys stored by code in functions (`C.count = C.count + 1`)


def _key(e, bracketed: bool = True) -> str | None:
    """The string constant a key expression is, if any."""
    if type(e) is lua.String:
        return e.value
    if type(e) is lua.Name and not bracketed:
        return e.id
    return None


def _index_key(index) -> str | None:
    if index.notation == lua.IndexNotation.DOT:
        return index.idx.id
    return _key(index.idx)


@dataclass
class Sealed:
    """What the lowering needs: the sealed classes by Var, those given to
    ``setmetatable`` as a metatable, and the top-level statement of each node
    (a method call can test only classes declared before it)."""

    classes: dict = field(default_factory=dict)
    metatables: list = field(default_factory=list)
    position: dict = field(default_factory=dict)  # id(node) -> index of its top-level statement


class _Chunk:
    """The facts of one chunk the analysis works on."""

    def __init__(self, cx, chunk):
        self.cx = cx
        self.top = list(chunk.body.body)
        self.all = list(nodes(chunk))
        self.position = {id(n): i for i, s in enumerate(self.top) for n in nodes(s)}
        self.store_targets: set[int] = set()  # ids of Index nodes stored into
        self.compared: set[int] = set()  # ids of `getmetatable` Names whose result is only compared
        self.defining: set[int] = set()  # ids of the top-level statements that define classes (_define)
        for n in self.all:
            t = type(n)
            if t is lua.Assign:
                self.store_targets.update(id(x) for x in n.targets if type(x) is lua.Index)
            elif t is lua.Function and type(n.name) is lua.Index:
                self.store_targets.add(id(n.name))
            elif t is lua.EqToOp or t is lua.NotEqToOp:
                for side in (n.left, n.right):
                    f = getattr(side, "func", None)
                    if type(side) is lua.Call and type(f) is lua.Name and f.var is None and f.id == "getmetatable":
                        self.compared.add(id(f))  # (`getmetatable(o) == C` hands out nothing)

    def is_setmetatable(self, e) -> bool:
        f = getattr(e, "func", None)
        return (
            type(e) is lua.Call
            and type(f) is lua.Name
            and f.var is None
            and f.id == "setmetatable"
            and len(e.args) == 2
            and self.cx.static_global("setmetatable") is not None
        )


def find_sealed_classes(cx, chunk, root_scope) -> Sealed:
    """``Var.sealed`` (a ClassTable) for each sealed class. Function fields get a
    ``Var`` of their own (``node.sealed_var``), the Python name of their ``def``."""
    unit = cx.unit
    if unit.env_as_value or unit.uses_debug or cx.static_global("setmetatable") is None:
        return Sealed()
    c = _Chunk(cx, chunk)
    if any(type(s) in (lua.Label, lua.Goto) for s in c.top) or _leaks_by_name(c):
        return Sealed()
    classes = _candidates(c)
    while classes:
        _define(c, classes)
        dropped = _not_sealed(c, classes)
        if not dropped:
            break
        for v in dropped:
            del classes[v]
    classes = _with_methods(classes)
    if classes and _may_reach_classes(c, classes) and _may_change_classes(c, classes):
        classes = {}
    for v, table in classes.items():
        v.sealed = table
        for key, value in table.fields.items():
            if type(value) in _FUNCTIONS and getattr(value, "scope", None) is not None:
                fv = Var(key, root_scope, block=id(value), in_loop=False, line=v.line)  # (own block: never reused)
                fv.is_function = True
                fv.function_scope = value.scope
                value.sealed_var = fv
                table.functions[key] = fv
    metatables = {n.args[1].var for n in c.all if c.is_setmetatable(n) and type(n.args[1]) is lua.Name}
    return Sealed(classes, [v for v in classes if v in metatables], c.position)


def _with_methods(classes: dict) -> dict:
    """The classes with a function or an ``__index`` field, and those their
    lookups go through; the rest are data, and need no facts."""
    kept = {
        v
        for v, table in classes.items()
        if "__index" in table.fields or any(type(value) in _FUNCTIONS for value in table.fields.values())
    }
    stack = list(kept)
    while stack:
        table = classes[stack.pop()]
        linked = [table.fields.get("__index")]
        if isinstance(table.meta, ClassTable):
            linked.append(table.meta.var)
            linked.append(table.meta.fields.get("__index"))
        for x in linked:
            v = x if isinstance(x, Var) else getattr(x, "var", None) if type(x) is lua.Name else None
            if v in classes and v not in kept:
                kept.add(v)
                stack.append(v)
    return {v: classes[v] for v in classes if v in kept}


def _leaks_by_name(c: _Chunk) -> bool:
    """Whether the chunk names what could hand a class to code the analysis
    cannot see; in an app, that includes functions of other chunks (globals
    not from the standard library)."""
    cx = c.cx
    for n in c.all:
        if cx.role != "script" and type(n) is lua.Call:
            f = n.func.value if type(n.func) is lua.Index else n.func
            if type(f) is lua.Name and f.var is None and f.id not in _HOST_GLOBALS:
                if cx.static_global(f.id) is None:
                    return True
        if type(n) is lua.Name and getattr(n, "var", None) is None and n.id in _LEAKING_GLOBALS:
            if id(n) not in c.compared:
                return True
        if type(n) is lua.Call and type(n.func) is lua.Name and n.func.var is None and n.func.id == "require":
            arg = n.args[0] if len(n.args) == 1 else None
            if type(arg) is not lua.String or arg.value not in callable_modules():
                return True
    return False


def _candidates(c: _Chunk) -> dict:
    classes = {}
    for i, s in enumerate(c.top):
        if type(s) is not lua.LocalAssign or len(s.targets) != 1 or len(s.values or []) != 1:
            continue
        v = s.targets[0].var
        if v.assigned or v.boxed or v.attrib is not None:
            continue
        value = s.values[0]
        ctor = value if type(value) is lua.Table else value.args[0] if c.is_setmetatable(value) else None
        if type(ctor) is lua.Table and _constructor_fields(ctor) is not None:
            classes[v] = ClassTable(v, decl=i, last=i)
    return classes


def _constructor_fields(table) -> dict | None:
    """A constructor's string-keyed fields, or None if it has others."""
    out = {}
    for f in table.fields:
        key = _key(f.key, f.between_brackets) if f.key is not None else None
        if key is None:
            return None
        if type(f.value) is lua.Nil:
            out.pop(key, None)
        else:
            out[key] = f.value
    return out


def _define(c: _Chunk, classes: dict) -> None:
    """Each class's fields, metatable and last defining statement, from its
    declaration and the top-level stores into it (other stores are escapes,
    found by _not_sealed)."""
    for table in classes.values():
        s = c.top[table.decl]
        value = s.values[0]
        ctor = value if type(value) is lua.Table else value.args[0]
        table.fields = _constructor_fields(ctor)
        table.meta = _meta(classes, value.args[1]) if type(value) is lua.Call else None
        table.last = table.decl
    c.defining = defining = set()
    for i, s in enumerate(c.top):
        table, key, value = _top_level_store(c, classes, s)
        if table is None or i < table.decl:
            continue
        defining.add(id(s))
        table.last = i
        if key == "\0meta":
            table.meta = _meta(classes, value)
        elif type(value) is lua.Nil:
            table.fields.pop(key, None)
        else:
            table.fields[key] = value
    for table in classes.values():
        table.mutable = set()
    for n in c.all:
        if id(n) not in defining:
            for target in _stored_fields(n):
                if type(target.value) is lua.Name and target.value.var in classes:
                    classes[target.value.var].mutable.add(_index_key(target))


def _stored_fields(n) -> list:
    """The Index targets a statement stores into (a method definition's as one)."""
    t = type(n)
    if t is lua.Assign:
        return [x for x in n.targets if type(x) is lua.Index]
    if t is lua.Function and type(n.name) is lua.Index:
        return [n.name]
    if t is lua.Method:
        return [lua.Index(n.name, n.source, lua.IndexNotation.DOT)]
    return []


def _meta(classes: dict, e):
    """The ClassTable a metatable expression stands for, else an unknown marker."""
    if type(e) is lua.Name and e.var in classes:
        return classes[e.var]
    if type(e) is lua.Table:
        fields = _constructor_fields(e)
        if fields is not None:
            return ClassTable(None, fields=fields)
    return _UNKNOWN_META


def _top_level_store(c: _Chunk, classes: dict, s):
    """(class, key, value) for a top-level statement that defines a field of a
    class (key "\\0meta": its metatable), else (None, None, None)."""
    t = type(s)
    if t is lua.Assign and len(s.targets) == 1 and len(s.values or []) == 1:
        target = s.targets[0]
        if type(target) is lua.Index and type(target.value) is lua.Name and target.value.var in classes:
            key = _index_key(target)
            if key is not None:
                return classes[target.value.var], key, s.values[0]
    elif t is lua.Function and type(s.name) is lua.Index:
        target = s.name
        if type(target.value) is lua.Name and target.value.var in classes:
            key = _index_key(target)
            if key is not None:
                return classes[target.value.var], key, s
    elif t is lua.Method and type(s.source) is lua.Name and s.source.var in classes:
        return classes[s.source.var], s.name.id, s
    elif c.is_setmetatable(s) and type(s.args[0]) is lua.Name and s.args[0].var in classes:
        return classes[s.args[0].var], "\0meta", s.args[1]
    return None, None, None


def _inert(c: _Chunk, classes: dict, e) -> bool:
    """An expression whose evaluation runs no code (no call, no metamethod)."""
    t = type(e)
    if t in _LITERALS or t is lua.Name:
        return True
    if t is lua.Table:
        return all((f.key is None or _inert(c, classes, f.key)) and _inert(c, classes, f.value) for f in e.fields)
    if c.is_setmetatable(e):
        # A fresh table has no protected metatable: setmetatable only sets it.
        return type(e.args[0]) is lua.Table and _inert(c, classes, e.args[0]) and _inert(c, classes, e.args[1])
    return False


def _inert_statement(c: _Chunk, classes: dict, s) -> bool:
    t = type(s)
    if t is lua.SemiColon or t is lua.LocalFunction:
        return True
    if t is lua.LocalAssign:
        return not any(getattr(x, "attrib", None) for x in s.targets) and all(
            _inert(c, classes, v) for v in s.values or []
        )
    if t is lua.Function:
        return type(s.name) is lua.Name or _top_level_store(c, classes, s)[0] is not None
    if t is lua.Method:
        return _top_level_store(c, classes, s)[0] is not None
    if t is lua.Assign:
        if _top_level_store(c, classes, s)[0] is not None:
            return _inert(c, classes, s.values[0])
        # Locals and globals (no `_ENV` metatable: _leaks_by_name) take values raw.
        return all(type(x) is lua.Name for x in s.targets) and all(_inert(c, classes, v) for v in s.values or [])
    if c.is_setmetatable(s):
        return _top_level_store(c, classes, s)[0] is not None and _inert(c, classes, s.args[1])
    return False


def _not_sealed(c: _Chunk, classes: dict) -> set:
    """The classes whose definition runs code, whose metatable is unknown or
    catches stores, or that escape."""
    dropped = set()
    for v, table in classes.items():
        meta = table.meta
        if meta is _UNKNOWN_META:
            dropped.add(v)
            continue
        if meta is not None:
            # Its metatable must run no code with it: no __newindex, and an
            # __index that is a class (a function would get the class itself).
            handler = meta.fields.get("__index")
            if "__newindex" in meta.fields or not (handler is None or _names_class(classes, handler)):
                dropped.add(v)
                continue
        if any(not _inert_statement(c, classes, c.top[i]) for i in range(table.decl, table.last + 1)):
            dropped.add(v)
        # Code may change data fields (a counter); not a method, a metamethod or a key it cannot name.
        for key in table.mutable:
            if key is None or key.startswith("__") or type(table.fields.get(key)) in _FUNCTIONS:
                dropped.add(v)
    allowed = _allowed_uses(c, classes)
    for n in c.all:
        if type(n) is lua.Name and getattr(n, "var", None) in classes and id(n) not in allowed:
            dropped.add(n.var)
    # A class stored other than as `__index` escapes as data.
    for table in classes.values():
        for key, value in table.fields.items():
            if key != "__index" and type(value) is lua.Name and value.var in classes:
                dropped.add(value.var)
    return dropped


def _names_class(classes: dict, e) -> bool:
    return type(e) is lua.Name and e.var in classes


def _allowed_uses(c: _Chunk, classes: dict) -> set:
    """Ids of the Name nodes of classes used in ways that keep them sealed."""
    allowed = set()
    defining = c.defining
    top = {id(s) for s in c.top}

    def meta_use(e):
        if type(e) is lua.Name:
            allowed.add(id(e))
        elif type(e) is lua.Table:
            for f in e.fields:
                if type(f.value) is lua.Name and _key(f.key, f.between_brackets) == "__index":
                    allowed.add(id(f.value))

    comparable = _metatables_known(c, classes)
    for n in c.all:
        t = type(n)
        if (t is lua.EqToOp or t is lua.NotEqToOp) and comparable:
            for side, other in ((n.left, n.right), (n.right, n.left)):
                if type(side) is lua.Name and id(getattr(other, "func", None)) in c.compared:
                    allowed.add(id(side))  # `getmetatable(o) == C`
        if t is lua.LocalAssign and id(n) in top:
            allowed.update(id(x) for x in n.targets)
        elif t is lua.Index and type(n.value) is lua.Name:
            allowed.add(id(n.value))  # a read, or a store: top-level or of a data field (_define)
        elif t is lua.Method and id(n) not in defining and type(n.source) is lua.Name:
            allowed.add(id(n.source))  # (a method defined in a function: a mutable key)
        elif c.is_setmetatable(n):
            meta_use(n.args[1])
        if id(n) in defining:
            if t is lua.Assign:
                allowed.add(id(n.targets[0].value))
                if _index_key(n.targets[0]) == "__index" and type(n.values[0]) is lua.Name:
                    allowed.add(id(n.values[0]))
            elif t is lua.Function:
                allowed.add(id(n.name.value))
            elif t is lua.Method:
                allowed.add(id(n.source))
            else:  # setmetatable(C, M)
                allowed.add(id(n.args[0]))
    return allowed


def _metatables_known(c: _Chunk, classes: dict) -> bool:
    """Whether ``getmetatable(o) == C`` compares without running code: every
    metatable is a class or a constructor given to ``setmetatable`` (none
    with ``__metatable``), and no class has a metatable with ``__eq``."""
    for n in c.all:
        if c.is_setmetatable(n):
            m = n.args[1]
            if type(m) is lua.Table:
                if "__metatable" in (_constructor_fields(m) or {"__metatable": None}):
                    return False
            elif type(m) is not lua.Name or m.var not in classes:
                return False
    for table in classes.values():
        if "__metatable" in table.fields or (isinstance(table.meta, ClassTable) and "__eq" in table.meta.fields):
            return False
    return True


def _may_reach_classes(c: _Chunk, classes: dict) -> bool:
    """Whether code may get a class table from an object: a read of a key under
    which some class holds a class (``__index``), or of a key that may be a string."""
    keys = {
        key
        for table in _tables(classes)
        for key, value in table.fields.items()
        if type(value) is lua.Name and value.var in classes
    }
    for n in c.all:
        if type(n) is lua.Invoke and n.func.id in keys:
            return True  # (`obj:__index()` calls a class)
        if type(n) is lua.Index and id(n) not in c.store_targets:
            key = _index_key(n)
            if key in keys or (key is None and expressions.static_type(c.cx, n.idx) not in _NUMERIC):
                return True
    return False


def _may_change_classes(c: _Chunk, classes: dict) -> bool:
    """Whether code outside the definitions may store into a table that could be
    a class: a key some class (or its metatable) defines, a key that may be a
    string, or a metatable set on anything but a fresh constructor."""
    keys = {key for table in _tables(classes) for key in table.fields if key not in table.mutable}
    cx = c.cx
    for n in c.all:
        if id(n) in c.defining:
            continue
        if c.is_setmetatable(n) and type(n.args[0]) is not lua.Table:
            return True
        for x in _stored_fields(n):
            if expressions.is_plain_table(cx, x.value):
                continue  # a local table that never escapes is no class
            key = _index_key(x)
            if key in keys or (key is None and expressions.static_type(cx, x.idx) not in _NUMERIC):
                return True
    return False


def _tables(classes: dict):
    for table in classes.values():
        yield table
        if isinstance(table.meta, ClassTable) and table.meta.var is None:
            yield table.meta


def lookup(classes: dict, table: ClassTable, key: str):
    """What ``C[key]`` gives once the definitions have run: a value node,
    _NIL, or None when it cannot be known here (a function ``__index``)."""
    for _ in range(_CHAIN_LIMIT):
        if key in table.mutable:
            return None
        if key in table.fields:
            return table.fields[key]
        meta = table.meta
        if meta is None:
            return _NIL
        handler = meta.fields.get("__index")
        if handler is None:
            return _NIL
        if type(handler) is not lua.Name or handler.var not in classes:
            return None
        table = classes[handler.var]
    return None


def _enclosing_scopes(scope, root):
    while scope is not None and scope is not root:
        yield scope
        scope = scope.parent


def mark_direct_references(cx, classes: dict, root) -> None:
    """Add the classes and defs a direct call names to ``FuncScope.free`` of the
    functions around it, so their own locals do not take those Python names."""
    if not classes:
        return
    from ..analyse import all_scopes

    for scope in all_scopes(root):
        needed = set()
        for call in scope.calls:
            if type(call) is lua.Invoke:
                for fv, metas in method_targets(cx, call):
                    needed.add(fv)
                    needed.update(metas)
            elif type(call) is lua.Call:
                fv = sealed_callee(cx, call.func)
                if fv is not None:
                    needed.add(fv)
        for s in _enclosing_scopes(scope, root):
            s.free |= needed


class_facts = Sealed()  # (find_classes)


def find_classes(cx, chunk, scope) -> None:
    cx.class_facts = find_sealed_classes(cx, chunk, scope)
    mark_direct_references(cx, cx.class_facts.classes, scope)


def declare_class_functions(cx, v) -> None:
    """At a class's ``local``: the Python names of its function fields."""
    table = v.sealed if v is not None else None
    if table is not None:
        for fv in table.functions.values():
            cx.names.declare(fv)


def sealed_callee(cx, f) -> Var | None:
    """The def a call of ``C.k`` calls, for a sealed class C."""
    if type(f) is not lua.Index or type(f.value) is not lua.Name:
        return None
    classes = cx.class_facts.classes
    table = classes.get(f.value.var) if f.value.var is not None else None
    key = _index_key(f) if table is not None else None
    if key is None:
        return None
    value = lookup(classes, table, key)
    return getattr(value, "sealed_var", None) if value is not None and value is not _NIL else None


def method_targets(cx, e) -> list:
    """For ``obj:k(...)``: [(def Var, [metatable Vars])], the method each
    sealed metatable in scope gives objects without a ``k`` of their own."""
    classes = cx.class_facts.classes
    where = cx.class_facts.position.get(id(e), -1)
    groups: dict = {}
    for mv in cx.class_facts.metatables:
        table = classes[mv]
        if table.decl >= where:
            continue  # (not yet declared there)
        handler = table.fields.get("__index")
        if type(handler) is not lua.Name or handler.var not in classes:
            continue
        value = lookup(classes, classes[handler.var], e.func.id)
        fv = getattr(value, "sealed_var", None) if value is not None and value is not _NIL else None
        if fv is not None:
            groups.setdefault(fv, []).append(mv)
    if sum(len(m) for m in groups.values()) > _MAX_GUARDS:
        return []
    return list(groups.items())


# --- lowering -------------------------------------------------------------------
def new_instance(cx, e) -> ast.expr | None:
    """``setmetatable({...}, C)`` for a sealed class C, as a statement's whole
    value: the constructor is a MetaTable at once and gets its metatable
    in statements before (C is a table, the constructor fresh: nothing to
    check); its possibly-nil values purged. Else None (or, for a
    constructor that is no MetaTable at once, ``new_object``)."""
    if not (
        type(e) is lua.Call
        and type(e.func) is lua.Name
        and e.func.var is None
        and e.func.id == "setmetatable"
        and len(e.args) == 2
        and type(e.args[0]) is lua.Table
        and _names_class(cx.class_facts.classes, e.args[1])
        and cx.static_global("setmetatable") is not None
    ):
        return None
    made = calls.new_object(cx, e.args[0], e.args[1])  # lua.new_object(MetaTable(...), C, nils)
    table, meta, nils = made.args
    if not (isinstance(table, ast.Call) and isinstance(table.func, ast.Name) and table.func.id == "MetaTable"):
        return made  # (a constructor with positional items: Table.of)
    tmp = cx.temp()
    cx.pre.append(P.assign(P.name(tmp, store=True), table))
    purge = P.expr_stmt(cx.helper_call("drop_nils", P.name(tmp)))
    if not isinstance(nils, ast.Constant):
        cx.pre.append(ast.If(nils, [purge], []))
    elif nils.value:
        cx.pre.append(purge)
    cx.pre.append(P.assign(P.attr(P.name(tmp), "meta", store=True), meta))
    return P.name(tmp)


def _class_guard(cx, obj: ast.expr, again: ast.expr, metas: list, name: str) -> ast.expr:
    is_meta = [ast.Compare(P.attr(again, "meta"), [ast.Is()], [P.name(m.py)]) for m in metas]
    return P.all_of(
        [
            P.type_is(obj, "MetaTable"),
            P.any_of(is_meta),
            ast.Compare(P.const(name), [ast.NotIn()], [again]),
        ]
    )


def _direct_call(cx, fv: Var, obj: ast.expr, args: list, single: bool) -> ast.expr:
    call = P.call(P.name(fv.py), obj, *copy.deepcopy(args))
    if fv.function_scope.is_async:
        call = P.await_(call)
    if single and fv.function_scope.return_count != 1:
        call = cx.helper_call("first", call)
    return call


def _general_invoke(cx, again, name: str, args: list, single: bool) -> ast.expr:
    if cx.in_async():
        call = P.await_(cx.helper_call("ainvoke", again, P.const(name), *args))
    else:
        call = P.call(cx.helper_call("method", again, P.const(name)), again, *args)
    return cx.helper_call("first", call) if single else call


def sealed_invoke(cx, e, single: bool) -> ast.expr | None:
    """``obj:k(args)`` as direct calls of the methods of sealed classes, each
    behind a test of the object, and the general call (``single``: as one value)."""
    targets = method_targets(cx, e)
    if not targets:
        return None
    cx.use_import("luac2py.runtime", "MetaTable")
    obj, again = expressions.bind_operand(cx, expressions.expr(cx, e.source))
    args = calls.arglist(cx, e.args)
    name = e.func.id
    if not cx.in_async() and sum(1 for a in args for _ in ast.walk(a)) > _MAX_COPIED_ARGS:
        return _selected_invoke(cx, e, targets, obj, again, args, single)
    out = _general_invoke(cx, again, name, args, single)
    for i, (fv, metas) in enumerate(reversed(targets)):
        test_obj = obj if i == len(targets) - 1 else again
        out = ast.IfExp(_class_guard(cx, test_obj, again, metas, name), _direct_call(cx, fv, again, args, single), out)
    return out


def _selected_invoke(cx, e, targets, obj, again, args, single) -> ast.expr:
    """With long arguments: ``(deposit if <test> else method(o, "deposit"))(o, args)``."""
    name = e.func.id
    chosen = cx.helper_call("method", again, P.const(name))
    for i, (fv, metas) in enumerate(reversed(targets)):
        test_obj = obj if i == len(targets) - 1 else again
        chosen = ast.IfExp(_class_guard(cx, test_obj, again, metas, name), P.name(fv.py), chosen)
    call = P.call(chosen, again, *args)
    return cx.helper_call("first", call) if single else call


# The other areas of this pass, imported last: they import this module too.
from . import calls, expressions  # noqa: E402
from .types import nodes  # noqa: E402
