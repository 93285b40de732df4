"""Pass 2: Lua bytes -> luaparser AST, with fixes for luaparser's defects:

- Source is read as bytes and decoded latin-1, so every byte survives.
- Numbers and strings are decoded from their token text here (``node.value``),
  never from luaparser's own values (hex floats, overflow, escapes, long strings).
- Syntax errors carry the offending token's line and column; ANTLR's console
  printing is switched off.
- Deep nesting: callers run the whole compile in ``run_deep`` (large stack).
"""

from __future__ import annotations

import gc
import sys
import threading

from antlr4 import CommonTokenStream, Token
from antlr4.ListTokenSource import ListTokenSource
from antlr4.Token import CommonToken
from antlr4.error.ErrorListener import ErrorListener
from antlr4.error.ErrorStrategy import BailErrorStrategy
from antlr4.error.Errors import ParseCancellationException
from luaparser import astnodes as lua
from luaparser.ast import walk
from luaparser.builder import BuilderVisitor
from luaparser.parser.LuaLexer import LuaLexer
from luaparser.parser.LuaParser import LuaParser

from . import dialect, lex, syntax_check
from .diagnostics import Diagnostics
from .lex import LuaSyntaxError, utf8_encode  # noqa: F401  (re-exported)
from .common import str_to_number


class _Builder(BuilderVisitor):
    """luaparser's tree builder, with Lua's number syntax (hex floats, overflow)."""

    def visitNumber(self, ctx):  # noqa: N802 (ANTLR API)
        text = ctx.getText()
        value = str_to_number(text)
        if value is None:
            raise LiteralError(ctx.start.line, ctx.start.column + 1, f"malformed number near '{text}'")
        node = lua.Number(value)
        node.value = value
        return node


class _Listener(ErrorListener):
    """Only reached if luaparser's grammar rejects what Lua's parser accepted."""

    def syntaxError(self, recognizer, offendingSymbol, line, column, msg, e):  # noqa: N802 (ANTLR API)
        tok = offendingSymbol
        near = "<eof>" if tok is None or tok.type == Token.EOF else f"'{tok.text}'"
        raise LuaSyntaxError(line, column + 1, f"unexpected symbol near {near}")


def _token_types() -> dict:
    types = {}
    for index, literal in enumerate(LuaLexer.literalNames):
        if literal.startswith("'"):
            types[literal[1:-1]] = index
    return types


_TYPES = _token_types()


def _antlr_tokens(toks: list) -> list:
    """Our tokens as ANTLR tokens for luaparser's grammar (LuaLexer's types)."""
    out = []
    types = _TYPES
    for t in toks:
        kind = t.kind
        if kind == lex.NAME:
            ttype = LuaLexer.NAME
        elif kind == lex.NUMBER:
            ttype = LuaLexer.INT if type(t.value) is int else LuaLexer.FLOAT
        elif kind == lex.STRING:
            first = t.text[0]
            ttype = LuaLexer.NORMALSTRING if first == '"' else LuaLexer.CHARSTRING if first == "'" else LuaLexer.LONGSTRING
        elif kind == lex.EOF:
            ttype = Token.EOF
        else:
            ttype = types.get(kind, Token.INVALID_TYPE)
        ct = CommonToken(type=ttype, start=t.start, stop=t.stop - 1)
        ct.text = t.text
        ct.line = t.line
        ct.column = t.col - 1
        ct.tokenIndex = len(out)
        out.append(ct)
    return out


def strip_file_prelude(text: str) -> str:
    """Drop a UTF-8 BOM and a ``#`` first line, as ``luaL_loadfile`` does
    (keeping the line count)."""
    if text.startswith("\xef\xbb\xbf"):
        text = text[3:]
    if text.startswith("#"):
        nl = text.find("\n")
        text = text[nl:] if nl >= 0 else ""
    return text


def parse_text(text: str, c_base: int = syntax_check.C_LEVEL_BASE) -> lua.Chunk:
    """Parse Lua source (a latin-1 ``str``); raises LuaSyntaxError with Lua's message.

    Lua's own scanner and parser rules (``lex.py``, ``syntax_check.py``) find the first error with
    Lua's wording and position; luaparser's grammar then builds the tree from
    the same tokens."""
    erased = dialect.erase_types(lex.tokenize(text))
    toks = erased.tokens
    syntax_check.check_chunk(toks, c_base)
    tokens = CommonTokenStream(ListTokenSource(_antlr_tokens(toks)), channel=Token.DEFAULT_CHANNEL)
    parser = LuaParser(tokens)
    parser.removeErrorListeners()
    parser.addErrorListener(_Listener())
    parser._errHandler = BailErrorStrategy()
    enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            tree = parser.start_()
        except ParseCancellationException as e:
            cause = e.__context__ or (e.args[0] if e.args else None)
            tok = getattr(cause, "offendingToken", None)
            if tok is None and e.args and hasattr(e.args[0], "offendingToken"):
                tok = e.args[0].offendingToken
            if tok is not None:
                near = "<eof>" if tok.type == Token.EOF else f"'{tok.text}'"
                raise LuaSyntaxError(tok.line, tok.column + 1, f"unexpected symbol near {near}") from None
            raise LuaSyntaxError(1, 1, "syntax error") from None
        chunk = _Builder(tokens).visit(tree)
        chunk.token_list = tokens.tokens  # for positions Lua reports at a lookahead token
    finally:
        if enabled:
            gc.enable()
    decode_literals(chunk)
    if erased.decls or erased.signatures:
        attach_types(chunk, erased)
    return chunk


