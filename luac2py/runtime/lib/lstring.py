"""Lua 5.4's string library, on Lua strings held as one-char-per-byte ``str``.

A port of lstrlib.c (Lua 5.4.8): argument checks, error texts and the order in
which they are raised follow the C code. Patterns that cannot raise an error
while matching are translated to Python regular expressions; the others run
on an iterative port of Lua's backtracking matcher, which raises the lazy
errors ("malformed pattern", "invalid capture index", "pattern too complex")
exactly where Lua does.
"""

from __future__ import annotations

import builtins
import math
import re
import struct
import sys

from ..errors import LuaError
from ..ops import first, index, truthy
from ..table import Table
from .lcoroutine import NONYIELDABLE
from ..values import (
    NOVALUE,
    MININTEGER,
    float_to_int,
    number_to_str,
    str_to_number,
    type_name,
    wrap,
)
from .base import tostring

# This module defines Lua's `len` and `format`; the builtins go by these names.
_len = builtins.len
_MASK64 = 2**64 - 1
_INT_MAX = 2**31 - 1  # lstrlib's MAXSIZE on 64-bit platforms


# --- arguments -------------------------------------------------------------------


def _tname(v) -> str:
    """The type name luaL_typeerror shows (a ``__name`` metafield wins)."""
    if v is NOVALUE:
        return "no value"
    from ..values import obj_type_name

    return obj_type_name(v)


def _argerror(n: int, fname: str, msg: str) -> LuaError:
    # Named as the calling Lua code names the function, else "string.<fname>".
    return LuaError.bad_argument(n, "string." + fname, msg)


def _check_str(v, n, fname) -> str:
    t = type(v)
    if t is str:
        return v
    if t is int or t is float:
        return number_to_str(v)
    raise _argerror(n, fname, f"string expected, got {_tname(v)}")


def _check_int(v, n, fname) -> int:
    t = type(v)
    if t is int:
        return v
    x = str_to_number(v) if t is str else v
    if type(x) is int:
        return x
    if type(x) is float:
        r = float_to_int(x)
        if r is None:
            raise _argerror(n, fname, "number has no integer representation")
        return r
    raise _argerror(n, fname, f"number expected, got {_tname(v)}")


def _opt_int(v, n, fname, default) -> int:
    return default if v is None or v is NOVALUE else _check_int(v, n, fname)


def _check_num(v, n, fname) -> float:
    t = type(v)
    if t is float:
        return v
    if t is int:
        return float(v)
    if t is str:
        r = str_to_number(v)
        if r is not None:
            return float(r)
    raise _argerror(n, fname, f"number expected, got {_tname(v)}")


def _posrelat(pos: int, ln: int) -> int:
    """A start position: negative counts from the end; clipped to [1, inf)."""
    if pos > 0:
        return pos
    if pos == 0 or pos < -ln:
        return 1
    return ln + pos + 1


def _endpos(pos: int, ln: int) -> int:
    """An end position: negative counts from the end; clipped to [0, ln]."""
    if pos > ln:
        return ln
    if pos >= 0:
        return pos
    if pos < -ln:
        return 0
    return ln + pos + 1


# --- simple functions ------------------------------------------------------------


def len(s=NOVALUE, *_):  # noqa: A001
    return _len(_check_str(s, 1, "len"))


def sub(s=NOVALUE, i=NOVALUE, j=None, *_):
    s = _check_str(s, 1, "sub")
    ln = _len(s)
    start = _posrelat(_check_int(i, 2, "sub"), ln)
    end = _endpos(_opt_int(j, 3, "sub", -1), ln)
    return s[start - 1 : end] if start <= end else ""


def reverse(s=NOVALUE, *_):
    return _check_str(s, 1, "reverse")[::-1]


# C-locale case mapping: only ASCII letters change.
_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def lower(s=NOVALUE, *_):
    s = _check_str(s, 1, "lower")
    return s.lower() if s.isascii() else s.translate(_LOWER)


def upper(s=NOVALUE, *_):
    s = _check_str(s, 1, "upper")
    return s.upper() if s.isascii() else s.translate(_UPPER)


def rep(s=NOVALUE, n=NOVALUE, sep=None, *_):
    s = _check_str(s, 1, "rep")
    n = _check_int(n, 2, "rep")
    sep = "" if sep is None or sep is NOVALUE else _check_str(sep, 3, "rep")
    if n <= 0:
        return ""
    if _len(s) + _len(sep) > _INT_MAX // n:
        raise LuaError.at_caller("resulting string too large")
    if not sep:
        return s * n
    return (s + sep) * (n - 1) + s


def byte(s=NOVALUE, i=None, j=None, *_):
    s = _check_str(s, 1, "byte")
    ln = _len(s)
    pi = _opt_int(i, 2, "byte", 1)
    posi = _posrelat(pi, ln)
    pose = _endpos(_opt_int(j, 3, "byte", pi), ln)
    if posi > pose:
        return ()
    if posi == pose:
        return ord(s[posi - 1])
    return tuple(map(ord, s[posi - 1 : pose]))


def char(*args):
    codes = []
    for i, v in enumerate(args, 1):
        c = _check_int(v, i, "char")
        if not 0 <= c <= 255:
            raise _argerror(i, "char", "value out of range")
        codes.append(c)
    return "".join(map(chr, codes))


def dump(f=NOVALUE, strip=None, *_):
    if f is NOVALUE or type_name(f) != "function":
        raise _argerror(1, "dump", f"function expected, got {_tname(f)}")
    from ..loader import dump_function

    text = dump_function(f, strip is not None and strip is not False and strip is not NOVALUE)
    if text is None:
        raise LuaError.at_caller("unable to dump given function")
    return text


# --- patterns: character classes ---------------------------------------------------

_ALL = frozenset(map(chr, range(256)))


