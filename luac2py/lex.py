"""A faithful Lua 5.4 scanner (``llex.c``'s rules and error messages).

``tokenize`` turns a chunk (a latin-1 ``str``, one char per byte) into a list
of ``Tok``. Lua's scanner runs on demand, so a lexical error is reported only
when the parser reaches the bad token: the list then ends with a ``<error>``
token carrying the ``LuaSyntaxError`` to raise at that point.

Token kinds: reserved words and symbols are their own text (``'end'``,
``'=='``, ``'('``); names, strings and numerals are ``<name>``, ``<string>``,
``<number>``; the end is ``<eof>``.
"""

from __future__ import annotations

import re

from .common import str_to_number


class LuaSyntaxError(Exception):
    """A Lua compile error: ``message`` is Lua's text without ``chunk:line:``."""

    def __init__(self, line: int, col: int, message: str, code: str = "E100"):
        super().__init__(message)
        self.line, self.col, self.message, self.code = line, col, message, code


RESERVED = frozenset(
    "and break do else elseif end false for function goto if in local nil not or repeat return then true until while".split()
)

NAME, STRING, NUMBER, EOF, ERROR = "<name>", "<string>", "<number>", "<eof>", "<error>"


class Tok:
    __slots__ = ("kind", "text", "value", "line", "col", "endline", "start", "stop", "buf")

    def __init__(self, kind, text, value, line, col, endline, start, stop, buf=None):
        self.kind, self.text, self.value = kind, text, value
        self.line, self.col, self.endline = line, col, endline
        self.start, self.stop = start, stop  # source offsets [start, stop)
        self.buf = buf  # Lua's token buffer for messages (strings: delimiters + decoded text)

    def __repr__(self):
        return f"Tok({self.kind!r}, {self.text!r}, {self.line})"


def token_text(tok: Tok) -> str:
    """How Lua shows a token after ``near`` (``txtToken``)."""
    kind = tok.kind
    if kind == EOF:
        return "<eof>"
    if kind in (NAME, NUMBER):
        return f"'{tok.text}'"
    if kind == STRING:
        return f"'{tok.buf}'"
    return token_str(kind)


def token_str(kind: str) -> str:
    """``luaX_token2str``: how Lua names a token kind in messages."""
    if kind in (NAME, STRING, NUMBER, EOF):
        return kind
    if len(kind) == 1:
        c = ord(kind)
        if 32 <= c < 127:
            return f"'{kind}'"
        return f"'<\\{c}>'"
    return f"'{kind}'"


