"""Wippy's typed Lua -> Lua tokens: the pass between ``lex`` and ``syntax_check``.

Wippy's Lua carries optional, gradual type annotations (go-lua's grammar):
annotated locals, parameters and returns, generic functions, ``type``
declarations, casts ``e as T`` / ``e :: T`` and the non-nil assertion ``e!``.
They change nothing at run time, so this pass parses each annotation (a
malformed one is a positioned syntax error) and drops its tokens. Every token
that stays keeps its own position, so later messages point into the source as
written.

Two things survive erasure:

- ``type Name = T`` is also a run-time value (``Name:is(v)``): the
  declaration becomes ``local Name = <type!>(N, refs...)``, a call the
  lowering recognises (``node.type_decl``); ``refs`` are the Lua expressions
  the type names (other declared types, ``lib.Type``), so scoping, upvalues
  and requires work as for any expression.
- A function's parameter and return annotations (``Signature``), for the
  Python hints of its ``def``.

Plain Lua 5.4 reads as before: each rule fires only on tokens that plain Lua
rejects at that place (a ``:`` after a local's name, ``<`` after a function's
name, ``type`` followed by a name, ``as`` / ``::`` / ``!`` after an
expression). ``as`` is reserved in Wippy's dialect, so it cannot name a local.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lex import EOF, ERROR, LuaSyntaxError, NAME, NUMBER, STRING, Tok, token_text

# The callee of a declaration's value: not a Lua name, so no program can write it.
TYPE_VALUE = "<type>"

# Names every annotation may use without declaring them.
BUILTIN_TYPES = frozenset(
    "any unknown never nil boolean number integer string table function thread userdata".split()
)


# --- type expressions -----------------------------------------------------------
@dataclass
class TypeNode:
    line: int
    col: int


@dataclass
class Named(TypeNode):
    """A builtin, a declared type, a generic parameter or a dotted ``lib.Type``."""

    name: str  # dotted
    args: list = field(default_factory=list)  # generic arguments
    ref: int | None = None  # index into the declaration's refs, for a run-time name


@dataclass
class Literal(TypeNode):
    value: object  # str | int | float | bool | None


@dataclass
class Array(TypeNode):
    item: TypeNode


@dataclass
class Map(TypeNode):
    key: TypeNode
    value: TypeNode


@dataclass
class Field:
    name: str
    type: TypeNode
    optional: bool = False


@dataclass
class Record(TypeNode):
    fields: list  # of Field
    map: Map | None = None  # a `[K]: V` entry beside the fields


@dataclass
class Union(TypeNode):
    items: list


@dataclass
class Intersection(TypeNode):
    items: list


@dataclass
class Optional(TypeNode):
    item: TypeNode


@dataclass
class FunctionType(TypeNode):
    params: list  # of TypeNode
    returns: list  # of TypeNode
    vararg: bool = False


@dataclass
class Constrained(TypeNode):
    """``T @min(0) @pattern("...")``: validators, checked by ``T:is``."""

    item: TypeNode
    checks: list  # of (name, [literal values])


@dataclass
class Opaque(TypeNode):
    """What only a type checker can use (``keyof T``, ``T["k"]``, conditional types): anything passes."""

    what: str


@dataclass
class TypeDecl:
    name: str
    params: list  # generic parameter names
    type: TypeNode
    refs: list  # dotted names the type reads at run time, in order


@dataclass
class Signature:
    """A function's annotations: one entry per parameter (None: not annotated)."""

    params: list
    returns: list | None


@dataclass
class Erased:
    tokens: list
    decls: list  # of TypeDecl, by the index the declaration's call carries
    signatures: dict  # (line, col) of the `function` token -> Signature


def erase_types(toks: list[Tok]) -> Erased:
    """The tokens of the same chunk without its annotations; raises LuaSyntaxError."""
    eraser = _Eraser(toks)
    eraser.run()
    return Erased(eraser.out, eraser.decls, eraser.signatures)


# Tokens after which `as`, `::` and `!` continue an expression.
_EXPR_END = frozenset([NAME, STRING, NUMBER, ")", "]", "}", "nil", "true", "false", "..."])
# Tokens after which a statement starts.
_BLOCK_START = frozenset([";", "do", "then", "else", "repeat"])