def _chars(*ranges) -> frozenset:
    return frozenset(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


# C-locale <ctype.h> classes.
_CTYPE = {
    "a": _chars((65, 90), (97, 122)),
    "c": _chars((0, 31), (127, 127)),
    "d": _chars((48, 57)),
    "g": _chars((33, 126)),
    "l": _chars((97, 122)),
    "p": _chars((33, 47), (58, 64), (91, 96), (123, 126)),
    "s": _chars((9, 13), (32, 32)),
    "u": _chars((65, 90)),
    "w": _chars((48, 57), (65, 90), (97, 122)),
    "x": _chars((48, 57), (65, 70), (97, 102)),
    "z": _chars((0, 0)),  # deprecated, still accepted by 5.4
}
_CLASS = {}
for _cl, _set in _CTYPE.items():
    _CLASS[_cl] = _set
    _CLASS[_cl.upper()] = _ALL - _set


def _class_set(cl: str) -> frozenset:
    """What ``%cl`` matches: a class, its complement, or the char itself."""
    r = _CLASS.get(cl)
    return frozenset(cl) if r is None else r


def _bracket_end(pat: str, p: int) -> int:
    """Index just past the ``]`` closing the set that opens at ``pat[p]``, or -1
    when it is not closed (classEnd; the first char is always a member)."""
    pn = _len(pat)
    p += 1
    if p < pn and pat[p] == "^":
        p += 1
    while True:
        if p >= pn:
            return -1
        c = pat[p]
        p += 1
        if c == "%" and p < pn:
            p += 1
        if p < pn and pat[p] == "]":
            return p + 1


def _bracket_set(pat: str, p: int, ec: int) -> frozenset:
    """The chars the set ``pat[p:ec+1]`` matches (matchbracketclass)."""
    negate = pat[p + 1] == "^"
    if negate:
        p += 1
    chars = set()
    p += 1
    while p < ec:
        c = pat[p]
        if c == "%":
            p += 1
            chars |= _class_set(pat[p])
        elif pat[p + 1] == "-" and p + 2 < ec:
            chars.update(map(chr, range(ord(c), ord(pat[p + 2]) + 1)))
            p += 2
        else:
            chars.add(c)
        p += 1
    return _ALL - chars if negate else frozenset(chars)


# --- patterns: compilation ---------------------------------------------------------

_MAXCAPTURES = 32
_MAXCCALLS = 200  # Lua's limit on nested match() calls ("pattern too complex")
_CAP_UNFINISHED = -1
_CAP_POSITION = -2
_QUANT = {"*": "*", "+": "+", "-": "*?", "?": "?"}


def _re_set(chars: frozenset) -> str:
    if not chars:
        return "[^\\x00-\\U0010ffff]"
    if _len(chars) == 1:
        return re.escape(next(iter(chars)))
    codes = sorted(map(ord, chars))
    parts = []
    i = 0
    while i < _len(codes):
        j = i
        while j + 1 < _len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(f"\\x{codes[i]:02x}" if i == j else f"\\x{codes[i]:02x}-\\x{codes[j]:02x}")
        i = j + 1
    return "[" + "".join(parts) + "]"


def _translate(pat: str):
    """A Python regex equivalent to ``pat``, the position-capture flags of its
    groups and whether a match can be empty, or None when matching could raise
    an error or needs ``%b``."""
    pn = _len(pat)
    width = 0  # single-character items a match must contain
    out = []
    kinds = []  # per capture: True for a position capture
    opened = []  # indices of unclosed captures
    frames = 0  # nested match() calls a match can reach
    p = 0
    while p < pn:
        c = pat[p]
        if c == "(":
            if _len(kinds) >= _MAXCAPTURES:
                return None
            frames += 1
            if p + 1 < pn and pat[p + 1] == ")":
                kinds.append(True)
                out.append("()")
                p += 2
            else:
                opened.append(_len(kinds))
                kinds.append(False)
                out.append("(")
                p += 1
            continue
        if c == ")":
            if not opened:
                return None
            opened.pop()
            frames += 1
            out.append(")")
            p += 1
            continue
        if c == "$" and p + 1 == pn:
            out.append("\\Z")
            break
        if c == "%" and p + 1 < pn:
            d = pat[p + 1]
            if d == "b":
                return None
            if d == "f":
                p += 2
                if p >= pn or pat[p] != "[":
                    return None
                ep = _bracket_end(pat, p)
                if ep < 0:
                    return None
                chars = _bracket_set(pat, p, ep - 1)
                # Before the start and at the end of the subject Lua sees '\0'.
                if "\0" in chars:
                    out.append(f"(?<={_re_set(_ALL - chars)})(?:(?={_re_set(chars)})|\\Z)")
                else:
                    out.append(f"(?<!{_re_set(chars)})(?={_re_set(chars)})")
                p = ep
                continue
            if "0" <= d <= "9":
                level = ord(d) - ord("1")
                if level < 0 or level >= _len(kinds) or level in opened:
                    return None
                # A back-reference to a position capture never matches in Lua.
                out.append("(?!)" if kinds[level] else f"(?:\\{level + 1})")
                p += 2
                continue
        if c == "%":
            if p + 1 >= pn:
                return None
            ep = p + 2
            item = _re_set(_class_set(pat[p + 1]))
        elif c == "[":
            ep = _bracket_end(pat, p)
            if ep < 0:
                return None
            item = _re_set(_bracket_set(pat, p, ep - 1))
        elif c == ".":
            ep = p + 1
            item = "."
        else:
            ep = p + 1
            item = re.escape(c)
        q = _QUANT.get(pat[ep]) if ep < pn else None
        if q is None or q == "+":
            width += 1
        if q is None:
            out.append(item)
            p = ep
        else:
            out.append(item + q)
            frames += 1
            p = ep + 1
    if opened or frames >= _MAXCCALLS:
        return None
    return "".join(out), tuple(kinds), width == 0


class _Pattern:
    """A compiled Lua pattern (without its ``^`` anchor)."""

    __slots__ = ("pat", "rx", "kinds", "may_be_empty", "classes")

    def __init__(self, pat: str):
        self.pat = pat
        tr = _translate(pat)
        if tr is None:
            self.rx = None
            self.kinds = ()
            self.may_be_empty = True
        else:
            self.rx = re.compile(tr[0], re.DOTALL)
            self.kinds, self.may_be_empty = tr[1], tr[2]
        self.classes = {}  # pattern index -> (end index, chars) for the port

    def exec(self, subj: str, s: int, anchored: bool):
        """The first match starting at ``s`` or later (only at ``s`` when
        anchored): ``(start, end, captures)`` with captures as ``(init, len)``
        pairs (len is _CAP_POSITION or _CAP_UNFINISHED for those), or None."""
        rx = self.rx
        if rx is not None:
            m = rx.match(subj, s) if anchored else rx.search(subj, s)
            if m is None:
                return None
            if self.kinds:
                spans = m.regs
                caps = [
                    (spans[i][0], _CAP_POSITION) if pos else (spans[i][0], spans[i][1] - spans[i][0])
                    for i, pos in enumerate(self.kinds, 1)
                ]
            else:
                caps = ()
            return m.start(), m.end(), caps
        n = _len(subj)
        while True:
            r = _do_match(self, subj, s)
            if r is not None:
                return s, r[0], r[1]
            if anchored or s >= n:
                return None
            s += 1


_CACHE: dict = {}


def _compile(pat: str) -> _Pattern:
    cp = _CACHE.get(pat)
    if cp is None:
        if _len(_CACHE) >= 512:
            _CACHE.clear()
        cp = _CACHE[pat] = _Pattern(pat)
    return cp


# --- patterns: the matcher ---------------------------------------------------------


def _class_at(cp: _Pattern, p: int):
    """``(end, chars)`` for the single-char class at ``p``; chars is None for
    '.', a frozenset or the literal char (``in`` works for all but None)."""
    r = cp.classes.get(p)
    if r is None:
        pat = cp.pat
        c = pat[p]
        if c == "%":
            if p + 1 >= _len(pat):
                raise LuaError.at_caller("malformed pattern (ends with '%')")
            r = (p + 2, _class_set(pat[p + 1]))
        elif c == "[":
            ep = _bracket_end(pat, p)
            if ep < 0:
                raise LuaError.at_caller("malformed pattern (missing ']')")
            r = (ep, _bracket_set(pat, p, ep - 1))
        elif c == ".":
            r = (p + 1, None)
        else:
            r = (p + 1, c)
        cp.classes[p] = r
    return r


# Frames of the explicit stack: each stands for one suspended C match() call.
_F_START, _F_END, _F_OPT, _F_MAX, _F_MIN = range(5)


def _do_match(cp: _Pattern, subj: str, s: int):
    """Lua's match() from subject index ``s`` and pattern start, iteratively:
    ``(end, captures)`` or None. Captures are mutable ``[init, len]`` pairs."""
    pat = cp.pat
    pn = _len(pat)
    n = _len(subj)
    caps: list = []
    stack: list = []
    p = 0
    while True:
        while True:  # run from (s, p); "continue" is C's "goto init", "break" fails
            if p == pn:
                return s, caps
            c = pat[p]
            if c == "(":
                if _len(caps) >= _MAXCAPTURES:
                    raise LuaError.at_caller("too many captures")
                if p + 1 < pn and pat[p + 1] == ")":
                    caps.append([s, _CAP_POSITION])
                    p += 2
                else:
                    caps.append([s, _CAP_UNFINISHED])
                    p += 1
                stack.append((_F_START,))
                if _len(stack) >= _MAXCCALLS:
                    raise LuaError.at_caller("pattern too complex")
                continue
            if c == ")":
                level = _len(caps) - 1
                while level >= 0 and caps[level][1] != _CAP_UNFINISHED:
                    level -= 1
                if level < 0:
                    raise LuaError.at_caller("invalid pattern capture")
                caps[level][1] = s - caps[level][0]
                stack.append((_F_END, level))
                if _len(stack) >= _MAXCCALLS:
                    raise LuaError.at_caller("pattern too complex")
                p += 1
                continue
            if c == "$" and p + 1 == pn:
                if s == n:
                    return s, caps
                break
            if c == "%" and p + 1 < pn:
                d = pat[p + 1]
                if d == "b":
                    if p + 2 >= pn - 1:
                        raise LuaError.at_caller("malformed pattern (missing arguments to '%b')")
                    if s >= n or subj[s] != pat[p + 2]:
                        break
                    b, e = pat[p + 2], pat[p + 3]
                    depth = 1
                    s += 1
                    while s < n:
                        ch = subj[s]
                        if ch == e:
                            depth -= 1
                            if depth == 0:
                                break
                        elif ch == b:
                            depth += 1
                        s += 1
                    if s >= n:
                        break
                    s += 1
                    p += 4
                    continue
                if d == "f":
                    p += 2
                    if p >= pn or pat[p] != "[":
                        raise LuaError.at_caller("missing '[' after '%f' in pattern")
                    ep, chars = _class_at(cp, p)
                    prev = subj[s - 1] if s > 0 else "\0"
                    cur = subj[s] if s < n else "\0"
                    if prev not in chars and cur in chars:
                        p = ep
                        continue
                    break
                if "0" <= d <= "9":
                    level = ord(d) - ord("1")
                    if level < 0 or level >= _len(caps) or caps[level][1] == _CAP_UNFINISHED:
                        raise LuaError.at_caller(f"invalid capture index %{level + 1}")
                    init, ln = caps[level]
                    # A position capture has len -2: as size_t it never fits.
                    if ln >= 0 and n - s >= ln and subj[s : s + ln] == subj[init : init + ln]:
                        s += ln
                        p += 2
                        continue
                    break
            ep, chars = _class_at(cp, p)
            suffix = pat[ep] if ep < pn else ""
            if s >= n or (chars is not None and subj[s] not in chars):
                if suffix == "*" or suffix == "?" or suffix == "-":
                    p = ep + 1
                    continue
                break
            if suffix == "?":
                stack.append((_F_OPT, s, ep))
                if _len(stack) >= _MAXCCALLS:
                    raise LuaError.at_caller("pattern too complex")
                s += 1
                p = ep + 1
                continue
            if suffix == "*" or suffix == "+":
                start = s + 1 if suffix == "+" else s
                j = start
                if chars is None:
                    j = n
                else:
                    while j < n and subj[j] in chars:
                        j += 1
                stack.append((_F_MAX, start, ep, j - start))
                if _len(stack) >= _MAXCCALLS:
                    raise LuaError.at_caller("pattern too complex")
                s = j
                p = ep + 1
                continue
            if suffix == "-":
                stack.append((_F_MIN, s, p, ep))
                if _len(stack) >= _MAXCCALLS:
                    raise LuaError.at_caller("pattern too complex")
                p = ep + 1
                continue
            s += 1
            p = ep
        # The innermost call failed: resume the newest suspended call.
        while True:
            if not stack:
                return None
            fr = stack.pop()
            kind = fr[0]
            if kind == _F_START:
                caps.pop()
            elif kind == _F_END:
                caps[fr[1]][1] = _CAP_UNFINISHED
            elif kind == _F_OPT:
                s = fr[1]
                p = fr[2] + 1
                break
            elif kind == _F_MAX:
                i = fr[3] - 1
                if i >= 0:
                    stack.append((_F_MAX, fr[1], fr[2], i))
                    s = fr[1] + i
                    p = fr[2] + 1
                    break
            else:
                s, p0, ep = fr[1], fr[2], fr[3]
                chars = _class_at(cp, p0)[1]
                if s < n and (chars is None or subj[s] in chars):
                    s += 1
                    stack.append((_F_MIN, s, p0, ep))
                    p = ep + 1
                    break


# --- find, match, gmatch, gsub -----------------------------------------------------

_SPECIALS = re.compile(r"[\^$*+?.(\[%-]")


def _capture_values(subj: str, caps, s: int, e: int, whole: bool) -> tuple:
    """push_captures: the captures' values, or the whole match when there are
    none and ``whole`` (find passes no match, so gets nothing)."""
    if not caps:
        return (subj[s:e],) if whole else ()
    out = []
    for init, ln in caps:
        if ln == _CAP_UNFINISHED:
            raise LuaError.at_caller("unfinished capture")
        out.append(init + 1 if ln == _CAP_POSITION else subj[init : init + ln])
    return tuple(out)


def _one_capture(subj: str, caps, i: int, s: int, e: int):
    """get_onecapture: capture ``i`` (0-based), the whole match for i=0 without captures."""
    if i >= _len(caps):
        if i != 0:
            raise LuaError.at_caller(f"invalid capture index %{i + 1}")
        return subj[s:e]
    init, ln = caps[i]
    if ln == _CAP_UNFINISHED:
        raise LuaError.at_caller("unfinished capture")
    return init + 1 if ln == _CAP_POSITION else subj[init : init + ln]


def _one(values: tuple):
    return values[0] if _len(values) == 1 else values


def _find_aux(fname, s, p, init, plain):
    s = _check_str(s, 1, fname)
    p = _check_str(p, 2, fname)
    ls = _len(s)
    start = _posrelat(_opt_int(init, 3, fname, 1), ls) - 1
    if start > ls:
        return None
    find = fname == "find"
    if find and (truthy(plain) or not _SPECIALS.search(p)):
        i = s.find(p, start)
        return None if i < 0 else (i + 1, i + _len(p))
    anchor = p[:1] == "^"
    r = _compile(p[1:] if anchor else p).exec(s, start, anchor)
    if r is None:
        return None
    st, e, caps = r
    if find:
        return (st + 1, e) + _capture_values(s, caps, st, e, False)
    return _one(_capture_values(s, caps, st, e, True))


def find(s=NOVALUE, pattern=NOVALUE, init=None, plain=None, *_):
    return _find_aux("find", s, pattern, init, plain)


def match(s=NOVALUE, pattern=NOVALUE, init=None, *_):
    return _find_aux("match", s, pattern, init, None)


def gmatch(s=NOVALUE, pattern=NOVALUE, init=None, *_):
    s = _check_str(s, 1, "gmatch")
    p = _check_str(pattern, 2, "gmatch")
    ls = _len(s)
    # 5.4: no '^' anchor here; the pattern is used as it is.
    cp = _compile(p)
    state = [min(_posrelat(_opt_int(init, 3, "gmatch", 1), ls) - 1, ls + 1), -1]

    def gmatch_step(*_):
        src, lastmatch = state
        while src <= ls:
            r = cp.exec(s, src, False)
            if r is None:
                break
            st, e, caps = r
            if e == lastmatch:  # an empty match where the last one ended
                src = st + 1
                continue
            state[0] = state[1] = e
            return _one(_capture_values(s, caps, st, e, True))
        state[0] = ls + 1
        return ()

    return gmatch_step


def _parse_repl(repl: str) -> list:
    """A replacement string as parts: literal text, or a capture number
    (0 = whole match, -1 = the invalid '%' escape), in order."""
    parts = []
    i = 0
    n = _len(repl)
    while True:
        j = repl.find("%", i)
        if j < 0:
            if i < n:
                parts.append(repl[i:])
            return parts
        if j > i:
            parts.append(repl[i:j])
        d = repl[j + 1] if j + 1 < n else ""
        if d == "%":
            parts.append("%")
        elif "0" <= d <= "9":
            parts.append(ord(d) - ord("0"))
        else:
            parts.append(-1)
        i = j + 2


class _BadReplacement(Exception):
    pass


def _re_template(parts, ncaps: int):
    """A ``re`` replacement template for a parsed Lua replacement string, or
    None when a reference must raise Lua's error (left to the general loop)."""
    out = []
    for part in parts:
        if type(part) is str:
            out.append(part.replace("\\", "\\\\"))
        elif part == 0 or (part == 1 and ncaps == 0):
            out.append("\\g<0>")
        elif 0 < part <= ncaps:
            out.append(f"\\g<{part}>")
        else:
            return None
    return "".join(out)


def _gsub_re(cp: _Pattern, src: str, repl, template, max_s: int):
    """gsub by ``re.subn`` for a pattern whose matches are never empty (so
    Lua's and Python's rules for where the next match starts agree) and that
    has no position captures; ``template`` stands for a replacement string."""
    if template is not None:
        return cp.rx.subn(template, src, max_s)
    grouped = bool(cp.kinds)
    changed = False  # no replacement at all gives back the subject itself, as in Lua

    def replace(m):
        nonlocal changed
        if table:
            v = index(repl, m.group(1) if grouped else m.group())
        else:
            v = first(repl(*m.groups()) if grouped else repl(m.group()))
        if v is None or v is False:
            return m.group()
        changed = True
        tv = type(v)
        if tv is str:
            return v
        if tv is int:
            return str(v)
        if tv is float:
            return number_to_str(v)
        raise _BadReplacement(v)

    table = isinstance(repl, Table)
    NONYIELDABLE.depth += 1  # no yield across gsub (a C function in Lua)
    try:
        out, count = cp.rx.subn(replace, src, max_s)
    except _BadReplacement as bad:
        raise LuaError.at_caller(f"invalid replacement value (a {type_name(bad.args[0])})") from None
    finally:
        NONYIELDABLE.depth -= 1
    return (out if changed else src), count


def gsub(s=NOVALUE, pattern=NOVALUE, repl=NOVALUE, n=None, *_):
    src = _check_str(s, 1, "gsub")
    p = _check_str(pattern, 2, "gsub")
    ls = _len(src)
    max_s = _opt_int(n, 4, "gsub", ls + 1)
    tr = type_name(repl) if repl is not NOVALUE else "no value"
    if tr == "number":
        repl = number_to_str(repl)
    elif tr not in ("string", "function", "table"):
        raise _argerror(3, "gsub", f"string/function/table expected, got {_tname(repl)}")
    parts = _parse_repl(repl) if type(repl) is str else None
    anchor = p[:1] == "^"
    cp = _compile(p[1:] if anchor else p)
    if not anchor and not cp.may_be_empty and cp.rx is not None and True not in cp.kinds:
        template = None if parts is None else _re_template(parts, _len(cp.kinds))
        if parts is None or template is not None:
            return _gsub_re(cp, src, repl, template, max_s) if max_s > 0 else (src, 0)
    out = []
    pos = 0  # subject text before pos is in out
    lastmatch = -1
    count = 0
    changed = False
    while count < max_s:
        r = cp.exec(src, pos, anchor)
        if r is None:
            break
        st, e, caps = r
        if e == lastmatch:  # an empty match where the last one ended: skip a char
            if st >= ls:
                break
            out.append(src[pos : st + 1])
            pos = st + 1
            if anchor:
                break
            continue
        out.append(src[pos:st])
        count += 1
        if parts is not None:
            changed = True
            for part in parts:
                if type(part) is str:
                    out.append(part)
                elif part == 0:
                    out.append(src[st:e])
                elif part < 0:
                    raise LuaError.at_caller("invalid use of '%' in replacement string")
                else:
                    v = _one_capture(src, caps, part - 1, st, e)
                    out.append(v if type(v) is str else str(v))
        else:
            if tr == "function":
                NONYIELDABLE.depth += 1  # no yield across gsub (a C function in Lua)
                try:
                    v = first(repl(*_capture_values(src, caps, st, e, True)))
                finally:
                    NONYIELDABLE.depth -= 1
            else:
                v = index(repl, _one_capture(src, caps, 0, st, e))
            if v is None or v is False:
                out.append(src[st:e])
            elif type(v) is str:
                out.append(v)
                changed = True
            elif type(v) is int or type(v) is float:
                out.append(number_to_str(v))
                changed = True
            else:
                raise LuaError.at_caller(f"invalid replacement value (a {type_name(v)})")
        pos = lastmatch = e
        if anchor:
            break
    if not changed:
        return src, count
    out.append(src[pos:])
    return "".join(out), count


# --- format ------------------------------------------------------------------------

_FMT_SPAN = frozenset("-+#0 123456789.")
_FLAGS_F = "-+#0 "  # a A e E f g G
_FLAGS_X = "-#0"  # o x X
_FLAGS_I = "-+0 "  # d i
_FLAGS_U = "-0"  # u
_FLAGS_C = "-"  # c p s


def _checkformat(form: str, flags: str, precision: bool):
    """Lua's checkformat: flags from ``flags``, a width and a precision of at
    most two digits each; returns (flags, width, precision or None)."""
    i = 1
    while form[i] in flags:
        i += 1
    used = form[1:i]
    width = 0
    prec = None
    if form[i] != "0":
        j = i
        while j < i + 2 and "0" <= form[j] <= "9":
            j += 1
        width = int(form[i:j]) if j > i else 0
        i = j
        if form[i] == "." and precision:
            i += 1
            j = i
            while j < i + 2 and "0" <= form[j] <= "9":
                j += 1
            prec = int(form[i:j]) if j > i else 0
            i = j
    if not ("a" <= form[i] <= "z" or "A" <= form[i] <= "Z"):
        raise LuaError.at_caller(f"invalid conversion specification: '{form}'")
    return used, width, prec


def _pad(prefix: str, body: str, flags: str, width: int, zeros: bool) -> str:
    """Justify ``prefix + body`` in ``width`` as printf does; ``zeros`` allows
    the '0' flag (zeros go between prefix and body)."""
    n = _len(prefix) + _len(body)
    if n >= width:
        return prefix + body
    if "-" in flags:
        return prefix + body + " " * (width - n)
    if zeros and "0" in flags:
        return prefix + "0" * (width - n) + body
    return " " * (width - n) + prefix + body


def _sign(negative: bool, flags: str) -> str:
    if negative:
        return "-"
    if "+" in flags:
        return "+"
    if " " in flags:
        return " "
    return ""


def _fmt_int(conv: str, n: int, flags: str, width: int, prec) -> str:
    if conv == "d" or conv == "i":
        sign = _sign(n < 0, flags)
        digits = str(abs(n))
    else:
        sign = ""
        u = n & _MASK64
        digits = f"{u:o}" if conv == "o" else f"{u:x}" if conv == "x" else f"{u:X}" if conv == "X" else str(u)
    if prec is not None:
        if prec == 0 and n == 0:
            digits = ""
        digits = digits.rjust(prec, "0")
    if "#" in flags:
        if conv == "o" and not digits.startswith("0"):
            digits = "0" + digits
        elif conv in "xX" and n != 0:
            sign = "0" + conv
    return _pad(sign, digits, flags, width, prec is None)


def _fmt_nonfinite(x: float, flags: str, width: int, upper: bool) -> str:
    # glibc: "-nan" for a NaN with the sign bit; the '0' flag does not apply.
    body = "nan" if x != x else "inf"
    return _pad(_sign(math.copysign(1.0, x) < 0, flags), body.upper() if upper else body, flags, width, False)


def _fmt_float(conv: str, x: float, flags: str, width: int, prec) -> str:
    if x != x or x in (math.inf, -math.inf):
        return _fmt_nonfinite(x, flags, width, conv in "EG")
    spec = "%" + flags + (str(width) if width else "") + ("" if prec is None else f".{prec}") + conv
    return spec % x


def _fmt_hexfloat(x: float, flags: str = "", width: int = 0, prec=None, upper: bool = False) -> str:
    """C's ``%a`` as glibc prints it (``0x1.8p+1``; subnormals as ``0x0.…p-1022``)."""
    if x != x or x in (math.inf, -math.inf):
        return _fmt_nonfinite(x, flags, width, upper)
    sign = _sign(math.copysign(1.0, x) < 0, flags)
    x = abs(x)
    if x == 0.0:
        lead, frac, exp = 0, 0, 0
    else:
        h = x.hex()  # 0x1.<13 hex digits>p<exp>
        mant, _, e = h[2:].partition("p")
        lead = int(mant[0])
        frac = int(mant[2:], 16)
        exp = int(e)
    if prec is None:
        digits = f"{frac:013x}".rstrip("0") if frac else ""
    else:
        if prec < 13:
            drop = 4 * (13 - prec)
            q, r = divmod((lead << 52) | frac, 1 << drop)
            half = 1 << (drop - 1)
            if r > half or (r == half and q & 1):  # round half to even
                q += 1
            lead, frac = q >> (4 * prec), q & ((1 << (4 * prec)) - 1)
            digits = f"{frac:0{prec}x}" if prec else ""
        else:
            digits = f"{frac:013x}" + "0" * (prec - 13)
    point = "." if digits or "#" in flags else ""
    body = f"{lead:x}{point}{digits}p{exp:+d}"
    prefix = sign + "0x"
    if upper:
        prefix, body = prefix.upper(), body.upper()
    return _pad(prefix, body, flags, width, True)


def _quoted(s: str) -> str:
    """``%q`` of a string: a Lua literal that reads back as the same bytes."""
    out = ['"']
    n = _len(s)
    for i, c in enumerate(s):
        if c == '"' or c == "\\" or c == "\n":
            out.append("\\" + c)
        elif c < " " or c == "\x7f":
            nxt = s[i + 1] if i + 1 < n else ""
            out.append(f"\\{ord(c):03d}" if "0" <= nxt <= "9" else f"\\{ord(c)}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _literal(v, argn: int) -> str:
    t = type(v)
    if t is str:
        return _quoted(v)
    if t is int:
        return "0x8000000000000000" if v == MININTEGER else str(v)
    if t is float:
        if v == math.inf:
            return "1e9999"
        if v == -math.inf:
            return "-1e9999"
        if v != v:
            return "(0/0)"
        return _fmt_hexfloat(v)
    if v is None or t is bool:
        return tostring(v)
    raise _argerror(argn, "format", "value has no literal form")


def _topointer(v):
    """lua_topointer: an address for collectable values, None for the rest."""
    if v is None or type(v) in (bool, int, float):
        return None
    if type(v) is str and _len(v) <= 40:  # LUAI_MAXSHORTLEN: short strings are internalized
        v = sys.intern(v)
    return id(v)


def format(fmt=NOVALUE, *args):  # noqa: A001
    fmt = _check_str(fmt, 1, "format")
    out = []
    n = _len(fmt)
    nargs = _len(args)
    argi = 0
    i = 0
    while i < n:
        j = fmt.find("%", i)
        if j < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:j])
        i = j + 1
        if i < n and fmt[i] == "%":
            out.append("%")
            i += 1
            continue
        argn = argi + 2
        if argi >= nargs:
            raise _argerror(argn, "format", "no value")
        v = args[argi]
        argi += 1
        k = i
        while k < n and fmt[k] in _FMT_SPAN:
            k += 1
        if k - i + 1 >= 22:
            raise LuaError.at_caller("invalid format (too long)")
        conv = fmt[k] if k < n else ""
        form = "%" + fmt[i:k] + conv
        i = k + 1
        if conv == "c":
            flags, width, _ = _checkformat(form, _FLAGS_C, False)
            out.append(_pad("", chr(_check_int(v, argn, "format") & 0xFF), flags, width, False))
        elif conv in ("d", "i", "u", "o", "x", "X"):
            x = _check_int(v, argn, "format")
            allowed = _FLAGS_I if conv in "di" else _FLAGS_U if conv == "u" else _FLAGS_X
            flags, width, prec = _checkformat(form, allowed, True)
            out.append(_fmt_int(conv, x, flags, width, prec))
        elif conv == "a" or conv == "A":
            flags, width, prec = _checkformat(form, _FLAGS_F, True)
            x = _check_num(v, argn, "format")
            out.append(_fmt_hexfloat(x, flags, width, prec, conv == "A"))
        elif conv in ("f", "e", "E", "g", "G"):
            x = _check_num(v, argn, "format")
            flags, width, prec = _checkformat(form, _FLAGS_F, True)
            out.append(_fmt_float(conv, x, flags, width, prec))
        elif conv == "p":
            ptr = _topointer(v)
            flags, width, _ = _checkformat(form, _FLAGS_C, False)
            out.append(_pad("", "(null)" if ptr is None else f"0x{ptr:x}", flags, width, False))
        elif conv == "q":
            if form != "%q":
                raise LuaError.at_caller("specifier '%q' cannot have modifiers")
            out.append(_literal(v, argn))
        elif conv == "s":
            s = tostring(v)
            if form == "%s":
                out.append(s)
                continue
            if "\0" in s:
                raise _argerror(argn, "format", "string contains zeros")
            flags, width, prec = _checkformat(form, _FLAGS_C, True)
            if prec is None and _len(s) >= 100:
                out.append(s)  # Lua leaves long strings unformatted
            else:
                out.append(_pad("", s if prec is None else s[:prec], flags, width, False))
        else:
            # The message shows the specification as C prints it, up to a '\0'.
            raise LuaError.at_caller(f"invalid conversion '{form.split(chr(0))[0]}' to 'format'")
    return "".join(out)