_SPACE = re.compile(r"[ \f\t\v]+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_NEWLINE = re.compile(r"\r\n|\n\r|\r|\n")
_NUMERAL = re.compile(
    r"(?:0[xX](?:[pP][+-]?|[0-9a-fA-F.])*|[0-9](?:[eE][+-]?|[0-9a-fA-F.])*"
    r"|\.(?:0[xX](?:[pP][+-]?|[0-9a-fA-F.])*|[0-9](?:[eE][+-]?|[0-9a-fA-F.])*))[A-Za-z_]?"
)
_SIMPLE_STRING = {'"': re.compile(r'"[^"\\\n\r]*"'), "'": re.compile(r"'[^'\\\n\r]*'")}
_LINE_REST = re.compile(r"[^\r\n]*")
_THREE = ("...",)
_TWO = frozenset(["==", ">=", "<=", "~=", "//", "..", "::", "<<", ">>"])
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"', "'": "'"}
_HEX = "0123456789abcdefABCDEF"
_DIGITS = "0123456789"
_SPACES = " \t\n\r\f\v"


class _LexError(Exception):
    pass


class _Scanner:
    def __init__(self, text: str):
        self.s = text
        self.n = len(text)
        self.i = 0
        self.line = 1
        self.line_start = 0  # offset of the current line's first char
        self.tok_col = 1  # column of the token being read

    def col(self, pos: int) -> int:
        return pos - self.line_start + 1

    def newline(self):
        """``inclinenumber``: skip one of \\n, \\r, \\n\\r, \\r\\n."""
        s, i = self.s, self.i
        old = s[i]
        i += 1
        if i < self.n and s[i] in "\r\n" and s[i] != old:
            i += 1
        self.i = i
        self.line += 1
        self.line_start = i

    def error(self, message, near, start):
        text = f"{message} near {near}" if near is not None else message
        raise _LexError(LuaSyntaxError(self.line, self.tok_col, text))

    # --- long brackets ------------------------------------------------------
    def skip_sep(self) -> int:
        s, i = self.s, self.i
        c = s[i]
        i += 1
        count = 0
        while i < self.n and s[i] == "=":
            i += 1
            count += 1
        self.i = i
        if i < self.n and s[i] == c:
            return count + 2
        return 1 if count == 0 else 0

    def long_string(self, sep: int, start: int, what: str):
        """Read from the 2nd '[' to the closing bracket; returns the content."""
        line0 = self.line
        s, n = self.s, self.n
        self.i += 1  # 2nd '['
        if self.i < n and s[self.i] in "\r\n":
            self.newline()
        close = "]" + "=" * (sep - 2) + "]"
        j = s.find(close, self.i)
        if j < 0:
            for m in _NEWLINE.finditer(s, self.i):
                self.line += 1
                self.line_start = m.end()
            self.i = n
            self.error(f"unfinished long {what} (starting at line {line0})", "<eof>", start)
        body = s[self.i : j]
        parts = _NEWLINE.split(body)
        if len(parts) > 1:
            self.line += len(parts) - 1
            self.line_start = self.i + len(body) - len(parts[-1])
            body = "\n".join(parts)
        self.i = j + len(close)
        return body

    # --- short strings ------------------------------------------------------
    def short_string(self, start: int):
        s, n = self.s, self.n
        delim = s[start]
        buf = [delim]
        i = start + 1
        while True:
            if i >= n:
                self.i = i
                self.error("unfinished string", "<eof>", start)
            c = s[i]
            if c == delim:
                break
            if c in "\r\n":
                self.i = i
                self.error("unfinished string", f"'{''.join(buf)}'", start)
            if c != "\\":
                buf.append(c)
                i += 1
                continue
            # escape: keep '\\' in the buffer for messages until it is resolved
            buf.append("\\")
            i += 1
            c = s[i] if i < n else ""

            def esc_error(msg, at):
                # ``esccheck``: add the current char (if any) to the buffer
                if at < n:
                    buf.append(s[at])
                self.i = at
                self.error(msg, f"'{''.join(buf)}'", start)

            if c == "":
                continue  # unfinished string at the end
            if c in _ESCAPES:
                buf[-1] = _ESCAPES[c]
                i += 1
            elif c == "x":
                buf.append("x")
                i += 1
                h1 = s[i] if i < n else ""
                if not h1 or h1 not in _HEX:
                    esc_error("hexadecimal digit expected", i)
                buf.append(h1)
                i += 1
                h2 = s[i] if i < n else ""
                if not h2 or h2 not in _HEX:
                    esc_error("hexadecimal digit expected", i)
                del buf[-3:]
                buf.append(chr(int(h1 + h2, 16)))
                i += 1
            elif c == "u":
                mark = len(buf) - 1
                buf.append("u")
                i += 1
                if i >= n or s[i] != "{":
                    esc_error("missing '{'", i)
                buf.append("{")
                i += 1
                if i >= n or s[i] not in _HEX:
                    esc_error("hexadecimal digit expected", i)
                r = int(s[i], 16)
                buf.append(s[i])
                i += 1
                while i < n and s[i] in _HEX:
                    if r > (0x7FFFFFFF >> 4):
                        esc_error("UTF-8 value too large", i)
                    r = (r << 4) + int(s[i], 16)
                    buf.append(s[i])
                    i += 1
                if i >= n or s[i] != "}":
                    esc_error("missing '}'", i)
                i += 1
                del buf[mark:]
                buf.append(utf8_encode(r))
            elif c in "\r\n":
                self.i = i
                self.newline()
                i = self.i
                buf[-1] = "\n"
            elif c == "z":
                buf.pop()
                i += 1
                while i < n and s[i] in _SPACES:
                    if s[i] in "\r\n":
                        self.i = i
                        self.newline()
                        i = self.i
                    else:
                        i += 1
            elif c in _DIGITS:
                j = i
                while j < n and j < i + 3 and s[j] in _DIGITS:
                    j += 1
                r = int(s[i:j])
                if r > 255:
                    buf.extend(s[i:j])
                    esc_error("decimal escape too large", j)
                buf[-1] = chr(r)
                i = j
            else:
                esc_error("invalid escape sequence", i)
        buf.append(delim)
        self.i = i + 1
        return "".join(buf)


def tokenize(text: str) -> list[Tok]:
    """The tokens of a chunk, ending with ``<eof>`` (or ``<error>``)."""
    sc = _Scanner(text)
    s, n = text, len(text)
    out: list[Tok] = []
    append = out.append
    space_match, name_match = _SPACE.match, _NAME.match
    try:
        while True:
            i = sc.i
            if i >= n:
                append(Tok(EOF, "<EOF>", None, sc.line, sc.col(i), sc.line, i, i))
                return out
            c = s[i]
            if c in " \f\t\v":
                sc.i = space_match(s, i).end()
                continue
            if c in "\r\n":
                sc.newline()
                continue
            line, col = sc.line, i - sc.line_start + 1
            sc.tok_col = col
            m = name_match(s, i)
            if m:
                word = m.group()
                sc.i = m.end()
                append(Tok(word if word in RESERVED else NAME, word, word, line, col, line, i, sc.i))
                continue
            if c == "-":
                if s.startswith("--", i):
                    sc.i = i + 2
                    if sc.i < n and s[sc.i] == "[":
                        sep = sc.skip_sep()
                        if sep >= 2:
                            sc.long_string(sep, i, "comment")
                            continue
                    sc.i = _LINE_REST.match(s, sc.i).end()
                    continue
                sc.i = i + 1
                append(Tok("-", "-", None, line, col, line, i, i + 1))
                continue
            if c in "0123456789" or (c == "." and i + 1 < n and s[i + 1] in "0123456789"):
                m = _NUMERAL.match(s, i)
                word = m.group()
                sc.i = m.end()
                value = str_to_number(word)
                if value is None:
                    sc.error("malformed number", f"'{word}'", i)
                append(Tok(NUMBER, word, value, line, col, line, i, sc.i))
                continue
            if c == '"' or c == "'":
                m = _SIMPLE_STRING[c].match(s, i)
                if m:
                    word = m.group()
                    sc.i = m.end()
                    append(Tok(STRING, word, word[1:-1], line, col, line, i, sc.i, word))
                    continue
                buf = sc.short_string(i)
                append(Tok(STRING, s[i : sc.i], buf[1:-1], line, col, sc.line, i, sc.i, buf))
                continue
            if c == "[":
                sep = sc.skip_sep()
                if sep >= 2:
                    body = sc.long_string(sep, i, "string")
                    eq = "=" * (sep - 2)
                    buf = f"[{eq}[{body}]{eq}]"
                    append(Tok(STRING, s[i : sc.i], body, line, col, sc.line, i, sc.i, buf))
                    continue
                if sep == 0:
                    sc.error("invalid long string delimiter", f"'{s[i:sc.i]}'", i)
                sc.i = i + 1
                append(Tok("[", "[", None, line, col, line, i, i + 1))
                continue
            three = s[i : i + 3]
            if three == "...":
                sc.i = i + 3
                append(Tok("...", "...", None, line, col, line, i, i + 3))
                continue
            two = three[:2]
            if two in _TWO:
                sc.i = i + 2
                append(Tok(two, two, None, line, col, line, i, i + 2))
                continue
            sc.i = i + 1
            append(Tok(c, c, None, line, col, line, i, i + 1))
    except _LexError as e:
        err = e.args[0]
        tok = Tok(ERROR, "", err, err.line, err.col, err.line, sc.i, sc.i)
        append(tok)
        return out


def utf8_encode(cp: int) -> str:
    """Lua's extended UTF-8 (up to 2^31, 6 bytes) as a byte string."""
    if cp < 0x80:
        return chr(cp)
    limits = [(0x800, 2), (0x10000, 3), (0x200000, 4), (0x4000000, 5), (0x80000000, 6)]
    for limit, count in limits:
        if cp < limit:
            break
    first_marks = {2: 0xC0, 3: 0xE0, 4: 0xF0, 5: 0xF8, 6: 0xFC}
    out = []
    for _ in range(count - 1):
        out.append(0x80 | (cp & 0x3F))
        cp >>= 6
    out.append(first_marks[count] | cp)
    return "".join(chr(b) for b in reversed(out))