def parse_file(path, text: str, diags: Diagnostics, display: str | None = None, prelude: bool | None = None):
    """Parse one file's text, reporting errors to ``diags``; None on failure.

    ``prelude``: skip a BOM and a ``#`` first line as ``luaL_loadfile`` does
    (files), not as ``load`` does (strings). None guesses from the chunk name:
    ``[string "..."]`` is a string chunk."""
    name = display or str(path)
    if prelude is None:
        prelude = not name.startswith('[string "')
    try:
        return parse_text(strip_file_prelude(text) if prelude else text)
    except LuaSyntaxError as e:
        diags.error(name, e.line, e.col, e.message, code=e.code)
    except LiteralError as e:
        diags.error(name, e.line, e.col, e.message, code="E101")
    return None


def attach_types(chunk, erased: dialect.Erased) -> None:
    """Type declarations onto their ``<type>(N, ...)`` calls (``node.type_decl``),
    annotations onto their functions (``node.signature``)."""
    functions = (lua.Function, lua.LocalFunction, lua.AnonymousFunction, lua.Method)
    for node in walk(chunk):
        if isinstance(node, lua.Call) and isinstance(node.func, lua.Name) and node.func.id == dialect.TYPE_VALUE:
            node.type_decl = erased.decls[node.args[0].value]
        elif isinstance(node, functions) and node.first_token is not None:
            tok = node.first_token
            node.signature = erased.signatures.get((tok.line, tok.column + 1))


# --- literals -------------------------------------------------------------------


class LiteralError(Exception):
    def __init__(self, line, col, message):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def decode_literals(chunk) -> None:
    for node in walk(chunk):
        if isinstance(node, lua.String):
            tok = node.first_token
            if tok is not None and tok.text[:1] in ("'", '"', "["):
                text, line, col = tok.text, tok.line, tok.column + 1
            elif node.delimiter == lua.StringDelimiter.DOUBLE_SQUARE:
                # A long string without its own token (`f[[...]]`, `([[...]])`): no escapes.
                node.value = node.raw
                continue
            else:
                # `f"..."` and `("...")` have no string token of their own; rebuild it.
                quote = '"' if node.delimiter == lua.StringDelimiter.DOUBLE_QUOTE else "'"
                text = quote + node.raw + quote
                line, col = (tok.line, tok.column + 1) if tok is not None else (1, 1)
            try:
                node.value = decode_string(text)
            except ValueError as e:
                raise LiteralError(line, col, f"{e} near '{text[:30]}'") from None


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"', "'": "'"}
_HEXDIGITS = "0123456789abcdefABCDEF"


def decode_string(text: str) -> str:
    """The Lua string a string token denotes (one char per byte)."""
    if text[0] == "[":
        level = text.index("[", 1) + 1
        body = text[level:-level]
        if body.startswith("\r\n") or body.startswith("\n\r"):
            body = body[2:]
        elif body[:1] in ("\n", "\r"):
            body = body[1:]
        return body.replace("\r\n", "\n").replace("\n\r", "\n").replace("\r", "\n")
    body = text[1:-1]
    if "\\" not in body:
        return body
    out = []
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        i += 1
        c = body[i] if i < n else ""
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
            i += 1
        elif c in "\r\n":
            out.append("\n")
            i += 1
            if i < n and body[i] in "\r\n" and body[i] != c:
                i += 1
        elif c == "x":
            h = body[i + 1 : i + 3]
            if len(h) < 2 or any(ch not in _HEXDIGITS for ch in h):
                raise ValueError("hexadecimal digit expected")
            out.append(chr(int(h, 16)))
            i += 3
        elif c == "z":
            i += 1
            while i < n and body[i] in " \t\n\r\f\v":
                i += 1
        elif c.isdigit() and c.isascii():
            j = i
            while j < n and j < i + 3 and body[j].isdigit() and body[j].isascii():
                j += 1
            v = int(body[i:j])
            if v > 255:
                raise ValueError("decimal escape too large")
            out.append(chr(v))
            i = j
        elif c == "u":
            if body[i + 1 : i + 2] != "{":
                raise ValueError("missing '{' in \\u{xxxx}")
            j = body.find("}", i)
            digits = body[i + 2 : j] if j > 0 else ""
            if j < 0 or not digits or any(ch not in _HEXDIGITS for ch in digits):
                raise ValueError("hexadecimal digit expected")
            cp = int(digits, 16)
            if cp >= 2**31:
                raise ValueError("UTF-8 value too large")
            out.append(utf8_encode(cp))
            i = j + 1
        else:
            raise ValueError("invalid escape sequence")
    return "".join(out)


# --- deep nesting -------------------------------------------------------------


def run_deep(fn, *args, **kwargs):
    """Run ``fn`` on a thread with a large stack and recursion limit: the
    parser and the passes recurse once per nesting level."""
    result: dict = {}

    def target():
        old = sys.getrecursionlimit()
        sys.setrecursionlimit(max(old, 60_000))
        try:
            result["value"] = fn(*args, **kwargs)
        except BaseException as e:  # noqa: BLE001  re-raised on the caller's thread
            result["error"] = e
        finally:
            sys.setrecursionlimit(old)

    old_size = threading.stack_size()
    threading.stack_size(512 * 1024 * 1024)
    try:
        t = threading.Thread(target=target, name="luac2py-compile")
        t.start()
    finally:
        threading.stack_size(old_size)
    t.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")
