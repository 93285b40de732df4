"""Pass 3: scopes. Binds every Lua name to a local variable or a global, and
checks what luaparser lets through (break outside a loop, ``...`` outside a
vararg function, goto targets, attributes, assignment to ``<const>``).

Results are stored on the luaparser nodes:
- ``Name.var``: the ``Var`` it refers to (None: a global);
- function nodes (Chunk, Function, LocalFunction, Method, AnonymousFunction):
  ``.scope`` (a ``FuncScope``);
- ``Goto.label``: the ``Label`` node it jumps to; ``Label.targeted``: some goto
  jumps to it; ``Block.labels``: the block's labels by name;
  ``Block.loop``: for a loop body, its loop statement.
Python names are chosen in the lowering (``lower/names.py``), once the facts
here (captured, assigned, declared in a loop) are complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from luaparser import astnodes as lua

from .diagnostics import Diagnostics

FUNCTION_NODES = (lua.Function, lua.LocalFunction, lua.Method, lua.AnonymousFunction)


@dataclass(eq=False)
class Var:
    name: str
    func: "FuncScope"
    block: int  # id of the declaring block (for name reuse)
    in_loop: bool  # declared inside a loop of its own function
    line: int
    attrib: str | None = None
    captured: bool = False  # referenced from a nested function
    assigned: bool = False  # assigned after its declaration
    is_function: bool = False  # `local function f` (value is that function)
    py: str | None = None  # Python name (set by the lowering)
    static_type: str | None = None  # known Lua type of its only value (set by the lowering)
    function_scope: "FuncScope | None" = None  # for `local function f`: f's scope
    module: str | None = None  # Wippy module this local aliases (`local funcs = require("funcs")`)
    boxed: bool = False  # lives in a Cell (fresh per loop iteration and reassigned)
    # Facts the lowering finds (lower/types.py, arrays.py, specialise.py, classes.py):
    sealed: object = None  # a sealed class table (classes.py)
    int_range: tuple[int, int] | None = None  # an integer local's range (types.py)
    plain_table: bool = False  # a table local that never gets a metatable (types.py)
    fixed_length: int | None = None  # `#t` of a constructor never written after (types.py)
    string_sequence: int | None = None  # length of a sequence of string literals only read (types.py)
    call_returns: int | None = None  # values a closure held here always returns (types.py)
    local_array: bool = False  # a Python list with integer keys (arrays.py)
    truthy_values: bool = False  # a local array only given booleans, tables or functions (arrays.py)
    no_string_values: bool = False  # a table local that never holds strings (arrays.py)
    no_string: bool = False  # never a string (arrays.py)
    not_int: bool = False  # a parameter the integer specialisation found not to be an integer (specialise.py)


@dataclass(eq=False)
class FuncScope:
    node: object
    parent: "FuncScope | None"
    is_vararg: bool
    line: int
    vars: list[Var] = field(default_factory=list)
    params: list[Var] = field(default_factory=list)
    writes_outer: set = field(default_factory=set)  # Vars of outer functions assigned here
    binds: set = field(default_factory=set)  # loop-fresh outer Vars this function binds at creation
    calls: list = field(default_factory=list)  # call nodes directly in this function
    children: list = field(default_factory=list)
    free: set = field(default_factory=set)  # outer Vars referenced here or in nested functions
    is_async: bool = False
    return_count: int | None = None  # every return gives exactly this many values (set by analyse)
    no_surplus_args: bool = False  # never called with surplus arguments (set by analyse)
    all_args_given: bool = False  # every call passes every parameter (set by analyse)
    name: str = "anonymous"
    upvalues: dict = field(default_factory=dict)  # Vars (or "_ENV") in Lua's upvalue order (keys)
    int_spec: object = None  # its body under integer arguments (lower/specialise.py)


def node_line(node, default: int = 0) -> int:
    tok = getattr(node, "first_token", None)
    if tok is not None:
        return tok.line
    return default


def node_col(node) -> int:
    tok = getattr(node, "first_token", None)
    return tok.column + 1 if tok is not None else 1


class Resolver:
    def __init__(self, file: str, diags: Diagnostics):
        self.file = file
        self.diags = diags
        self.func: FuncScope | None = None
        self.blocks: list[tuple[int, dict]] = []  # (block id, lua name -> Var) for the current function
        self.loop_depth = 0
        self.loops: list[object] = []  # loop body blocks, innermost last
        self.line = 1
        self._block_ids = 0
        self.globals_written: set[str] = set()
        self.globals_read: set[str] = set()
        self.env_as_value = False  # `_ENV` or `_G` used: globals may change behind our back
        self._chains: dict[int, list[dict]] = {}  # function -> outer names visible at its definition
        # Open blocks of the current function, innermost last: (Block, index of
        # the statement being resolved); labels are known from block entry.
        self.label_blocks: list[list] = []
        self.pending: list[tuple] = []  # function-level errors Lua reports at the function's end
        self.uses_debug = False  # the program may inspect upvalues (debug.getupvalue, string.dump, ...)
        self.token_list: list = []

    # --- entry ------------------------------------------------------------------
    def resolve_chunk(self, chunk: lua.Chunk) -> FuncScope:
        self.token_list = getattr(chunk, "token_list", None) or []
        scope = FuncScope(chunk, None, True, 1, name="chunk")
        chunk.scope = scope
        self._enter_function(scope, [], chunk.body)
        return scope

    def error(self, node, message, code="E200", line=None, col=None):
        self.diags.error(self.file, line or node_line(node, self.line), col or node_col(node), message, code=code)

    # --- scopes -----------------------------------------------------------------
    def _enter_function(self, scope: FuncScope, params, body: lua.Block):
        saved = (self.func, self.blocks, self.loop_depth, self.loops, self.label_blocks, self.pending)
        if self.func is not None:
            self.func.children.append(scope)
        self.func, self.blocks, self.loop_depth, self.loops, self.label_blocks, self.pending = scope, [], 0, [], [], []
        self._push_block()
        for p in params:
            if isinstance(p, lua.Varargs):
                continue
            v = self._declare(p.id, scope.line)
            scope.params.append(v)
            p.var = v
        self._block(body, new_scope=False)
        self.blocks.pop()
        if self.pending:
            # Lua finds these when it closes the function: at the token after its `end`.
            last = getattr(scope.node, "last_token", None) if scope.parent is not None else None
            line = self.line_after(last)
            for node, message, code in self.pending:
                self.error(node, message, code, line=line)
        self.func, self.blocks, self.loop_depth, self.loops, self.label_blocks, self.pending = saved

    def line_after(self, token) -> int:
        """Line of the first token after ``token`` (of the end of input for None)."""
        tokens = self.token_list
        if not tokens:
            return self.line
        if token is not None:
            for t in tokens[token.tokenIndex + 1 :]:
                if t.channel == 0:
                    return t.line
        return tokens[-1].line

    def _push_block(self):
        self._block_ids += 1
        self.blocks.append((self._block_ids, {}))

    def _declare(self, name: str, line: int, attrib=None) -> Var:
        if name == "_ENV":
            self.env_as_value = True  # globals no longer mean the standard ones
        v = Var(name, self.func, self.blocks[-1][0], self.loop_depth > 0, line, attrib)
        self.blocks[-1][1][name] = v
        self.func.vars.append(v)
        return v

    def _lookup_outer(self, name: str):
        for names in reversed(self._chains.get(id(self.func), ())):
            if name in names:
                return names[name]
        return None

    def _block(self, block: lua.Block, new_scope=True):
        if new_scope:
            self._push_block()
        body = block.body
        block.labels = self._labels(block)
        # Locals after a label that a goto jumps back to are fresh each time
        # round, as in a loop.
        goto_loop = bool(block.labels) and _has_goto(block)
        self.loop_depth += goto_loop
        position = [block, 0]
        self.label_blocks.append(position)
        for i, stmt in enumerate(body):
            position[1] = i
            self.line = node_line(stmt, self.line)
            self._stmt(stmt, body, i)
        self.label_blocks.pop()
        self.loop_depth -= goto_loop
        if new_scope:
            self.blocks.pop()

    def _labels(self, block) -> dict:
        labels = {}
        for stmt in block.body:
            if isinstance(stmt, lua.Label):
                name = stmt.id.id
                line = node_line(stmt, self.line)
                stmt.targeted = False
                earlier = labels.get(name) or self._declared_label(name)
                if earlier is not None:
                    self.error(stmt, f"label '{name}' already defined on line {node_line(earlier, line)}", "E204", line=line)
                labels[name] = stmt
        return labels

    def _declared_label(self, name):
        """A label of an enclosing block declared before the current statement."""
        for block, at in reversed(self.label_blocks):
            label = block.labels.get(name)
            if label is not None and block.body.index(label) < at:
                return label
        return None

    # --- references -------------------------------------------------------------
    def _lookup(self, name: str, write=False):
        """The local ``name`` visible here (noting a capture), or None."""
        for _, names in reversed(self.blocks):
            if name in names:
                return names[name]
        v = self._lookup_outer(name)
        if v is not None:
            v.captured = True
            self._note_capture(v, write)
        return v

    def _ref(self, node: lua.Name, write=False):
        name = node.id
        if name == "debug":
            self.uses_debug = True
        v = self._lookup(name, write)
        node.var = v
        if v is None and name != "_ENV":
            env = self._lookup("_ENV")
            if env is not None:
                node.env_var = env  # inside `local _ENV = ...`: a field of that table
        if v is None and getattr(node, "env_var", None) is None:
            # A global: `_ENV` becomes an upvalue of every function out to the chunk.
            scope = self.func
            while scope is not None and "_ENV" not in scope.upvalues:
                scope.upvalues["_ENV"] = None
                scope = scope.parent
        if v is None:
            if name in ("_ENV", "_G"):
                self.env_as_value = True
            if write:
                self.globals_written.add(name)
            else:
                self.globals_read.add(name)
        elif write:
            if v.attrib in ("const", "close"):
                self.error(node, f"attempt to assign to const variable '{name}'", "E210", line=self.line)
            v.assigned = True
            if v.func is not self.func:
                self.func.writes_outer.add(v)
        return v

    def _note_capture(self, v: Var, write: bool):
        # The function directly inside v's function (on the path to here) is
        # created once per execution of its definition: it binds v at that
        # moment when v is fresh per loop iteration.
        scope = self.func
        scope.free.add(v)
        scope.upvalues.setdefault(v)
        while scope.parent is not None and scope.parent is not v.func:
            scope = scope.parent
            scope.free.add(v)
            scope.upvalues.setdefault(v)
        if v.in_loop:
            scope.binds.add(v)

    # --- statements -------------------------------------------------------------
    def _stmt(self, s, body, i):
        m = getattr(self, "_s_" + type(s).__name__, None)
        if m is None:
            self._expr(s)
            return
        m(s, body, i)

    def _s_LocalAssign(self, s, body, i):
        for e in s.values or []:
            self._expr(e)
        closing = [t for t in s.targets if _attrib(t) == "close"]
        if len(closing) > 1:
            self.error(s, "multiple to-be-closed variables in local list", "E212")
        for t in s.targets:
            attrib = None
            if getattr(t, "attribute", None) is not None:
                attrib = t.attribute.name.id if hasattr(t.attribute, "name") else str(t.attribute)
                if attrib not in ("const", "close"):
                    self.error(s, f"unknown attribute '{attrib}'", "E211")
            t.var = self._declare(t.id, self.line, attrib)

    def _s_Assign(self, s, body, i):
        # Targets first: Lua meets them first (the order of upvalues follows it).
        for t in s.targets:
            if isinstance(t, lua.Name):
                self._ref(t, write=True)
            else:
                self._expr(t)
        for e in s.values:
            self._expr(e)

    def _s_LocalFunction(self, s, body, i):
        v = self._declare(s.name.id, self.line)
        v.is_function = True
        s.name.var = v
        self._function(s, s.args, s.body, s.name.id)
        v.function_scope = s.scope

    def _s_Function(self, s, body, i):
        target = s.name
        if isinstance(target, lua.Name):
            self._ref(target, write=True)
            fname = target.id
        else:
            self._expr(target)
            fname = target.idx.id if isinstance(target.idx, lua.Name) else "function"
        self._function(s, s.args, s.body, fname)

    def _s_Method(self, s, body, i):
        self._expr(s.source)
        self_param = lua.Name("self")
        s.self_param = self_param
        self._function(s, [self_param] + list(s.args), s.body, s.name.id)

    def _s_Do(self, s, body, i):
        self._block(s.body)

    def _s_While(self, s, body, i):
        self._expr(s.test)
        s.body.loop = s
        self._loop(s.body)

    def _s_Repeat(self, s, body, i):
        # The condition sees the body's locals.
        self.loop_depth += 1
        self.loops.append(s.body)
        s.body.loop = s
        s.body.is_repeat_body = True
        self._push_block()
        self._block(s.body, new_scope=False)
        self._expr(s.test)
        self.blocks.pop()
        self.loops.pop()
        self.loop_depth -= 1

    def _loop(self, block, declare=()):
        self.loop_depth += 1
        self.loops.append(block)
        self._push_block()
        for name_node in declare:
            name_node.var = self._declare(name_node.id, self.line)
        self._block(block, new_scope=False)
        self.blocks.pop()
        self.loops.pop()
        self.loop_depth -= 1

    def _s_Fornum(self, s, body, i):
        self._expr(s.start)
        self._expr(s.stop)
        if not isinstance(s.step, int):
            self._expr(s.step)
        s.body.loop = s
        self._loop(s.body, [s.target])

    def _s_Forin(self, s, body, i):
        for e in s.iter:
            self._expr(e)
        s.body.loop = s
        self._loop(s.body, s.targets)

    def _s_If(self, s, body, i):
        self._expr(s.test)
        self._block(s.body)
        orelse = s.orelse
        while orelse is not None:
            if isinstance(orelse, lua.ElseIf):
                self._expr(orelse.test)
                self._block(orelse.body)
                orelse = orelse.orelse
            else:
                self._block(orelse)
                orelse = None

    def _s_Return(self, s, body, i):
        for e in s.values or []:
            self._expr(e)

    def _s_Break(self, s, body, i):
        if not self.loops:
            self.pending.append((s, f"break outside loop at line {self.line}", "E201"))

    def _s_Goto(self, s, body, i):
        name = s.label.id
        line = node_line(s, self.line)
        for block, at in reversed(self.label_blocks):
            label = block.labels.get(name)
            if label is None:
                continue
            s.label = label
            label.targeted = True
            here = block.body.index(label)
            if here > at and not _ends_block(block, here):
                # A forward jump may not enter the scope of a local declared on the way.
                for stmt in block.body[at + 1 : here]:
                    if isinstance(stmt, (lua.LocalAssign, lua.LocalFunction)):
                        local = stmt.targets[0].id if isinstance(stmt, lua.LocalAssign) else stmt.name.id
                        # Lua sees it after the label and the void statements following it.
                        rest = block.body[here:]
                        void = len(rest) if _ends_block(block, here) else next(
                            (k for k, x in enumerate(rest) if not isinstance(x, (lua.Label, lua.SemiColon))), len(rest)
                        )
                        self.error(
                            s,
                            f"<goto {name}> at line {line} jumps into the scope of local '{local}'",
                            "E205",
                            line=self.line_after(getattr(rest[void - 1], "last_token", None)) if void else line,
                        )
                        break
            return
        self.pending.append((s, f"no visible label '{name}' for <goto> at line {line}", "E202"))

    def _s_Label(self, s, body, i):
        pass

    def _s_SemiColon(self, s, body, i):
        pass

    # --- expressions ------------------------------------------------------------
    def _function(self, node, params, body, name):
        is_vararg = any(isinstance(p, lua.Varargs) for p in params)
        scope = FuncScope(node, self.func, is_vararg, self.line, name=name)
        node.scope = scope
        # Save the visible names for the inner function's outer lookups.
        chain = list(self._chains.get(id(self.func), []))
        chain.extend(dict(names) for _, names in self.blocks)
        self._chains[id(scope)] = chain
        self._enter_function(scope, params, body)

    def _expr(self, e):
        if e is None or isinstance(e, (int, float, str)):
            return
        t = type(e)
        if t is lua.Name:
            self._ref(e)
        elif t is lua.Index:
            self._expr(e.value)
            if e.notation == lua.IndexNotation.SQUARE:
                self._expr(e.idx)
            elif e.idx.id == "dump":
                self.uses_debug = True  # load gives a dumped function's first upvalue _ENV
        elif t in (lua.Call, lua.Invoke):
            if t is lua.Call:
                self._expr(e.func)
            else:
                self._expr(e.source)
            for a in e.args:
                self._expr(a)
            self.func.calls.append(e)
        elif t is lua.AnonymousFunction:
            self._function(e, e.args, e.body, "anonymous")
        elif t is lua.Table:
            for f in e.fields:
                if f.key is not None and (f.between_brackets or not isinstance(f.key, lua.Name)):
                    self._expr(f.key)
                self._expr(f.value)
        elif t in (lua.Dots, lua.Varargs):
            if not self.func.is_vararg:
                self.error(e, "cannot use '...' outside a vararg function near '...'", "E203", line=self.line)
        elif isinstance(e, lua.BinaryOp):
            self._expr(e.left)
            self._expr(e.right)
        elif isinstance(e, lua.UnaryOp):
            self._expr(e.operand)
        elif isinstance(e, lua.Block):
            self._block(e)


def _attrib(target):
    a = getattr(target, "attribute", None)
    if a is None:
        return None
    return a.name.id if hasattr(a, "name") else str(a)


def _has_goto(block) -> bool:
    """A goto anywhere in ``block`` outside nested functions."""
    stack = list(block.body)
    while stack:
        node = stack.pop()
        if isinstance(node, lua.Goto):
            return True
        if isinstance(node, (lua.Function, lua.LocalFunction, lua.Method, lua.AnonymousFunction)):
            continue
        if isinstance(node, lua.Block):
            stack.extend(node.body)
        elif isinstance(node, (lua.Do, lua.While, lua.Repeat, lua.Fornum, lua.Forin)):
            stack.extend(node.body.body)
        elif isinstance(node, (lua.If, lua.ElseIf)):
            stack.extend(node.body.body)
            if node.orelse is not None:
                stack.append(node.orelse)
    return False


def _ends_block(block, index: int) -> bool:
    """Only labels and semicolons follow statement ``index``: a label there is
    outside the scope of the block's locals (not so in a repeat body, whose
    locals the ``until`` condition still sees)."""
    if getattr(block, "is_repeat_body", False):
        return False
    return all(isinstance(x, (lua.Label, lua.SemiColon)) for x in block.body[index + 1 :])


def resolve(chunk: lua.Chunk, file: str, diags: Diagnostics) -> tuple[FuncScope, Resolver]:
    r = Resolver(file, diags)
    scope = r.resolve_chunk(chunk)
    return scope, r


def own_statements(block):
    """Statements of a function body, nested blocks included, nested functions not."""
    stack = [block]
    while stack:
        b = stack.pop()
        for s in b.body:
            yield s
            for attr in ("body", "orelse"):
                child = getattr(s, attr, None)
                if isinstance(child, lua.Block) and not isinstance(s, FUNCTION_NODES):
                    stack.append(child)
                elif isinstance(child, lua.ElseIf):
                    stack.append(lua.Block([child]))