class _Eraser:
    def __init__(self, toks: list[Tok]):
        self.toks = toks
        self.i = 0
        self.out: list[Tok] = []
        self.decls: list[TypeDecl] = []
        self.signatures: dict = {}
        self.annotated: dict[str, TypeNode] = {}  # local name -> its annotation, for typeof
        self.refs: list | None = None  # run-time names of the declaration being parsed
        self.generics: list[set] = []  # generic parameters in scope
        self.label_open = False  # between a malformed label's `::`s

    # --- tokens ---------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Tok:
        j = min(self.i + ahead, len(self.toks) - 1)
        return self.toks[j]

    def kind(self, ahead: int = 0) -> str:
        return self.peek(ahead).kind

    def take(self) -> Tok:
        t = self.toks[self.i]
        if t.kind == ERROR:
            raise t.value
        self.i += 1
        return t

    def emit(self) -> Tok:
        t = self.take()
        self.out.append(t)
        return t

    def error(self, message: str, tok: Tok | None = None):
        tok = tok or self.peek()
        if tok.kind == ERROR:
            raise tok.value
        raise LuaSyntaxError(tok.line, tok.col, f"{message} near {token_text(tok)}")

    def expect(self, kind: str, what: str | None = None) -> Tok:
        if self.kind() != kind:
            self.error(f"'{what or kind}' expected")
        return self.take()

    def is_word(self, word: str, ahead: int = 0) -> bool:
        t = self.peek(ahead)
        return t.kind == NAME and t.text == word

    def split_closer(self) -> None:
        """A generic list's `>` glued to the next symbol (`Box<Box<T>>`, `Box<T>=`): keep the rest."""
        t = self.peek()
        if t.kind in (">>", ">="):
            rest = t.kind[1:]
            self.toks[self.i] = Tok(">", ">", None, t.line, t.col, t.line, t.start, t.start + 1)
            self.toks.insert(self.i + 1, Tok(rest, rest, None, t.line, t.col + 1, t.line, t.start + 1, t.stop))

    # --- statements and expressions: find the annotations -----------------------------
    def run(self) -> None:
        while True:
            t = self.peek()
            k = t.kind
            if k == EOF:
                self.emit()
                return
            if k == ERROR:
                self.out.append(t)  # raised where Lua's parser reaches it (syntax_check)
                return
            prev = self.out[-1] if self.out else None
            prev_kind = prev.kind if prev is not None else None
            if k == "local" and self.kind(1) == "function":
                self.emit()
                self.function_header(key=t)  # luaparser's LocalFunction starts at `local`
            elif k == "local":
                self.emit()
                self.local_names()
            elif k == "function":
                self.function_header()
            elif k == NAME and t.text == "type" and self.starts_declaration(prev):
                self.type_declaration()
            elif k == NAME and t.text == "as" and prev_kind in _EXPR_END:
                self.take()
                self.postfix()  # `x as integer & 15` is a bitwise and, as in go-lua
            elif k == "::" and self.kind(1) == NAME and self.kind(2) == "::":  # a label
                self.emit()
                self.emit()
                self.emit()
            elif k == "::" and prev_kind in _EXPR_END and not self.label_open:
                self.take()
                self.postfix()
            elif k == "::":  # a malformed label (`::1::`): Lua's parser reports it
                self.label_open = not self.label_open
                self.emit()
            elif k == NAME and t.text == "interface" and self.kind(1) == NAME and self.at_statement_start(prev):
                self.interface_declaration()
            elif k == "!" and prev_kind in _EXPR_END and not self.operand_follows():
                self.take()
            else:
                self.emit()

    def operand_follows(self) -> bool:
        """``x ! 2``: a value right after ``!`` on its line makes it no postfix
        (plain Lua's error stays Lua's)."""
        after = self.peek(1)
        return after.line == self.peek().line and after.kind in (NAME, NUMBER, STRING)

    def starts_declaration(self, prev: Tok | None) -> bool:
        """``type Name =`` / ``type Name<``: a statement, not the end of ``x = type``
        followed by ``Name = ...`` on the next line."""
        return self.kind(1) == NAME and self.kind(2) in ("=", "<") and self.at_statement_start(prev)

    def at_statement_start(self, prev: Tok | None) -> bool:
        if prev is None or prev.kind in _BLOCK_START:
            return True
        return (prev.kind in _EXPR_END or prev.kind == "end") and prev.line < self.peek().line

    def interface_declaration(self) -> None:
        """``interface Name [: A, B] function m(self: Name, ...): R ... end``: for a
        type checker only, dropped."""
        self.take()
        self.expect(NAME, "<name>")
        if self.kind() == ":" or self.is_word("extends"):
            self.take()
            self.type_expr()
            while self.kind() == ",":
                self.take()
                self.type_expr()
        while self.kind() == "function":
            self.take()
            self.expect(NAME, "<name>")
            self.expect("(")
            self.param_types()
            self.expect(")")
            if self.kind() == ":":
                self.take()
                self.return_types()
        self.expect("end")

    def local_names(self) -> None:
        """``local a: T <attrib>, b: U`` up to the ``=`` (which stays)."""
        while self.kind() == NAME:
            name = self.emit().text
            if self.kind() == ":":
                self.take()
                self.annotated[name] = self.type_expr()
            if self.kind() == "<":  # an attribute, <const> / <close>
                self.emit()
                if self.kind() == NAME:
                    self.emit()
                if self.kind() == ">":
                    self.emit()
            if self.kind() != ",":
                return
            self.emit()

    def function_header(self, key: Tok | None = None) -> None:
        """``function [name] [<T, ...>] (params) [: returns]``: the body follows."""
        start = key or self.peek()
        self.emit()
        if self.kind() == NAME:
            self.emit()
            while self.kind() in (".", ":"):
                self.emit()
                if self.kind() == NAME:
                    self.emit()
        generics = self.generic_params() if self.kind() == "<" else set()
        self.generics.append(generics)
        try:
            if self.kind() != "(":
                return  # syntax_check reports it with Lua's words
            self.emit()
            params = []
            while self.kind() in (NAME, "..."):
                self.emit()
                if self.kind() == "?":
                    self.take()
                annotation = None
                if self.kind() == ":":
                    self.take()
                    annotation = self.type_expr()
                params.append(annotation)
                if self.kind() != ",":
                    break
                self.emit()
            if self.kind() != ")":
                return
            self.emit()
            returns = None
            if self.kind() == ":":
                self.take()
                returns = self.return_types()
            if returns is not None or any(p is not None for p in params):
                self.signatures[(start.line, start.col)] = Signature(params, returns)
        finally:
            self.generics.pop()

    def return_types(self) -> list:
        """``: T``, ``: A, B``, ``: (A, B)`` or ``: ()``."""
        if self.kind() == "(":
            t = self.peek()
            self.take()
            params, _named, vararg = self.param_types()
            self.expect(")")
            if not (self.kind() == "-" and self.kind(1) == ">"):
                return params
            types = [self.arrow(t, params, vararg)]  # `: (number) -> number`, a function type
        else:
            types = [self.type_expr()]
        while self.kind() == ",":
            self.take()
            types.append(self.type_expr())
        return types

    def generic_params(self) -> set:
        """``<T, U: Bound>``."""
        self.take()
        names = set()
        while True:
            name = self.expect(NAME, "<name>").text
            names.add(name)
            if self.kind() == ":" or self.is_word("extends"):
                self.take()
                self.type_expr()
            if self.kind() != ",":
                break
            self.take()
        self.split_closer()
        self.expect(">")
        return names

    def type_declaration(self) -> None:
        """``type Name<T> = T`` -> ``local Name = <type>(index, refs...)``."""
        kw = self.take()
        name_tok = self.take()
        params = sorted(self.generic_params()) if self.kind() == "<" else []
        self.split_closer()
        self.expect("=")
        self.refs = []
        self.generics.append(set(params) | {name_tok.text})
        try:
            body = self.type_expr()
        finally:
            self.generics.pop()
            refs, self.refs = self.refs, None
        index = len(self.decls)
        self.decls.append(TypeDecl(name_tok.text, params, body, [dotted for dotted, _tok in refs]))
        line, col, at = kw.line, kw.col, kw.start

        def synthetic(kind, text, value=None):
            return Tok(kind, text, value, line, col, line, at, at)

        self.out += [synthetic("local", "local"), name_tok, synthetic("=", "="), synthetic(NAME, TYPE_VALUE, TYPE_VALUE)]
        self.out += [synthetic("(", "("), synthetic(NUMBER, str(index), index)]
        for dotted, tok in refs:
            self.out.append(synthetic(",", ","))
            for n, part in enumerate(dotted.split(".")):
                if n:
                    self.out.append(Tok(".", ".", None, tok.line, tok.col, tok.line, tok.start, tok.start))
                self.out.append(Tok(NAME, part, part, tok.line, tok.col, tok.line, tok.start, tok.stop))
        self.out.append(synthetic(")", ")"))

    # --- type expressions -------------------------------------------------------------
    def type_expr(self) -> TypeNode:
        t = self.peek()
        first = self.union()
        if self.is_word("extends"):  # conditional type: A extends B ? C : D
            self.take()
            self.union()
            self.expect("?")
            self.type_expr()
            self.expect(":")
            self.type_expr()
            return Opaque(t.line, t.col, "conditional")
        return first

    def union(self) -> TypeNode:
        t = self.peek()
        if self.kind() == "|":
            self.take()
        items = [self.intersection()]
        while self.kind() == "|":
            self.take()
            items.append(self.intersection())
        return items[0] if len(items) == 1 else Union(t.line, t.col, items)

    def intersection(self) -> TypeNode:
        t = self.peek()
        if self.kind() == "&":
            self.take()
        items = [self.postfix()]
        while self.kind() == "&":
            self.take()
            items.append(self.postfix())
        return items[0] if len(items) == 1 else Intersection(t.line, t.col, items)

    def postfix(self) -> TypeNode:
        t = self.peek()
        node = self.primary()
        while True:
            k = self.kind()
            if k == "?":
                self.take()
                node = Optional(t.line, t.col, node)
            elif k == "[":
                self.take()
                if self.kind() == "]":
                    self.take()
                    node = Array(t.line, t.col, node)
                else:
                    self.type_expr()
                    self.expect("]")
                    node = Opaque(t.line, t.col, "indexed")
            elif k == "@":
                checks = []
                while self.kind() == "@":
                    self.take()
                    name = self.expect(NAME, "<name>").text
                    args = []
                    if self.kind() == "(":
                        self.take()
                        while self.kind() != ")":
                            args.append(self.literal_value())
                            if self.kind() != ",":
                                break
                            self.take()
                        self.expect(")")
                    checks.append((name, args))
                node = Constrained(t.line, t.col, node, checks)
            else:
                return node

    def literal_value(self):
        t = self.take()
        if t.kind in (STRING, NUMBER):
            return t.value if t.kind == NUMBER else _string_value(t)
        if t.kind == "-" and self.kind() == NUMBER:
            return -self.take().value
        if t.kind in ("true", "false"):
            return t.kind == "true"
        if t.kind == "nil":
            return None
        self.error("unexpected symbol", t)

    def primary(self) -> TypeNode:
        t = self.peek()
        k = t.kind
        if k == "(":
            return self.parenthesised()
        if k == "{":
            return self.table_type()
        if k in (STRING, NUMBER, "-", "true", "false", "nil"):
            value = self.literal_value()
            return Named(t.line, t.col, "nil") if value is None else Literal(t.line, t.col, value)
        if k == "function":
            self.take()
            if self.kind() == "(":
                return self.function_type(t)
            return Named(t.line, t.col, "function")
        if k == "...":
            self.take()
            return Named(t.line, t.col, "any")
        if k != NAME:
            self.error("unexpected symbol")
        word = t.text
        if word == "typeof" and self.kind(1) == "(":
            self.take()
            self.take()
            inner, depth = [], 1
            while self.kind() not in (EOF, ERROR):
                depth += {"(": 1, ")": -1}.get(self.kind(), 0)
                if depth == 0:
                    break
                inner.append(self.take())
            self.expect(")")
            # The declared type of a local; of any other expression, only a type checker knows.
            known = self.annotated.get(inner[0].text) if len(inner) == 1 and inner[0].kind == NAME else None
            return known if known is not None else Named(t.line, t.col, "any")
        if word == "keyof" and self.kind(1) not in ("|", "&", ",", ")", ">", "=", "]", "}"):
            self.take()
            self.postfix()
            return Opaque(t.line, t.col, "keyof")
        if word == "readonly" and self.kind(1) in (NAME, "{", "(", "function"):
            self.take()
            return self.postfix()
        if word == "fun" and self.kind(1) == "(":
            return self.function_type(self.take())
        if word == "interface" and self.kind(1) == "{":
            self.take()
            return self.table_type()
        if word == "asserts":  # asserts v is T
            self.take()
            self.expect(NAME, "<name>")
            if self.is_word("is"):
                self.take()
                self.type_expr()
            return Named(t.line, t.col, "boolean")
        tok = self.take()
        dotted = tok.text
        while self.kind() == "." and self.kind(1) == NAME:
            self.take()
            dotted += "." + self.take().text
        args = []
        if self.kind() == "<":
            self.take()
            while True:
                args.append(self.type_expr())
                if self.kind() != ",":
                    break
                self.take()
            self.split_closer()
            self.expect(">")
        node = Named(t.line, t.col, dotted, args)
        local = dotted in BUILTIN_TYPES or any(dotted in g for g in self.generics)
        if self.refs is not None and not local:
            known = [n for n, (name, _tok) in enumerate(self.refs) if name == dotted]
            node.ref = known[0] if known else len(self.refs)
            if not known:
                self.refs.append((dotted, tok))
        return node

    def parenthesised(self) -> TypeNode:
        """``(T)``, or a function type ``(A, b: B, ...) -> R``."""
        t = self.peek()
        self.take()
        params, named, vararg = self.param_types()
        self.expect(")")
        if self.kind() == "-" and self.kind(1) == ">":
            return self.arrow(t, params, vararg)
        if len(params) != 1 or named or vararg:
            self.error("'->' expected")
        return params[0]

    def function_type(self, t: Tok) -> TypeNode:
        """``function(A, B): R``."""
        self.take()
        params, _named, vararg = self.param_types()
        self.expect(")")
        returns = self.return_types() if self.kind() == ":" and self.take() else []
        return FunctionType(t.line, t.col, params, returns, vararg)

    def param_types(self):
        params, named, vararg = [], False, False
        if self.kind() == ")":
            return params, named, vararg
        while True:  # an item follows every comma
            if self.kind() == "...":
                self.take()
                vararg = True
                if self.kind() == ":":
                    self.take()
                    self.type_expr()
            else:
                if self.kind() == NAME and self.kind(1) in (":", "?") and not (self.kind(1) == "?" and self.kind(2) != ":"):
                    self.take()
                    if self.kind() == "?":
                        self.take()
                    self.take()
                    named = True
                params.append(self.type_expr())
            if self.kind() != ",":
                break
            self.take()
        return params, named, vararg

    def arrow(self, t: Tok, params: list, vararg: bool) -> TypeNode:
        self.take()
        self.take()
        if self.kind() == "(":
            self.take()
            returns = []
            while self.kind() != ")":
                returns.append(self.type_expr())
                if self.kind() != ",":
                    break
                self.take()
            self.expect(")")
        else:
            returns = [self.type_expr()]
        return FunctionType(t.line, t.col, params, returns, vararg)

    def table_type(self) -> TypeNode:
        """``{T}``, ``{[K]: V}``, ``{a: T, b?: U, readonly c: V}``, ``{}``."""
        t = self.take()
        fields, items, mapping = [], [], None
        while self.kind() != "}":
            if self.is_word("readonly") and self.kind(1) not in (":", "?"):
                self.take()
            if self.kind() == "[":
                self.take()
                if self.kind() == STRING and self.kind(1) == "]":
                    name = _string_value(self.take())
                    self.take()
                    optional = self.kind() == "?" and bool(self.take())
                    self.expect(":")
                    fields.append(Field(name, self.type_expr(), optional))
                else:
                    key = self.type_expr()
                    self.expect("]")
                    self.expect(":")
                    mapping = Map(t.line, t.col, key, self.type_expr())
            elif (self.kind(1) == ":" or (self.kind(1) == "?" and self.kind(2) == ":")) and (
                self.kind() == NAME or self.peek().kind.isalpha()
            ):
                name = self.take().text
                optional = self.kind() == "?" and bool(self.take())
                self.expect(":")
                fields.append(Field(name, self.type_expr(), optional))
            else:
                items.append(self.type_expr())
            if self.kind() not in (",", ";"):
                break
            self.take()
        self.expect("}", "}")
        if items and not fields and mapping is None:
            return Array(t.line, t.col, items[0])
        if mapping is not None and not fields:
            return mapping
        if items:
            self.error("unexpected symbol", t)
        return Record(t.line, t.col, fields, mapping)


def _string_value(tok: Tok) -> str:
    return tok.value  # the scanner's decoded text