# --- pack, unpack, packsize ----------------------------------------------------------

# Option kinds, and sizes as on x86-64 (LP64, little endian, 8-byte max alignment).
_KINT, _KUINT, _KFLOAT, _KNUMBER, _KDOUBLE, _KCHAR, _KSTRING, _KZSTR, _KPADDING, _KPADDALIGN, _KNOP = range(11)
_FIXED = {
    "b": (_KINT, 1),
    "B": (_KUINT, 1),
    "h": (_KINT, 2),
    "H": (_KUINT, 2),
    "l": (_KINT, 8),
    "L": (_KUINT, 8),
    "j": (_KINT, 8),
    "J": (_KUINT, 8),
    "T": (_KUINT, 8),
    "f": (_KFLOAT, 4),
    "n": (_KNUMBER, 8),
    "d": (_KDOUBLE, 8),
}
_MAXINTSIZE = 16


class _Header:
    """A format string being read, with its endianness and maximum alignment."""

    __slots__ = ("fmt", "pos", "little", "maxalign", "fname")

    def __init__(self, fmt: str, fname: str):
        # Lua reads the format as a C string.
        self.fmt = fmt.split("\0", 1)[0]
        self.pos = 0
        self.little = True
        self.maxalign = 1
        self.fname = fname

    def more(self) -> bool:
        return self.pos < _len(self.fmt)

    def getnum(self, default: int) -> int:
        fmt, i = self.fmt, self.pos
        if i >= _len(fmt) or not "0" <= fmt[i] <= "9":
            return default
        a = 0
        while True:
            a = a * 10 + ord(fmt[i]) - 48
            i += 1
            if not (i < _len(fmt) and "0" <= fmt[i] <= "9" and a <= (_INT_MAX - 9) // 10):
                break
        self.pos = i
        return a

    def getnumlimit(self, default: int) -> int:
        size = self.getnum(default)
        if size > _MAXINTSIZE or size <= 0:
            raise LuaError.at_caller(f"integral size ({size}) out of limits [1,{_MAXINTSIZE}]")
        return size

    def option(self):
        """(kind, size) of the next option."""
        opt = self.fmt[self.pos]
        self.pos += 1
        r = _FIXED.get(opt)
        if r is not None:
            return r
        if opt == "i" or opt == "I":
            return (_KINT if opt == "i" else _KUINT), self.getnumlimit(4)
        if opt == "s":
            return _KSTRING, self.getnumlimit(8)
        if opt == "c":
            size = self.getnum(-1)
            if size == -1:
                raise LuaError.at_caller("missing size for format option 'c'")
            return _KCHAR, size
        if opt == "z":
            return _KZSTR, 0
        if opt == "x":
            return _KPADDING, 1
        if opt == "X":
            return _KPADDALIGN, 0
        if opt == "<" or opt == "=":
            self.little = True
        elif opt == ">":
            self.little = False
        elif opt == "!":
            self.maxalign = self.getnumlimit(8)
        elif opt != " ":
            raise LuaError.at_caller(f"invalid format option '{opt}'")
        return _KNOP, 0

    def details(self, totalsize: int):
        """(kind, size, padding needed before it) of the next option."""
        kind, size = self.option()
        align = size
        if kind == _KPADDALIGN:
            if not self.more():
                raise _argerror(1, self.fname, "invalid next option for option 'X'")
            nkind, align = self.option()
            if nkind == _KCHAR or align == 0:
                raise _argerror(1, self.fname, "invalid next option for option 'X'")
        if align <= 1 or kind == _KCHAR:
            return kind, size, 0
        align = min(align, self.maxalign)
        if align & (align - 1):
            raise _argerror(1, self.fname, "format asks for alignment not power of 2")
        return kind, size, (align - (totalsize & (align - 1))) & (align - 1)


def _packint(n: int, little: bool, size: int, negative: bool) -> str:
    u = n & _MASK64
    if size <= 8:
        b = (u & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
    else:
        b = u.to_bytes(8, "little") + (b"\xff" if negative else b"\0") * (size - 8)
    return (b if little else b[::-1]).decode("latin-1")


def _unpackint(data: str, pos: int, little: bool, size: int, signed: bool) -> int:
    b = data[pos : pos + size].encode("latin-1")
    if not little:
        b = b[::-1]
    res = int.from_bytes(b[:8], "little")
    if size < 8:
        if signed:
            mask = 1 << (size * 8 - 1)
            res = (res ^ mask) - mask
    elif size > 8:
        fill = 0xFF if signed and res >= 2**63 else 0
        if any(x != fill for x in b[8:]):
            raise LuaError.at_caller(f"{size}-byte integer does not fit into Lua Integer")
    return wrap(res)


def _packfloat(x: float, code: str) -> bytes:
    try:
        return struct.pack(code, x)
    except OverflowError:  # C's double-to-float conversion gives inf
        return struct.pack(code, math.copysign(math.inf, x))


def pack(fmt=NOVALUE, *args):
    h = _Header(_check_str(fmt, 1, "pack"), "pack")
    out = []
    total = 0
    arg = 1
    nargs = _len(args)
    while h.more():
        kind, size, ntoalign = h.details(total)
        total += ntoalign + size
        if ntoalign:
            out.append("\0" * ntoalign)
        arg += 1
        # Lua pushes a nil after the arguments: the first missing one is nil.
        v = args[arg - 2] if arg - 2 < nargs else None
        if kind == _KINT:
            n = _check_int(v, arg, "pack")
            if size < 8:
                lim = 1 << (size * 8 - 1)
                if not -lim <= n < lim:
                    raise _argerror(arg, "pack", "integer overflow")
            out.append(_packint(n, h.little, size, n < 0))
        elif kind == _KUINT:
            n = _check_int(v, arg, "pack")
            if size < 8 and (n & _MASK64) >= 1 << (size * 8):
                raise _argerror(arg, "pack", "unsigned overflow")
            out.append(_packint(n, h.little, size, False))
        elif kind == _KFLOAT or kind == _KNUMBER or kind == _KDOUBLE:
            x = _check_num(v, arg, "pack")
            code = ("<" if h.little else ">") + ("f" if kind == _KFLOAT else "d")
            out.append(_packfloat(x, code).decode("latin-1"))
        elif kind == _KCHAR:
            s = _check_str(v, arg, "pack")
            if _len(s) > size:
                raise _argerror(arg, "pack", "string longer than given size")
            out.append(s + "\0" * (size - _len(s)))
        elif kind == _KSTRING:
            s = _check_str(v, arg, "pack")
            if size < 8 and _len(s) >= 1 << (size * 8):
                raise _argerror(arg, "pack", "string length does not fit in given size")
            out.append(_packint(_len(s), h.little, size, False))
            out.append(s)
            total += _len(s)
        elif kind == _KZSTR:
            s = _check_str(v, arg, "pack")
            if "\0" in s:
                raise _argerror(arg, "pack", "string contains zeros")
            out.append(s + "\0")
            total += _len(s) + 1
        else:
            if kind == _KPADDING:
                out.append("\0")
            arg -= 1
    return "".join(out)


def packsize(fmt=NOVALUE, *_):
    h = _Header(_check_str(fmt, 1, "packsize"), "packsize")
    total = 0
    while h.more():
        kind, size, ntoalign = h.details(total)
        if kind == _KSTRING or kind == _KZSTR:
            raise _argerror(1, "packsize", "variable-length format")
        size += ntoalign
        if total > _INT_MAX - size:
            raise _argerror(1, "packsize", "format result too large")
        total += size
    return total


def unpack(fmt=NOVALUE, s=NOVALUE, init=None, *_):
    h = _Header(_check_str(fmt, 1, "unpack"), "unpack")
    data = _check_str(s, 2, "unpack")
    ld = _len(data)
    pos = _posrelat(_opt_int(init, 3, "unpack", 1), ld) - 1
    if pos > ld:
        raise _argerror(3, "unpack", "initial position out of string")
    out = []
    while h.more():
        kind, size, ntoalign = h.details(pos)
        if ntoalign + size > ld - pos:
            raise _argerror(2, "unpack", "data string too short")
        pos += ntoalign
        if kind == _KINT or kind == _KUINT:
            out.append(_unpackint(data, pos, h.little, size, kind == _KINT))
        elif kind == _KFLOAT or kind == _KNUMBER or kind == _KDOUBLE:
            code = ("<" if h.little else ">") + ("f" if kind == _KFLOAT else "d")
            out.append(struct.unpack(code, data[pos : pos + size].encode("latin-1"))[0])
        elif kind == _KCHAR:
            out.append(data[pos : pos + size])
        elif kind == _KSTRING:
            ln = _unpackint(data, pos, h.little, size, False) & _MASK64
            if ln > ld - pos - size:
                raise _argerror(2, "unpack", "data string too short")
            out.append(data[pos + size : pos + size + ln])
            pos += ln
        elif kind == _KZSTR:
            end = data.find("\0", pos)
            if end < 0:
                raise _argerror(2, "unpack", "unfinished string for format 'z'")
            out.append(data[pos:end])
            pos = end + 1
        pos += size
    out.append(pos + 1)
    return tuple(out)


# --- the library -------------------------------------------------------------------

_NAMES = "byte char dump find format gmatch gsub len lower match pack packsize rep reverse sub unpack upper"
STRING = Table.of((), {name: globals()[name] for name in _NAMES.split()})
STRING_META = Table.of((), {"__index": STRING})
LIB = STRING
