"""Pass 3b: ``require`` of a literal name against each entry's module rules.

One source file often serves several entries, each with its own ``modules:``
and ``imports:``. An entry may ``require`` what it lists, what it imports and
the always-available names (``registry.UNLISTED``). Another name is judged
where the require can run for that entry:

| code | where                                                        |
|------|--------------------------------------------------------------|
| E031 | the file's top level: it runs whenever the entry loads       |
| W031 | a function the entry's method can reach: it fails, naming    |
|      | the module, if that code runs                                |
|      | a function only other entries reach: nothing                 |

Reachability is approximated from above. A function is bound to the local,
global or field it is assigned to, directly or through names
(``{main = main}``). The method's functions are those bound to a field of
its name anywhere in the file (or the function the file returns); a function reaches every function bound to a local or global it
names, and to a field whose name it uses (``x.f``, ``x:f()``, ``x["f"]``,
any string literal), and every function written inside it that is not bound
to a name; a computed key (``x[k]``) reaches every field's function, and
metamethods (``__index``, ``__add``, ...) are always reachable. The top level
reaches what it calls or passes to a call. An entry loaded through
``imports:`` (a library) may have any of its functions called: all of them
are reachable, as they are when no function has the method's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from luaparser import astnodes as lua
from luaparser.ast import walk

from .diagnostics import Diagnostics
from .load import WORKFLOW_FORBIDDEN_MODULES
from .resolve import FUNCTION_NODES, node_line
from .runtime.wippy.registry import UNLISTED


@dataclass(frozen=True)
class EntryRules:
    """What one entry may require, and how its code in this file runs."""

    id: str
    method: str | None  # None: loaded through imports, so anything it returns may be called
    modules: frozenset[str]
    imports: frozenset[str]  # the aliases
    yaml_file: str  # where the entry is written, for the hint


ANY_FIELD = ("field", None)


@dataclass(eq=False)
class _Function:
    node: object
    refs: set = field(default_factory=set)  # binding keys it names
    nested: list = field(default_factory=list)  # functions written inside it, bound to no name


def check_requires(chunk, file: str, text: str, role: str, entries: list[EntryRules], diags: Diagnostics) -> None:
    """E031 / W031 for each entry sharing this file (compiled in ``role``)."""
    owners = _owners(chunk)
    requires = _literal_requires(chunk, owners)
    if not requires:
        return
    graph = _Graph(chunk, owners)
    lines = text.split("\n")
    for entry in entries:
        allowed = UNLISTED | entry.modules | entry.imports
        reachable = None if entry.method is None else graph.reachable(entry.method)
        for node, module, owner in requires:
            if module in allowed or (role == "workflow" and module in WORKFLOW_FORBIDDEN_MODULES):
                continue  # a forbidden one is check_determinism's (E046), with its own hint
            line = node_line(node, 1)
            # luaparser keeps no token for the callee: find it on the line.
            col = lines[line - 1].find("require") + 1 or 1
            message = f"module '{module}' is not available to entry {entry.id}: it is not in its modules or imports"
            hint = f"add '{module}' under modules: of {entry.id} in {entry.yaml_file}"
            if owner is None:
                diags.error(file, line, col, message, code="E031", hint=hint)
            elif reachable is None or id(owner) in reachable:
                diags.warning(file, line, col, f"{message}; this require fails when it runs", code="W031", hint=hint)


def _owners(chunk) -> dict[int, object]:
    """Node id -> the innermost function node it is written in (absent: the top level)."""
    owners: dict[int, object] = {}
    for node in walk(chunk):
        if isinstance(node, FUNCTION_NODES):
            for inner in walk(node.body):
                owners[id(inner)] = node  # nested functions come later and overwrite
    return owners


def _literal_requires(chunk, owners: dict) -> list[tuple[object, str, object]]:
    """(call, module name, innermost enclosing function node or None) of each ``require("m")``."""
    found = []
    for node in walk(chunk):
        if (
            isinstance(node, lua.Call)
            and isinstance(node.func, lua.Name)
            and node.func.id == "require"
            and getattr(node.func, "var", None) is None
            and node.args
            and isinstance(node.args[0], lua.String)
        ):
            found.append((node, node.args[0].value, owners.get(id(node))))
    return found


def _key(target) -> tuple | None:
    """The binding key of an assignment target: a local, a global or a field name."""
    if isinstance(target, lua.Name):
        var = getattr(target, "var", None)
        return ("var", var) if var is not None else ("global", target.id)
    if isinstance(target, lua.Index):
        return _field_key(target)
    return None


def _field_key(index) -> tuple:
    if isinstance(index.idx, lua.Name) and index.notation == lua.IndexNotation.DOT:
        return ("field", index.idx.id)
    if isinstance(index.idx, lua.String):
        return ("field", index.idx.value)
    return ANY_FIELD


class _Graph:
    """Which functions of a chunk can call which, by the names they use."""

    def __init__(self, chunk, owners: dict):
        nodes = list(walk(chunk))
        self.functions = {id(n): _Function(n) for n in nodes if isinstance(n, FUNCTION_NODES)}
        self.root = _Function(chunk)
        self.bound: dict[tuple, list[_Function]] = {}  # binding key -> functions bound to it
        self.returned: list[_Function] = []  # the function the chunk returns, if it returns one
        self._bind(nodes)
        self._collect(nodes, owners)
        self._find_returned(chunk)

    def _bind(self, nodes) -> None:
        named: set[int] = set()
        aliases: list[tuple[tuple, tuple]] = []  # (key, key of the name it is given): `{main = main}`
        for node in nodes:
            if isinstance(node, (lua.LocalFunction, lua.Function)):
                pairs = [(_key(node.name), node)]
            elif isinstance(node, lua.Method):
                pairs = [(("field", node.name.id), node)]
            elif isinstance(node, (lua.Assign, lua.LocalAssign)):
                pairs = [(_key(t), v) for t, v in zip(node.targets, node.values or [])]
            elif isinstance(node, lua.Table):
                pairs = [
                    (("field", f.key.value if isinstance(f.key, lua.String) else f.key.id), f.value)
                    for f in node.fields
                    if isinstance(f.key, lua.String) or isinstance(f.key, lua.Name) and not f.between_brackets
                ]
            else:
                continue
            for key, value in pairs:
                if key is None or key == ANY_FIELD:
                    continue
                if isinstance(value, FUNCTION_NODES):
                    self.bound.setdefault(key, []).append(self.functions[id(value)])
                    named.add(id(value))
                elif isinstance(value, lua.Name):
                    aliases.append((key, _key(value)))
        self.unnamed = {i for i in self.functions if i not in named}
        changed = True
        while changed:  # `local f = g` before `return {f = f}`, in any order
            changed = False
            for key, source in aliases:
                have = self.bound.setdefault(key, [])
                new = [f for f in self.bound.get(source, ()) if f not in have]
                if new:
                    have.extend(new)
                    changed = True

    def _collect(self, nodes, owners: dict) -> None:
        """Each function's references (its own code, not nested functions')
        and the unnamed functions written directly inside it."""
        for node in nodes:
            owner = owners.get(id(node))
            fn = self.root if owner is None else self.functions[id(owner)]
            if isinstance(node, FUNCTION_NODES):
                if id(node) in self.unnamed:
                    fn.nested.append(self.functions[id(node)])
            elif fn is self.root:
                self._root_refs(node, fn)
            elif isinstance(node, lua.Name):
                fn.refs.add(_key(node))
            elif isinstance(node, lua.Index):
                fn.refs.add(_field_key(node))
            elif isinstance(node, lua.Invoke):
                fn.refs.add(("field", node.func.id))
            elif isinstance(node, lua.String):
                fn.refs.add(("field", node.value))

    @staticmethod
    def _root_refs(node, root: _Function) -> None:
        """The top level reaches what it calls and what it passes to calls."""
        if isinstance(node, lua.Invoke):
            root.refs.add(("field", node.func.id))
        if not isinstance(node, (lua.Call, lua.Invoke)):
            return
        for expr in ([node.func] if isinstance(node, lua.Call) else []) + list(node.args):
            if isinstance(expr, lua.Name):
                root.refs.add(_key(expr))
            elif isinstance(expr, lua.Index):
                root.refs.add(_field_key(expr))

    def _find_returned(self, chunk) -> None:
        body = [s for s in chunk.body.body if not isinstance(s, lua.SemiColon)]
        if body and isinstance(body[-1], lua.Return) and len(body[-1].values or []) == 1:
            value = body[-1].values[0]
            if isinstance(value, lua.AnonymousFunction):
                self.returned = [self.functions[id(value)]]
            elif isinstance(value, lua.Name):
                self.returned = list(self.bound.get(_key(value), []))

    def reachable(self, method: str) -> set[int] | None:
        """Ids of the function nodes the entry's method (and the top level)
        can reach; None when the method's functions cannot be told."""
        start = self.returned or self.bound.get(("field", method), [])
        if not start:
            return None
        metamethods = [f for (kind, name), fns in self.bound.items() if kind == "field" and name.startswith("__") for f in fns]
        seen: set[int] = set()
        todo = [self.root, *start, *metamethods]
        while todo:
            fn = todo.pop()
            if id(fn.node) in seen:
                continue
            seen.add(id(fn.node))
            todo.extend(fn.nested)
            for key in fn.refs:
                if key == ANY_FIELD:
                    todo.extend(f for (kind, _), fns in self.bound.items() if kind == "field" for f in fns)
                else:
                    todo.extend(self.bound.get(key, ()))
        return seen
